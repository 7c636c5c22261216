"""What all commands share: children that live as long as their parent, macros, events."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    AddStage,
    AddTouchpoint,
    Macro,
    RemoveItems,
    RemoveStage,
    SetTitle,
    UpdateItem,
)
from cjo_desktop.domain import Change, Journey, Position


def test_composites_survive_garbage_collection_clear_and_stack_deletion(
    example: Journey,
) -> None:
    stack = QUndoStack()
    before = example.copy()
    for stage in example.stages()[:3]:
        stack.push(RemoveStage(example, stage.id))
    gc.collect()
    stack.setIndex(0)
    gc.collect()
    assert example == before
    stack.setIndex(3)
    stack.setIndex(1)
    stack.push(SetTitle(example, "drops the steps that could be redone"))
    gc.collect()
    stack.clear()
    gc.collect()
    stack.push(RemoveItems(example, [example.stages()[0].id]))
    del stack
    gc.collect()


def test_a_macro_is_one_step(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    macro = Macro("Align cards")
    UpdateItem(journey, "search", parent=macro, position=Position(0, 0))
    UpdateItem(journey, "product", parent=macro, position=Position(0, 100))
    AddStage(journey, "New", stage_id="new", parent=macro)
    AddTouchpoint(journey, "new", "Card", parent=macro)
    assert len(macro.children()) == 4
    stack.push(macro)
    del macro
    gc.collect()
    after = journey.copy()
    assert stack.count() == 1
    assert journey.touchpoint("product").position == Position(0, 100)
    assert [t.name for t in journey.touchpoints("new")] == ["Card"]
    stack.undo()
    gc.collect()
    assert journey == before
    stack.redo()
    assert journey == after


def test_a_qt_parent_is_refused(journey: Journey) -> None:
    with pytest.raises(TypeError):
        SetTitle(journey, "x", parent=QUndoCommand("plain"))  # type: ignore[arg-type]


def test_commands_work_inside_a_stack_macro(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    stack.beginMacro("Tidy up")
    stack.push(RemoveStage(journey, "browse"))
    stack.push(SetTitle(journey, "Tidy"))
    stack.endMacro()
    gc.collect()
    after = journey.copy()
    assert stack.count() == 1
    stack.undo()
    assert journey == before
    stack.redo()
    assert journey == after


def test_undo_emits_the_inverse_changes_in_reverse_order(
    journey: Journey, stack: QUndoStack
) -> None:
    seen: list[Change] = []
    journey.changed.connect(seen.append)
    stack.push(RemoveStage(journey, "buy"))
    redo = [(c.action, c.kind, c.key) for c in seen]
    seen.clear()
    stack.undo()
    undo = [(c.action, c.kind, c.key) for c in seen]
    inverse = {"add": "remove", "remove": "add"}
    assert undo == [(inverse[a], k, key) for a, k, key in reversed(redo)]
    assert len(redo) == 1 + 2 + 4 + 3  # stage, cards, flows (one a drop-off), emotions
