"""A persona's page of the report: who they are (picture, name, description, a few numbers) and
their own feeling curve along the journey, drawn in the colour and marker shape the map gives
them, over everyone's curve in grey for comparison."""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from cjo_desktop.charts import style
from cjo_desktop.charts.emotion import stage_bands, valence_axis
from cjo_desktop.domain import Journey, Persona
from cjo_desktop.drawing.persona_curves import persona_style
from cjo_desktop.palette import UNCHANGED

#: The map's marker shapes and line patterns as matplotlib writes them.
MARKERS = {
    "square": "s",
    "triangle": "^",
    "diamond": "D",
    "triangle_down": "v",
    "pentagon": "p",
    "hexagon": "h",
}
LINES = {"solid": "-", "dashed": "--", "dotted": ":"}
#: The left column's width and the chart's, in inches (an A4 landscape page's body).
COLUMN_IN, CHART_IN = 2.9, 7.7
#: The width the left column's words may take: clear of the chart's labels beside it.
TEXT_IN = 2.6
NAME_PT = 13
#: The picture's longest side, and where the column must end above the page's caption.
PICTURE_IN = 2.0
BOTTOM_IN = 1.7


@dataclass(frozen=True, slots=True)
class PersonaCurveData:
    """Per touchpoint in map order: name, stage, everyone's valence, the persona's own (None:
    none recorded) and whether the persona uses it."""

    names: list[str]
    stages: list[str]
    everyone: list[float | None]
    mine: list[float | None]
    uses: list[bool]


def persona_data(journey: Journey, persona_id: str, order: Sequence[str]) -> PersonaCurveData:
    names, stages, everyone, mine, uses = [], [], [], [], []
    for tp_id in order:
        tp = journey.touchpoint(tp_id)
        names.append(tp.name)
        stages.append(journey.stage(tp.stage_id).name)
        emotions = journey.emotions(tp_id)
        general = [e.valence for e in emotions if e.persona_id is None]
        own = [e.valence for e in emotions if e.persona_id == persona_id]
        everyone.append(sum(general) / len(general) if general else None)
        mine.append(sum(own) / len(own) if own else None)
        uses.append(not tp.personas or persona_id in tp.personas)
    return PersonaCurveData(names, stages, everyone, mine, uses)


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def facts(data: PersonaCurveData) -> list[str]:
    """A few lines of numbers under the description."""
    n = len(data.names)
    own = sum(v is not None for v in data.mine)
    lines = [f"Feelings of its own at {own:,} of {n:,} touchpoints."]
    mine, everyone = _mean(data.mine), _mean(data.everyone)
    if mine is not None:
        line = f"Average feeling {mine:+.1f}"
        lines.append(line + (f"; everyone's {everyone:+.1f}." if everyone is not None else "."))
    others = n - sum(data.uses)
    if others:
        word = "touchpoint is" if others == 1 else "touchpoints are"
        lines.append(f"{others:,} {word} other personas' only.")
    else:
        lines.append("Uses every touchpoint.")
    return lines


def _picture(fig: Figure, picture: str, top_in: float) -> float:
    """Draw the persona's picture at the top of the left column, at most PICTURE_IN square;
    returns its height in inches (0 when there is none it can read)."""
    from matplotlib import image

    try:
        raw = base64.b64decode(picture, validate=True)
        kind = "png" if raw.startswith(b"\x89PNG") else "jpeg"  # the two a map file holds
        pixels = image.imread(io.BytesIO(raw), format=kind)
    except (binascii.Error, ValueError, OSError, SyntaxError):  # Pillow's word for bad data
        return 0.0
    rows, columns = pixels.shape[0], pixels.shape[1]
    scale = PICTURE_IN / max(rows, columns)
    width, height = columns * scale, rows * scale
    w, h = fig.get_size_inches()
    ax = fig.add_axes((style.MARGIN_IN / w, 1 - (top_in + height) / h, width / w, height / h))
    ax.set_in_layout(False)  # placed by hand: the layout engine arranges the chart only
    ax.set_axis_off()
    ax.imshow(pixels, interpolation="none", aspect="auto")  # the pixels as kept
    return float(height)


def _fit(text: str, size: float, weight: str, most: int) -> list[str]:
    """``text`` wrapped to lines that fit the column at ``size`` points, as measured in the
    page's font; at most ``most`` lines, the last ending in an ellipsis when text is left."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    if not text.strip() or most < 1:
        return []
    prop, measure = FontProperties(size=size, weight=weight), TextToPath()
    room = TEXT_IN * 72

    def fits(line: str) -> bool:
        return measure.get_text_width_height_descent(line, prop, ismath=False)[0] <= room

    chars = int(room / (0.5 * size))  # a generous guess, narrowed until every line fits
    lines = style.wrap(text, chars)
    while chars > 8 and not all(fits(line) for line in lines[: most + 1]):
        chars -= 3
        lines = style.wrap(text, chars)
    if len(lines) > most:  # the rest is in the map file; the page says it goes on
        last = lines[most - 1]
        while last and not fits(f"{last} …"):  # whole words off the end, a long one by letters
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[: most - 1], f"{last} …"]
    return lines


def _about(fig: Figure, persona: Persona, lines: list[str], bottom_in: float) -> None:
    """The left column, top down: the picture, the name, the description (cut to the room
    left, with an ellipsis) and the facts; placed in inches, so nothing can overlap."""
    w, h = fig.get_size_inches()
    x = style.MARGIN_IN / w
    y = style.HEADER_IN + 0.1  # inches from the top of the page
    if persona.picture:
        drawn = _picture(fig, persona.picture, y)
        y += drawn + (0.22 if drawn else 0)
    lines = [part for line in lines for part in _fit(line, style.SMALL_PT, "normal", 3)]
    name = _fit(persona.name, NAME_PT, "bold", 2)
    fig.text(x, 1 - y / h, "\n".join(name), size=NAME_PT, weight="bold", va="top", linespacing=1.2)
    y += len(name) * NAME_PT * 1.2 / 72 + 0.14
    facts_in = len(lines) * style.SMALL_PT * 1.45 / 72
    room = bottom_in - y - facts_in - 0.2
    most = max(0, int(room / (style.BODY_PT * 1.35 / 72)))
    wrapped = _fit(persona.description, style.BODY_PT, "normal", most)
    if wrapped:
        fig.text(x, 1 - y / h, "\n".join(wrapped), size=style.BODY_PT, va="top", linespacing=1.35)
        y += len(wrapped) * style.BODY_PT * 1.35 / 72 + 0.2
    fig.text(
        x,
        1 - y / h,
        "\n".join(lines),
        size=style.SMALL_PT,
        color=style.MUTED,
        va="top",
        linespacing=1.45,
    )


def _curve(ax: Axes, data: PersonaCurveData, index: int, name: str) -> None:
    look = persona_style(index)
    n = len(data.names)
    stage_bands(ax, ax, data.stages, CHART_IN - 1.2)
    ax.axhline(0, color=style.GRID, lw=0.8, zorder=1)
    known = [(i, v) for i, v in enumerate(data.everyone) if v is not None]
    ax.plot(
        [i for i, _ in known],
        [v for _, v in known],
        color=UNCHANGED,
        lw=1.3,
        marker="o",
        ms=4,
        zorder=2,
        gid="everyone",
    )
    mine = [(i, v) for i, v in enumerate(data.mine) if v is not None]
    ax.plot(
        [i for i, _ in mine],
        [v for _, v in mine],
        color=look.colour,
        ls=LINES[look.dash],
        lw=2.2,
        marker=MARKERS[look.marker],
        ms=7,
        mec=style.ON_FILL,
        mew=1,
        zorder=3,
        gid="persona",
    )
    valence_axis(ax, n)
    size = max(5.5, min(style.SMALL_PT, 9.5 - n / 10))
    ax.set_xticks(list(range(n)))
    labels = ax.set_xticklabels(
        [style.shorten(x, 26 if n <= 30 else 20) for x in data.names],
        rotation=40,
        ha="right",
        rotation_mode="anchor",
        size=size,
    )
    for label, used in zip(labels, data.uses, strict=True):
        if not used:
            label.set_color(style.MUTED)
            label.set_fontstyle("italic")
    ax.tick_params(axis="x", length=0, pad=4)
    handles = [
        Line2D(
            [],
            [],
            color=look.colour,
            ls=LINES[look.dash],
            lw=2.2,
            marker=MARKERS[look.marker],
            mec=style.ON_FILL,
            label=style.shorten(name, 40),
        ),
        Line2D([], [], color=UNCHANGED, lw=1.3, marker="o", ms=4, label="everyone"),
    ]
    style.legend_above(ax, list(handles))


def persona_page(
    journey: Journey, persona_id: str, order: Sequence[str], *, title: str = ""
) -> Figure:
    """One persona's page: picture and words at the left, its curve at the right."""
    persona = journey.persona(persona_id)
    index = [p.id for p in journey.personas()].index(persona_id)
    data = persona_data(journey, persona_id, order)
    caption = (
        f"The coloured line is how {style.shorten(persona.name, 60)} feels at each touchpoint "
        "where the team recorded a feeling of its own (-2 frustrated … +2 delighted), in the "
        "colour and marker the map gives this persona; the grey line is everyone's feeling, "
        "for comparison. Touchpoints named in grey italics are used by other personas only."
    )
    title = title or f"Persona: {style.shorten(persona.name, 60)}"
    fig = style.new_page(title, caption, subtitle=journey.title)
    # The chart takes the right of the page; the left column is placed by hand (_about).
    grid = fig.add_gridspec(1, 2, width_ratios=[COLUMN_IN, CHART_IN], wspace=0.08)
    _about(fig, persona, facts(data), fig.get_size_inches()[1] - BOTTOM_IN)
    chart = fig.add_subplot(grid[0, 1])
    if not data.names:
        chart.set_axis_off()
        chart.text(0.5, 0.5, "The map has no touchpoints.", ha="center", color=style.MUTED)
        return fig
    _curve(chart, data, index, persona.name)
    return fig
