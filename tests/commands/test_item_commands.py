"""Field edits: the map's title and description, any item field, and merging of nudges."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import SetDescription, SetTitle, UpdateItem
from cjo_desktop.domain import Journey, JourneyError, Position

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def test_set_title_and_description(journey: Journey, roundtrip: RoundTrip) -> None:
    command = SetTitle(journey, "Shop v2")
    assert command.text() == 'Rename map to "Shop v2"'
    roundtrip(journey, command, lambda j: _eq(j.title, "Shop v2"))
    roundtrip(journey, SetDescription(journey, "notes"), lambda j: _eq(j.description, "notes"))
    with pytest.raises(JourneyError):
        SetTitle(journey, None)  # type: ignore[arg-type]


def test_setting_the_same_title_is_dropped(journey: Journey, stack: QUndoStack) -> None:
    stack.push(SetTitle(journey, "Shop"))
    stack.push(SetDescription(journey, ""))
    assert stack.count() == 0


@pytest.mark.parametrize(
    ("item_id", "changes", "text"),
    [
        ("buy", {"name": "Purchase"}, 'Rename stage "Buy" to "Purchase"'),
        ("buy", {"name": "Purchase", "description": "pay"}, 'Edit name and description of "Buy"'),
        ("cart", {"channel": "app"}, 'Set channel of "Cart" to "app"'),
        ("cart", {"tags": ["a", "b"], "owner": "Ops"}, 'Edit tags and owner of "Cart"'),
        ("cart", {"position": Position(1, 1)}, 'Move touchpoint "Cart"'),
        ("cart", {"position": None}, 'Auto-place touchpoint "Cart"'),
        ("e-cart", {"valence": -2}, 'Set feeling of "Cart" to -2 (frustrated)'),
        ("e-cart", {"persona_id": "camper"}, 'Give feeling of "Cart" to "Camper"'),
        (
            "e-cart-hiker",
            {"persona_id": None, "label": "x"},
            'Edit persona and label of feeling of "Cart"',
        ),
        ("hiker", {"name": "Trekker"}, 'Rename persona "Hiker" to "Trekker"'),
    ],
)
def test_update_item(
    journey: Journey,
    roundtrip: RoundTrip,
    item_id: str,
    changes: dict[str, Any],
    text: str,
) -> None:
    command = UpdateItem(journey, item_id, **changes)
    assert command.text() == text

    def check(j: Journey) -> None:
        item = j.item(item_id)
        for key, value in changes.items():
            assert getattr(item, key) == (tuple(value) if isinstance(value, list) else value)

    roundtrip(journey, command, check)


@pytest.mark.parametrize(
    ("item_id", "changes"),
    [
        ("nope", {"name": "x"}),
        ("buy", {}),
        ("buy", {"name": ""}),
        ("buy", {"id": "x"}),
        ("buy", {"channel": "web"}),
        ("cart", {"stage_id": "browse"}),
        ("cart", {"tags": "one"}),
        ("cart", {"position": (1, 2)}),
        ("cart", {"owner": None}),
        ("e-cart", {"touchpoint_id": "search"}),
        ("e-cart", {"valence": 5}),
        ("e-cart", {"persona_id": "nobody"}),
        ("e-cart", {"persona_id": 3}),
        ("hiker", {"persona_id": "camper"}),
    ],
)
def test_update_item_refuses_bad_input_before_the_push(
    journey: Journey, stack: QUndoStack, item_id: str, changes: dict[str, Any]
) -> None:
    before = journey.copy()
    with pytest.raises(JourneyError):
        UpdateItem(journey, item_id, **changes)
    assert journey == before and stack.count() == 0


def test_nudges_of_one_field_merge_into_one_step(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    for dx in range(1, 6):
        stack.push(UpdateItem(journey, "cart", merge=True, position=Position(10.0 + dx, 20.0)))
    assert stack.count() == 1
    assert journey.touchpoint("cart").position == Position(15.0, 20.0)
    after = journey.copy()
    stack.undo()
    assert journey == before
    stack.redo()
    assert journey == after


def test_valence_nudges_merge_and_undo_to_the_first_value(
    journey: Journey, stack: QUndoStack
) -> None:
    stack.push(UpdateItem(journey, "e-checkout", merge=True, valence=-1))
    stack.push(UpdateItem(journey, "e-checkout", merge=True, valence=0))
    stack.push(UpdateItem(journey, "e-checkout", merge=True, valence=1))
    assert stack.count() == 1 and journey.emotion("e-checkout").valence == 1
    stack.undo()
    assert journey.emotion("e-checkout").valence == -2


def test_nudged_back_to_the_start_leaves_no_step(journey: Journey, stack: QUndoStack) -> None:
    stack.push(SetTitle(journey, "Other"))
    before = journey.copy()
    stack.push(UpdateItem(journey, "cart", merge=True, position=Position(11.0, 20.0)))
    stack.push(UpdateItem(journey, "cart", merge=True, position=Position(10.0, 20.0)))
    assert stack.count() == 1 and stack.index() == 1
    assert journey == before


@pytest.mark.parametrize(
    "second",
    [
        {"item_id": "checkout", "merge": True, "name": "B"},  # another item
        {"item_id": "cart", "merge": True, "channel": "B"},  # another field
        {"item_id": "cart", "merge": False, "name": "B"},  # not a nudge
        {"item_id": "cart", "merge": True, "name": "B", "owner": "B"},  # two fields
    ],
)
def test_edits_that_do_not_merge(
    journey: Journey, stack: QUndoStack, second: dict[str, object]
) -> None:
    stack.push(UpdateItem(journey, "cart", merge=True, name="A"))
    item_id = second.pop("item_id")
    stack.push(UpdateItem(journey, str(item_id), **second))  # type: ignore[arg-type]
    assert stack.count() == 2


def test_no_merge_across_a_save(journey: Journey, stack: QUndoStack) -> None:
    stack.push(UpdateItem(journey, "cart", merge=True, name="A"))
    stack.setClean()
    stack.push(UpdateItem(journey, "cart", merge=True, name="B"))
    assert stack.count() == 2


def _eq(a: object, b: object) -> None:
    assert a == b
