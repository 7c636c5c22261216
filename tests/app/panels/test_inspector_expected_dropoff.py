"""The Inspector sets a card's expected drop-off as a percentage, one undo step each, refuses
what is not a percentage from 0 to 100 with a sentence, and clears it when emptied."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.app.panels.inspector import InspectorDock
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.editor.document import Document
from cjo_desktop.io import dumps_map, load_map, loads_map
from cjo_desktop.io.templates import example_path

CTRL = Qt.KeyboardModifier.ControlModifier
CARD = "tp-trail-blog"


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[tuple[Document, JourneyScene, InspectorDock]]:
    document = Document(load_map(example_path()))
    scene = JourneyScene()
    scene.set_journey(document.journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    dock = InspectorDock(document, scene, view)
    qtbot.addWidget(dock)
    dock.show()
    yield document, scene, dock
    scene.set_journey(None)


def retype(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_set_the_expected_dropoff_then_undo_and_redo(
    qtbot: QtBot, parts: tuple[Document, JourneyScene, InspectorDock]
) -> None:
    document, scene, dock = parts
    journey = document.journey
    assert journey.touchpoint(CARD).expected_dropoff is None
    scene.select_ids([CARD])
    qtbot.waitUntil(lambda: dock.target == ("touchpoint", CARD))
    assert dock.tp_expected.text() == ""
    assert dock.tp_expected.placeholderText() == "typical of the stage"

    retype(qtbot, dock.tp_expected, "12.5 %")
    assert journey.touchpoint(CARD).expected_dropoff == 0.125
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == 'Expect 12.5% drop-off at "Trail guide blog post"'
    # the saved file holds the share and reads back
    saved = loads_map(dumps_map(journey))
    assert saved.touchpoint(CARD).expected_dropoff == 0.125

    document.undo_stack.undo()
    assert journey.touchpoint(CARD).expected_dropoff is None
    qtbot.waitUntil(lambda: dock.tp_expected.text() == "")
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: dock.tp_expected.text() == "12.5%")

    retype(qtbot, dock.tp_expected, "")
    assert journey.touchpoint(CARD).expected_dropoff is None
    assert document.undo_stack.count() == 2


@pytest.mark.parametrize("typed", ["120", "-5", "abc", "nan"])
def test_a_value_that_is_not_a_percentage_is_refused_with_a_sentence(
    qtbot: QtBot, parts: tuple[Document, JourneyScene, InspectorDock], typed: str
) -> None:
    document, scene, dock = parts
    scene.select_ids([CARD])
    qtbot.waitUntil(lambda: dock.target == ("touchpoint", CARD))
    retype(qtbot, dock.tp_expected, typed)
    assert document.journey.touchpoint(CARD).expected_dropoff is None
    assert document.undo_stack.count() == 0
    assert dock.tp_expected_problem.isVisible()
    assert dock.tp_expected_problem.text() == f"Type a percentage\nfrom 0 to 100,\nnot {typed!r}."
    retype(qtbot, dock.tp_expected, "40")
    assert not dock.tp_expected_problem.isVisible()
    assert document.journey.touchpoint(CARD).expected_dropoff == 0.4
