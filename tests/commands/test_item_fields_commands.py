"""Copy, paste, duplicate and undo carry every field of every item; bad values never reach
the stack.

The commands add and restore items whole, so a field they were never told about still comes
back; and they ask the journey's check-only methods when built, so a value the journey would
refuse raises in the constructor, with the map and the history as they were.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    DUPLICATE_OFFSET,
    AddEmotion,
    AddFlow,
    AddOpportunity,
    AddPainPoint,
    AddPersona,
    AddStage,
    AddTouchpoint,
    DuplicateItems,
    MoveTouchpoint,
    PasteFragment,
    RemoveItems,
    SetDescription,
    SetEmotion,
    SetTitle,
    UpdateFlow,
    UpdateItem,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Journey, JourneyError, Position
from tests.domain.every_field import full_journey, without


def test_the_clipboard_text_keeps_every_field() -> None:
    journey = full_journey()
    fragment = fragment_of(journey, ["st-a", "st-b"])
    assert from_json(to_json(fragment)) == fragment
    assert fragment.touchpoints[0] == journey.touchpoint("tp-a")
    assert fragment.emotions[0] == journey.emotion("em-a")
    assert fragment.flows[0] == journey.flow("tp-a", "tp-b")


def test_a_paste_copies_every_field_and_undoes(stack: QUndoStack) -> None:
    journey = full_journey()
    before = journey.copy()
    paste = PasteFragment(journey, from_json(to_json(fragment_of(journey, ["st-a", "st-b"]))))
    stack.push(paste)
    new = paste.id_map
    assert without(journey.stage(new["st-a"]), "id") == without(journey.stage("st-a"), "id")
    card = journey.touchpoint(new["tp-a"])
    assert card.stage_id == new["st-a"]
    assert without(card, "id", "stage_id") == without(journey.touchpoint("tp-a"), "id", "stage_id")
    feeling = journey.emotion(new["em-a"])
    assert (feeling.touchpoint_id, feeling.persona_id) == (new["tp-a"], "pe-a")
    ids = ("id", "touchpoint_id")
    assert without(feeling, *ids) == without(journey.emotion("em-a"), *ids)
    flow = journey.flow(new["tp-a"], new["tp-b"])
    assert (flow.count, flow.label) == (7, "went on")
    stack.undo()
    assert journey == before


def test_a_duplicate_keeps_every_field_and_shifts_the_card(stack: QUndoStack) -> None:
    journey = full_journey()
    duplicate = DuplicateItems(journey, ["tp-a"])
    stack.push(duplicate)
    copy = journey.touchpoint(duplicate.id_map["tp-a"])
    dx, dy = DUPLICATE_OFFSET
    assert copy.position == Position(12.5 + dx, -3.25 + dy)
    keep = ("id", "position")
    assert without(copy, *keep) == without(journey.touchpoint("tp-a"), *keep)


def test_removing_everything_and_undoing_gives_every_field_back(stack: QUndoStack) -> None:
    journey = full_journey()
    before = journey.copy()
    everything: list[Any] = ["pe-a", "st-a", "st-b", "tp-a", "tp-b", "em-a", "pp-a", "op-a"]
    stack.push(RemoveItems(journey, [*everything, ("tp-a", "tp-b")]))
    assert journey.stages() == [] and journey.personas() == []
    stack.undo()
    assert journey == before
    stack.redo()
    stack.undo()
    assert journey == before


#: Commands built with a value the journey refuses, and what the refusal says.
REFUSED: list[tuple[str, Callable[[Journey], QUndoCommand], str]] = [
    ("owner not text", lambda j: AddTouchpoint(j, "st-b", "Card", owner=5), "owner must be text"),
    ("unknown field", lambda j: AddTouchpoint(j, "st-b", "Card", ownr="x"), "no field 'ownr'"),
    ("tags one string", lambda j: AddTouchpoint(j, "st-b", "Card", tags="ab"), "one string"),
    ("stage gone", lambda j: AddTouchpoint(j, "st-gone", "Card"), "no item with id 'st-gone'"),
    ("card index", lambda j: AddTouchpoint(j, "st-b", "Card", 5), r"outside 0\.\.1"),
    ("id in use", lambda j: AddStage(j, "Again", stage_id="tp-a"), "used already"),
    ("id with a space", lambda j: AddPersona(j, "P", persona_id="a b"), "not a valid id"),
    ("valence 3", lambda j: AddEmotion(j, "tp-b", 3), r"outside -2\.\.2"),
    ("persona gone", lambda j: AddEmotion(j, "tp-b", 1, persona_id="ghost"), "'ghost'"),
    ("set valence", lambda j: SetEmotion(j, "tp-a", -3, persona_id="pe-a"), "outside"),
    ("set label", lambda j: SetEmotion(j, "tp-b", 1, label=7), "label must be text"),  # type: ignore[arg-type]
    ("flow twice", lambda j: AddFlow(j, "tp-a", "tp-b"), "exists already"),
    ("count -1", lambda j: AddFlow(j, "tp-b", None, count=-1), "a flow count"),
    ("update count", lambda j: UpdateFlow(j, "tp-a", "tp-b", count=1.5), "a flow count"),
    ("severity", lambda j: AddPainPoint(j, "tp-b", "huge", "Slow"), "severity"),  # type: ignore[arg-type]
    ("answers elsewhere", lambda j: AddOpportunity(j, "tp-b", "pp-a", "Fix"), "not a pain point"),
    ("impact", lambda j: AddOpportunity(j, "tp-a", "pp-a", "Fix", impact=200), "percentage"),
    ("update persona", lambda j: UpdateItem(j, "em-a", persona_id="ghost"), "'ghost'"),
    ("update answers", lambda j: UpdateItem(j, "op-a", pain_point="tp-b"), "not a pain point"),
    ("update stage_id", lambda j: UpdateItem(j, "tp-a", stage_id="st-b"), "cannot be set"),
    ("update name", lambda j: UpdateItem(j, "st-a", name=" "), "cannot be empty"),
    ("move to nan", lambda j: MoveTouchpoint(j, "tp-a", "st-a", 0, Position(math.nan, 0)), "x"),
    ("move far", lambda j: MoveTouchpoint(j, "tp-a", "st-a", 0, Position(0, 1e300)), "y"),
    ("title", lambda j: SetTitle(j, ""), "the title cannot be empty"),
    ("description", lambda j: SetDescription(j, None), "description must be text"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("make", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_a_bad_value_is_refused_before_the_command_is_pushed(
    stack: QUndoStack, make: Callable[[Journey], QUndoCommand], message: str
) -> None:
    journey = full_journey()
    seen: list[object] = []
    journey.changed.connect(seen.append)
    with pytest.raises(JourneyError, match=message):
        stack.push(make(journey))
    assert stack.count() == 0
    assert seen == []
    assert journey == full_journey()
