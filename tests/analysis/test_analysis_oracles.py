"""The intervals against scipy, where scipy is installed (test-time only, never at runtime)."""

from __future__ import annotations

import math

import pytest

from cjo_desktop.analysis.stats import Z95, mean_interval, t_quantile, wilson_interval

stats = pytest.importorskip("scipy.stats")

PS = (0.5001, 0.51, 0.6, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9995, 0.9999)


def test_t_quantile_matches_scipy_for_df_1_to_1000() -> None:
    worst = 0.0
    for df in range(1, 1001):
        for p in PS:
            expected = float(stats.t.ppf(p, df))
            got = t_quantile(p, df)
            worst = max(worst, abs(got - expected) / max(1.0, abs(expected)))
    assert worst < 1e-9


@pytest.mark.parametrize("df", [1001, 5000, 10**4, 10**5, 10**6, 10**8])
def test_t_quantile_matches_scipy_for_large_df(df: int) -> None:
    for p in PS:
        assert t_quantile(p, df) == pytest.approx(float(stats.t.ppf(p, df)), rel=1e-9, abs=1e-9)


def statsmodels_wilson(count: int, nobs: int, alpha: float = 0.05) -> tuple[float, float]:
    """statsmodels.stats.proportion.proportion_confint(method="wilson"), written out."""
    q_ = count / nobs
    crit = float(stats.norm.isf(alpha / 2.0))
    crit2 = crit**2
    denom = 1 + crit2 / nobs
    center = (q_ + crit2 / (2 * nobs)) / denom
    dist = crit * math.sqrt(q_ * (1.0 - q_) / nobs + crit2 / (4.0 * nobs**2)) / denom
    return max(0.0, center - dist), min(1.0, center + dist)


@pytest.mark.parametrize(
    ("k", "n"), [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (40, 100), (517, 1234), (1, 10**6)]
)
def test_wilson_matches_statsmodels_formula_and_scipy(k: int, n: int) -> None:
    assert abs(Z95 - float(stats.norm.ppf(0.975))) < 1e-15
    ours = wilson_interval(k, n)
    assert ours == pytest.approx(statsmodels_wilson(k, n), abs=1e-12)
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    assert ours == pytest.approx((ci.low, ci.high), abs=1e-9)


@pytest.mark.parametrize(
    ("n", "mean", "sd"), [(2, 3.0, 1.0), (5, 4.2, 0.8), (37, 2.5, 1.3), (1000, 3.9, 0.7)]
)
def test_mean_interval_matches_scipy(n: int, mean: float, sd: float) -> None:
    expected = stats.t.interval(0.95, n - 1, loc=mean, scale=sd / math.sqrt(n))
    assert mean_interval(n, mean, sd) == pytest.approx(expected, abs=1e-9)
