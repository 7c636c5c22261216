"""Flows and drop-offs: connect, disconnect, edit counts (a spin box merges into one step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import AddFlow, RemoveFlow, UpdateFlow, UpdateItem
from cjo_desktop.domain import Flow, Journey, JourneyError

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def test_connect_two_touchpoints(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddFlow(journey, "search", "cart", 7, "direct")
    assert command.text() == 'Connect "Search" to "Cart"'

    def check(j: Journey) -> None:
        assert j.flow("search", "cart") == Flow("search", "cart", 7, "direct")

    roundtrip(journey, command, check)


def test_add_a_dropoff(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddFlow(journey, "checkout", None, count=5)
    assert command.text() == 'Add drop-off at "Checkout"'
    roundtrip(journey, command, lambda j: _eq(j.flow("checkout", None).count, 5))


@pytest.mark.parametrize(
    "args",
    [
        ("nope", "cart"),
        ("cart", "nope"),
        ("cart", "checkout"),
        ("cart", None),
        ("search", "cart", -1),
        ("search", "cart", True),
        ("search", "cart", 1.5),
        ("search", "cart", None, 3),
        ("browse", "cart"),
    ],
)
def test_add_flow_refuses_bad_input(journey: Journey, args: tuple[object, ...]) -> None:
    with pytest.raises(JourneyError):
        AddFlow(journey, *args)  # type: ignore[arg-type]


def test_remove_flow_and_dropoff_keep_count_and_label(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = RemoveFlow(journey, "search", "product")
    assert command.text() == 'Disconnect "Search" from "Product"'
    roundtrip(journey, command, lambda j: _eq(j.has_flow("search", "product"), False))
    command = RemoveFlow(journey, "cart", None)
    assert command.text() == 'Remove drop-off at "Cart"'
    roundtrip(journey, command, lambda j: _eq(j.has_flow("cart", None), False))
    with pytest.raises(JourneyError):
        RemoveFlow(journey, "search", "cart")


def test_update_flow(journey: Journey, roundtrip: RoundTrip) -> None:
    command = UpdateFlow(journey, "cart", "checkout", count=None, label="paid")
    assert command.text() == 'Edit flow from "Cart" to "Checkout"'

    def check(j: Journey) -> None:
        assert j.flow("cart", "checkout") == Flow("cart", "checkout", None, "paid")

    roundtrip(journey, command, check)


@pytest.mark.parametrize("changes", [{}, {"count": -2}, {"colour": "red"}, {"label": 3}])
def test_update_flow_refuses_bad_input(journey: Journey, changes: dict[str, Any]) -> None:
    with pytest.raises(JourneyError):
        UpdateFlow(journey, "cart", "checkout", **changes)
    with pytest.raises(JourneyError):
        UpdateFlow(journey, "cart", "search", count=1)


def test_spin_box_edits_of_a_count_merge(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    for count in (31, 32, 33, 34):
        stack.push(UpdateFlow(journey, "cart", "checkout", merge=True, count=count))
    assert stack.count() == 1
    assert journey.flow("cart", "checkout").count == 34
    # another flow, another field, or an edit without merge: a new step each
    stack.push(UpdateFlow(journey, "cart", None, merge=True, count=11))
    stack.push(UpdateFlow(journey, "cart", None, merge=True, label="gone"))
    stack.push(UpdateFlow(journey, "cart", None, count=12))
    assert stack.count() == 4
    while stack.canUndo():
        stack.undo()
    assert journey == before


def test_flow_and_item_edits_never_merge(journey: Journey, stack: QUndoStack) -> None:
    stack.push(UpdateFlow(journey, "cart", "checkout", merge=True, label="a"))
    stack.push(UpdateItem(journey, "cart", merge=True, name="a"))
    assert stack.count() == 2


def _eq(a: object, b: object) -> None:
    assert a == b
