"""Intervals and the t quantile against values worked out by hand (no scipy needed)."""

from __future__ import annotations

import math

import pytest

from cjo_desktop.analysis.stats import (
    Z95,
    mean_interval,
    nps_interval,
    t_cdf,
    t_quantile,
    wilson_interval,
)


def test_nps_interval_of_60_25_15_by_hand() -> None:
    # 100 responses: +1 for each promoter, -1 for each detractor; NPS = 100 * mean score.
    p_pro, p_det = 60 / 100, 15 / 100
    mean_score = p_pro - p_det  # 0.45
    mean_square = p_pro * 1 + p_det * 1  # E[X^2]: promoters and detractors both square to 1
    variance = mean_square - mean_score**2  # 0.75 - 0.2025 = 0.5475
    half = 1.96 * 100 * math.sqrt(variance / 100)  # 14.5027...
    low, high = nps_interval(60, 25, 15)
    assert low == pytest.approx(45 - half, abs=1e-12)
    assert high == pytest.approx(45 + half, abs=1e-12)
    assert (low, high) == pytest.approx((30.497, 59.503), abs=1e-3)


def test_nps_interval_is_clipped_to_the_scale() -> None:
    assert nps_interval(100, 0, 0) == (100.0, 100.0)
    low, high = nps_interval(99, 0, 1)  # NPS 98, half-width ~3.9
    assert high == 100.0 and low == pytest.approx(98 - 1.96 * 100 * math.sqrt(0.0396 / 100))
    assert nps_interval(0, 0, 3)[0] == -100.0


def test_nps_interval_rejects_no_or_negative_counts() -> None:
    with pytest.raises(ValueError):
        nps_interval(0, 0, 0)
    with pytest.raises(ValueError):
        nps_interval(5, -1, 0)


def test_wilson_by_hand() -> None:
    # 0 of 10: the interval is [0, z^2 / (n + z^2)], not the degenerate [0, 0] of Wald.
    z2 = Z95**2
    assert wilson_interval(0, 10) == pytest.approx((0.0, z2 / (10 + z2)), abs=1e-15)
    assert wilson_interval(10, 10) == pytest.approx((10 / (10 + z2), 1.0), abs=1e-15)
    # 40 of 100 with z = 2: center (0.4 + 0.02) / 1.04, half 2/1.04 * sqrt(0.0024 + 0.0001)
    low, high = wilson_interval(40, 100, z=2.0)
    center, half = 0.42 / 1.04, 2 / 1.04 * math.sqrt(0.0025)
    assert (low, high) == pytest.approx((center - half, center + half), abs=1e-15)


@pytest.mark.parametrize(("successes", "n"), [(-1, 10), (11, 10), (0, 0)])
def test_wilson_rejects_impossible_counts(successes: int, n: int) -> None:
    with pytest.raises(ValueError):
        wilson_interval(successes, n)


@pytest.mark.parametrize("p", [0.51, 0.6, 0.75, 0.9, 0.975, 0.995, 0.9999])
def test_t_quantile_closed_forms_for_df_1_and_2(p: float) -> None:
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-12)
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-12)


def test_t_quantile_table_values_and_symmetry() -> None:
    # printed tables give nine decimals
    assert t_quantile(0.975, 10) == pytest.approx(2.228138852, abs=5e-10)
    assert t_quantile(0.975, 30) == pytest.approx(2.042272456, abs=5e-10)
    assert t_quantile(0.975, 10**7) == pytest.approx(Z95, abs=1e-6)
    assert t_quantile(0.5, 7) == 0.0
    assert t_quantile(0.025, 10) == -t_quantile(0.975, 10)
    assert t_cdf(t_quantile(0.9, 12), 12) == pytest.approx(0.9, abs=1e-14)


@pytest.mark.parametrize(("p", "df"), [(0.0, 3), (1.0, 3), (0.9, 0)])
def test_t_quantile_rejects_bad_arguments(p: float, df: int) -> None:
    with pytest.raises(ValueError):
        t_quantile(p, df)


def test_mean_interval_by_hand() -> None:
    assert mean_interval(1, 4.0, 0.0) is None
    assert mean_interval(0, 0.0, 0.0) is None
    # n = 4, sd = 1: 3 +- t(0.975, 3) * 1/2 with t(0.975, 3) = 3.182446305 (tables)
    ci = mean_interval(4, 3.0, 1.0)
    assert ci == pytest.approx((3 - 3.182446305 / 2, 3 + 3.182446305 / 2), abs=5e-10)
    with pytest.raises(ValueError):
        mean_interval(4, 3.0, -1.0)
