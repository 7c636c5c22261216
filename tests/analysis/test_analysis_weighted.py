"""Journey-wide weighted CSAT/CES, by hand."""

from __future__ import annotations

import math

import pytest

from cjo_desktop.analysis.stats import Z95, wilson_interval
from cjo_desktop.analysis.survey import weighted_mean, weighted_share
from cjo_desktop.domain.metrics import MetricValue


def test_weighted_mean_by_hand() -> None:
    values = {
        "checkout": MetricValue(3.0, 100, detail={"sd": 1.0}),
        "newsletter": MetricValue(4.0, 25, detail={"sd": 2.0}),
        "empty": MetricValue(None, 0),
    }
    mv = weighted_mean(values, {"checkout": 3.0})  # newsletter weighs 1 by default
    assert mv.value == pytest.approx((3 * 3.0 + 1 * 4.0) / 4)
    assert mv.n == 125
    se_checkout, se_newsletter = 1.0 / 10, 2.0 / 5
    se = math.sqrt(9 * se_checkout**2 + 1 * se_newsletter**2) / 4
    assert mv.detail["se"] == pytest.approx(se)
    assert (mv.ci_low, mv.ci_high) == pytest.approx((3.25 - 1.96 * se, 3.25 + 1.96 * se))
    assert mv.detail["touchpoints"] == 2 and mv.detail["weight_total"] == 4


def test_weighted_mean_reads_the_se_back_from_a_t_interval_and_skips_zero_weights() -> None:
    with_ci = MetricValue(2.0, 4, 2.0 - 3.182446305 / 2, 2.0 + 3.182446305 / 2)  # sd 1, n 4
    mv = weighted_mean({"a": with_ci, "b": MetricValue(9.0, 10, detail={"sd": 1.0})}, {"b": 0})
    assert mv.value == 2.0 and mv.n == 4
    assert mv.detail["se"] == pytest.approx(0.5, abs=1e-9)


def test_weighted_mean_without_a_standard_error_has_no_interval() -> None:
    mv = weighted_mean({"a": MetricValue(2.0, 1), "b": MetricValue(4.0, 3, detail={"sd": 1.0})}, {})
    assert mv.value == 3.0 and mv.n == 4 and mv.ci_low is None and mv.ci_high is None
    assert weighted_mean({}, {}) == MetricValue(None, 0)
    with pytest.raises(ValueError):
        weighted_mean({"a": MetricValue(2.0, 1)}, {"a": -1.0})


def test_weighted_share_by_hand() -> None:
    def top2(k: int, n: int) -> MetricValue:
        low, high = wilson_interval(k, n)
        return MetricValue(100 * k / n, n, 100 * low, 100 * high)

    values = {"checkout": top2(80, 100), "faq": top2(30, 50)}
    mv = weighted_share(values, {"checkout": 2})
    assert mv.value == pytest.approx((2 * 80 + 60) / 3) and mv.n == 150
    se = [
        100 * (wilson_interval(k, n)[1] - wilson_interval(k, n)[0]) / (2 * Z95)
        for k, n in [(80, 100), (30, 50)]
    ]
    se_w = math.sqrt(4 * se[0] ** 2 + se[1] ** 2) / 3
    assert mv.detail["se"] == pytest.approx(se_w)
    assert mv.value is not None and mv.ci_low == pytest.approx(mv.value - 1.96 * se_w)
    # without an interval: the plain binomial standard error, and the result stays in [0, 100]
    bare = weighted_share({"a": MetricValue(99.0, 10)}, {})
    assert bare.detail["se"] == pytest.approx(100 * math.sqrt(0.99 * 0.01 / 10))
    assert bare.ci_high == 100.0
