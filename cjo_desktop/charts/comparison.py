"""Baseline against latest: per touchpoint, an arrow from the old value to the new one.

Only a significant change is coloured: blue when for the better, vermillion when for the worse,
each metric read in its own direction (a lower CES is better). Every other arrow is grey: the
change is inside the noise ("no significant change") or could not be tested. A change is
significant when its Benjamini-Hochberg q-value, over every value the two snapshots share, is
below 0.05 (:func:`cjo_desktop.analysis.changes.compare_snapshots`, as the CLI and the Metrics
panel judge it). A light band on each row is the 95% interval of the change, laid from the
baseline value: where the latest value might lie if only the change's uncertainty counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cjo_desktop.analysis.changes import (
    BETTER,
    NO_CHANGE,
    NOT_TESTABLE,
    WORSE,
    compare_snapshots,
)
from cjo_desktop.analysis.changes import Change as Judged
from cjo_desktop.charts import style
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_TOP2, NPS, metric_name

COMPARED = (NPS, CSAT_TOP2, CES_MEAN)
TITLE = "Baseline against latest"
#: Where a band may reach: a share stays within 0-100%, an NPS within -100..100.
_LIMITS = {NPS: (-100.0, 100.0), CSAT_TOP2: (0.0, 100.0)}


@dataclass(frozen=True, slots=True)
class Change:
    touchpoint_id: str
    name: str
    before: float
    after: float
    judged: Judged

    @property
    def better(self) -> bool | None:
        """True better, False worse; None when not significant, untested or undirected."""
        return self.judged.better

    @property
    def significant(self) -> bool:
        return self.judged.significant


def changes(
    journey: Journey,
    baseline: Snapshot,
    latest: Snapshot,
    metric: str,
    judged: dict[tuple[str, str], Judged] | None = None,
) -> list[Change]:
    """Touchpoints (journey order) with ``metric`` in both snapshots, and how it moved.
    ``judged``: the whole comparison, when the caller has it already."""
    if judged is None:
        judged = compare_snapshots(baseline, latest, [tp.id for tp in journey.touchpoints()])
    out = []
    for tp in journey.touchpoints():
        a, b = baseline.value(tp.id, metric), latest.value(tp.id, metric)
        verdict = judged.get((tp.id, metric))
        if a is None or b is None or a.value is None or b.value is None or verdict is None:
            continue
        out.append(Change(tp.id, tp.name, a.value, b.value, verdict))
    return out


def colour(change: Change) -> str:
    if change.better is None:
        return style.UNCHANGED
    return style.BETTER if change.better else style.WORSE


def _band(metric: str, change: Change) -> tuple[float, float] | None:
    j = change.judged
    if j.ci_low is None or j.ci_high is None:
        return None
    low, high = change.before + j.ci_low, change.before + j.ci_high
    bounds = _LIMITS.get(metric)
    if bounds:
        low, high = max(low, bounds[0]), min(high, bounds[1])
    return low, high


def comparison_chart(
    journey: Journey,
    baseline: Snapshot,
    latest: Snapshot,
    metrics: Sequence[str] = COMPARED,
    *,
    title: str = TITLE,
) -> Figure:
    """One panel per metric found in both snapshots; rows are touchpoints in journey order."""
    judged = compare_snapshots(baseline, latest, [tp.id for tp in journey.touchpoints()])
    per = {m: changes(journey, baseline, latest, m, judged) for m in metrics}
    per = {m: rows for m, rows in per.items() if rows}
    fig = style.new_page(title, _caption(baseline, latest, judged), subtitle=journey.title)
    if not per:
        style.message_axes(fig, "The two snapshots share no NPS, CSAT or CES values.")
        return fig
    place = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    shown = sorted({c.touchpoint_id for rows in per.values() for c in rows}, key=place.__getitem__)
    row = {tp: i for i, tp in enumerate(shown)}
    handles = [
        Line2D([], [], color=style.BETTER, marker=">", label="significantly better"),
        Line2D([], [], color=style.WORSE, marker=">", label="significantly worse"),
        Line2D([], [], color=style.UNCHANGED, marker=">", label="no significant change"),
        Patch(color=style.UNCHANGED, alpha=_BAND_ALPHA, label="95% interval of the change"),
    ]
    axes = style.panels_with_legend(fig, len(per), handles)
    size = max(5.5, min(style.SMALL_PT, 12 - len(shown) / 6))
    for ax, (metric, rows) in zip(axes, per.items(), strict=True):
        for y in range(len(shown)):
            if y % 2:
                ax.axhspan(y - 0.5, y + 0.5, color=style.LANE_FILL[1], lw=0, zorder=0)
        ends = []
        for c in rows:
            ends += _draw_row(ax, metric, c, row[c.touchpoint_id], size)
        lo, hi = min(ends), max(ends)
        pad = max(hi - lo, 1e-9) * 0.05
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


_BAND_ALPHA = 0.3


def _caption(baseline: Snapshot, latest: Snapshot, judged: dict[tuple[str, str], Judged]) -> str:
    """What the page shows, and how many of the compared values changed beyond the noise."""
    better = sum(1 for j in judged.values() if j.verdict == BETTER)
    worse = sum(1 for j in judged.values() if j.verdict == WORSE)
    untested = sum(1 for j in judged.values() if j.verdict == NOT_TESTABLE)
    counts = (
        f"Of the {len(judged)} values the two snapshots share, {better} changed significantly "
        f"for the better and {worse} for the worse"
        + (
            f"; {untested} could not be tested (too few answers or counts not kept)"
            if untested
            else ""
        )
        + "."
    )
    return (
        f"Each arrow runs from the baseline (“{baseline.label}”, hollow) to the latest "
        f"(“{latest.label}”, filled); the band is the 95% interval of the change, laid from the "
        "baseline. Coloured only where the change is significant: its q-value (the p-value "
        "corrected for testing every shared value at once, Benjamini-Hochberg) is below 0.05; "
        "blue better, vermillion worse, each metric in its own direction (lower CES is better). "
        f"Grey: no significant change. {counts} Right of each panel: the change."
        + _planning(judged)
    )


def _planning(judged: dict[tuple[str, str], Judged]) -> str:
    """For the changes that are not significant: the answers per touchpoint a next survey
    would need to detect a change of the planned size (their median and range)."""
    sizes = {NPS: "10 points", CSAT_TOP2: "10 percentage points", CES_MEAN: "0.3"}
    parts = []
    for metric, words in sizes.items():
        needed = sorted(
            j.n_needed
            for (_, m), j in judged.items()
            if m == metric and j.verdict == NO_CHANGE and j.n_needed is not None
        )
        if needed:
            middle = needed[len(needed) // 2]
            span = f" ({needed[0]:,} to {needed[-1]:,})" if needed[0] != needed[-1] else ""
            parts.append(f"{metric_name(metric).label} by {words}, {middle:,}{span}")
    if not parts:
        return ""
    return (
        " Where grey, a change of this size would show with 80% power at about this many "
        "answers per touchpoint in each survey (median, range): " + "; ".join(parts) + "."
    )


def _draw_row(ax: Axes, metric: str, c: Change, y: int, size: float) -> list[float]:
    """One touchpoint's band, arrow and change; returns the x values it reaches."""
    tint = colour(c)
    strong = c.significant
    band = _band(metric, c)
    if band is not None:
        ax.barh(
            y,
            band[1] - band[0],
            left=band[0],
            height=0.55,
            color=style.UNCHANGED,
            alpha=_BAND_ALPHA,
            lw=0,
            zorder=2,
        )
    alpha = 1.0 if strong else 0.6
    ax.annotate(
        "",
        xy=(c.after, y),
        xytext=(c.before, y),
        arrowprops={
            "arrowstyle": "-|>",
            "color": tint,
            "lw": 1.6 if strong else 1.1,
            "alpha": alpha,
            "shrinkA": 0,
            "shrinkB": 0,
            "mutation_scale": 9,
        },
        gid=f"{metric}:{c.touchpoint_id}",
        zorder=3,
    )
    ax.plot([c.before], [y], marker="o", ms=4.5, mfc=style.ON_FILL, mec=tint, alpha=alpha, zorder=4)
    ax.plot([c.after], [y], marker="o", ms=4.5, color=tint, alpha=alpha, zorder=4)
    delta = c.after - c.before
    digits = 0 if metric in (NPS, CSAT_TOP2) else 2
    ax.text(
        1.02,
        y,
        "±0"
        if round(delta, digits) == 0
        else f"{delta:+.{digits}f}".replace("-", "\N{MINUS SIGN}"),
        transform=ax.get_yaxis_transform(),
        ha="left",
        va="center",
        size=size,
        color=tint if strong else style.MUTED,
        weight="bold" if strong else "normal",
    )
    return [c.before, c.after, *(band or ())]
