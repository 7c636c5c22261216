"""Survey metrics per stage, pooled from the counts behind each touchpoint's value.

A stage's NPS is not the average of its touchpoints' NPS: it is computed again from the summed
promoters, passives and detractors, CSAT top-2-box from the summed top-2 counts and n, and the
means from the summed totals and spreads, all through
:class:`cjo_desktop.analysis.survey.ScoreAccumulator`, so a stage is weighted by its responses
and its interval is the interval of the pooled answers.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.analysis.survey import ScoreAccumulator
from cjo_desktop.charts import style
from cjo_desktop.domain import Journey, MetricValue, Snapshot
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CSAT_MEAN,
    CSAT_TOP2,
    HIGHER_IS_BETTER,
    NPS,
    higher_is_better,
    metric_name,
)

STAGE_METRICS = (NPS, CSAT_TOP2, CSAT_MEAN, CES_MEAN)
TITLE = "Metrics by stage"


def _pool(metric: str, values: list[MetricValue]) -> MetricValue | None:
    """One value from the counts of ``values`` (all of one metric); None when they cannot be
    pooled: counts missing, or scales running in different directions."""
    usable = [v for v in values if v.value is not None and v.n]
    if not usable:
        return None
    if metric == NPS:
        acc: ScoreAccumulator[int] = ScoreAccumulator.nps()
        for v in usable:
            counts = [v.detail.get(k) for k in ("promoters", "passives", "detractors")]
            if any(c is None for c in counts):
                return None
            pro, pas, det = (int(c or 0) for c in counts)
            assert v.value is not None
            acc.add_summary(
                0, pro + pas + det, 0.0, 0.0, promoters=pro, passives=pas, detractors=det
            )
        return acc.nps_value(0)
    directions = {higher_is_better(metric, v) for v in usable}
    if len(directions) > 1:
        return None
    acc = ScoreAccumulator(Scale(1, 5, "high"))  # sums only: the scale is not consulted
    for v in usable:
        n = int(v.n or 0)
        mean = float(v.value or 0.0)
        if metric == CSAT_TOP2:
            if "top2" not in v.detail:
                return None
            acc.add_summary(0, n, 0.0, 0.0, top2=int(v.detail["top2"]))
        else:
            sd = v.detail.get("sd")
            if sd is None and n >= 2:
                return None
            squares = (n - 1) * (sd or 0.0) ** 2 + n * mean * mean
            acc.add_summary(0, n, mean * n, squares)
    pooled = acc.top2_value(0) if metric == CSAT_TOP2 else acc.mean_value(0)
    direction = directions.pop()
    if pooled is not None and direction is not None:
        detail = {**pooled.detail, HIGHER_IS_BETTER: float(direction)}
        pooled = MetricValue(pooled.value, pooled.n, pooled.ci_low, pooled.ci_high, detail)
    return pooled


def stage_values(
    journey: Journey, snapshot: Snapshot | None, metrics: tuple[str, ...] = STAGE_METRICS
) -> dict[str, dict[str, MetricValue]]:
    """Stage id -> metric -> the value pooled over the stage's touchpoints (stages and
    metrics without data are left out)."""
    out: dict[str, dict[str, MetricValue]] = {}
    if snapshot is None:
        return out
    for stage in journey.stages():
        per: dict[str, MetricValue] = {}
        for metric in metrics:
            found = [
                v
                for tp in journey.touchpoints(stage.id)
                if (v := snapshot.value(tp.id, metric)) is not None
            ]
            pooled = _pool(metric, found)
            if pooled is not None and pooled.value is not None:
                per[metric] = pooled
        if per:
            out[stage.id] = per
    return out


def _direction_words(metric: str, values: list[MetricValue]) -> str:
    sides = {higher_is_better(metric, v) for v in values}
    if sides == {True}:
        return "higher is better"
    if sides == {False}:
        return "lower is better"
    return "direction not recorded"


def stage_chart(journey: Journey, snapshot: Snapshot | None, *, title: str = TITLE) -> Figure:
    """One panel per metric, stages top to bottom: the pooled value, its 95% interval, n."""
    values = stage_values(journey, snapshot)
    metrics = [m for m in STAGE_METRICS if any(m in per for per in values.values())]
    label = f"snapshot “{snapshot.label}”" if snapshot else "no snapshot"
    caption = (
        "Each stage pools the survey answers of its touchpoints: NPS from the summed promoter, "
        "passive and detractor counts, CSAT top-2-box from the summed top-2 counts, means from "
        "the summed totals and spreads, so busy touchpoints weigh by their answers (this is not "
        f"an average of percentages). Dots: the pooled value; bars: 95% interval; n: answers. "
        f"Data: {label}."
    )
    fig = style.new_page(title, caption, subtitle=journey.title)
    if not metrics:
        style.message_axes(fig, "No survey metrics with counts in the chosen data.")
        return fig
    stages = [s for s in journey.stages()]
    axes = fig.subplots(1, len(metrics), sharey=True, squeeze=False)[0]
    ys = list(range(len(stages)))
    for ax, metric in zip(axes, metrics, strict=True):
        shown = [
            (i, values[s.id][metric])
            for i, s in enumerate(stages)
            if metric in values.get(s.id, {})
        ]
        mvs = [v for _, v in shown]
        for y in ys:
            ax.axhspan(y - 0.5, y + 0.5, color=style.LANE_FILL[y % 2], lw=0, zorder=0)
        lows = [v.ci_low if v.ci_low is not None else v.value for v in mvs]
        highs = [v.ci_high if v.ci_high is not None else v.value for v in mvs]
        if metric == NPS:
            lo, hi = -100.0, 100.0
            ax.axvline(0, color=style.GRID, lw=0.8)
        elif metric == CSAT_TOP2:
            lo, hi = 0.0, 100.0
        else:
            lo, hi = min(x or 0.0 for x in lows), max(x or 0.0 for x in highs)
            pad = max(hi - lo, 0.5) * 0.25
            lo, hi = lo - pad, hi + pad
        for (y, v), low, high in zip(shown, lows, highs, strict=True):
            assert v.value is not None
            ax.plot(
                [low, high],
                [y, y],
                color=style.OKABE_ITO["blue"],
                lw=2.2,
                alpha=0.45,
                solid_capstyle="butt",
                zorder=2,
            )
            ax.plot(
                [v.value],
                [y],
                marker="o",
                ms=7,
                color=style.OKABE_ITO["blue"],
                zorder=3,
                gid=f"{metric}:{stages[y].id}",
            )
            frac = (v.value - lo) / (hi - lo) if hi > lo else 0.5
            ha = "left" if frac < 0.25 else "right" if frac > 0.75 else "center"
            text = f"{v.value:.0f}" if metric in (NPS, CSAT_TOP2) else f"{v.value:.2f}"
            ax.annotate(
                f"{text}  (n {v.n:,})",
                (v.value, y),
                xytext=(0, 7),
                textcoords="offset points",
                ha=ha,
                va="bottom",
                size=style.SMALL_PT,
                color=style.INK,
                zorder=4,
            )
        ax.set_xlim(lo, hi)
        ax.set_title(
            f"{metric_name(metric).with_unit}\n{_direction_words(metric, mvs)}",
            size=9,
            loc="left",
            linespacing=1.4,
        )
        ax.grid(axis="x")
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
    axes[0].set_yticks(ys)
    axes[0].set_yticklabels([style.shorten(s.name, 24) for s in stages])
    axes[0].set_ylim(len(stages) - 0.5, -0.5)
    return fig
