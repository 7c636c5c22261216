"""Map > Add Service Blueprint Lanes, driven from the menu bar as a user would: the lanes go in
at their places, the map draws the blueprint's three lines, and one Undo takes it all back."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.domain.lanes import BLUEPRINT_LANES

LINES = ["Line of interaction", "Line of visibility", "Line of internal interaction"]


def menu_action(window: MainWindow, menu_text: str, text: str) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_text)
    assert isinstance(menu, QMenu)
    return next(a for a in menu.actions() if a.text() == text)


def test_the_preset_adds_the_lanes_draws_the_lines_and_undoes_in_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey = window.document.journey
    before = journey.state()
    names = [a.text() for a in window.menuBar().actions()]
    assert names.index("&Map") == names.index("&Help") - 1  # before Help, as editors have it
    action = menu_action(window, "&Map", "Add Service &Blueprint Lanes")
    assert action.isEnabled() and action.statusTip()
    action.trigger()
    assert [lane.kind for lane in journey.lanes()] == [kind for _, _, kind in BLUEPRINT_LANES]
    assert "Customer actions" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: len(window.scene.layout.blueprint) == 3)  # type: ignore[union-attr]
    layout = window.scene.layout
    assert layout is not None
    tops = {lane.kind: lane.y for lane in layout.lanes}
    assert layout.blueprint == [
        (LINES[0], tops["frontstage"]),
        (LINES[1], tops["backstage"]),
        (LINES[2], tops["support"]),
    ]
    assert window.document.undo_stack.count() == 1 and window.document.is_modified
    window.acts.undo.trigger()
    assert journey.state() == before
    qtbot.waitUntil(lambda: window.scene.layout.blueprint == [])  # type: ignore[union-attr]


def test_on_a_blueprint_the_preset_says_so_and_adds_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    action = menu_action(window, "&Map", "Add Service &Blueprint Lanes")
    action.trigger()
    after = window.document.journey.state()
    action.trigger()
    assert window.document.journey.state() == after
    assert window.document.undo_stack.count() == 1
    assert "already" in window.statusBar().currentMessage()
