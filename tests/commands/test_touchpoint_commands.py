"""Touchpoints: add, remove (with flows and emotions), move one card or a whole drag."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    KEEP,
    AddTouchpoint,
    Move,
    MoveTouchpoint,
    MoveTouchpoints,
    RemoveTouchpoint,
)
from cjo_desktop.domain import Journey, JourneyError, Position

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def order(j: Journey, stage_id: str | None = None) -> list[str]:
    return [t.id for t in j.touchpoints(stage_id)]


def test_add_touchpoint_with_fields_at_an_index(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddTouchpoint(
        journey, "buy", "Coupon", 1, channel="email", tags=("promo",), position=Position(1, 2)
    )
    assert command.text() == 'Add touchpoint "Coupon"'
    new = command.touchpoint_id

    def check(j: Journey) -> None:
        assert order(j, "buy") == ["cart", new, "checkout"]
        tp = j.touchpoint(new)
        assert (tp.channel, tp.tags, tp.position) == ("email", ("promo",), Position(1, 2))

    roundtrip(journey, command, check)


def test_add_touchpoint_with_a_given_id_at_the_end(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddTouchpoint(journey, "browse", "Blog", touchpoint_id="blog", owner="Content")

    def check(j: Journey) -> None:
        assert order(j, "browse") == ["search", "product", "blog"]
        assert j.touchpoint("blog").owner == "Content"

    roundtrip(journey, command, check)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"stage_id": "nope", "name": "x"},
        {"stage_id": "buy", "name": ""},
        {"stage_id": "buy", "name": "x", "index": 3},
        {"stage_id": "buy", "name": "x", "touchpoint_id": "cart"},
        {"stage_id": "buy", "name": "x", "colour": "red"},
        {"stage_id": "buy", "name": "x", "tags": "one string"},
        {"stage_id": "buy", "name": "x", "position": (1, 2)},
        {"stage_id": "buy", "name": "x", "channel": 5},
        {"stage_id": "buy", "name": "x", "stage": "buy"},
    ],
)
def test_add_touchpoint_refuses_bad_input(
    journey: Journey, stack: QUndoStack, kwargs: dict[str, object]
) -> None:
    before = journey.copy()
    with pytest.raises(JourneyError):
        AddTouchpoint(journey, **kwargs)  # type: ignore[arg-type]
    assert journey == before and stack.count() == 0


def test_remove_touchpoint_takes_flows_dropoff_and_emotions(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = RemoveTouchpoint(journey, "cart")
    assert command.text() == 'Remove touchpoint "Cart"'
    kinds = [type(c).__name__ for c in command.children()]
    assert kinds == ["RemoveFlow"] * 3 + ["RemoveEmotion"] * 2

    def check(j: Journey) -> None:
        assert order(j) == ["search", "product", "checkout"]
        assert [f.key for f in j.flows()] == [("checkout", "product"), ("search", "product")]
        assert "e-cart" not in j and "e-cart-hiker" not in j

    roundtrip(journey, command, check)


def test_remove_touchpoint_with_a_loop_flow(journey: Journey, stack: QUndoStack) -> None:
    journey.add_flow("cart", "cart", count=3)
    before = journey.copy()
    stack.push(RemoveTouchpoint(journey, "cart"))
    stack.undo()
    assert journey == before
    assert journey.flow("cart", "cart").count == 3


def test_remove_each_example_card_and_undo_exactly(example: Journey, stack: QUndoStack) -> None:
    before = example.copy()
    for tp in before.touchpoints():
        stack.push(RemoveTouchpoint(example, tp.id))
    assert example.touchpoints() == [] and example.flows() == [] and example.emotions() == []
    while stack.canUndo():
        stack.undo()
    assert example == before


def test_move_touchpoint_within_its_stage(journey: Journey, roundtrip: RoundTrip) -> None:
    command = MoveTouchpoint(journey, "product", "browse", 0)
    assert command.text() == 'Move touchpoint "Product"'
    roundtrip(journey, command, lambda j: _eq(order(j, "browse"), ["product", "search"]))


def test_move_touchpoint_to_another_stage_and_place_it(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = MoveTouchpoint(journey, "search", "buy", 1, position=Position(5, 6))
    assert command.text() == 'Move touchpoint "Search" to "Buy"'

    def check(j: Journey) -> None:
        assert order(j, "buy") == ["cart", "search", "checkout"]
        assert j.touchpoint("search").position == Position(5, 6)
        assert j.touchpoint("search").stage_id == "buy"

    roundtrip(journey, command, check)


def test_move_touchpoint_to_the_end_and_back_to_auto_layout(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = MoveTouchpoint(journey, "cart", "buy", None, None)

    def check(j: Journey) -> None:
        assert order(j, "buy") == ["checkout", "cart"]
        assert j.touchpoint("cart").position is None

    roundtrip(journey, command, check)


def test_move_touchpoint_only_its_position(journey: Journey, roundtrip: RoundTrip) -> None:
    command = MoveTouchpoint(journey, "cart", "buy", 0, Position(7, 8))
    roundtrip(journey, command, lambda j: _eq(j.touchpoint("cart").position, Position(7, 8)))


def test_a_move_that_changes_nothing_is_dropped(journey: Journey, stack: QUndoStack) -> None:
    stack.push(MoveTouchpoint(journey, "cart", "buy", 0))
    stack.push(MoveTouchpoint(journey, "cart", "buy", 0, Position(10.0, 20.0)))
    stack.push(MoveTouchpoint(journey, "checkout", "buy", None, KEEP))
    stack.push(MoveTouchpoints(journey, [("search", "browse", 0, KEEP)]))
    assert stack.count() == 0


@pytest.mark.parametrize(
    "args",
    [
        ("nope", "buy", 0),
        ("cart", "nope", 0),
        ("cart", "buy", 2),
        ("cart", "browse", 3),
        ("cart", "buy", -1),
    ],
)
def test_move_touchpoint_refuses_bad_input(journey: Journey, args: tuple[str, str, int]) -> None:
    with pytest.raises(JourneyError):
        MoveTouchpoint(journey, *args)
    with pytest.raises(JourneyError):
        MoveTouchpoint(journey, "cart", "buy", 0, position=(1, 2))  # type: ignore[arg-type]


def test_move_many_cards_is_one_undo_step(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    moves: list[Move] = [
        ("search", "buy", 0, Position(0, 0)),
        ("product", "buy", 1, Position(0, 50)),
        ("checkout", "browse", 0, KEEP),
    ]
    command = MoveTouchpoints(journey, moves)
    assert command.text() == "Move 3 touchpoints"
    stack.push(command)
    assert stack.count() == 1
    assert order(journey, "browse") == ["checkout"]
    assert order(journey, "buy") == ["search", "product", "cart"]
    assert journey.touchpoint("product").position == Position(0, 50)
    after = journey.copy()
    stack.undo()
    assert journey == before
    stack.redo()
    assert journey == after


def test_move_many_checks_each_index_against_the_moves_before_it(journey: Journey) -> None:
    # "buy" has two cards; after the first move it has three, so index 3 is then valid
    MoveTouchpoints(journey, [("search", "buy", 2, KEEP), ("product", "buy", 3, KEEP)])
    with pytest.raises(JourneyError):
        MoveTouchpoints(journey, [("search", "buy", 2, KEEP), ("product", "buy", 4, KEEP)])
    with pytest.raises(JourneyError):
        MoveTouchpoints(journey, [("search", "buy", 3, KEEP)])
    with pytest.raises(JourneyError):
        MoveTouchpoints(journey, [("search", "buy", 0)])  # type: ignore[list-item]


def test_move_the_same_card_twice_in_one_drag(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    stack.push(MoveTouchpoints(journey, [("cart", "browse", 0, KEEP), ("cart", "buy", 1, None)]))
    assert order(journey, "buy") == ["checkout", "cart"]
    assert journey.touchpoint("cart").position is None
    stack.undo()
    assert journey == before


def _eq(a: object, b: object) -> None:
    assert a == b
