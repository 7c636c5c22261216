"""The drop-off rule fires only beyond what is normal at a touchpoint (its expected drop-off,
else the typical one of its stage), prices only the excess, and says both rates; and the
ranking counts each touchpoint once, at its largest share at risk."""

from __future__ import annotations

import random
import statistics

import pytest

from cjo_desktop.analysis.dropoff import Reference, references
from cjo_desktop.analysis.impact import by_touchpoint, rank
from cjo_desktop.analysis.painpoints import DEFAULT_RULES, Finding, Rule, evaluate
from cjo_desktop.domain import Journey, MetricValue, Provenance, Snapshot

DROP = next(r for r in DEFAULT_RULES if r.name == "dropoff_high")


def snap(values: dict[str, dict[str, MetricValue]]) -> Snapshot:
    return Snapshot("s", Provenance("funnel.csv"), values)


def stage_map(stages: dict[str, list[str]]) -> Journey:
    j = Journey("t")
    for stage, cards in stages.items():
        sid = j.add_stage(stage).id
        for card in cards:
            j.add_touchpoint(sid, card.title(), id=card)
    return j


def funnel(drops: dict[str, float], n: int = 1_000) -> Snapshot:
    return snap(
        {
            tp: {"dropoff": MetricValue(d, n), "visitors": MetricValue(float(n), n)}
            for tp, d in drops.items()
        }
    )


def found(findings: list[Finding], tp: str) -> Finding:
    return next(f for f in findings if f.touchpoint_id == tp and f.rule.name == "dropoff_high")


def test_judged_against_the_typical_drop_off_of_the_stage_and_priced_by_the_excess() -> None:
    """Cart loses 38%; the other Decision touchpoints lose 10%, 12% and 14%: typical 12%.
    Awareness, with its 90% ad, is another stage and does not count."""
    j = stage_map({"Awareness": ["ad"], "Decision": ["cart", "ship", "pay", "done"]})
    s = funnel({"ad": 90.0, "cart": 38.0, "ship": 10.0, "pay": 12.0, "done": 14.0})
    fs = evaluate(j, s, [DROP])
    cart = found(fs, "cart")
    assert cart.status == "fires"
    assert cart.reference == Reference(0.38, 0.12, "typical in Decision")
    assert cart.value == pytest.approx(100 * (0.38 - 0.12) / 0.12)
    assert found(fs, "pay").status == "passes"  # 12% against the median of 10, 14, 38: 14%
    # alone in its stage, the ad is judged on the journey's others: the median of 10-38%
    assert found(fs, "ad").reference == Reference(0.9, 0.13, "typical of the journey")
    rows = [r for r in rank(j, s, fs, 10.0, "month") if r.touchpoint_id != "ad"]
    assert [r.touchpoint_id for r in rows] == ["cart"]
    assert rows[0].customers_lost == pytest.approx(260.0)  # 1,000 x (38% - 12%)
    assert rows[0].explanation == (
        "Cart puts about 260 of 1,000 visitors a month at risk (26% drop-off beyond the typical "
        "12%), €2,600 at risk at €10 per customer; Drop-off 30% or more above expected (38% "
        "drop-off against 12% typical in Decision, n = 1,000)."
    )


def test_an_expected_drop_off_wins_over_the_stage_and_30_percent_above_it_fires() -> None:
    j = stage_map({"Decision": ["a", "b", "c", "d"]})
    for tp in "abc":
        j.update(tp, expected_dropoff=0.15)
    s = funnel({"a": 19.5, "b": 19.4, "c": 15.0, "d": 80.0})
    fs = evaluate(j, s, [DROP])
    assert (found(fs, "a").status, found(fs, "a").value) == ("fires", pytest.approx(30.0))
    assert found(fs, "b").status == "passes"
    assert found(fs, "c").status == "passes"
    assert found(fs, "a").reference == Reference(0.195, 0.15, "expected")
    a = next(r for r in rank(j, s, fs, None, "month") if r.touchpoint_id == "a")
    assert "(19.5% drop-off against 15% expected, n = 1,000)" in a.explanation
    assert "(4.5% drop-off beyond the expected 15%)" in a.explanation
    assert a.customers_lost == pytest.approx(45.0)  # 1,000 x (19.5% - 15%)


def test_where_most_are_expected_to_leave_30_percent_fewer_going_on_fires() -> None:
    """An ad expected to lose 90%: 93% means 7 in 100 click instead of 10, 30% fewer. A
    drop-off 30% above 90% is impossible, so the rule measures the smaller side."""
    j = stage_map({"Awareness": ["a", "b"]})
    j.update("a", expected_dropoff=0.9)
    j.update("b", expected_dropoff=0.9)
    fs = evaluate(j, funnel({"a": 93.0, "b": 92.0}), [DROP])
    assert found(fs, "a").value == pytest.approx(30.0)
    assert found(fs, "a").status == "fires"
    assert found(fs, "b").status == "passes"


def test_an_expected_drop_off_of_zero_is_measured_from_one_point() -> None:
    j = stage_map({"Decision": ["a"]})
    j.update("a", expected_dropoff=0.0)
    f = found(evaluate(j, funnel({"a": 0.3}), [DROP]), "a")
    assert f.value == pytest.approx(30.0) and f.status == "fires"


def test_peers_with_too_few_people_do_not_set_the_typical_rate() -> None:
    """ "pay" is measured on 10 people: not judged itself, and not a peer either; a stage
    without peers falls back to the journey's other touchpoints; none at all: not checked."""
    j = stage_map({"Consider": ["page"], "Decision": ["cart", "ship", "pay"]})
    s = snap(
        {
            "page": {"dropoff": MetricValue(20.0, 500)},
            "cart": {"dropoff": MetricValue(40.0, 500)},
            "ship": {"dropoff": MetricValue(30.0, 500)},
            "pay": {"dropoff": MetricValue(90.0, 10)},
        }
    )
    refs = references(j, s, DROP.min_n)
    assert refs["cart"] == Reference(0.4, 0.3, "typical in Decision")
    assert refs["page"] == Reference(0.2, 0.35, "typical of the journey")  # cart, ship
    assert refs["pay"].expected == pytest.approx(0.35)
    fs = evaluate(j, s, [DROP])
    assert found(fs, "pay").status == "insufficient"
    alone = stage_map({"Decision": ["only"]})
    assert found(evaluate(alone, funnel({"only": 50.0}), [DROP]), "only").status == "missing"


@pytest.mark.parametrize("seed", range(10))
def test_the_typical_rate_is_the_median_of_the_others_of_the_stage(seed: int) -> None:
    rng = random.Random(seed)
    cards = [f"t{i}" for i in range(rng.randint(2, 40))]
    j = stage_map({"Stage": cards})
    drops = {c: float(rng.choice([5, 10, 10, 25, 50, 70, 99])) for c in cards}
    refs = references(j, funnel(drops), 30)
    for c in cards:
        others = [drops[o] / 100 for o in cards if o != c]
        assert refs[c].expected == pytest.approx(statistics.median(others), abs=1e-15)


def test_a_rule_of_the_map_on_the_drop_off_itself_keeps_its_meaning() -> None:
    """A map's own rule "dropoff >= 30" (written before rules knew what is expected) still
    reads the drop-off as it is."""
    own = Rule("mine", "dropoff", ">=", 30.0, "high")
    j = stage_map({"Decision": ["a", "b"]})
    fs = evaluate(j, funnel({"a": 40.0, "b": 40.0}), [own])
    assert [(f.touchpoint_id, f.status, f.value) for f in fs] == [
        ("a", "fires", 40.0),
        ("b", "fires", 40.0),
    ]


def test_a_touchpoint_with_several_pain_points_counts_once_at_its_largest() -> None:
    """At "a" 40% are not satisfied (400) and 30% are detractors (300) of 1,000 visitors:
    the touchpoint puts 400 at risk, not 700; "b" (350) ranks between its two rows."""
    j = stage_map({"Decision": ["a", "b"]})
    nps = MetricValue(-20.0, 100, detail={"promoters": 10, "passives": 60, "detractors": 30})
    s = snap(
        {
            "a": {
                "visitors": MetricValue(1000.0, 1000),
                "csat_top2": MetricValue(60.0, 100),
                "nps": nps,
            },
            "b": {"visitors": MetricValue(1000.0, 1000), "csat_top2": MetricValue(65.0, 100)},
        }
    )
    rows = rank(j, s, evaluate(j, s), 1.0)
    assert [(r.touchpoint_id, r.source, r.impact) for r in rows] == [
        ("a", "csat_low", 400.0),
        ("b", "csat_low", 350.0),
        ("a", "nps_negative", 300.0),
    ]
    groups = by_touchpoint(rows)
    assert [(g.touchpoint_id, g.impact, len(g.rows)) for g in groups] == [
        ("a", 400.0, 2),
        ("b", 350.0, 1),
    ]
    assert groups[0].severity == "high"  # NPS's, the higher of the two
    assert groups[0].customers_lost == 400.0
