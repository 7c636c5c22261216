"""Delete of a mixed selection: one step, each thing removed once, undo restores all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import RemoveItems
from cjo_desktop.domain import Journey, JourneyError

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def test_remove_a_mixed_selection(journey: Journey, roundtrip: RoundTrip) -> None:
    keys: list[str | tuple[str, str | None]] = [
        "cart",
        ("cart", "checkout"),  # also a flow of the removed card
        "e-cart",  # also an emotion of the removed card
        "checkout",  # shares the flow cart -> checkout
        ("search", "product"),
        "e-search",
        "hiker",  # its emotion at cart goes with cart
    ]
    command = RemoveItems(journey, keys)
    assert command.text() == "Remove 7 items"
    kinds = [type(c).__name__ for c in command.children()]
    assert kinds == [
        "RemoveFlow",
        "RemoveFlow",
        "RemoveEmotion",
        "RemoveTouchpoint",
        "RemoveTouchpoint",
        "RemovePersona",
    ]

    def check(j: Journey) -> None:
        assert [t.id for t in j.touchpoints()] == ["search", "product"]
        assert j.flows() == [] and j.emotions() == []
        assert [p.id for p in j.personas()] == ["camper"]

    roundtrip(journey, command, check)


def test_cards_in_a_removed_stage_go_with_it(journey: Journey, roundtrip: RoundTrip) -> None:
    command = RemoveItems(journey, ["checkout", "buy", "product", ("cart", None)])
    kinds = [type(c).__name__ for c in command.children()]
    assert kinds == ["RemoveFlow", "RemoveTouchpoint", "RemoveStage"]

    def check(j: Journey) -> None:
        assert [s.id for s in j.stages()] == ["browse"]
        assert [t.id for t in j.touchpoints()] == ["search"]

    roundtrip(journey, command, check)


def test_remove_everything_of_the_example(example: Journey, roundtrip: RoundTrip) -> None:
    keys: list[str | tuple[str, str | None]] = [f.key for f in example.flows()]
    keys += [e.id for e in example.emotions()] + [t.id for t in example.touchpoints()]
    keys += [s.id for s in example.stages()] + [p.id for p in example.personas()]
    command = RemoveItems(example, reversed(keys))

    def check(j: Journey) -> None:
        assert j.graph.number_of_nodes() == len(j.lanes()) and j.flows() == []  # lanes stay

    roundtrip(example, command, check)


def test_single_item_texts(journey: Journey) -> None:
    assert RemoveItems(journey, ["cart"]).text() == 'Remove touchpoint "Cart"'
    assert RemoveItems(journey, [("cart", None)]).text() == 'Remove drop-off at "Cart"'
    assert RemoveItems(journey, ["e-cart"]).text() == 'Remove feeling of "Cart"'
    assert RemoveItems(journey, ["cart", "search"]).text() == "Remove 2 touchpoints"
    assert RemoveItems(journey, ["cart", "cart"]).text() == 'Remove touchpoint "Cart"'


def test_nothing_selected_is_no_step(journey: Journey, stack: QUndoStack) -> None:
    stack.push(RemoveItems(journey, []))
    assert stack.count() == 0


@pytest.mark.parametrize("key", ["nope", ("cart", "search"), ("cart",), 3])
def test_unknown_keys_are_refused(journey: Journey, key: object) -> None:
    with pytest.raises(JourneyError):
        RemoveItems(journey, [key])  # type: ignore[list-item]
