"""Paste and Duplicate: fresh ids, flows and emotions follow their cards, exact undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from cjo_desktop.commands import (
    DUPLICATE_OFFSET,
    DuplicateItems,
    Fragment,
    PasteFragment,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Journey, JourneyError, Position, Stage, Touchpoint


def push_and_check(journey: Journey, stack: QUndoStack, command: PasteFragment) -> Journey:
    """Push, undo (== before), redo (== after, same ids); returns the journey after."""
    before = journey.copy()
    stack.push(command)
    after = journey.copy()
    stack.undo()
    assert journey == before
    stack.redo()
    assert journey == after
    return after


def test_paste_a_stage_gives_fresh_ids_and_keeps_inner_flows(
    journey: Journey, stack: QUndoStack
) -> None:
    fragment = from_json(to_json(fragment_of(journey, ["buy"])))
    command = PasteFragment(journey, fragment, stage_index=0)
    assert command.text() == 'Paste stage "Buy"'
    push_and_check(journey, stack, command)
    new = command.id_map
    assert set(new) == {"buy", "cart", "checkout", "e-cart", "e-cart-hiker", "e-checkout"}
    assert not set(new.values()) & {"buy", "cart", "checkout", "e-cart"}
    assert [s.id for s in journey.stages()] == [new["buy"], "browse", "buy"]
    assert command.new_ids == [new["buy"], new["cart"], new["checkout"]]
    assert [t.name for t in journey.touchpoints(new["buy"])] == ["Cart", "Checkout"]
    assert journey.touchpoint(new["cart"]).position == Position(10.0, 20.0)
    assert journey.flow(new["cart"], new["checkout"]).count == 30
    assert journey.flow(new["cart"], None).label == "left"
    assert journey.flows_of(new["checkout"]) == [journey.flow(new["cart"], new["checkout"])]
    assert journey.emotion(new["e-cart-hiker"]).touchpoint_id == new["cart"]
    assert journey.emotion(new["e-cart-hiker"]).persona_id == "hiker"


def test_pasting_twice_gives_two_sets_of_ids(journey: Journey, stack: QUndoStack) -> None:
    fragment = fragment_of(journey, ["cart", "checkout"])
    first = PasteFragment(journey, fragment, "browse")
    stack.push(first)
    second = PasteFragment(journey, fragment, "browse")
    stack.push(second)
    assert not set(first.id_map.values()) & set(second.id_map.values())
    assert len(journey.touchpoints("browse")) == 6


def test_loose_cards_go_to_the_target_stage_at_the_index(
    journey: Journey, stack: QUndoStack
) -> None:
    fragment = fragment_of(journey, ["cart", "checkout", "search"])
    command = PasteFragment(journey, fragment, "buy", index=1)
    assert command.text() == "Paste 3 touchpoints"
    push_and_check(journey, stack, command)
    ids = command.id_map
    assert [t.id for t in journey.touchpoints("buy")] == [
        "cart",
        ids["search"],
        ids["cart"],
        ids["checkout"],
        "checkout",
    ]
    # search -> product is not copied (product stayed behind); cart -> checkout is
    assert journey.flows_of(ids["search"]) == []
    assert journey.has_flow(ids["cart"], ids["checkout"])


def test_paste_into_another_journey_drops_unknown_personas(
    journey: Journey, stack: QUndoStack
) -> None:
    other = Journey("Other")
    other.add_stage("Only", id="only")
    fragment = from_json(to_json(fragment_of(journey, ["buy", "search"])))
    with pytest.raises(JourneyError, match="choose a stage"):
        PasteFragment(other, fragment)  # "search" came from "browse", which other lacks
    command = PasteFragment(other, fragment, "only")
    push_and_check(other, stack, command)
    assert [s.name for s in other.stages()] == ["Only", "Buy"]
    assert [t.name for t in other.touchpoints("only")] == ["Search"]
    assert [e.persona_id for e in other.emotions()] == [None, None, None]
    assert other.has_flow(command.id_map["cart"], None)


def test_paste_of_the_whole_example_doubles_it(example: Journey, stack: QUndoStack) -> None:
    n_cards, n_flows = len(example.touchpoints()), len(example.flows())
    fragment = fragment_of(example, [s.id for s in example.stages()])
    push_and_check(example, stack, PasteFragment(example, fragment))
    assert len(example.touchpoints()) == 2 * n_cards
    assert len(example.flows()) == 2 * n_flows


def test_bad_pastes_are_refused(journey: Journey, stack: QUndoStack) -> None:
    fragment = fragment_of(journey, ["cart"])
    with pytest.raises(JourneyError):
        PasteFragment(journey, fragment, "nope")
    with pytest.raises(JourneyError):
        PasteFragment(journey, fragment, "buy", index=3)
    with pytest.raises(JourneyError):
        PasteFragment(journey, fragment, None, index=0)
    with pytest.raises(JourneyError):
        PasteFragment(journey, fragment, stage_index=3)
    with pytest.raises(JourneyError):
        PasteFragment(journey, Fragment(touchpoints=(Touchpoint("t", "", "buy"),)))
    stack.push(PasteFragment(journey, Fragment()))
    assert stack.count() == 0


def test_paste_of_stages_in_the_middle_keeps_their_order(
    example: Journey, stack: QUndoStack
) -> None:
    fragment = Fragment(stages=(Stage("a", "A"), Stage("b", "B")))
    command = PasteFragment(example, fragment, stage_index=1)
    assert command.text() == "Paste 2 stages"
    push_and_check(example, stack, command)
    names = [s.name for s in example.stages()]
    assert names[1:3] == ["A", "B"] and len(names) == 7


def test_duplicate_cards_in_their_own_stages(journey: Journey, stack: QUndoStack) -> None:
    command = DuplicateItems(journey, ["cart", "search"])
    assert command.text() == "Duplicate 2 touchpoints"
    push_and_check(journey, stack, command)
    ids = command.id_map
    assert [t.id for t in journey.touchpoints("browse")] == ["search", "product", ids["search"]]
    assert [t.id for t in journey.touchpoints("buy")] == ["cart", "checkout", ids["cart"]]
    dx, dy = DUPLICATE_OFFSET
    assert journey.touchpoint(ids["cart"]).position == Position(10.0 + dx, 20.0 + dy)
    assert journey.touchpoint(ids["search"]).position is None


def test_duplicate_a_stage_right_after_it(journey: Journey, stack: QUndoStack) -> None:
    command = DuplicateItems(journey, ["browse"])
    assert command.text() == 'Duplicate stage "Browse"'
    push_and_check(journey, stack, command)
    assert [s.id for s in journey.stages()] == ["browse", command.id_map["browse"], "buy"]
    copy = command.id_map
    assert journey.flow(copy["search"], copy["product"]).label == "clicked"
