"""The Inspector adds a drop-off to the selected card and edits a drop-off's count and label,
each an undo step that undo takes back exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.app.panels.inspector import InspectorDock
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

CTRL = Qt.KeyboardModifier.ControlModifier


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
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_add_a_dropoff_then_fill_in_its_count_and_label(
    qtbot: QtBot, parts: tuple[Document, JourneyScene, InspectorDock]
) -> None:
    document, scene, dock = parts
    journey, before = document.journey, document.journey.state()
    key = ("tp-order-confirmation", None)
    assert not journey.has_flow(*key)
    scene.select_ids(["tp-order-confirmation"])
    qtbot.waitUntil(lambda: dock.tp_dropoff.text() == "Add drop-off")

    qtbot.mouseClick(dock.tp_dropoff, Qt.MouseButton.LeftButton)
    assert journey.has_flow(*key)
    assert document.undo_stack.count() == 1
    assert dock.target == ("flow", key)  # the drop-off is shown, ready to fill in
    assert dock.flow_from.text() == "Order confirmation"
    assert dock.flow_to.text() == "(drop-off)"

    retype(qtbot, dock.flow_count, "320")
    retype(qtbot, dock.flow_label, "Cancelled the order")
    flow = journey.flow(*key)
    assert (flow.count, flow.label) == (320, "Cancelled the order")
    assert document.undo_stack.count() == 3

    document.undo_stack.undo()
    assert journey.flow(*key).label == ""
    document.undo_stack.undo()
    assert journey.flow(*key).count is None
    document.undo_stack.undo()
    assert journey.state() == before
    for _ in range(3):
        document.undo_stack.redo()
    flow = journey.flow(*key)
    assert (flow.count, flow.label) == (320, "Cancelled the order")


def test_a_card_with_a_dropoff_offers_to_edit_it_not_add_another(
    qtbot: QtBot, parts: tuple[Document, JourneyScene, InspectorDock]
) -> None:
    document, scene, dock = parts
    scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: dock.tp_dropoff.text() == "Edit drop-off")
    qtbot.mouseClick(dock.tp_dropoff, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == 0
    assert dock.target == ("flow", ("tp-cart", None))
    assert dock.flow_count.value() == 1020
    assert dock.flow_label.text() == "Left anonymously"
    retype(qtbot, dock.flow_count, "900")
    assert document.journey.flow("tp-cart", None).count == 900
    document.undo_stack.undo()
    assert document.journey.flow("tp-cart", None).count == 1020
