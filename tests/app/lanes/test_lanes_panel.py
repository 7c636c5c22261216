"""The Lanes panel driven as a user would: add a Backstage lane from its menu, name it in
place, rename it with F2, drag it above Emotion, hide Emotion with its check box (the map
leaves it out), collapse a lane with its arrow or the Left key, delete a lane with its free
cards and undo; the touchpoint lane cannot be hidden or deleted. Every step is one undo step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontMetrics
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from cjo_desktop.app.lanes.dock import LanesDock
from cjo_desktop.app.lanes.lane_list import LaneList
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import AddLane
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain.model import FreeCard

STANDARD = ["Touchpoints", "Emotion", "Pain points", "Opportunities"]


@pytest.fixture
def dock(window: MainWindow) -> Iterator[LanesDock]:
    """The Lanes panel in front, as View > Lanes Panel leaves it."""
    window.lane_actions.show_panel.trigger()
    QApplication.processEvents()
    assert window.lane_dock.isVisible() and window.lane_dock.lanes.hasFocus()
    yield window.lane_dock


def names(window: MainWindow) -> list[str]:
    return [lane.name for lane in window.document.journey.lanes()]


def rows(dock: LanesDock) -> list[str]:
    dock.refresh()
    return [dock.model.lane(r).name for r in range(dock.model.rowCount())]


def click_row(qtbot: QtBot, lanes: LaneList, row: int, part: str = "name") -> None:
    qtbot.mouseClick(
        lanes.viewport(), Qt.MouseButton.LeftButton, pos=lanes.part_rect(row, part).center()
    )


def type_name(qtbot: QtBot, text: str) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def kind_action(menu: QMenu, kind: str) -> QAction:
    menu.aboutToShow.emit()  # as opening the menu does: greys out the kinds the map has
    return next(a for a in menu.actions() if a.data() == kind)


def drop(lanes: LaneList, row: int, target: QPoint) -> None:
    """Drag the lane of ``row`` (the data the list gives a drag) into the list's viewport
    and drop it at ``target``: the events a drag sends on its way."""
    data: QMimeData = lanes.lanes.mimeData([lanes.lanes.index(row)])
    start = lanes.part_rect(row, "name").center()
    move, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(start, move, data, left, none)
    assert QApplication.sendEvent(lanes.viewport(), enter) and enter.isAccepted()
    QApplication.sendEvent(lanes.viewport(), QDragMoveEvent(target, move, data, left, none))
    QApplication.sendEvent(lanes.viewport(), QDropEvent(QPointF(target), move, data, left, none))
    QApplication.processEvents()


def layout_lanes(window: MainWindow) -> list[str]:
    """The map's lanes as the canvas lays them out, top to bottom, each once."""
    window.scene.flush()
    assert window.scene.layout is not None
    seen: list[str] = []
    for row in window.scene.layout.lanes:
        if row.lane_id not in seen:
            seen.append(row.lane_id)
    return seen


def test_add_backstage_name_it_rename_it_and_drag_it_above_emotion(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    stack, lanes = window.document.undo_stack, dock.lanes
    click_row(qtbot, lanes, 3)  # Opportunities: the new lane goes below it
    menu = dock.add_button.menu()
    assert isinstance(menu, QMenu)
    emotion = kind_action(menu, "emotion")
    assert not emotion.isEnabled() and "already" in emotion.toolTip()
    kind_action(menu, "backstage").trigger()
    assert names(window) == [*STANDARD, "Backstage actions"]
    assert stack.undoText() == 'Add lane "Backstage actions"'
    assert lanes.state() == LaneList.State.EditingState  # its name is ready to type
    type_name(qtbot, "Warehouse")
    assert names(window)[-1] == "Warehouse"
    assert stack.undoText() == 'Rename lane "Backstage actions" to "Warehouse"'
    lanes.setFocus()
    qtbot.keyClick(lanes, Qt.Key.Key_F2)
    assert lanes.state() == LaneList.State.EditingState
    type_name(qtbot, "Backstage")
    assert rows(dock) == [*STANDARD, "Backstage"]
    steps = stack.count()
    emotion_row = lanes.part_rect(1, "name")
    drop(lanes, 4, emotion_row.topLeft() + QPoint(4, 1))  # the upper half of Emotion's row
    assert names(window) == ["Touchpoints", "Backstage", *STANDARD[1:]]
    assert stack.count() == steps + 1
    assert stack.undoText() == 'Move lane "Backstage" up'
    assert rows(dock) == names(window) and lanes.current_lane() == dock.model.lane(1).id
    assert layout_lanes(window)[:3] == [lane.id for lane in window.document.journey.lanes()][:3]
    drop(lanes, 1, lanes.part_rect(1, "name").center())  # dropped on itself: nothing
    assert stack.count() == steps + 1
    stack.undo()
    assert rows(dock) == [*STANDARD, "Backstage"]  # the panel follows the undo


def test_hide_emotion_with_its_check_box_and_the_map_leaves_it_out(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    assert "ln-emotion" in layout_lanes(window)
    click_row(qtbot, dock.lanes, 1, "box")
    assert journey.lane("ln-emotion").hidden
    assert stack.undoText() == 'Hide lane "Emotion"'
    assert "ln-emotion" not in layout_lanes(window)
    assert window.scene.layout is not None and window.scene.layout.curve == []
    dock.refresh()
    assert dock.model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Space)  # the current row ticks with Space
    assert not journey.lane("ln-emotion").hidden and "ln-emotion" in layout_lanes(window)
    assert stack.undoText() == 'Show lane "Emotion"'
    stack.undo()
    stack.undo()
    assert not journey.lane("ln-emotion").hidden and stack.count() == 2


def test_collapse_with_the_arrow_and_the_arrow_keys(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.flush()
    assert window.scene.layout is not None
    before = {row.lane_id: row for row in window.scene.layout.lanes}
    click_row(qtbot, dock.lanes, 2, "arrow")
    assert journey.lane("ln-pain-points").collapsed
    assert stack.undoText() == 'Collapse lane "Pain points"'
    window.scene.flush()
    after = {row.lane_id: row for row in window.scene.layout.lanes}
    assert after["ln-pain-points"].collapsed
    assert after["ln-pain-points"].height < before["ln-pain-points"].height
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Right)  # expand the current row again
    assert not journey.lane("ln-pain-points").collapsed
    assert stack.undoText() == 'Expand lane "Pain points"'
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Up)
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Left)
    assert journey.lane("ln-emotion").collapsed and stack.count() == 3
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Left)  # collapsed already: no step
    assert stack.count() == 3
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(window) == ["Touchpoints", "Pain points", "Emotion", "Opportunities"]
    assert stack.undoText() == 'Move lane "Emotion" down'
    assert dock.lanes.current_lane() == "ln-emotion"  # the row moves with its lane


def test_delete_a_lane_with_its_free_cards_and_undo(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.document.push(AddLane(journey, "Systems", "systems", 2, lane_id="ln-sys"))
    stage = journey.stages()[0].id
    for n, text in enumerate(("Order system", "CRM")):
        card = FreeCard(f"fc-{n}", stage, "ln-sys", text)
        window.document.push(AddItem(journey, card))
    before, steps = journey.copy(), stack.count()
    assert rows(dock)[2] == "Systems"
    click_row(qtbot, dock.lanes, 2)
    assert dock.remove.isEnabled()
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Delete)
    assert "ln-sys" not in journey and journey.free_cards() == []
    assert stack.undoText() == 'Remove lane "Systems" and its 2 cards'
    assert stack.count() == steps + 1
    assert "2 cards" in window.statusBar().currentMessage()
    assert rows(dock) == STANDARD
    window.acts.undo.trigger()
    assert journey == before
    assert rows(dock) == ["Touchpoints", "Emotion", "Systems", "Pain points", "Opportunities"]
    click_row(qtbot, dock.lanes, 3)
    dock.remove.click()  # the button does what the key does
    assert "ln-pain-points" not in journey and stack.undoText() == 'Remove lane "Pain points"'


def test_the_touchpoint_lane_cannot_be_hidden_collapsed_or_deleted(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    before = journey.copy()
    click_row(qtbot, dock.lanes, 0, "box")
    click_row(qtbot, dock.lanes, 0, "arrow")
    assert dock.lanes.current_lane() == "ln-touchpoints"
    assert not dock.remove.isEnabled() and "cannot be removed" in dock.remove.toolTip()
    assert not dock.up.isEnabled() and dock.down.isEnabled()
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Delete)
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Space)
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Left)
    assert journey == before and stack.count() == 0
    assert "cannot be removed" in window.statusBar().currentMessage()
    assert "cannot be removed" in str(dock.model.index(0).data(Qt.ItemDataRole.ToolTipRole))
    menu = window.lane_actions.lane_menu("ln-touchpoints", on_canvas=False)
    shut = [a for a in menu.actions() if a.text() in ("&Hide", "&Collapse", "&Delete")]
    assert len(shut) == 3 and not any(a.isEnabled() for a in shut)
    assert all("cannot be removed" in a.toolTip() for a in shut)


def test_lane_names_are_not_cut_short_at_the_panels_default_width(
    window: MainWindow, dock: LanesDock
) -> None:
    journey = window.document.journey
    for kind, name in (("customer_actions", "Customer actions"), ("support", "Support processes")):
        window.document.push(AddLane(journey, name, kind))  # type: ignore[arg-type]
    dock.refresh()
    QApplication.processEvents()
    metrics = QFontMetrics(dock.lanes.font())
    for row in range(dock.model.rowCount()):
        name = dock.model.lane(row).name
        assert metrics.horizontalAdvance(name) <= dock.lanes.part_rect(row, "name").width(), name
        kind = str(dock.model.index(row).data(Qt.ItemDataRole.AccessibleDescriptionRole))
        assert metrics.horizontalAdvance(kind) <= dock.lanes.part_rect(row, "name").width(), kind


def test_the_lists_delete_key_removes_the_lane_even_with_cards_selected_on_the_map(
    qtbot: QtBot, window: MainWindow, dock: LanesDock
) -> None:
    """The window's Delete removes the map's selection; in the list, Delete is the list's."""
    journey = window.document.journey
    next(iter(window.scene.cards.values())).setSelected(True)
    assert window.acts.delete.isEnabled()
    cards = len(journey.touchpoints())
    click_row(qtbot, dock.lanes, 1)
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Delete)
    assert "ln-emotion" not in journey and len(journey.touchpoints()) == cards
    qtbot.keyClick(dock.lanes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(window) == ["Pain points", "Touchpoints", "Opportunities"]
