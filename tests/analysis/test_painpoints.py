"""Pain-point rules and their impact ranking, checked by hand on small maps and on the example."""

from __future__ import annotations

from pathlib import Path

import pytest
from survey_scales import STATED

from cjo_desktop.analysis.impact import Ranked, by_touchpoint, rank, rank_map
from cjo_desktop.analysis.painpoints import (
    DEFAULT_RULES,
    Finding,
    Rule,
    evaluate,
    merged,
)
from cjo_desktop.domain import Journey, MetricValue, PainPoint, Provenance, Snapshot
from cjo_desktop.domain.metrics import HIGHER_IS_BETTER
from cjo_desktop.io.files import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

RULES = {r.name: r for r in DEFAULT_RULES}


def journey(*names: str) -> Journey:
    """Touchpoints with ids ``names`` in one stage, in that order."""
    j = Journey("test")
    stage = j.add_stage("Decision").id
    for name in names:
        j.add_touchpoint(stage, name.title(), id=name)
    return j


def snap(values: dict[str, dict[str, MetricValue]]) -> Snapshot:
    return Snapshot("s", Provenance("test.csv"), values)


def finding(findings: list[Finding], tp: str, rule: str) -> Finding:
    return next(f for f in findings if f.touchpoint_id == tp and f.rule.name == rule)


# (rule, metric, value exactly at the threshold, does it fire there, a value that fires)
SURVEY_RULES = [
    ("nps_negative", "nps", 0.0, False, -0.1),  # "<": 0 is not below 0
    ("csat_low", "csat_top2", 70.0, False, 69.9),  # "<"
    ("ces_high", "ces_mean", 5.0, True, 6.2),  # ">=": 5 is "at or above"
]


@pytest.mark.parametrize(("rule", "metric", "edge", "fires_at_edge", "bad"), SURVEY_RULES)
def test_survey_rule_edges(
    rule: str, metric: str, edge: float, fires_at_edge: bool, bad: float
) -> None:
    j = journey("a", "b", "c", "d", "e", "f")
    values = {
        "a": {metric: MetricValue(bad, 29)},  # one short of min_n: not judged, value kept
        "b": {metric: MetricValue(bad, 30)},  # exactly min_n: judged
        "c": {metric: MetricValue(edge, 500)},
        "d": {"something_else": MetricValue(1.0, 500)},  # the metric is absent
        "e": {metric: MetricValue(None, 0)},  # no valid responses
        "f": {metric: MetricValue(bad, None)},  # n unknown: cannot be trusted
    }
    fs = evaluate(j, snap(values))
    got = {tp: finding(fs, tp, rule) for tp in "abcdef"}
    assert (got["a"].status, got["a"].value, got["a"].n) == ("insufficient", bad, 29)
    assert (got["b"].status, got["b"].value, got["b"].n) == ("fires", bad, 30)
    assert got["c"].status == ("fires" if fires_at_edge else "passes")
    assert got["d"].status == got["e"].status == "missing"
    assert got["d"].value is None and got["e"].value is None
    assert got["f"].status == "insufficient"


def test_ces_on_a_reversed_scale_is_not_judged_as_high_effort() -> None:
    """7 = least effort on this survey, so 6 is good: the ">= 5" threshold does not apply."""
    j = journey("a", "b")
    values = {
        "a": {"ces_mean": MetricValue(6.0, 100, detail={HIGHER_IS_BETTER: 1.0})},
        "b": {"ces_mean": MetricValue(6.0, 100, detail={HIGHER_IS_BETTER: 0.0})},
    }
    fs = evaluate(j, snap(values))
    assert finding(fs, "a", "ces_high").status == "missing"
    assert finding(fs, "b", "ces_high").status == "fires"


def test_valence_rule_uses_the_persona_less_mean_and_its_edge() -> None:
    j = journey("a", "b", "c", "d")
    persona = j.add_persona("Camper").id
    j.add_emotion("a", -1)  # exactly at "<= -1": fires
    j.add_emotion("b", -1)
    j.add_emotion("b", 0)  # mean -0.5: passes
    j.add_emotion("c", 0)
    j.add_emotion("c", -2, persona_id=persona)  # a persona's emotion is not the curve
    # d has no emotion at all
    fs = evaluate(j, None)
    assert finding(fs, "a", "valence_negative").value == -1.0
    assert finding(fs, "a", "valence_negative").status == "fires"
    assert finding(fs, "b", "valence_negative").value == -0.5
    assert finding(fs, "b", "valence_negative").status == "passes"
    assert finding(fs, "c", "valence_negative").status == "passes"
    assert finding(fs, "d", "valence_negative").status == "missing"
    assert finding(fs, "a", "valence_negative").n is None


def test_dip_rule_edges_and_gaps_in_the_curve() -> None:
    j = journey("a", "b", "c", "d", "e")
    j.add_emotion("a", 2)
    j.add_emotion("b", 0)  # fell by exactly 2: fires (">=")
    j.add_emotion("c", 1)  # rose: passes
    # d: no emotion, the curve skips it
    j.add_emotion("e", 0)  # fell 1 from c (not from d): passes
    fs = evaluate(j, None)
    dip = {tp: finding(fs, tp, "emotion_dip") for tp in "abcde"}
    assert dip["a"].status == "missing"  # nothing before it
    assert (dip["b"].status, dip["b"].value) == ("fires", 2.0)
    assert (dip["c"].status, dip["c"].value) == ("passes", -1.0)
    assert dip["d"].status == "missing"
    assert (dip["e"].status, dip["e"].value) == ("passes", 1.0)


def test_disabled_rules_are_skipped_and_custom_rules_apply() -> None:
    j = journey("a")
    rules = [
        Rule("off", "nps", "<", 0.0, "high", enabled=False),
        Rule("aov", "aov", "<=", 50.0, "low", min_n=5, description="AOV at most 50"),
    ]
    fs = evaluate(
        j, snap({"a": {"aov": MetricValue(50.0, 5), "nps": MetricValue(-50.0, 99)}}), rules
    )
    assert [(f.rule.name, f.status) for f in fs] == [("aov", "fires")]
    with pytest.raises(ValueError):
        Rule("bad", "nps", "==", 0.0, "high")  # type: ignore[arg-type]


def test_no_data_only_emotions_fire_and_the_ranking_says_it_fell_back() -> None:
    j = journey("a", "b")
    j.add_emotion("a", 1)
    j.add_emotion("b", -2)  # at or below -1, and a dip of 3
    fs = evaluate(j, None)
    assert {f.status for f in fs if f.rule.needs_n} == {"missing"}
    assert {(f.touchpoint_id, f.rule.name) for f in fs if f.status == "fires"} == {
        ("b", "valence_negative"),
        ("b", "emotion_dip"),
    }
    rows = rank(j, None, fs, 90.0)
    assert [r.source for r in rows] == ["valence_negative", "emotion_dip"]  # tie: journey/rule
    for r in rows:
        assert r.impact == 2.0 and r.customers_lost is None and r.revenue_at_risk is None
        assert "has no visitor counts, so it is ranked by severity (medium, 2)" in r.explanation
    assert rows[0].explanation == (
        "B has no visitor counts, so it is ranked by severity (medium, 2): score 2.00; "
        "emotion at or below -1 (-2)."
    )


def test_ties_in_impact_keep_severity_then_journey_order() -> None:
    """Same visitors and drop-off everywhere, none expected, so every row loses 400."""
    j = journey("a", "b")
    j.update("a", expected_dropoff=0.0)
    j.update("b", expected_dropoff=0.0)
    row = {"visitors": MetricValue(1000.0, 1000), "dropoff": MetricValue(40.0, 1000)}
    values = {
        "a": {**row, "csat_top2": MetricValue(60.0, 100)},  # medium: 40% not satisfied, 400
        "b": dict(row),
    }
    rows = rank(j, snap(values), evaluate(j, snap(values)), 10.0)
    assert [(r.touchpoint_id, r.source) for r in rows] == [
        ("a", "dropoff_high"),
        ("b", "dropoff_high"),
        ("a", "csat_low"),
    ]
    assert {r.revenue_at_risk for r in rows} == {4000.0}
    assert {r.customers_lost for r in rows} == {400.0}


def test_share_lost_from_detractors_and_csat_with_people_from_inflows() -> None:
    """No visitors metric and no drop-off: 800 arrive by flows; NPS and CSAT set the share."""
    j = journey("src", "a")
    j.add_flow("src", "a", count=800)
    j.add_flow("a", "a", count=99)  # a loop is not new people
    nps = MetricValue(-20.0, 100, detail={"promoters": 20, "passives": 40, "detractors": 40})
    values = {"a": {"nps": nps, "csat_top2": MetricValue(60.0, 100)}}
    rows = rank(j, snap(values), evaluate(j, snap(values)), None, "month")
    by_rule = {r.source: r for r in rows}
    assert by_rule["csat_low"].customers_lost == pytest.approx(320.0)  # 800 x (1 - 0.60)
    assert by_rule["nps_negative"].customers_lost == pytest.approx(320.0)  # 800 x 40/100
    assert by_rule["nps_negative"].revenue_at_risk is None
    assert by_rule["nps_negative"].explanation == (
        "A puts about 320 of 800 arriving (flow counts) a month at risk (40% detractors), "
        "no value per customer given so no revenue at risk; NPS below 0 (-20, n = 100)."
    )
    # tie at 320: high severity (NPS) first
    assert [r.source for r in rows] == ["nps_negative", "csat_low"]


def test_drop_off_from_the_flows_when_there_is_no_snapshot_metric() -> None:
    j = journey("src", "a")
    j.add_flow("src", "a", count=1000)
    j.add_flow("a", None, count=250)
    j.add_emotion("a", -2)
    rows = rank(j, None, evaluate(j, None), 100.0)
    assert rows[0].customers_lost == 250.0 and rows[0].revenue_at_risk == 25000.0
    assert "(25% drop-off), €25,000 at risk at €100 per customer" in rows[0].explanation


def test_manual_pain_points_are_ranked_with_the_rest() -> None:
    j = journey("a", "b")
    j.update("a", expected_dropoff=0.0)
    values = {"a": {"visitors": MetricValue(100.0, 100), "dropoff": MetricValue(50.0, 100)}}
    manual = [
        PainPoint("pp-1", "a", "low", "Hard to share"),
        PainPoint("pp-2", "b", "high", "Slow loading"),
        PainPoint("pp-3", "gone", "high", "A deleted touchpoint"),
    ]
    rows = rank(j, snap(values), evaluate(j, snap(values)), 2.0, manual=manual)
    assert [(r.touchpoint_id, r.source) for r in rows] == [
        ("a", "dropoff_high"),
        ("a", "manual"),
        ("b", "manual"),  # no volumes at b: after every priced row
    ]
    assert rows[1].revenue_at_risk == 100.0 and rows[1].explanation.endswith(
        "; manual: Hard to share."
    )
    assert "ranked by severity (high, 3)" in rows[2].explanation


DATA = example_path().parent / "outdoor-gear-shop-data"


@pytest.fixture(scope="module")
def example() -> tuple[Journey, Snapshot]:
    j = load_map(example_path())
    specs = [
        ("survey-2025-q1.csv", spec_of(kind="responses", snapshot="survey", **STATED)),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel")),
    ]
    for name, spec in specs:
        result = run_import(j, Path(DATA / name), spec)
        apply_import(j, result)
    snapshot = merged(j.metric_snapshots())
    assert snapshot is not None
    return j, snapshot


def test_example_ranking_by_hand(example: tuple[Journey, Snapshot]) -> None:
    """The example prices a customer at EUR 85 (its setting) and names "Order confirmation" as
    the goal, so a person lost before the purchase is worth 85 x their chance of buying had
    they gone on, walked along the March funnel's counted flows.

    The Instagram trail ad loses 43,200 of 48,000 who see it (90%): the map expects 90% there
    (nine in ten scroll past an ad), so it is no pain point at all; it used to rank first at
    EUR 578,703. Each touchpoint is ranked once, at its largest share at risk:
    1. Checkout: payment: 2,900 arrive; Q1 CSAT top-2 is 8.2% (92% not satisfied: 2,663),
       NPS -89.7 (91% detractors: 2,630); all who go on from payment buy, so the CSAT row's
       2,663 x 85 = EUR 226,378 is the touchpoint's, not the sum with NPS's EUR 223,542.
    2. Checkout: shipping: 74% of 3,900 not satisfied (2,893) x 85 x 75.5% = EUR 185,659.
    3. Product page: 45% of 17,830 not satisfied (8,078) x 85 x 26.6% = EUR 182,751; its
       32% drop-off is below the 24%-44% of its stage's others' middle, so no longer a pain.
    The team's manual flag on Checkout: shipping prices its 700 drop-offs (18%) at the 75.5%
    chance to buy from there: 700 x 0.755 x 85 = EUR 44,930.
    """
    j, snapshot = example
    rows = rank_map(j, snapshot)
    assert not [r for r in rows if r.touchpoint == "Instagram trail ad"]
    top = [(g.touchpoint, round(g.impact), [r.source for r in g.rows]) for g in by_touchpoint(rows)]
    assert top[:5] == [
        ("Checkout: payment", 226_378, ["csat_low", "nps_negative", "valence_negative"]),
        ("Checkout: shipping", 185_659, ["csat_low", "nps_negative", "manual", "valence_negative"]),
        ("Product page", 182_751, ["csat_low", "nps_negative"]),
        ("Cart", 106_842, ["csat_low", "nps_negative"]),
        # its 74% drop-off is what a monthly newsletter expects (75%): not a pain
        ("Trail Rewards email", 98_140, ["csat_low", "valence_negative", "nps_negative"]),
    ]
    assert len({g.touchpoint_id for g in by_touchpoint(rows)}) == len(by_touchpoint(rows))
    manual = [r for r in rows if r.source == "manual"]
    assert [r.touchpoint for r in manual] == ["Checkout: shipping", "Delivery tracking"]
    assert round(manual[0].revenue_at_risk or 0) == 44_930
    assert all(isinstance(r, Ranked) for r in rows)
    impacts = [r.impact for r in rows if r.revenue_at_risk is not None]
    assert impacts == sorted(impacts, reverse=True)


def test_the_example_ad_without_its_expected_rate_is_judged_on_its_stage(
    example: tuple[Journey, Snapshot],
) -> None:
    """Cleared, the ad's 90% is judged against its stage: the other Awareness touchpoints
    lose 12% (search, 1,500 of 12,500), 33.3% (blog, 500 of 1,500) and 38.9% (store clinic,
    350 of 900); their median is 33.3%. Only the excess is priced: 48,000 x (90% - 33.3%)
    = 27,200 people, x 85 x 15.8% = EUR 364,368, not EUR 578,703."""
    j, snapshot = example
    copy = j.copy()
    copy.update("tp-instagram-ad", expected_dropoff=None)
    rows = rank_map(copy, snapshot)
    ad = next(r for r in rows if r.touchpoint == "Instagram trail ad")
    assert ad.source == "dropoff_high"
    assert round(ad.customers_lost or 0) == 27_200
    assert round(ad.revenue_at_risk or 0) == 364_368
    assert ad.explanation == (
        "Instagram trail ad puts about 27,200 of 48,000 visitors a month at risk (56.7% "
        "drop-off beyond the typical 33.3%), €364,368 at risk at €85 per customer x 16% who "
        "would have bought; Drop-off 30% or more above expected (90% drop-off against "
        "33.3% typical in Awareness, n = 48,000)."
    )
