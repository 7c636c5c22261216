"""The tests behind "better", "worse" and "no significant change", each against an independent
oracle (numpy and scipy from raw answers, statsmodels' own implementations), Benjamini-Hochberg
against a worked example, and the planning n against statsmodels' power solvers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW, ttest_ind

from cjo_desktop.analysis.changes import (
    BETTER,
    NO_CHANGE,
    NOT_TESTABLE,
    WORSE,
    compare,
    compare_snapshots,
    rest_value,
)
from cjo_desktop.analysis.significance import (
    bh_qvalues,
    difference,
    n_needed,
    share_difference,
    welch,
)
from cjo_desktop.analysis.survey import SurveyAccumulator
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CONVERSION,
    CSAT_MEAN,
    CSAT_TOP2,
    DROPOFF,
    HIGHER_IS_BETTER,
    NPS,
    MetricValue,
    Provenance,
    Snapshot,
)


def _nps(promoters: int, passives: int, detractors: int) -> MetricValue:
    n = promoters + passives + detractors
    detail = {"promoters": promoters, "passives": passives, "detractors": detractors}
    return MetricValue(
        100 * (promoters - detractors) / n, n, detail={k: float(v) for k, v in detail.items()}
    )


def _scores(promoters: int, passives: int, detractors: int) -> np.ndarray:
    return np.array([1.0] * promoters + [0.0] * passives + [-1.0] * detractors)


NPS_CASES = [((22, 25, 13), (30, 20, 14)), ((60, 25, 15), (40, 30, 30)), ((5, 1, 0), (2, 3, 4))]


@pytest.mark.parametrize(("before", "after"), NPS_CASES)
def test_nps_difference_agrees_with_the_raw_answers(
    before: tuple[int, ...], after: tuple[int, ...]
) -> None:
    """SE = 100 * sqrt(v1/n1 + v2/n2) with v the variance of the +1/0/-1 scores (ddof 0)."""
    d = difference(NPS, _nps(*before), _nps(*after))
    assert d is not None and d.p_value is not None
    x1, x2 = _scores(*before), _scores(*after)
    delta = 100 * (x2.mean() - x1.mean())
    se = 100 * math.sqrt(x1.var() / len(x1) + x2.var() / len(x2))
    assert d.delta == pytest.approx(delta, abs=1e-9)
    assert d.p_value == pytest.approx(2 * stats.norm.sf(abs(delta / se)), rel=1e-9)
    assert (d.ci_low, d.ci_high) == pytest.approx((delta - 1.96 * se, delta + 1.96 * se), rel=1e-9)


SHARE_CASES = [(48, 60, 40, 64), (12, 50, 30, 55), (0, 20, 3, 25), (900, 1000, 950, 1000)]


@pytest.mark.parametrize(("x1", "n1", "x2", "n2"), SHARE_CASES)
def test_shares_agree_with_statsmodels(x1: int, n1: int, x2: int, n2: int) -> None:
    """Pooled two-proportion z test; Newcombe's hybrid score interval of the difference."""
    delta, low, high, p = share_difference(x1, n1, x2, n2)
    _, p_sm = proportions_ztest([x2, x1], [n2, n1])
    low_sm, high_sm = confint_proportions_2indep(x2, n2, x1, n1, method="newcomb", compare="diff")
    assert delta == pytest.approx(100 * (x2 / n2 - x1 / n1), rel=1e-12)
    assert p == pytest.approx(p_sm, rel=1e-9)
    assert (low, high) == pytest.approx((100 * low_sm, 100 * high_sm), rel=1e-9, abs=1e-9)


def test_a_share_value_is_tested_from_its_n() -> None:
    """What an import stores (percent, n, Wilson interval) is enough for the test."""
    before, after = MetricValue(80.0, 60, 68.0, 88.4), MetricValue(62.5, 64, 50.0, 73.0)
    d = difference(CSAT_TOP2, before, after)
    assert d is not None and d.p_value is not None
    assert d.p_value == pytest.approx(proportions_ztest([40, 48], [64, 60])[1], rel=1e-9)


MEAN_CASES = [(0, 30, 45), (1, 12, 80), (2, 200, 9)]


@pytest.mark.parametrize(("seed", "n1", "n2"), MEAN_CASES)
def test_means_agree_with_welch_in_scipy_and_statsmodels(seed: int, n1: int, n2: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 8, n1).astype(float)
    b = rng.integers(2, 8, n2).astype(float)
    delta, low, high, p = welch(a.mean(), a.std(ddof=1), n1, b.mean(), b.std(ddof=1), n2)
    assert p == pytest.approx(stats.ttest_ind(b, a, equal_var=False).pvalue, rel=1e-8)
    _, p_sm, df_sm = ttest_ind(b, a, usevar="unequal")
    assert p == pytest.approx(p_sm, rel=1e-8)
    ci = CompareMeans(DescrStatsW(b), DescrStatsW(a)).tconfint_diff(usevar="unequal")
    assert (low, high) == pytest.approx(ci, rel=1e-8)
    assert delta == pytest.approx(b.mean() - a.mean())
    assert df_sm > 0


def test_a_mean_from_an_import_is_tested_with_its_sd() -> None:
    agg = SurveyAccumulator()
    rng = np.random.default_rng(5)
    answers = {"q1": rng.integers(1, 6, 40), "q2": rng.integers(2, 6, 50)}
    for key, values in answers.items():
        for v in values:
            agg.add(key, csat=float(v))
    before, after = agg.csat.mean_value("q1"), agg.csat.mean_value("q2")
    assert before is not None and after is not None
    d = difference(CSAT_MEAN, before, after)
    assert d is not None and d.p_value is not None
    oracle = stats.ttest_ind(answers["q2"], answers["q1"], equal_var=False).pvalue
    assert d.p_value == pytest.approx(oracle, rel=1e-8)


def test_bh_against_a_worked_example() -> None:
    """Five p-values, m = 5. Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4), 0.2 (5).
    p * m / rank: 0.025, 0.025, 0.05, 0.05, 0.2. Running minimum from the largest rank down:
    rank 5: 0.2; rank 4: min(0.05, 0.2) = 0.05; rank 3: min(0.05, 0.05) = 0.05;
    rank 2: 0.025; rank 1: min(0.025, 0.025) = 0.025. Back in the order given:"""
    p = [0.04, 0.005, 0.2, 0.01, 0.03]
    assert bh_qvalues(p) == pytest.approx([0.05, 0.025, 0.2, 0.025, 0.05])
    # Four p-values, m = 4, sorted: 0.001 (rank 1), 0.03 (2), 0.035 (3), 0.9 (4); p * m / rank:
    # 0.004, 0.06, 0.04667, 0.9. The running minimum lowers rank 2 from 0.06 to rank 3's
    # 0.04667: a smaller p never gets a larger q than a larger p.
    assert bh_qvalues([0.03, 0.035, 0.9, 0.001]) == pytest.approx([0.14 / 3, 0.14 / 3, 0.9, 0.004])
    assert bh_qvalues([]) == []


def test_bh_agrees_with_statsmodels() -> None:
    rng = np.random.default_rng(3)
    p = list(np.concatenate([rng.uniform(0, 1, 80), rng.uniform(0, 0.002, 12)]))
    assert bh_qvalues(p) == pytest.approx(list(multipletests(p, method="fdr_bh")[1]), rel=1e-12)


@pytest.mark.parametrize("counts", [(22, 25, 13), (60, 25, 15), (10, 80, 10)])
def test_n_needed_for_nps_against_normal_power(counts: tuple[int, int, int]) -> None:
    value = _nps(*counts)
    sd = float(_scores(*counts).std())
    for size in (5.0, 10.0, 20.0):
        want = NormalIndPower().solve_power(size / 100 / sd, alpha=0.05, power=0.8, ratio=1)
        assert n_needed(NPS, value, size) == math.ceil(want)
    assert n_needed(NPS, value) == n_needed(NPS, value, 10.0)  # 10 points by default


@pytest.mark.parametrize("share", [5.0, 30.0, 50.0, 88.0, 100.0])
def test_n_needed_for_shares_against_normal_power(share: float) -> None:
    """The variance is p(1 - p) at the share moved half the size toward 50%."""
    p = share / 100
    middle = min(p + 0.05, 0.5) if p < 0.5 else max(p - 0.05, 0.5)
    want = NormalIndPower().solve_power(
        0.1 / math.sqrt(middle * (1 - middle)), alpha=0.05, power=0.8
    )
    for metric in (CSAT_TOP2, CONVERSION, DROPOFF):
        assert n_needed(metric, MetricValue(share, 100)) == math.ceil(want)


@pytest.mark.parametrize("sd", [0.4, 0.9, 1.5, 2.2])
def test_n_needed_for_means_against_t_power(sd: float) -> None:
    value = MetricValue(3.0, 50, detail={"sd": sd})
    for size in (0.3, 0.5, 1.0):
        want = TTestIndPower().solve_power(size / sd, alpha=0.05, power=0.8, ratio=1)
        assert n_needed(CES_MEAN, value, size) == math.ceil(want)
        assert n_needed(CSAT_MEAN, sd * sd, size) == math.ceil(want)  # or just its variance


def test_n_needed_where_it_cannot_be_planned() -> None:
    assert n_needed("revenue", MetricValue(3.0, 50)) is None  # no test for the user's column
    assert n_needed(CES_MEAN, MetricValue(3.0, 50)) is None  # no spread kept
    assert n_needed(NPS, _nps(10, 0, 0)) is None  # every answer alike: nothing to plan with
    with pytest.raises(ValueError, match="positive"):
        n_needed(NPS, 0.5, -3)


def _snap(label: str, values: dict[str, dict[str, MetricValue]]) -> Snapshot:
    return Snapshot(label, Provenance(f"{label}.csv"), values)


def test_verdicts_follow_q_and_the_metrics_direction() -> None:
    """A big fall in effort is better, a big fall in NPS worse, 36.7 -> 34.4 on about 60
    answers is noise, and values without what a test needs say why instead of guessing."""
    before = _snap(
        "Q1",
        {
            "ad": {NPS: _nps(33, 16, 11), "revenue": MetricValue(10.0)},
            "pay": {CES_MEAN: MetricValue(5.0, 200, detail={"sd": 1.0}), NPS: _nps(60, 20, 20)},
            "cart": {CONVERSION: MetricValue(50.0), CSAT_MEAN: MetricValue(3.0, 40)},
        },
    )
    after = _snap(
        "Q2",
        {
            "ad": {NPS: _nps(34, 18, 12), "revenue": MetricValue(12.0)},
            "pay": {CES_MEAN: MetricValue(3.0, 200, detail={"sd": 1.0}), NPS: _nps(20, 20, 60)},
            "cart": {CONVERSION: MetricValue(40.0), CSAT_MEAN: MetricValue(3.5, 40)},
        },
    )
    judged = compare_snapshots(before, after)
    assert before.values["ad"][NPS].value == pytest.approx(36.7, abs=0.05)
    assert after.values["ad"][NPS].value == pytest.approx(34.4, abs=0.05)
    assert judged[("ad", NPS)].verdict == NO_CHANGE
    assert judged[("ad", NPS)].better is None
    assert judged[("pay", CES_MEAN)].verdict == BETTER  # lower effort
    assert judged[("pay", NPS)].verdict == WORSE
    for key in (("ad", "revenue"), ("cart", CONVERSION), ("cart", CSAT_MEAN)):
        assert judged[key].verdict == NOT_TESTABLE and judged[key].reason, key
        assert judged[key].p_value is None and judged[key].q_value is None
    tested = [c for c in judged.values() if c.p_value is not None]
    assert [c.q_value for c in tested] == pytest.approx(
        list(multipletests([c.p_value for c in tested], method="fdr_bh")[1])
    )


def test_a_change_significant_alone_may_not_survive_many_comparisons() -> None:
    """p = 0.03 once is below 0.05; among 20 values with nothing else going on it is not."""
    one = _nps(55, 25, 20)
    moved = _nps(40, 28, 32)
    single = compare({"x": (NPS, one, moved)})["x"]
    assert single.p_value is not None and single.p_value < 0.05 and single.verdict == WORSE
    pairs = {"x": (NPS, one, moved)} | {str(i): (NPS, one, _nps(54, 26, 20)) for i in range(19)}
    assert compare(pairs)["x"].verdict == NO_CHANGE


def test_the_rest_of_the_responses_is_the_whole_minus_the_segment() -> None:
    rng = np.random.default_rng(11)
    answers = rng.integers(1, 8, 300).astype(float)
    nps = rng.integers(0, 11, 300)
    inside = rng.uniform(size=300) < 0.3
    agg = SurveyAccumulator()
    for key in ("all", "seg", "rest"):
        for a, s, i in zip(answers, nps, inside, strict=True):
            if key == "all" or (key == "seg") == bool(i):
                agg.add(key, nps=float(s), ces=float(a))
    for metric, get in ((NPS, agg.nps.nps_value), (CES_MEAN, agg.ces.mean_value)):
        whole, part, rest = get("all"), get("seg"), get("rest")
        assert whole is not None and part is not None and rest is not None
        derived = rest_value(metric, whole, part)
        assert derived is not None and derived.n == rest.n
        assert derived.value == pytest.approx(rest.value, rel=1e-12)
        if metric == CES_MEAN:
            assert derived.detail["sd"] == pytest.approx(rest.detail["sd"], rel=1e-9)
        else:
            assert derived.detail["promoters"] == rest.detail["promoters"]
    share = rest_value(CSAT_TOP2, MetricValue(50.0, 200), MetricValue(80.0, 50))
    assert share is not None and (share.value, share.n) == (40.0, 150)


def test_more_top_2_box_answers_are_better_whichever_end_of_the_scale_is_best() -> None:
    """With 1 = very satisfied the top-2 box counts the 1s and 2s: a rise is still better (the
    import records the CSAT scale's best end, low, on the share too)."""
    low_best = {HIGHER_IS_BETTER: 0.0}
    before = MetricValue(40.0, 200, detail={"top2": 80.0, **low_best})
    after = MetricValue(70.0, 200, detail={"top2": 140.0, **low_best})
    assert compare({"x": (CSAT_TOP2, before, after)})["x"].verdict == BETTER
    mean_before = MetricValue(2.5, 200, detail={"sd": 1.0, **low_best})
    mean_after = MetricValue(1.8, 200, detail={"sd": 1.0, **low_best})
    assert compare({"x": (CSAT_MEAN, mean_before, mean_after)})["x"].verdict == BETTER
    flipped = MetricValue(3.5, 200, detail={"sd": 1.0, HIGHER_IS_BETTER: 1.0})
    odd = compare({"x": (CSAT_MEAN, mean_before, flipped)})["x"]
    assert odd.verdict == NOT_TESTABLE and "opposite" in odd.reason
