"""The emotion curve along the journey, with the measured NPS beside it where a survey exists.

The feelings on a map are the team's judgement, not a measurement, so they get no error band
of their own. What the data can honestly add is the survey's NPS with its 95% interval, drawn
on a second axis (-100..+100 against -2..+2, zero at neutral): where the two disagree, the
map's assumption is worth checking. The caption says exactly this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cjo_desktop.charts import style
from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Journey, Snapshot
from cjo_desktop.domain.metrics import NPS

TITLE = "Emotion curve"


@dataclass(frozen=True, slots=True)
class CurveData:
    """Per touchpoint in journey order: name, stage, the team's valence (None: no feeling),
    the personas' valences and the measured NPS (value, low, high, n) where there is one."""

    ids: list[str]
    names: list[str]
    stages: list[str]
    valence: list[float | None]
    personas: list[list[float]]
    nps: list[tuple[float, float, float, int] | None]


def curve_data(
    journey: Journey,
    snapshot: Snapshot | None = None,
    order: Sequence[str] | None = None,
    min_n: int = 30,
) -> CurveData:
    """The numbers the chart draws; ``order`` is the touchpoints' order on the map (default:
    the journey's own order)."""
    ids = list(order) if order is not None else [t.id for t in journey.touchpoints()]
    names, stages, valence, personas = [], [], [], []
    nps: list[tuple[float, float, float, int] | None] = []
    for tp_id in ids:
        tp = journey.touchpoint(tp_id)
        names.append(tp.name)
        stages.append(journey.stage(tp.stage_id).name)
        emotions = journey.emotions(tp_id)
        general = [e.valence for e in emotions if e.persona_id is None]
        valence.append(sum(general) / len(general) if general else None)
        personas.append([float(e.valence) for e in emotions if e.persona_id is not None])
        v = snapshot.value(tp_id, NPS) if snapshot else None
        ok = v is not None and v.value is not None and v.n is not None and v.n >= min_n
        if ok and v is not None and v.ci_low is not None and v.ci_high is not None:
            assert v.value is not None and v.n is not None
            nps.append((v.value, v.ci_low, v.ci_high, v.n))
        else:
            nps.append(None)
    return CurveData(ids, names, stages, valence, personas, nps)


def _stage_spans(stages: list[str]) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    for i, name in enumerate(stages):
        if spans and spans[-1][0] == name and spans[-1][2] == i - 1:
            spans[-1] = (name, spans[-1][1], i)
        else:
            spans.append((name, i, i))
    return spans


def _runs(values: list[object]) -> list[list[int]]:
    """Indices of consecutive non-None values."""
    runs: list[list[int]] = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def stage_bands(back: Axes, ax: Axes, stages: list[str], width_in: float = 10.2) -> None:
    """Alternating stage columns on the back axes, stage names above the front one, each
    cut to its band (the axes are ``width_in`` inches wide)."""
    n = len(stages)
    for k, (name, first, last) in enumerate(_stage_spans(stages)):
        back.axvspan(first - 0.5, last + 0.5, color=style.LANE_FILL[k % 2], zorder=0, lw=0)
        if k:
            back.axvline(first - 0.5, color=style.GRID, lw=0.8, zorder=1)
        room = max(4, int((last - first + 1) / n * width_in * 72 / (0.62 * style.SMALL_PT)))
        ax.text(
            (first + last) / 2,
            1.01,
            style.shorten(name, room),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            size=style.SMALL_PT,
            weight="bold",
            color=style.MUTED,
        )


def emotion_chart(
    journey: Journey,
    snapshot: Snapshot | None = None,
    order: Sequence[str] | None = None,
    *,
    min_n: int = 30,
    title: str = TITLE,
) -> Figure:
    """The curve of the team's feelings along the touchpoints, stage bands behind it, and
    the measured NPS with its 95% interval on the right axis where ``snapshot`` has one."""
    data = curve_data(journey, snapshot, order, min_n)
    has_nps = any(x is not None for x in data.nps)
    label = f"snapshot “{snapshot.label}”" if snapshot else "no snapshot"
    if has_nps:
        caption = (
            "The solid line is the feeling the team assigned at each touchpoint (-2 frustrated "
            "… +2 delighted; the mean where there are several); diamonds are feelings assigned "
            f"to personas. The dashed line is the measured NPS ({label}) on the right axis, "
            "-100…+100 drawn so that 0 lines up with neutral; the shaded band is its 95% "
            f"interval. NPS is not a measure of feelings: the band shows how sure the survey is, "
            f"not how sure the team is. Touchpoints with fewer than {min_n} NPS answers have no "
            "NPS point."
        )
    else:
        caption = (
            "The line is the feeling the team assigned at each touchpoint (-2 frustrated … +2 "
            "delighted); diamonds are feelings assigned to personas. There is no uncertainty "
            f"band: {label} has no NPS with enough answers, and the feelings themselves are a "
            "judgement, not a measurement."
        )
    fig = style.new_page(title, caption, subtitle=journey.title)
    ax = fig.add_subplot()
    n = len(data.ids)
    if n == 0:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "The map has no touchpoints.", ha="center", color=style.MUTED)
        return fig
    ax.axhline(0, color=style.GRID, lw=0.8, zorder=1)
    xs = range(n)
    if has_nps:
        right = ax.twinx()
        right.set_ylim(-120, 120)
        right.set_yticks([-100, -50, 0, 50, 100])
        right.set_ylabel("NPS (measured)", color=style.OKABE_ITO["sky"])
        right.spines["right"].set_visible(True)
        for run in _runs(list(data.nps)):
            points = [data.nps[i] for i in run]
            lows = [p[1] for p in points if p]
            highs = [p[2] for p in points if p]
            values = [p[0] for p in points if p]
            if len(run) == 1:
                right.errorbar(
                    run,
                    values,
                    yerr=[[values[0] - lows[0]], [highs[0] - values[0]]],
                    color=style.OKABE_ITO["sky"],
                    alpha=0.5,
                    lw=4,
                    capsize=0,
                )
            right.fill_between(run, lows, highs, color=style.OKABE_ITO["sky"], alpha=0.22, lw=0)
            right.plot(
                run,
                values,
                color=style.OKABE_ITO["sky"],
                ls="--",
                lw=1.4,
                marker="s",
                ms=3.5,
                gid="nps",
            )
        ax.set_zorder(right.get_zorder() + 1)  # the team's curve on top of the band
        ax.patch.set_visible(False)
    stage_bands(right if has_nps else ax, ax, data.stages)
    known = [(i, v) for i, v in enumerate(data.valence) if v is not None]
    # like the map's curve: touchpoints without a feeling are skipped, not a break
    ax.plot(
        [i for i, _ in known], [v for _, v in known], color=style.INK, lw=2, zorder=3, gid="valence"
    )
    for i, v in enumerate(data.valence):
        if v is not None:
            colour = style.VALENCE_COLOURS[max(-2, min(2, round(v)))]
            ax.plot([i], [v], marker="o", ms=8, color=colour, mec=style.ON_FILL, mew=1.2, zorder=4)
    for i, values in enumerate(data.personas):
        if values:
            ax.plot(
                [i] * len(values),
                values,
                ls="none",
                marker="D",
                ms=4.5,
                mfc="none",
                mec=style.MUTED,
                mew=1,
                zorder=3,
                gid="persona",
            )
    valence_axis(ax, n)
    ax.set_ylabel("Feeling (valence)")
    size = max(5.5, min(style.SMALL_PT, 9.5 - n / 12))
    width = 30 if n <= 30 else 22
    ax.set_xticks(list(xs))
    ax.set_xticklabels(
        [style.shorten(x, width) for x in data.names],
        rotation=40,
        ha="right",
        rotation_mode="anchor",
        size=size,
    )
    ax.tick_params(axis="x", length=0, pad=4)
    handles: list[Artist] = [
        Line2D(
            [],
            [],
            color=style.INK,
            lw=2,
            marker="o",
            mfc=style.VALENCE_COLOURS[0],
            mec=style.ON_FILL,
            label="feeling the team assigned",
        ),
        Line2D(
            [], [], ls="none", marker="D", mfc="none", mec=style.MUTED, label="feeling of a persona"
        ),
    ]
    if has_nps:
        handles += [
            Line2D(
                [],
                [],
                color=style.OKABE_ITO["sky"],
                ls="--",
                marker="s",
                ms=3.5,
                label="measured NPS (right axis)",
            ),
            Patch(color=style.OKABE_ITO["sky"], alpha=0.22, label="95% interval of the NPS"),
        ]
    style.legend_above(ax, handles)
    return fig


def valence_axis(ax: Axes, n: int) -> None:
    """The feeling axis (-2 frustrated .. +2 delighted in words) over ``n`` touchpoints."""
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(-2.6, 2.6)
    ax.set_yticks(range(-2, 3))
    ax.set_yticklabels(
        [f"{DEFAULT_EMOTION_LABELS[v]} {v:+d}" if v else "neutral 0" for v in range(-2, 3)]
    )
