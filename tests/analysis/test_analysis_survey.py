"""Survey accumulators on small examples worked out by hand."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjo_desktop.analysis.scales import Scale, nps_check
from cjo_desktop.analysis.survey import ScoreAccumulator, SurveyAccumulator
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_MEAN, CSAT_TOP2, NPS, MetricValue


def test_nps_60_25_15() -> None:
    acc = SurveyAccumulator[str]()
    answers = [10] * 30 + [9] * 30 + [8] * 15 + [7] * 10 + [6] * 5 + [3] * 5 + [0] * 5
    for a in answers:
        acc.add("checkout", nps=float(a))
    nps = acc.results()["checkout"][NPS]
    assert nps.n == 100 and nps.value == pytest.approx(45.0)
    assert nps.detail == {"promoters": 60, "passives": 25, "detractors": 15}
    # the standard error by hand: scores +1/0/-1, var = 0.6 + 0.15 - 0.45^2
    half = 1.96 * 100 * math.sqrt((0.6 + 0.15 - 0.45**2) / 100)
    assert (nps.ci_low, nps.ci_high) == pytest.approx((45 - half, 45 + half))
    assert (nps.ci_low, nps.ci_high) == pytest.approx((30.5, 59.5), abs=0.01)


def test_csat_top2_depends_on_the_direction_of_the_scale() -> None:
    answers = [1, 1, 2, 3, 4, 5, 5, 5, 4, 2]  # 1-2: four answers, 4-5: five answers
    high, low = (
        SurveyAccumulator[str](csat=Scale.csat()),
        SurveyAccumulator[str](csat=Scale.csat(best="low")),
    )
    for a in answers:
        high.add("t", csat=a)
        low.add("t", csat=a)
    top_high, top_low = high.results()["t"][CSAT_TOP2], low.results()["t"][CSAT_TOP2]
    assert top_high.value == 50.0 and top_high.detail == {"top2": 5}
    assert top_low.value == 40.0 and top_low.detail == {"top2": 4}
    assert top_high.n == top_low.n == 10
    # the interval is Wilson's, in percent
    z = 1.959963984540054
    center = (0.5 + z * z / 20) / (1 + z * z / 10)
    half = z / (1 + z * z / 10) * math.sqrt(0.25 / 10 + z * z / 400)
    assert (top_high.ci_low, top_high.ci_high) == pytest.approx(
        (100 * (center - half), 100 * (center + half))
    )
    # the mean does not care about direction
    assert high.results()["t"][CSAT_MEAN].value == low.results()["t"][CSAT_MEAN].value == 3.2


def test_ces_1_to_7_with_low_best() -> None:
    scale = Scale.ces(points=7)
    assert (scale.low, scale.high, scale.best) == (1, 7, "low")
    assert [v for v in range(1, 8) if scale.is_top2(v)] == [1, 2]
    acc = ScoreAccumulator[str](scale)
    for a in [1, 2, 2, 7, 6, 3]:
        assert acc.add("support", a)
    assert not acc.add("support", 8)
    mean = acc.mean_value("support")
    assert mean is not None and mean.value == pytest.approx(3.5) and mean.n == 6
    assert mean.detail["sd"] == pytest.approx(statistics.stdev([1, 2, 2, 7, 6, 3]))
    top2 = acc.top2_value("support")
    assert top2 is not None and top2.detail == {"top2": 3}
    assert acc.invalid == {"support": 1}
    ces5 = Scale.ces(points=5)
    assert ces5.check(5) and not ces5.check(6)
    with pytest.raises(ValueError):
        Scale.ces(points=6)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1, 1.0, 3, 3.5, 4.25, 5])
def test_scale_accepts_whole_and_fractional_values_inside(value: float) -> None:
    assert Scale.csat().check(value)


@pytest.mark.parametrize("value", [0, 0.99, 5.01, 6, -1, math.nan, math.inf, -math.inf, True])
def test_scale_rejects_values_outside(value: float) -> None:
    assert not Scale.csat().check(value)


def test_scale_rejects_non_numbers_and_bad_definitions() -> None:
    assert not Scale.csat().check("4")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Scale(1, 2, "high")
    with pytest.raises(ValueError):
        Scale(1, 5, "middle")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "ok"),
    [(0, True), (10, True), (9.0, True), (9.5, False), (11, False), (-1, False), (math.nan, False)],
)
def test_nps_answers_are_whole_numbers_0_to_10(value: float, ok: bool) -> None:
    assert nps_check(value) is ok


def test_n_and_absent_metrics_and_keys() -> None:
    acc = SurveyAccumulator[str](ces=Scale.ces(points=5))
    acc.add("a", nps=10.0)
    acc.add("a", nps=7.5, csat=4.0)  # 7.5 is no NPS answer
    acc.add("b", csat=9.0, ces=6.0)  # both outside their scales: b has nothing
    acc.add("c")  # an empty row
    acc.add("d", ces=2.0)
    res = acc.results()
    assert set(res) == {"a", "d"}
    assert set(res["a"]) == {NPS, CSAT_TOP2, CSAT_MEAN}
    assert res["a"][NPS].n == 1 and res["a"][CSAT_MEAN].n == 1
    # one response: a mean, but no interval and no sd
    assert res["a"][CSAT_MEAN] == MetricValue(4.0, 1, None, None, {})
    assert set(res["d"]) == {CES_MEAN}
    assert acc.invalid_counts() == {"nps": 1, "csat": 1, "ces": 1}


def test_merge_equals_one_pass_and_needs_the_same_scales() -> None:
    rows = [("a", 9.0, 4.0, 2.0), ("b", 3.0, 2.0, 6.0), ("a", 7.0, 5.0, 1.0), ("a", 0.0, 1.0, 7.0)]
    whole, first, second = (SurveyAccumulator[str]() for _ in range(3))
    for i, (key, nps, csat, ces) in enumerate(rows):
        whole.add(key, nps, csat, ces)
        (first if i < 2 else second).add(key, nps, csat, ces)
    first.merge(second)
    assert first.results() == whole.results()
    with pytest.raises(ValueError):
        first.merge(SurveyAccumulator[str](csat=Scale.csat(best="low")))
    with pytest.raises(ValueError):
        ScoreAccumulator[str]()


answers = st.lists(
    st.floats(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False), min_size=1
)


@given(answers)
def test_mean_and_sd_agree_with_statistics(values: list[float]) -> None:
    acc = ScoreAccumulator[int](Scale(-1000, 1000, "high"))
    for v in values:
        assert acc.add(0, v)
    mv = acc.mean_value(0)
    assert mv is not None and mv.n == len(values)
    assert mv.value == pytest.approx(statistics.fmean(values), rel=1e-12, abs=1e-12)
    if len(values) >= 2:
        assert mv.detail["sd"] == pytest.approx(statistics.stdev(values), rel=1e-9, abs=1e-9)


@given(answers, answers)
def test_merged_mean_agrees_with_statistics(left: list[float], right: list[float]) -> None:
    a, b = (ScoreAccumulator[int](Scale(-1000, 1000, "high")) for _ in range(2))
    for v in left:
        a.add(0, v)
    for v in right:
        b.add(0, v)
    a.merge(b)
    mv = a.mean_value(0)
    assert mv is not None and mv.n == len(left) + len(right)
    assert mv.value == pytest.approx(statistics.fmean(left + right), rel=1e-12, abs=1e-12)
    assert mv.detail["sd"] == pytest.approx(statistics.stdev(left + right), rel=1e-9, abs=1e-9)
