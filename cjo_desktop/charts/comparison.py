"""Baseline against latest: per touchpoint, an arrow from the old value to the new one.

Blue when the change is for the better and vermillion when for the worse, each metric read in
its own direction (a lower CES is better); grey where nobody recorded which way is better. A
solid arrow means the two 95% intervals do not overlap (a clear change); a faded one that they
overlap, so the change may be noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from cjo_desktop.charts import style
from cjo_desktop.domain import Journey, MetricValue, Snapshot
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_TOP2, NPS, higher_is_better, metric_name

COMPARED = (NPS, CSAT_TOP2, CES_MEAN)
TITLE = "Baseline against latest"


@dataclass(frozen=True, slots=True)
class Change:
    touchpoint_id: str
    name: str
    before: float
    after: float
    better: bool | None  # None: no change, or the direction is unknown
    clear: bool  # the 95% intervals do not overlap


def _clear(a: MetricValue, b: MetricValue) -> bool:
    if None in (a.ci_low, a.ci_high, b.ci_low, b.ci_high):
        return False
    assert a.ci_low is not None and a.ci_high is not None
    assert b.ci_low is not None and b.ci_high is not None
    return a.ci_high < b.ci_low or b.ci_high < a.ci_low


def changes(journey: Journey, baseline: Snapshot, latest: Snapshot, metric: str) -> list[Change]:
    """Touchpoints (journey order) with ``metric`` in both snapshots, and how it moved."""
    out = []
    for tp in journey.touchpoints():
        a, b = baseline.value(tp.id, metric), latest.value(tp.id, metric)
        if a is None or b is None or a.value is None or b.value is None:
            continue
        up = higher_is_better(metric, b)
        if up is None or higher_is_better(metric, a) != up or a.value == b.value:
            better = None
        else:
            better = (b.value > a.value) == up
        out.append(Change(tp.id, tp.name, a.value, b.value, better, _clear(a, b)))
    return out


def colour(change: Change) -> str:
    if change.better is None:
        return style.UNCHANGED
    return style.BETTER if change.better else style.WORSE


def comparison_chart(
    journey: Journey,
    baseline: Snapshot,
    latest: Snapshot,
    metrics: Sequence[str] = COMPARED,
    *,
    title: str = TITLE,
) -> Figure:
    """One panel per metric found in both snapshots; rows are touchpoints in journey order."""
    per = {m: changes(journey, baseline, latest, m) for m in metrics}
    per = {m: rows for m, rows in per.items() if rows}
    caption = (
        f"Each arrow runs from the baseline (“{baseline.label}”, hollow) to the latest "
        f"(“{latest.label}”, filled). Blue: better, vermillion: worse, each metric in its own "
        "direction (higher NPS and CSAT are better, lower CES is better); grey: unchanged or "
        "direction unknown. Solid: the two 95% intervals do not overlap, a clear change; "
        "faded: they overlap, so the change may be noise. Right of each panel: the change."
    )
    fig = style.new_page(title, caption, subtitle=journey.title)
    if not per:
        style.message_axes(fig, "The two snapshots share no NPS, CSAT or CES values.")
        return fig
    place = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    shown = sorted({c.touchpoint_id for rows in per.values() for c in rows}, key=place.__getitem__)
    row = {tp: i for i, tp in enumerate(shown)}
    handles = [
        Line2D([], [], color=style.BETTER, marker=">", label="better"),
        Line2D([], [], color=style.WORSE, marker=">", label="worse"),
        Line2D([], [], color=style.UNCHANGED, marker=">", label="unchanged or direction unknown"),
        Line2D([], [], color=style.INK, alpha=0.45, label="faded: intervals overlap"),
    ]
    axes = style.panels_with_legend(fig, len(per), handles)
    size = max(5.5, min(style.SMALL_PT, 12 - len(shown) / 6))
    for ax, (metric, rows) in zip(axes, per.items(), strict=True):
        for y in range(len(shown)):
            if y % 2:
                ax.axhspan(y - 0.5, y + 0.5, color=style.LANE_FILL[1], lw=0, zorder=0)
        for c in rows:
            y = row[c.touchpoint_id]
            tint = colour(c)
            alpha = 1.0 if c.clear else 0.45
            ax.annotate(
                "",
                xy=(c.after, y),
                xytext=(c.before, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": tint,
                    "lw": 1.6,
                    "alpha": alpha,
                    "shrinkA": 0,
                    "shrinkB": 0,
                    "mutation_scale": 9,
                },
                gid=f"{metric}:{c.touchpoint_id}",
                zorder=3,
            )
            ax.plot(
                [c.before],
                [y],
                marker="o",
                ms=4.5,
                mfc=style.ON_FILL,
                mec=tint,
                alpha=alpha,
                zorder=4,
            )
            ax.plot([c.after], [y], marker="o", ms=4.5, color=tint, alpha=alpha, zorder=4)
            delta = c.after - c.before
            digits = 0 if metric in (NPS, CSAT_TOP2) else 2
            shown_tint = style.UNCHANGED if round(delta, digits) == 0 else tint
            ax.text(
                1.02,
                y,
                "±0" if round(delta, digits) == 0 else f"{delta:+.{digits}f}",
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                size=size,
                color=shown_tint,
            )
        values = [v for c in rows for v in (c.before, c.after)]
        lo, hi = min(values), max(values)
        pad = max(hi - lo, 1e-9) * 0.08
        ax.set_xlim(lo - pad, hi + pad)
        if metric == NPS and lo < 0 < hi:
            ax.axvline(0, color=style.GRID, lw=0.8)
        ax.set_title(metric_name(metric).with_unit, size=9)
        ax.grid(axis="x")
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        if ax is not axes[0]:
            ax.tick_params(axis="y", labelleft=False)
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    axes[0].set_yticks(range(len(shown)))
    axes[0].set_yticklabels([style.shorten(names[t], 28) for t in shown], size=size)
    axes[0].set_ylim(len(shown) - 0.5, -0.5)
    return fig
