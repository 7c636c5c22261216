"""The blueprint preset as one undo step that restores the map exactly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import ApplyBlueprintPreset
from cjo_desktop.domain import Journey
from cjo_desktop.domain.lanes import BLUEPRINT_LANES

Roundtrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def test_the_preset_adds_the_blueprint_lanes_in_one_undo_step(
    journey: Journey, roundtrip: Roundtrip
) -> None:
    def check(j: Journey) -> None:
        assert [lane.kind for lane in j.lanes()] == [kind for _, _, kind in BLUEPRINT_LANES]

    command = ApplyBlueprintPreset(journey)
    assert command.text() == "Service blueprint: add 4 blueprint lanes"
    roundtrip(journey, command, check)


def test_the_preset_shows_a_hidden_frontstage_lane_and_undo_hides_it_again(
    journey: Journey, stack: QUndoStack
) -> None:
    stack.push(ApplyBlueprintPreset(journey))
    journey.update("ln-frontstage", hidden=True)
    before = journey.state()
    command = ApplyBlueprintPreset(journey)
    assert command.text() == "Service blueprint: show 1 hidden lane"
    stack.push(command)
    assert not journey.lane("ln-frontstage").hidden
    stack.undo()
    assert journey.state() == before


def test_on_a_blueprint_the_preset_is_obsolete_and_never_reaches_the_history(
    journey: Journey, stack: QUndoStack
) -> None:
    stack.push(ApplyBlueprintPreset(journey))
    again = ApplyBlueprintPreset(journey)
    assert again.isObsolete()
    stack.push(again)
    assert stack.count() == 1
