"""Lanes from the menus: Map > Add Lane (the kinds the map has greyed out) and a right-click
on a lane's title on the map (move, hide, rename in place, add a lane below), each one undo
step; a right-click elsewhere on the map is not a lane's."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from cjo_desktop.app.lanes import actions as lane_actions
from cjo_desktop.app.shell.main_window import MainWindow


def names(window: MainWindow) -> list[str]:
    return [lane.name for lane in window.document.journey.lanes()]


def submenu(menu: QMenu, text: str) -> QMenu:
    found = next(a.menu() for a in menu.actions() if a.text().replace("&", "") == text)
    assert isinstance(found, QMenu)
    return found


def choose(menu: QMenu, path: list[str]) -> QAction:
    """The action at ``path`` (menu texts without their '&'), opening submenus on the way."""
    for text in path[:-1]:
        menu = submenu(menu, text)
        menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text().replace("&", "") == path[-1])


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], list[list[str]]]:
    """Make the next lane menus answer with the item at ``path``; returns the texts offered."""
    offered: list[list[str]] = []

    def arm(path: list[str]) -> list[list[str]]:
        def popup(menu: QMenu, _where: QPoint) -> QAction | None:
            offered.append([a.text().replace("&", "") for a in menu.actions() if a.text()])
            action = choose(menu, path)
            if action.isEnabled():
                action.trigger()
            return action

        monkeypatch.setattr(lane_actions, "popup", popup)
        return offered

    return arm


def right_click_title(window: MainWindow, lane_id: str, x: float | None = None) -> None:
    """Right-click the lane's title on the map (or at scene ``x`` on its row)."""
    window.scene.flush()
    layout = window.scene.layout
    assert layout is not None
    row = next(r for r in layout.lanes if r.lane_id == lane_id)
    spot = QPointF(layout.metrics.margin + 20 if x is None else x, row.y + row.height / 2)
    window.view.centerOn(spot)
    pos = window.view.mapFromScene(spot)
    viewport = window.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def type_on_canvas(qtbot: QtBot, window: MainWindow, text: str) -> None:
    edit = window.controller.inline.line_edit
    assert edit is not None, "no name being typed on the map"
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_map_menu_adds_a_lane_of_a_kind_at_the_bottom_and_names_it_on_the_map(
    qtbot: QtBot, window: MainWindow
) -> None:
    stack = window.document.undo_stack
    add = submenu(window.map_menu, "Add Lane")
    add.aboutToShow.emit()
    greyed = {a.text().replace("&", "") for a in add.actions() if a.text() and not a.isEnabled()}
    assert greyed == {"Emotion", "Pain points", "Opportunities"}
    assert choose(add, ["Owners"]).isEnabled()
    choose(add, ["Customer actions"]).trigger()
    assert names(window)[-1] == "Customer actions"
    assert stack.undoText() == 'Add lane "Customer actions"'
    type_on_canvas(qtbot, window, "What the hiker does")
    assert names(window)[-1] == "What the hiker does" and stack.count() == 2
    choose(add, ["Customer actions"]).trigger()  # a second one gets a name of its own
    assert names(window)[-1] == "Customer actions"
    window.controller.inline.cancel()
    stack.setIndex(0)
    assert names(window) == ["Touchpoints", "Emotion", "Pain points", "Opportunities"]


def test_a_lane_titles_context_menu_moves_hides_renames_and_adds_below(
    qtbot: QtBot, window: MainWindow, answer: Callable[[list[str]], list[list[str]]]
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    offered = answer(["Move Down"])
    right_click_title(window, "ln-emotion")
    assert offered[-1] == [
        "Rename…",
        "Hide",
        "Collapse",
        "Move Up",
        "Move Down",
        "Delete",
        "Add Lane Below",
    ]
    assert names(window) == ["Touchpoints", "Pain points", "Emotion", "Opportunities"]
    assert stack.undoText() == 'Move lane "Emotion" down'
    answer(["Hide"])
    right_click_title(window, "ln-pain-points")
    assert journey.lane("ln-pain-points").hidden and stack.count() == 2
    answer(["Rename…"])
    right_click_title(window, "ln-opportunities")
    type_on_canvas(qtbot, window, "Ideas")
    assert journey.lane("ln-opportunities").name == "Ideas"
    assert stack.undoText() == 'Rename lane "Opportunities" to "Ideas"'
    answer(["Add Lane Below", "Systems"])
    right_click_title(window, "ln-touchpoints")  # on a channel row's title
    assert names(window)[:2] == ["Touchpoints", "Systems"] and stack.count() == 4
    type_on_canvas(qtbot, window, "Order system")
    assert names(window)[1] == "Order system"
    stack.setIndex(0)
    assert names(window) == ["Touchpoints", "Emotion", "Pain points", "Opportunities"]
    assert not journey.lane("ln-pain-points").hidden


def test_a_right_click_on_the_stage_columns_is_not_a_lanes(
    window: MainWindow, answer: Callable[[list[str]], list[list[str]]]
) -> None:
    offered = answer(["Delete"])
    window.scene.flush()
    assert window.scene.layout is not None
    right_click_title(window, "ln-emotion", x=window.scene.layout.grid_left + 40)
    assert offered == [] and window.document.undo_stack.count() == 0
    answer(["Delete"])
    right_click_title(window, "ln-touchpoints")
    assert window.document.undo_stack.count() == 0  # the touchpoint lane's Delete is greyed
