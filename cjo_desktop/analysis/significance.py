"""Whether a difference between two values of a metric is more than noise, and how sure it is.

Two snapshots (or a segment and the rest of the responses) differ at every touchpoint; most of
those differences are sampling noise. Each difference gets a test by the kind of number it is:

- **NPS**: each answer scores +1 (promoter), 0 (passive) or -1 (detractor), whose variance is
  v = p+ + p- - (p+ - p-)^2. The difference of two independent NPS has the standard error
  SE = 100 * sqrt(v1/n1 + v2/n2); p from the z test delta / SE; interval delta +- 1.96 SE.
- **Shares** (CSAT top-2-box, conversion, drop-off): the pooled two-proportion z test for p;
  for the interval Newcombe's hybrid score interval, built from the two Wilson intervals,
  which stays sensible at 0% or 100% and for small n where the textbook interval does not.
- **Means** (CSAT mean, CES mean): Welch's t test (the two groups may spread differently) with
  the Welch-Satterthwaite degrees of freedom; interval delta +- t(0.975, df) * SE.

A value that lacks what its test needs (a typed-in number without n, a mean without its spread)
is "not testable", with the reason in words; it is never called better or worse.
:mod:`cjo_desktop.analysis.changes` turns these differences into verdicts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from cjo_desktop.analysis.stats import Z95, Z95_ROUNDED, t_quantile, t_sf, wilson_interval
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CONVERSION,
    CSAT_MEAN,
    CSAT_TOP2,
    DROPOFF,
    NPS,
    VISITORS,
    MetricValue,
)

#: What kind of test each metric takes.
NPS_KIND, SHARE_KIND, MEAN_KIND = "nps", "share", "mean"
KINDS = {
    NPS: NPS_KIND,
    CSAT_TOP2: SHARE_KIND,
    CONVERSION: SHARE_KIND,
    DROPOFF: SHARE_KIND,
    CSAT_MEAN: MEAN_KIND,
    CES_MEAN: MEAN_KIND,
}
#: The change a planned survey should be able to detect, by kind: 10 NPS points, 10 percentage
#: points, 0.3 on a mean.
DEFAULT_SIZE = {NPS_KIND: 10.0, SHARE_KIND: 10.0, MEAN_KIND: 0.3}
#: Two-sided significance level and power of the planning calculation.
ALPHA, POWER = 0.05, 0.8

_NORMAL = NormalDist()
#: From here on Student's t is the normal distribution for every purpose here (tail
#: probabilities differ by less than 1e-4 of themselves), and the incomplete beta function
#: behind t_sf needs ever more steps (about the square root of df).
_NORMAL_DF = 100_000.0
#: More answers than any survey collects: planned with the closed formula, not searched.
_PLAN_LIMIT = 10**7


def _t_tail(t: float, df: float) -> float:
    """P(T > t), as the normal tail from _NORMAL_DF degrees of freedom on."""
    return _NORMAL.cdf(-t) if df >= _NORMAL_DF else t_sf(t, df)


@dataclass(frozen=True, slots=True)
class Difference:
    """``after - before`` in the metric's units (NPS points, percentage points, scale points),
    its 95% interval and two-sided p-value. ``reason`` says in words why there is no test
    (then ``p_value`` is None); ``n_needed`` is the answers per group that would detect a change
    of ``size`` (None where that cannot be planned)."""

    delta: float
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    n_needed: int | None
    size: float | None
    reason: str = ""

    @property
    def testable(self) -> bool:
        return self.p_value is not None


def _untestable(delta: float, reason: str) -> Difference:
    return Difference(delta, None, None, None, None, None, reason)


def _two_sided(z: float) -> float:
    return min(1.0, 2.0 * _NORMAL.cdf(-abs(z)))


# ---------------------------------------------------------------------------- per kind
def nps_variance(value: MetricValue) -> float | None:
    """v = p+ + p- - (p+ - p-)^2 of one answer's score (+1, 0, -1), from the counts kept with
    the value; None without them."""
    pro, det = value.detail.get("promoters"), value.detail.get("detractors")
    n = value.n
    if pro is None or det is None or not n or min(pro, det) < 0 or pro + det > n:
        return None  # not kept, or counts that cannot come from n answers
    p_pro, p_det = pro / n, det / n
    return max(0.0, p_pro + p_det - (p_pro - p_det) ** 2)


def mean_sd(value: MetricValue) -> float | None:
    """The sample standard deviation kept with a mean, else recovered from its t interval."""
    sd = value.detail.get("sd")
    if sd is not None:
        return float(sd)
    n, low, high = value.n, value.ci_low, value.ci_high
    if n is not None and n >= 2 and low is not None and high is not None:
        return (high - low) / (2.0 * t_quantile(0.975, n - 1)) * math.sqrt(n)
    return None


def nps_difference(before: MetricValue, after: MetricValue) -> tuple[float, float, float] | str:
    """(delta, standard error, p) of two NPS; or why there is no test."""
    v1, v2 = nps_variance(before), nps_variance(after)
    if v1 is None or v2 is None:
        return (
            "the counts of promoters and detractors behind the value are missing or do not add up"
        )
    assert before.n and after.n and before.value is not None and after.value is not None
    se = 100.0 * math.sqrt(v1 / before.n + v2 / after.n)
    delta = after.value - before.value
    if se == 0.0:
        return "every answer in both groups was the same, so there is no spread to test against"
    return delta, se, _two_sided(delta / se)


def share_difference(
    successes_before: int, n_before: int, successes_after: int, n_after: int
) -> tuple[float, float, float, float]:
    """(delta, interval low, interval high, p) in percentage points for two shares.

    p from the pooled z test: z = (p2 - p1) / sqrt(p(1 - p)(1/n1 + 1/n2)) with p the pooled
    share. Interval: Newcombe's hybrid score interval (his method 10): with the Wilson intervals
    (l1, u1) and (l2, u2), delta - sqrt((p2 - l2)^2 + (u1 - p1)^2) to
    delta + sqrt((u2 - p2)^2 + (p1 - l1)^2).
    """
    p1, p2 = successes_before / n_before, successes_after / n_after
    l1, u1 = wilson_interval(successes_before, n_before, Z95)
    l2, u2 = wilson_interval(successes_after, n_after, Z95)
    delta = p2 - p1
    low = delta - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = delta + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    pooled = (successes_before + successes_after) / (n_before + n_after)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_before + 1.0 / n_after))
    p = 1.0 if se == 0.0 else _two_sided(delta / se)  # se 0: both all-or-nothing alike
    return 100.0 * delta, 100.0 * low, 100.0 * high, p


def welch(
    mean_before: float,
    sd_before: float,
    n_before: int,
    mean_after: float,
    sd_after: float,
    n_after: int,
) -> tuple[float, float, float, float] | str:
    """(delta, interval low, interval high, p) of two means by Welch's t test; or why not.

    SE^2 = s1^2/n1 + s2^2/n2; df = SE^4 / ((s1^2/n1)^2/(n1 - 1) + (s2^2/n2)^2/(n2 - 1));
    interval delta +- t(0.975, df) * SE.
    """
    a, b = sd_before**2 / n_before, sd_after**2 / n_after
    se2 = a + b
    if se2 == 0.0:
        return "every answer in both groups was the same, so there is no spread to test against"
    df = se2 * se2 / (a * a / (n_before - 1) + b * b / (n_after - 1))
    se = math.sqrt(se2)
    delta = mean_after - mean_before
    half = t_quantile(0.975, df) * se
    p = min(1.0, 2.0 * _t_tail(abs(delta) / se, df))
    return delta, delta - half, delta + half, p


_NO_TEST = {
    VISITORS: "a count of visitors is a tally, not a sample of answers",
    "": "only NPS, CSAT, CES, conversion and drop-off computed from raw data are tested",
}


def _successes(value: MetricValue) -> int | str:
    """How many of the value's n are in the share; or why that is not known."""
    assert value.value is not None
    if value.n is None or value.n <= 0:
        return "the share has no count of answers or visitors behind it"
    if value.value > 100.0:
        return "the share is over 100% (people joined on the way), so it is not a sample share"
    if value.value < 0.0:
        return "the share is below 0%"
    return round(value.value / 100.0 * value.n)


def difference(
    metric: str, before: MetricValue, after: MetricValue, size: float | None = None
) -> Difference | None:
    """The tested difference ``after - before`` of one metric; None where a value is missing."""
    if before.value is None or after.value is None:
        return None
    delta = after.value - before.value
    kind = KINDS.get(metric)
    if kind is None:
        return _untestable(delta, _NO_TEST.get(metric, _NO_TEST[""]))
    for v in (before, after):
        if v.n is None or v.n < (2 if kind == MEAN_KIND else 1):
            return _untestable(delta, "a value has too few answers behind it to test")
    assert before.n is not None and after.n is not None
    needed = pair_n_needed(metric, before, after, size)
    size_used = DEFAULT_SIZE[kind] if size is None else size
    if kind == NPS_KIND:
        result = nps_difference(before, after)
        if isinstance(result, str):
            return _untestable(delta, result)
        delta, se, p = result
        half = Z95_ROUNDED * se
        return Difference(delta, delta - half, delta + half, p, needed, size_used)
    if kind == SHARE_KIND:
        x1, x2 = _successes(before), _successes(after)
        if isinstance(x1, str) or isinstance(x2, str):
            return _untestable(delta, x1 if isinstance(x1, str) else str(x2))
        _, low, high, p = share_difference(x1, before.n, x2, after.n)
        return Difference(delta, low, high, p, needed, size_used)
    s1, s2 = mean_sd(before), mean_sd(after)
    if s1 is None or s2 is None:
        return _untestable(delta, "the spread (standard deviation) of the answers was not kept")
    tested = welch(before.value, s1, before.n, after.value, s2, after.n)
    if isinstance(tested, str):
        return _untestable(delta, tested)
    delta, low, high, p = tested
    return Difference(delta, low, high, p, needed, size_used)


# ---------------------------------------------------------------------------- planning
def answer_variance(metric: str, value: MetricValue) -> float | None:
    """The variance of one answer that the planning uses: NPS v (of the +1/0/-1 score), a
    share's p(1 - p) as a proportion, a mean's sd^2 in scale points; None when unknown."""
    kind = KINDS.get(metric)
    if kind is None or value.value is None:
        return None
    if kind == NPS_KIND:
        return nps_variance(value)
    if kind == SHARE_KIND:
        p = value.value / 100.0
        return p * (1.0 - p) if 0.0 <= p <= 1.0 else None
    sd = mean_sd(value)
    return None if sd is None else sd * sd


def _share_planning_variance(p: float, size: float) -> float:
    """p(1 - p) at the share moved half the size toward 50%: the middle of the two shares the
    test must tell apart, so an observed 0% or 100% still plans sensibly."""
    half = size / 200.0
    p = min(p + half, 0.5) if p < 0.5 else max(p - half, 0.5)
    return p * (1.0 - p)


def n_needed(metric: str, value: MetricValue | float, size: float | None = None) -> int | None:
    """Answers per group to detect a change of ``size`` (default: 10 NPS points, 10 percentage
    points, 0.3 on a mean) with 80% power at a two-sided 5% level, two equal groups.

    ``value``: a MetricValue (its observed variance is used, see :func:`answer_variance`) or
    that variance itself. NPS and shares: the normal test, n the least whole number with
    Phi(d/sd * sqrt(n/2) - z) + Phi(-d/sd * sqrt(n/2) - z) >= 0.8 (z = 1.96, d the size in the
    score's own units); shares use p(1 - p) at the observed share moved half the size toward
    50%. Means: the same with Student's t (df 2n - 2) in place of the normal. None where the
    metric has no test or its variance is unknown or zero.
    """
    kind = KINDS.get(metric)
    if kind is None:
        return None
    size = DEFAULT_SIZE[kind] if size is None else float(size)
    if not size > 0 or not math.isfinite(size):
        raise ValueError(f"the change to detect must be a positive number, got {size}")
    if isinstance(value, MetricValue):
        variance = answer_variance(metric, value)
        if variance is not None and kind == SHARE_KIND:
            assert value.value is not None
            variance = _share_planning_variance(value.value / 100.0, size)
    else:
        variance = float(value)
    if variance is None or not variance > 0 or not math.isfinite(variance):
        return None
    scaled = size / 100.0 if kind in (NPS_KIND, SHARE_KIND) else size
    return _solve_n(scaled / math.sqrt(variance), normal=kind != MEAN_KIND)


def pair_n_needed(
    metric: str, before: MetricValue, after: MetricValue, size: float | None = None
) -> int | None:
    """n_needed for a comparison: the two groups' variances averaged (shares: the pooled share)."""
    kind = KINDS.get(metric)
    if kind is None:
        return None
    size = DEFAULT_SIZE[kind] if size is None else size
    if kind == SHARE_KIND:
        if before.value is None or after.value is None or not before.n or not after.n:
            return None
        pooled = (before.value * before.n + after.value * after.n) / (before.n + after.n) / 100.0
        if not 0.0 <= pooled <= 1.0:
            return None
        return n_needed(metric, _share_planning_variance(pooled, size), size)
    v1, v2 = answer_variance(metric, before), answer_variance(metric, after)
    if v1 is None or v2 is None:
        return None
    return n_needed(metric, (v1 + v2) / 2.0, size)


def _power(effect: float, n: int, normal: bool) -> float:
    shift = effect * math.sqrt(n / 2.0)
    if normal:
        z = _NORMAL.inv_cdf(1.0 - ALPHA / 2.0)
        return _NORMAL.cdf(shift - z) + _NORMAL.cdf(-shift - z)
    df = 2 * n - 2
    t = t_quantile(1.0 - ALPHA / 2.0, df)
    return _t_tail(t - shift, df) + _t_tail(t + shift, df)


def _solve_n(effect: float, normal: bool) -> int:
    """The least n per group whose power reaches POWER, searched from the closed formula."""
    z_alpha = _NORMAL.inv_cdf(1.0 - ALPHA / 2.0)
    z = z_alpha + _NORMAL.inv_cdf(POWER)
    # the normal formula, plus Guenther's z^2/4 for the t test: usually the answer already
    start = 2.0 * (z / effect) ** 2 + (0.0 if normal else z_alpha**2 / 4.0)
    n = max(2, math.ceil(start))
    if n > _PLAN_LIMIT:
        return n
    for _ in range(100):  # a step or two in practice
        if n > 2 and _power(effect, n - 1, normal) >= POWER:
            n -= 1
        elif _power(effect, n, normal) < POWER:
            n += 1
        else:
            break
    return n


# ---------------------------------------------------------------------------- many at once
def bh_qvalues(p_values: list[float]) -> list[float]:
    """Benjamini-Hochberg q-values, in the order given: with the m p-values sorted ascending,
    q_(i) = min over j >= i of p_(j) * m / j, at most 1. A change with q < 0.05 belongs to a
    set of findings of which at most 5% are expected to be noise."""
    m = len(p_values)
    order = sorted(range(m), key=p_values.__getitem__)
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        q[i] = running
    return q
