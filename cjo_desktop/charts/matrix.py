"""Value by effort: where each opportunity's expected value stands against its effort.

Expected value as :mod:`cjo_desktop.analysis.opportunities` computes it for the pain-point
dock too: the opportunity's impact x its pain point's loss, in one unit for all (revenue,
else customers, else severity points), which the caption names. Points are numbered and
listed beside the chart, so labels never collide however close the points are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation, Transform

from cjo_desktop.analysis.impact import money
from cjo_desktop.analysis.opportunities import OpportunityValue, effort_words, value_text
from cjo_desktop.charts import style
from cjo_desktop.domain import Opportunity
from cjo_desktop.domain.painpoints import EFFORTS

TITLE = "Value by effort"
#: The height the numbered list may fill, in points (the chart area is about 5.5 inches).
LIST_HEIGHT_PT = 370


@dataclass(frozen=True, slots=True)
class Point:
    number: int
    opportunity: Opportunity
    touchpoint: str
    value: float


def matrix_points(
    values: Sequence[OpportunityValue],
) -> tuple[list[Point], list[Opportunity], str]:
    """Points (numbered by value, highest first), the opportunities that cannot be drawn
    (their pain point is not in the ranking) and the basis: revenue, customers or severity."""
    matched = [v for v in values if v.value is not None and v.row is not None]
    missing = [v.opportunity for v in values if v.value is None]
    basis = matched[0].unit if matched else "severity"
    valued = sorted(enumerate(matched), key=lambda t: (-(t[1].value or 0.0), t[0]))
    points = [
        Point(k, v.opportunity, v.row.touchpoint if v.row else "", v.value or 0.0)
        for k, (_, v) in enumerate(valued, 1)
    ]
    return points, missing, basis


def _unit(basis: str, currency: str, period: str) -> str:
    if basis == "revenue":
        return f"{currency} won back a {period}"
    if basis == "customers":
        return f"customers kept a {period}"
    return "severity points won back"


def _spread(points: list[Point], y_of: dict[int, float]) -> dict[int, float]:
    """x offsets inside each effort column so that no two markers overlap: a point takes the
    first offset whose neighbours in the column are far enough in height."""
    offsets: dict[int, float] = {}
    for effort in EFFORTS:
        placed: list[tuple[float, float]] = []
        for p in (p for p in points if p.opportunity.effort == effort):
            y = y_of[p.number]
            for dx in (0.0, 0.2, -0.2, 0.4, -0.4, 0.1, -0.1, 0.3, -0.3):
                if all(abs(dx - ox) > 0.15 or abs(y - oy) > 0.06 for ox, oy in placed):
                    break
            placed.append((dx, y))
            offsets[p.number] = dx
    return offsets


def matrix_chart(
    values: Sequence[OpportunityValue],
    *,
    currency: str = "€",
    period: str = "month",
    subtitle: str = "",
    title: str = TITLE,
) -> Figure:
    """Effort S/M/L across, expected value up; quadrants; numbered points and their list."""
    import math

    points, missing, basis = matrix_points(values)
    unit = _unit(basis, currency, period)
    why = {
        "revenue": "impact % x the pain point's revenue at risk",
        "customers": "impact % x the pain point's customers at risk"
        + (" (not every pain point is priced, so all are in customers)" if basis else ""),
        "severity": "impact % x the pain point's severity points (high 3, medium 2, low 1), "
        "because not every pain point has visitor counts",
    }[basis]
    heights = [p.value for p in points]
    log = bool(heights) and min(heights) > 0 and max(heights) / min(heights) > 20
    caption = (
        f"Expected value = {why}, in {unit}. Effort as the team estimated it. The dividers: "
        "small effort against medium and large, and the median expected value"
        + ("; the value axis is logarithmic" if log else "")
        + ". Points are numbered by value; the list at the right names them."
    )
    if missing:
        names = "; ".join(style.shorten(o.name, 40) for o in missing)
        caption += f" Not drawn, their pain point is not in the ranking: {names}."
    fig = style.new_page(title, caption, subtitle=subtitle)
    if not points:
        style.message_axes(fig, "No opportunity is linked to a ranked pain point.")
        return fig
    ax, side = fig.subplots(1, 2, width_ratios=[1.5, 1])
    if log:
        ax.set_yscale("log")
        top, bottom = max(heights) * 8, min(heights) / 8
        middle = math.exp(sorted(math.log(v) for v in heights)[len(heights) // 2])
        frac = {
            p.number: (math.log(p.value) - math.log(bottom)) / math.log(top / bottom)
            for p in points
        }
    else:
        # room above the highest point and below zero for the quadrant names
        top = max(heights) * 1.3 or 1.0
        bottom = -0.14 * top
        middle = sorted(heights)[len(heights) // 2]
        frac = {p.number: (p.value - bottom) / (top - bottom) for p in points}
    if len(heights) % 2 == 0 and not log:
        ordered = sorted(heights)
        middle = (ordered[len(heights) // 2 - 1] + ordered[len(heights) // 2]) / 2
    dx = _spread(points, frac)
    ax.set_ylim(bottom, top)
    ax.set_xlim(-0.65, 2.65)
    ax.axvline(0.5, color=style.GRID, lw=1)
    ax.axhline(middle, color=style.GRID, lw=1)
    corners = (
        (-0.6, 0.97, "Quick wins", "left", "top"),
        (2.6, 0.97, "Big bets", "right", "top"),
        (-0.6, 0.03, "Fill-ins", "left", "bottom"),
        (2.6, 0.03, "Money pits", "right", "bottom"),
    )
    for x, y, text, ha, va in corners:
        ax.text(
            x,
            y,
            text,
            transform=ax.get_xaxis_transform(),
            ha=ha,
            va=va,
            size=11,
            weight="bold",
            color=style.MUTED,
            alpha=0.75,
        )
    x_of = {e: i for i, e in enumerate(EFFORTS)}
    for p in points:
        x = x_of[p.opportunity.effort] + dx[p.number]
        quick = p.opportunity.effort == "S" and p.value >= middle
        ax.plot(
            [x],
            [p.value],
            marker="o",
            ms=17,
            color=style.BETTER if quick else style.UNCHANGED,
            mec=style.ON_FILL,
            mew=1.2,
            ls="none",
            zorder=3,
            gid=f"opportunity:{p.opportunity.id}",
        )
        ax.text(
            x,
            p.value,
            str(p.number),
            ha="center",
            va="center",
            size=8,
            weight="bold",
            color=style.ON_FILL,
            zorder=4,
        )
    ax.set_xticks(range(len(EFFORTS)))
    ax.set_xticklabels([effort_words(e) for e in EFFORTS])
    ax.set_xlabel("Effort")
    ax.set_ylabel(f"Expected value ({unit})")
    # no ticks below zero: the room there is only for the quadrant names
    ax.yaxis.set_major_formatter(
        lambda v, _pos: "" if v < 0 else money(currency, v) if basis == "revenue" else f"{v:,g}"
    )
    ax.yaxis.set_minor_formatter(lambda _v, _pos: "")
    if not log:
        ax.set_yticks([t for t in ax.get_yticks() if 0 <= t <= top])
        ax.set_ylim(bottom, top)
    ax.grid(axis="y", which="major")
    ax.set_axisbelow(True)
    _list(side, points, values, currency)
    return fig


def _list(
    side: Axes, points: list[Point], values: Sequence[OpportunityValue], currency: str
) -> None:
    """The numbered list: name, then touchpoint, effort, impact and value, wrapped to fit; each
    entry is placed a measured distance (in points) below the previous one."""
    side.set_axis_off()
    entries = []
    valued = {id(v.opportunity): v for v in values}
    for p in points:
        value = value_text(valued[id(p.opportunity)], currency)
        detail = (
            f"{style.shorten(p.touchpoint, 30)} · effort {p.opportunity.effort} · "
            f"impact {p.opportunity.impact}% · {value}"
        )
        entries.append((p.number, style.wrap(p.opportunity.name, 50), detail))
    lines = sum(len(name) + 1.7 for _, name, _ in entries)
    size = max(5.0, min(style.BODY_PT, LIST_HEIGHT_PT / (lines * 1.35)))
    down = 0.0  # points below the top of the axes
    for number, name, detail in entries:

        def at(dy: float) -> Transform:
            return side.transAxes + ScaledTranslation(0, -dy / 72, side.figure.dpi_scale_trans)

        side.text(
            0.0, 1.0, str(number), transform=at(down), ha="left", va="top", size=size, weight="bold"
        )
        side.text(
            0.07,
            1.0,
            "\n".join(name),
            transform=at(down),
            ha="left",
            va="top",
            size=size,
            linespacing=1.25,
        )
        down += len(name) * size * 1.35
        side.text(
            0.07,
            1.0,
            detail,
            transform=at(down),
            ha="left",
            va="top",
            size=size - 0.5,
            color=style.MUTED,
        )
        down += size * 1.7
