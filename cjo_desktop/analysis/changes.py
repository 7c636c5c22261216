"""Better, worse or no significant change: the one verdict every comparison shows.

A comparison (two snapshots, or a segment against the rest of the responses) tests every value
the two sides share (:mod:`cjo_desktop.analysis.significance`) and corrects the p-values for
testing them all at once with Benjamini-Hochberg q-values. A change is called better or worse
only when q < 0.05, in the metric's own direction (a lower CES is better); otherwise it is
"no significant change". The CLI, the Metrics panel and the report all ask :func:`compare`, so
they never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from cjo_desktop.analysis.significance import (
    KINDS,
    MEAN_KIND,
    NPS_KIND,
    Difference,
    bh_qvalues,
    difference,
    mean_sd,
)
from cjo_desktop.domain.metrics import HIGHER_IS_BETTER, MetricValue, Snapshot, higher_is_better

BETTER, WORSE = "better", "worse"
NO_CHANGE = "no significant change"
NOT_TESTABLE = "not testable"
#: A significant change of a metric whose direction nobody recorded.
CHANGED = "changed"
#: The false discovery rate a change's q-value must stay under.
Q_LEVEL = 0.05

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Change:
    """One value's change and the verdict on it. ``verdict`` is BETTER, WORSE, NO_CHANGE,
    CHANGED (significant, direction unknown) or NOT_TESTABLE (``reason`` says why)."""

    metric: str
    delta: float
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    q_value: float | None
    n_needed: int | None
    size: float | None
    verdict: str
    reason: str = ""

    @property
    def significant(self) -> bool:
        return self.verdict in (BETTER, WORSE, CHANGED)

    @property
    def better(self) -> bool | None:
        """True better, False worse, None neither (not significant, untested or no direction)."""
        return {BETTER: True, WORSE: False}.get(self.verdict)


def _direction(metric: str, before: MetricValue, after: MetricValue) -> bool | str | None:
    up = higher_is_better(metric, after)
    if up is not None and higher_is_better(metric, before) not in (None, up):
        return "the two values were read with opposite best ends of the scale"
    return up


def compare(
    pairs: Mapping[K, tuple[str, MetricValue, MetricValue]], size: float | None = None
) -> dict[K, Change]:
    """Per key: ``(metric, before, after)`` judged; keys where a value is missing are left out.
    The q-values run over every testable change of ``pairs``: one comparison, one family."""
    tested: dict[K, tuple[str, Difference, bool | None]] = {}
    untested: dict[K, Change] = {}
    for key, (metric, before, after) in pairs.items():
        diff = difference(metric, before, after, size)
        if diff is None:
            continue
        direction = _direction(metric, before, after)
        reason = diff.reason or (direction if isinstance(direction, str) else "")
        if reason:
            untested[key] = Change(
                metric, diff.delta, None, None, None, None, None, None, NOT_TESTABLE, reason
            )
        else:
            assert not isinstance(direction, str)
            tested[key] = (metric, diff, direction)
    keys = list(tested)
    q_values = bh_qvalues([tested[k][1].p_value or 0.0 for k in keys])
    out: dict[K, Change] = {}
    for key, q in zip(keys, q_values, strict=True):
        metric, d, up = tested[key]
        if q >= Q_LEVEL or d.delta == 0:
            verdict = NO_CHANGE
        elif up is None:
            verdict = CHANGED
        else:
            verdict = BETTER if (d.delta > 0) == up else WORSE
        out[key] = Change(
            metric, d.delta, d.ci_low, d.ci_high, d.p_value, q, d.n_needed, d.size, verdict
        )
    out.update(untested)
    return out


def compare_snapshots(
    before: Snapshot, after: Snapshot, touchpoints: Iterable[str] | None = None
) -> dict[tuple[str, str], Change]:
    """Every (touchpoint, metric) the two snapshots share, judged as one comparison.
    ``touchpoints``: the ids still on the map (values of deleted ones are left out)."""
    ids = set(after.values) if touchpoints is None else set(touchpoints)
    pairs: dict[tuple[str, str], tuple[str, MetricValue, MetricValue]] = {}
    for tp in sorted(ids & set(after.values) & set(before.values)):
        for metric, now in after.values[tp].items():
            old = before.values[tp].get(metric)
            if old is not None:
                pairs[(tp, metric)] = (metric, old, now)
    return compare(pairs)


# ---------------------------------------------------------------------------- a segment's rest
def rest_value(metric: str, whole: MetricValue, part: MetricValue) -> MetricValue | None:
    """The value over the responses of ``whole`` that are not in ``part`` (a segment), from
    the counts kept with both: NPS from promoter, passive and detractor counts, shares from
    their counts, means from n, mean and sd (sums of squares combined as Chan et al. do).
    None when the rest is empty or the counts needed are not kept."""
    kind = KINDS.get(metric)
    if kind is None or whole.value is None or part.value is None or not whole.n:
        return None
    n_rest = whole.n - (part.n or 0)
    if n_rest <= 0:
        return None
    way = {k: v for k, v in whole.detail.items() if k == HIGHER_IS_BETTER}
    if kind == NPS_KIND:
        keys = ("promoters", "passives", "detractors")
        if any(k not in whole.detail or k not in part.detail for k in keys):
            return None
        counts = {k: whole.detail[k] - part.detail[k] for k in keys}
        nps = 100.0 * (counts["promoters"] - counts["detractors"]) / n_rest
        return MetricValue(nps, n_rest, detail={**counts, **way})
    assert part.n is not None
    if kind == MEAN_KIND:
        s_whole, s_part = mean_sd(whole), mean_sd(part)
        if s_whole is None or s_part is None:
            return None
        mean = (whole.value * whole.n - part.value * part.n) / n_rest
        m2 = (whole.n - 1) * s_whole**2 - (part.n - 1) * s_part**2
        m2 -= (mean - part.value) ** 2 * part.n * n_rest / whole.n
        detail = {"sd": math.sqrt(max(m2, 0.0) / (n_rest - 1))} if n_rest >= 2 else {}
        return MetricValue(mean, n_rest, detail={**detail, **way})
    successes = round(whole.value / 100.0 * whole.n) - round(part.value / 100.0 * part.n)
    if not 0 <= successes <= n_rest:
        return None
    return MetricValue(100.0 * successes / n_rest, n_rest, detail=way)
