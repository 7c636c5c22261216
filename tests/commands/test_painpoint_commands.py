"""Pain points, opportunities and pain-point settings through undo commands."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    AddOpportunity,
    AddPainPoint,
    RemoveItems,
    RemoveOpportunity,
    RemovePainPoint,
    RemoveTouchpoint,
    SetPainPointSettings,
    UpdateItem,
)
from cjo_desktop.domain import DEFAULT_RULES, Journey, JourneyError, PainPointSettings

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def expect(holds: Callable[[Journey], bool]) -> Callable[[Journey], None]:
    """A roundtrip check from a condition on the journey."""

    def check(j: Journey) -> None:
        assert holds(j)

    return check


@pytest.fixture
def flagged(journey: Journey) -> Journey:
    journey.add_pain_point("cart", "high", "Hidden costs", strategy="Show early", id="p-cart")
    journey.add_opportunity("cart", "p-cart", "Costs on product page", effort="S", id="o-1")
    journey.add_opportunity("cart", "csat_low", "Simpler cart", id="o-2")
    return journey


def test_flag_a_pain_point(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddPainPoint(journey, "checkout", "medium", "Card refused", "Retry", "p-new")
    assert command.text() == 'Flag pain point at "Checkout"'
    roundtrip(journey, command, expect(lambda j: j.pain_point("p-new").strategy == "Retry"))


def test_bad_pain_point_is_refused_before_the_push(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="severity"):
        AddPainPoint(journey, "checkout", "awful", "Card refused")  # type: ignore[arg-type]
    with pytest.raises(JourneyError, match="no item"):
        AddPainPoint(journey, "nowhere", "high", "Card refused")
    with pytest.raises(JourneyError, match=r"0\.\.100"):
        AddOpportunity(journey, "cart", "csat_low", "Fix", impact=200)


def test_removing_a_pain_point_takes_its_opportunities(
    flagged: Journey, roundtrip: RoundTrip
) -> None:
    command = RemovePainPoint(flagged, "p-cart")
    assert [type(c).__name__ for c in command.children()] == ["RemoveOpportunity"]

    def check(j: Journey) -> None:
        assert [o.id for o in j.opportunities()] == ["o-2"] and j.pain_points() == []

    roundtrip(flagged, command, check)


def test_add_and_remove_an_opportunity(flagged: Journey, roundtrip: RoundTrip) -> None:
    add = AddOpportunity(flagged, "cart", "p-cart", "Free shipping", "L", 80, "", "o-3")
    roundtrip(flagged, add, expect(lambda j: j.opportunity("o-3").impact == 80))
    roundtrip(flagged, RemoveOpportunity(flagged, "o-1"), expect(lambda j: "o-1" not in j))


def test_removing_a_card_restores_its_pain_points_on_undo(
    flagged: Journey, roundtrip: RoundTrip
) -> None:
    roundtrip(flagged, RemoveTouchpoint(flagged, "cart"), expect(lambda j: j.pain_points() == []))


def test_delete_a_selection_of_pain_points_and_opportunities(
    flagged: Journey, roundtrip: RoundTrip
) -> None:
    command = RemoveItems(flagged, ["o-1", "p-cart", "o-2"])
    assert command.text() == "Remove 3 items"
    kinds = [type(c).__name__ for c in command.children()]
    assert kinds == ["RemoveOpportunity", "RemovePainPoint"]  # o-1 goes with its pain point

    def check(j: Journey) -> None:
        assert j.opportunities() == [] and j.pain_points() == []

    roundtrip(flagged, command, check)


def test_edit_a_pain_point_and_an_opportunity(flagged: Journey, roundtrip: RoundTrip) -> None:
    command = UpdateItem(flagged, "p-cart", severity="low", description="Costs too late")
    roundtrip(flagged, command, expect(lambda j: j.pain_point("p-cart").severity == "low"))
    with pytest.raises(JourneyError, match="cannot be empty"):
        UpdateItem(flagged, "p-cart", description=" ")
    with pytest.raises(JourneyError, match="effort"):
        UpdateItem(flagged, "o-1", effort="XXL")
    with pytest.raises(JourneyError, match="not a pain point"):
        UpdateItem(flagged, "o-1", pain_point="checkout")


def test_settings_are_one_undo_step(journey: Journey, stack: QUndoStack) -> None:
    new = PainPointSettings(DEFAULT_RULES[:2], value_per_customer=85.0)
    stack.push(SetPainPointSettings(journey, new))
    assert journey.painpoint_settings() == new
    stack.undo()
    assert journey.painpoint_settings() == PainPointSettings()
    same = SetPainPointSettings(journey, PainPointSettings())
    assert same.isObsolete()
