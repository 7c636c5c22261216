"""Pain points, opportunities and pain-point settings as journey items: checks, order,
cascades on removal, and how they survive a copy, a save and a load."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjo_desktop.domain import DEFAULT_RULES, Journey, JourneyError, PainPointSettings, Rule
from cjo_desktop.io import dumps_map, load_map, loads_map
from cjo_desktop.io.files import load_map_versioned

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def journey() -> Journey:
    j = Journey("Shop")
    j.add_stage("Buy", id="buy")
    j.add_touchpoint("buy", "Cart", id="cart")
    j.add_touchpoint("buy", "Checkout", id="checkout")
    return j


def test_pain_points_and_opportunities_are_items_of_their_touchpoint(journey: Journey) -> None:
    slow = journey.add_pain_point("checkout", "high", "Slow payment", strategy="New PSP", id="p2")
    journey.add_pain_point("cart", "low", "Hidden costs", id="p1")
    fix = journey.add_opportunity("checkout", "p2", "One-click pay", effort="L", impact=70)
    rule_fix = journey.add_opportunity("cart", "csat_low", "Show costs early", effort="S")
    assert [p.id for p in journey.pain_points()] == ["p1", "p2"]  # journey order
    assert journey.pain_points("checkout") == [slow]
    assert journey.opportunities() == [rule_fix, fix]
    assert journey.item(fix.id) == fix and journey.kind_of(fix.id).value == "opportunity"
    assert journey.update("p2", severity="medium").severity == "medium"
    assert journey.update(fix.id, impact=40, effort="M").impact == 40


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda j: j.add_pain_point("nowhere", "high", "x"), "no item"),
        (lambda j: j.add_pain_point("cart", "urgent", "x"), "severity must be"),
        (lambda j: j.add_pain_point("cart", "high", "  "), "cannot be empty"),
        (lambda j: j.add_opportunity("cart", "r", "Fix", effort="XL"), "effort must be"),
        (lambda j: j.add_opportunity("cart", "r", "Fix", impact=101), r"0\.\.100"),
        (lambda j: j.add_opportunity("cart", "r", "Fix", impact=50.5), "whole percentage"),
        (lambda j: j.add_opportunity("cart", "", "Fix"), "cannot be empty"),
        (lambda j: j.add_opportunity("cart", "cart", "Fix"), "not a pain point"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(journey: Journey, call, message) -> None:  # type: ignore[no-untyped-def]
    before = journey.copy()
    with pytest.raises(JourneyError, match=message):
        call(journey)
    assert journey == before


def test_an_opportunity_answers_a_pain_point_of_its_own_touchpoint(journey: Journey) -> None:
    journey.add_pain_point("checkout", "high", "Slow", id="p1")
    with pytest.raises(JourneyError, match="not a pain point of this touchpoint"):
        journey.add_opportunity("cart", "p1", "Fix")
    o = journey.add_opportunity("checkout", "p1", "Fix")
    with pytest.raises(JourneyError, match="still has opportunities"):
        journey.remove_pain_point("p1")
    with pytest.raises(JourneyError, match="not a pain point"):
        journey.update(o.id, pain_point="cart")


def test_removing_a_touchpoint_takes_its_pain_points_only_with_cascade(journey: Journey) -> None:
    journey.add_pain_point("cart", "high", "Hidden costs", id="p1")
    journey.add_opportunity("cart", "p1", "Show costs", id="o1")
    with pytest.raises(JourneyError, match="pain points"):
        journey.remove_touchpoint("cart")
    journey.remove_touchpoint("cart", cascade=True)
    assert journey.pain_points() == [] and journey.opportunities() == []
    assert "p1" not in journey and "o1" not in journey


def test_settings_are_checked_and_part_of_the_map(journey: Journey) -> None:
    assert journey.painpoint_settings().rules == DEFAULT_RULES
    with pytest.raises(JourneyError, match="two rules are named"):
        PainPointSettings(rules=(DEFAULT_RULES[0], DEFAULT_RULES[0]))
    with pytest.raises(JourneyError, match="0 or more"):
        PainPointSettings(value_per_customer=-1.0)
    with pytest.raises(JourneyError, match="finite"):
        Rule("r", "nps", "<", float("nan"), "high")
    copy = journey.copy()
    journey.set_painpoint_settings(PainPointSettings(value_per_customer=85.0, goal="checkout"))
    assert journey != copy  # settings are part of what the map is
    assert journey.copy() == journey


def test_everything_survives_save_and_load(journey: Journey) -> None:
    journey.add_pain_point("checkout", "high", "Slow payment", strategy="New PSP", id="p1")
    journey.add_opportunity("checkout", "p1", "One-click", effort="L", impact=70, id="o1")
    journey.add_opportunity("cart", "csat_low", "Costs early", id="o2")
    rules = (*DEFAULT_RULES[:2], Rule("aov", "aov", "<=", 50, "low", min_n=5, enabled=False))
    journey.set_painpoint_settings(
        PainPointSettings(rules, value_per_customer=120.0, currency="USD", period="quarter")
    )
    text = dumps_map(journey)
    again = loads_map(text)
    assert again == journey
    assert dumps_map(again) == text
    assert '"threshold": 50.0' in text and '"enabled": false' in text


def test_default_settings_are_not_written(journey: Journey) -> None:
    """A map that never changed them follows better defaults of later versions."""
    assert "painpoint_settings" not in dumps_map(journey)
    journey.set_painpoint_settings(PainPointSettings(value_per_customer=10.0))
    text = dumps_map(journey)
    assert '"value_per_customer": 10.0' in text and '"rules"' not in text


@pytest.mark.parametrize("version", [1, 2, 3])
def test_old_format_fixtures_still_load(version: int) -> None:
    path = FIXTURES / f"schema-v{version}.cjo.json"
    journey, read_as = load_map_versioned(path)
    assert read_as == version
    assert journey.touchpoints()
    if version < 3:  # pain points and their settings came with version 3
        assert journey.pain_points() == []
        assert journey.painpoint_settings() == PainPointSettings()
    # version 4 added expected drop-offs and the basis: an older map has neither
    assert all(tp.expected_dropoff is None for tp in journey.touchpoints())
    assert journey.painpoint_settings().judged_on is None
    if version == 2:
        labels = [s.label for s in journey.metric_snapshots()]
        assert labels == ["baseline 2025-Q1", "funnel 2025-03", "after redesign 2025-Q2"]
    assert load_map(path) == loads_map(dumps_map(journey))
