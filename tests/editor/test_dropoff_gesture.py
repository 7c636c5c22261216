"""Dragging a card's handle onto empty canvas records a drop-off there: where customers leave.

It must be one undo step that undo takes back exactly, and a second drag from the same card
must not add a second drop-off (the status bar says why, as connecting twice does).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mouse import drag
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.editor.controller import EditorController
from cjo_desktop.editor.document import Document


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[EditorController]:
    j = Journey("Shop")
    j.add_stage("Consideration", id="co")
    j.add_stage("Decision", id="de")
    j.add_touchpoint("co", "Website", id="web", channel="web")
    j.add_touchpoint("de", "Checkout", id="buy", channel="web")
    j.add_flow("web", "buy", count=100)
    document = Document(j)
    scene = JourneyScene()
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    controller = EditorController(document, scene, view)
    view.set_zoom(0.8)
    view.centerOn(scene.cards["web"])
    yield controller
    scene.set_journey(None)


def handle(editor: EditorController, tp: str) -> QPointF:
    card = editor.scene.cards[tp]
    return card.mapToScene(card.handle_center())


def empty_spot(editor: EditorController, tp: str) -> QPointF:
    """A point on the canvas below the card, where no card is."""
    rect = editor.scene.cards[tp].footprint()
    spot = QPointF(rect.right() + 20, rect.bottom() + 60)
    assert editor.scene.card_at(spot) is None
    assert editor.view.viewport().rect().contains(editor.view.mapFromScene(spot))
    return spot


def test_drag_to_empty_canvas_adds_one_dropoff_and_undo_removes_it(
    editor: EditorController,
) -> None:
    before = editor.journey.copy()
    drag(editor.view, handle(editor, "web"), empty_spot(editor, "web"))
    assert editor.journey.has_flow("web", None)
    assert editor.journey.flow("web", None).count is None  # the user fills it in next
    assert editor.document.undo_stack.count() == 1
    assert editor.document.undo_stack.undoText() == 'Add drop-off at "Website"'
    editor.scene.flush()
    assert editor.scene.selected_flows() == [("web", None)]  # the Inspector shows it to edit
    editor.document.undo_stack.undo()
    assert editor.journey == before
    editor.scene.flush()
    assert ("web", None) not in editor.scene.flows
    editor.document.undo_stack.redo()
    assert editor.journey.has_flow("web", None)


def test_a_second_drag_to_empty_canvas_adds_no_duplicate(
    qtbot: QtBot, editor: EditorController
) -> None:
    drag(editor.view, handle(editor, "web"), empty_spot(editor, "web"))
    editor.scene.flush()
    with qtbot.waitSignal(editor.statusMessage) as said:
        drag(editor.view, handle(editor, "web"), empty_spot(editor, "web"))
    assert said.args == ["This touchpoint has a drop-off already"]
    assert [f.key for f in editor.journey.flows() if f.is_dropoff] == [("web", None)]
    assert editor.document.undo_stack.count() == 1


def test_releasing_on_the_card_itself_adds_nothing(editor: EditorController) -> None:
    card = editor.scene.cards["web"].footprint()
    drag(editor.view, handle(editor, "web"), card.center())
    assert editor.document.undo_stack.count() == 0
    assert not editor.journey.has_flow("web", None)


def test_drag_onto_a_card_still_connects(editor: EditorController) -> None:
    editor.journey.remove_flow("web", "buy")
    editor.scene.set_journey(editor.journey)
    target = editor.scene.cards["buy"].sceneBoundingRect().center() - QPointF(4, 0)
    drag(editor.view, handle(editor, "web"), target)
    assert editor.journey.has_flow("web", "buy")
    assert not editor.journey.has_flow("web", None)
