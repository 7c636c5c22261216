"""Survey scores folded one response at a time into per-touchpoint NPS, CSAT and CES.

Millions of rows pass through :class:`SurveyAccumulator` without being kept: each key
(touchpoint id, or any hashable such as ``(touchpoint, segment)``) holds a handful of numbers.
Accumulators of separate chunks combine exactly with ``merge``, so a file can be read in pieces
or in parallel. ``results`` turns the counts into :class:`MetricValue` s with n and 95%
intervals; weighted journey-wide means and shares are in :mod:`cjo_desktop.analysis.weighted`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Generic, Literal, TypeVar

from cjo_desktop.analysis.scales import PASSIVE_MIN, PROMOTER_MIN, Scale, nps_check
from cjo_desktop.analysis.stats import mean_interval, nps_interval, wilson_interval
from cjo_desktop.analysis.weighted import weighted_mean, weighted_share
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_MEAN, CSAT_TOP2, NPS, MetricValue

__all__ = [
    "Scale",
    "ScoreAccumulator",
    "SurveyAccumulator",
    "nps_check",
    "weighted_mean",
    "weighted_share",
]

K = TypeVar("K", bound=Hashable)


class _Stats:
    """The running numbers of one key: count, a compensated (Neumaier) sum for the mean,
    Welford's mean and sum of squared deviations for the variance, and category counts."""

    __slots__ = ("c", "detractors", "m2", "mean", "n", "passives", "promoters", "s", "top2")

    def __init__(self) -> None:
        self.n = 0
        self.s = self.c = self.mean = self.m2 = 0.0
        self.top2 = self.promoters = self.passives = self.detractors = 0

    def add(self, x: float) -> None:
        self.n += 1
        t = self.s + x
        self.c += (self.s - t) + x if abs(self.s) >= abs(x) else (x - t) + self.s
        self.s = t
        delta = x - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (x - self.mean)

    def merge(self, o: _Stats) -> None:
        """Chan et al.'s pairwise update: exact for counts and sums, stable for the variance."""
        if o.n == 0:
            return
        n = self.n + o.n
        delta = o.mean - self.mean
        self.m2 += o.m2 + delta * delta * self.n * o.n / n
        self.mean += delta * o.n / n
        self.n = n
        t = self.s + o.s
        self.c += ((self.s - t) + o.s if abs(self.s) >= abs(o.s) else (o.s - t) + self.s) + o.c
        self.s = t
        self.top2 += o.top2
        self.promoters += o.promoters
        self.passives += o.passives
        self.detractors += o.detractors

    @property
    def total(self) -> float:
        return self.s + self.c

    @property
    def sd(self) -> float | None:
        """Sample standard deviation (n - 1), as pandas and statistics.stdev give it."""
        return math.sqrt(max(self.m2, 0.0) / (self.n - 1)) if self.n >= 2 else None


class ScoreAccumulator(Generic[K]):
    """Running statistics per key for one survey question.

    ``kind="nps"`` validates 0-10 whole numbers and counts promoters, passives and detractors;
    ``kind="score"`` validates against ``scale`` and counts the top-2-box. Both keep count,
    mean and variance. Invalid values are not counted but tallied in ``invalid``.
    """

    def __init__(self, scale: Scale | None = None, kind: Literal["score", "nps"] = "score") -> None:
        if kind == "score" and scale is None:
            raise ValueError("a score accumulator needs its scale")
        self.scale = scale
        self.kind = kind
        self._stats: dict[K, _Stats] = {}
        self.invalid: dict[K, int] = {}

    @classmethod
    def nps(cls) -> ScoreAccumulator[K]:
        return cls(None, "nps")

    def add(self, key: K, value: float) -> bool:
        """Fold one answer in; False (and counted in ``invalid``) when it is not valid."""
        valid = nps_check(value) if self.scale is None else self.scale.check(value)
        if not valid:
            self.invalid[key] = self.invalid.get(key, 0) + 1
            return False
        st = self._stats.get(key)
        if st is None:
            st = self._stats[key] = _Stats()
        st.add(value)
        if self.scale is None:
            if value >= PROMOTER_MIN:
                st.promoters += 1
            elif value >= PASSIVE_MIN:
                st.passives += 1
            else:
                st.detractors += 1
        elif self.scale.is_top2(value):
            st.top2 += 1
        return True

    def merge(self, other: ScoreAccumulator[K]) -> None:
        """Add another accumulator's counts (same question, same scale) into this one."""
        if other.kind != self.kind or other.scale != self.scale:
            raise ValueError("cannot merge accumulators of different questions or scales")
        for key, st in other._stats.items():
            mine = self._stats.get(key)
            if mine is None:
                mine = self._stats[key] = _Stats()
            mine.merge(st)
        for key, count in other.invalid.items():
            self.invalid[key] = self.invalid.get(key, 0) + count

    def add_summary(
        self,
        key: K,
        n: int,
        total: float,
        sum_squares: float,
        *,
        top2: int = 0,
        promoters: int = 0,
        passives: int = 0,
        detractors: int = 0,
    ) -> None:
        """Fold in ``n`` valid answers known only by their sums (another engine grouped them),
        so every result is still computed by this class."""
        if n <= 0:
            return
        other = _Stats()
        other.n, other.s = n, total
        other.mean = total / n
        other.m2 = max(sum_squares - total * total / n, 0.0)
        other.top2, other.promoters, other.passives, other.detractors = (
            top2,
            promoters,
            passives,
            detractors,
        )
        mine = self._stats.get(key)
        if mine is None:
            mine = self._stats[key] = _Stats()
        mine.merge(other)

    def keys(self) -> Iterable[K]:
        return self._stats.keys()

    def count(self, key: K) -> int:
        st = self._stats.get(key)
        return st.n if st else 0

    def mean_value(self, key: K) -> MetricValue | None:
        """Mean, n, t interval (None for n < 2); sd in ``detail``. None when n == 0."""
        st = self._stats.get(key)
        if st is None or st.n == 0:
            return None
        mean, sd = st.total / st.n, st.sd
        ci = mean_interval(st.n, mean, sd) if sd is not None else None
        detail = {"sd": sd} if sd is not None else {}
        return MetricValue(mean, st.n, ci[0] if ci else None, ci[1] if ci else None, detail)

    def top2_value(self, key: K) -> MetricValue | None:
        """Top-2-box share in percent, n, Wilson interval in percent; top-2 count in detail."""
        st = self._stats.get(key)
        if st is None or st.n == 0:
            return None
        low, high = wilson_interval(st.top2, st.n)
        detail = {"top2": float(st.top2)}
        return MetricValue(100.0 * st.top2 / st.n, st.n, 100.0 * low, 100.0 * high, detail)

    def nps_value(self, key: K) -> MetricValue | None:
        """NPS in points, n, normal interval; promoter/passive/detractor counts in detail."""
        st = self._stats.get(key)
        if st is None or st.n == 0:
            return None
        pro, pas, det = st.promoters, st.passives, st.detractors
        low, high = nps_interval(pro, pas, det)
        detail = {"promoters": float(pro), "passives": float(pas), "detractors": float(det)}
        return MetricValue(100.0 * (pro - det) / st.n, st.n, low, high, detail)


class SurveyAccumulator(Generic[K]):
    """One accumulator per question (NPS, CSAT, CES), fed one response row at a time."""

    def __init__(self, csat: Scale | None = None, ces: Scale | None = None) -> None:
        self.nps: ScoreAccumulator[K] = ScoreAccumulator.nps()
        self.csat: ScoreAccumulator[K] = ScoreAccumulator(csat or Scale.csat())
        self.ces: ScoreAccumulator[K] = ScoreAccumulator(ces or Scale.ces())
        self._keys: dict[K, None] = {}  # every key seen, in first-seen order

    def add(
        self, key: K, nps: float | None = None, csat: float | None = None, ces: float | None = None
    ) -> None:
        """One response; ``None`` where the respondent did not answer that question."""
        self._keys[key] = None
        if nps is not None:
            self.nps.add(key, nps)
        if csat is not None:
            self.csat.add(key, csat)
        if ces is not None:
            self.ces.add(key, ces)

    def merge(self, other: SurveyAccumulator[K]) -> None:
        """Fold in the accumulator of another chunk of the same file (same scales)."""
        self.nps.merge(other.nps)
        self.csat.merge(other.csat)
        self.ces.merge(other.ces)
        self._keys.update(other._keys)

    def touch(self, key: K) -> None:
        """Record that ``key`` had a response (a summary folded in directly)."""
        self._keys[key] = None

    def invalid_counts(self) -> dict[str, int]:
        """How many answers per question were rejected as outside their scale."""
        return {
            NPS: sum(self.nps.invalid.values()),
            "csat": sum(self.csat.invalid.values()),
            "ces": sum(self.ces.invalid.values()),
        }

    def results(self) -> dict[K, dict[str, MetricValue]]:
        """Per key: ``nps``, ``csat_top2`` (percent), ``csat_mean`` and ``ces_mean``.

        A metric with no valid answer for a key is absent; a key with none at all is absent.
        """
        out: dict[K, dict[str, MetricValue]] = {}
        for key in self._keys:
            metrics = {
                NPS: self.nps.nps_value(key),
                CSAT_TOP2: self.csat.top2_value(key),
                CSAT_MEAN: self.csat.mean_value(key),
                CES_MEAN: self.ces.mean_value(key),
            }
            present = {name: mv for name, mv in metrics.items() if mv is not None}
            if present:
                out[key] = present
        return out
