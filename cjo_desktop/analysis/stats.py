"""The few distributions and confidence intervals the metrics need, in plain Python.

No numpy or scipy: the Student t quantile is computed here from the regularized incomplete beta
function (a continued fraction, as in Numerical Recipes ``betacf``) and inverted by a Newton
iteration kept inside a bisection bracket. It agrees with ``scipy.stats.t.ppf`` to 1e-10 or better
(tests/analysis check 1e-9 for df 1..1000).

All intervals are two-sided 95% intervals by default.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

#: The 97.5% point of the standard normal distribution (two-sided 95%).
Z95 = 1.959963984540054
#: The rounded multiplier used for the NPS and weighted intervals, as usually published.
Z95_ROUNDED = 1.96

_EPS = 1e-16  # relative precision asked of the continued fraction
_FPMIN = 1e-300  # keeps the modified Lentz iteration away from division by zero
_MAXIT = 100_000
#: From here on the Cornish-Fisher expansion is exact to machine precision for every p a float
#: can hold (its first omitted term is below 1e-15), while the beta route loses digits to
#: lgamma(df/2) being large; so the quantile is the expansion itself.
_EXPANSION_DF = 100_000


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz; NR ``betacf``)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _FPMIN else _FPMIN)
    h = d
    for m in range(1, _MAXIT + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        c = 1.0 + aa / c
        d = 1.0 / (d if abs(d) > _FPMIN else _FPMIN)
        c = c if abs(c) > _FPMIN else _FPMIN
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        c = 1.0 + aa / c
        d = 1.0 / (d if abs(d) > _FPMIN else _FPMIN)
        c = c if abs(c) > _FPMIN else _FPMIN
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            return h
    raise ArithmeticError(f"incomplete beta did not converge (a={a}, b={b}, x={x})")


def betai(a: float, b: float, x: float, y: float | None = None) -> float:
    """The regularized incomplete beta function I_x(a, b).

    ``y`` is ``1 - x`` when the caller knows it more precisely than the subtraction would
    give. The continued fraction converges quickly for x < (a + 1) / (a + b + 2); above that
    the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) is used.
    """
    if y is None:
        y = 1.0 - x
    if not (0.0 <= x <= 1.0) or a <= 0 or b <= 0:
        raise ValueError(f"betai needs a, b > 0 and 0 <= x <= 1, got a={a}, b={b}, x={x}")
    if x == 0.0 or y == 0.0:
        return 0.0 if x == 0.0 else 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    # log(x) and log(y) through log1p of the smaller of the two, which is the precise one
    log_x = math.log1p(-y) if y < 0.5 else math.log(x)
    log_y = math.log1p(-x) if x < 0.5 else math.log(y)
    front = math.exp(log_front + a * log_x + b * log_y)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, y) / b


def t_sf(t: float, df: float) -> float:
    """P(T > t) for Student's t with ``df`` degrees of freedom.

    For t >= 0, P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2); the upper tail is
    computed directly (not as 1 - cdf) so that small tail probabilities keep their precision.
    """
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, got {df}")
    if math.isinf(t):
        return 0.0 if t > 0 else 1.0
    t2 = t * t
    half_tail = 0.5 * betai(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2))
    return half_tail if t >= 0 else 1.0 - half_tail


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    return 1.0 - t_sf(t, df) if t >= 0 else t_sf(-t, df)


def t_pdf(t: float, df: float) -> float:
    """The density of Student's t."""
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1) / 2 * math.log1p(t * t / df))


def _start(z: float, df: float) -> float:
    """Cornish-Fisher expansion of the t quantile around the normal one: a starting point
    that is already exact to many digits for large df (and merely positive for tiny df)."""
    z2 = z * z
    g1 = (z2 + 1) * z / 4
    g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """The Student t inverse CDF: the t with P(T <= t) = p, for ``df`` degrees of freedom.

    Solved on the upper tail q = 1 - p (for p > 1/2; the lower half by symmetry): Newton steps
    on t_sf(t) - q with derivative -t_pdf(t), started from the Cornish-Fisher expansion and
    kept inside a bracket [lo, hi] with t_sf(lo) > q > t_sf(hi); a step that would leave the
    bracket is replaced by bisection, so the iteration always converges. From df = 100,000 on
    the expansion alone is returned (it is then exact to machine precision). ``df`` need not be
    whole (Welch's test gives fractional degrees of freedom).
    """
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, got {df}")
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must be strictly between 0 and 1, got {p}")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    q = 1.0 - p
    t = _start(NormalDist().inv_cdf(p), df)
    if df >= _EXPANSION_DF:
        return t
    t = max(t, 1e-8)
    lo, hi = 0.0, t
    while t_sf(hi, df) > q:  # widen until the bracket holds the root
        lo, hi = hi, hi * 2.0
    for _ in range(200):
        f = t_sf(t, df) - q
        if f == 0.0:
            return t
        if f > 0:
            lo = t
        else:
            hi = t
        step = f / t_pdf(t, df)
        new = t + step
        if not lo < new < hi:
            new = 0.5 * (lo + hi)
        if abs(new - t) <= 1e-15 * max(1.0, abs(t)) or hi - lo <= 1e-15 * hi:
            return new
        t = new
    return t


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion, as proportions in [0, 1].

    With p = successes / n: center = (p + z^2/2n) / (1 + z^2/n) and half-width =
    z / (1 + z^2/n) * sqrt(p(1 - p)/n + z^2/4n^2). Chosen over the textbook p +- z*sqrt(p(1-p)/n)
    because it stays inside [0, 1] and keeps a sensible width at p = 0 or 1 and for small n,
    which is exactly where survey shares of a small touchpoint live.
    """
    if n <= 0:
        raise ValueError(f"a proportion needs n > 0, got n={n}")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n={n}, got {successes}")
    p = successes / n
    z2n = z * z / n
    denom = 1.0 + z2n
    center = (p + z2n / 2.0) / denom
    half = z / denom * math.sqrt(p * (1.0 - p) / n + z2n / (4.0 * n))
    return max(0.0, center - half), min(1.0, center + half)


def mean_interval(n: int, mean: float, sd: float) -> tuple[float, float] | None:
    """The t interval of a mean: mean +- t(0.975, n - 1) * sd / sqrt(n); None for n < 2.

    ``sd`` is the sample standard deviation (n - 1 in the denominator). The t multiplier rather
    than 1.96 because touchpoint samples are often small, where the normal one is too narrow.
    """
    if sd < 0 or math.isnan(sd):
        raise ValueError(f"a standard deviation cannot be negative, got {sd}")
    if n < 2:
        return None
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    return mean - half, mean + half


def nps_interval(
    promoters: int, passives: int, detractors: int, z: float = Z95_ROUNDED
) -> tuple[float, float]:
    """The normal interval of an NPS, in NPS points, clipped to [-100, 100].

    Each response scores +1 (promoter), 0 (passive) or -1 (detractor); NPS is 100 times their
    mean, pP - pD. The variance of one such score is E[X^2] - E[X]^2 = pP + pD - (pP - pD)^2,
    so the standard error of the NPS is 100 * sqrt(var / n) and the interval is
    NPS +- z * 100 * sqrt(var / n) (z = 1.96 by default). For 60/25/15 of 100 this is
    45 +- 14.5.
    """
    counts = (promoters, passives, detractors)
    if min(counts) < 0:
        raise ValueError(f"counts cannot be negative, got {counts}")
    n = promoters + passives + detractors
    if n == 0:
        raise ValueError("an NPS needs at least one response")
    p_pro, p_det = promoters / n, detractors / n
    diff = p_pro - p_det
    var = max(0.0, p_pro + p_det - diff * diff)
    half = z * 100.0 * math.sqrt(var / n)
    return max(-100.0, 100.0 * diff - half), min(100.0, 100.0 * diff + half)
