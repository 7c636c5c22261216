"""The main window driven as a user would: keys, menus, the close question, the docks.

Every dialog the window could raise is replaced by a recorder, so no test can block on a modal
window, and QSettings point into a temporary folder so real user settings are never touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mouse import click
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox, QUndoView
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import file_ops
from cjo_desktop.app.shell.actions import ShortcutsDialog, menu_rows
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

CTRL = Qt.KeyboardModifier.ControlModifier
Button = QMessageBox.StandardButton


def select_first_card(window: MainWindow) -> str:
    """Click the first touchpoint card on the canvas, as a user would."""
    tp = window.document.journey.touchpoints()[0]
    card = window.scene.cards[tp.id]
    window.view.centerOn(card)
    click(window.view, card.sceneBoundingRect().center())
    assert window.scene.selected_touchpoints() == [tp.id]
    window.view.setFocus()
    return tp.id


def test_opens_the_bundled_example(window: MainWindow) -> None:
    journey = window.document.journey
    assert journey.title in window.windowTitle()
    assert window.windowTitle().endswith("outdoor-gear-shop.cjo.json[*] \N{EM DASH} cjo-desktop")
    assert not window.isWindowModified()
    assert set(window.scene.cards) == {tp.id for tp in journey.touchpoints()}
    assert window.zoom_label.text().endswith("%")


def test_a_broken_file_is_reported_and_the_map_kept(
    window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    before = window.document.journey
    broken = tmp_path / "broken.cjo.json"
    broken.write_text('{"schema_version": 1, "title": ', encoding="utf-8")
    assert not window.open_file(broken)
    assert len(errors) == 1
    assert "broken.cjo.json" in errors[0] and "line 1" in errors[0]
    assert window.document.journey is before
    assert window.document.path == example_path()


def test_a_feeling_key_edits_and_undo_makes_it_clean_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    tp_id = select_first_card(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_5)
    assert [e.valence for e in window.document.journey.emotions(tp_id)] == [2]
    assert window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()


def test_feeling_keys_do_not_fire_while_typing_in_a_field(window: MainWindow, qtbot: QtBot) -> None:
    select_first_card(window)
    qtbot.keyClick(window.view, Qt.Key.Key_T, CTRL)
    entry = window.workshop.entry
    assert entry.hasFocus()
    qtbot.keyClicks(entry, "12345")
    assert entry.text() == "12345"
    assert window.document.undo_stack.count() == 0


def test_map_title_edit_updates_the_window_title(window: MainWindow) -> None:
    from cjo_desktop.commands.items import SetTitle

    window.document.push(SetTitle(window.document.journey, "Renamed journey"))
    assert window.windowTitle().startswith("Renamed journey \N{EM DASH}")
    window.document.undo_stack.undo()
    assert "Trailhead" in window.windowTitle()


def test_close_with_unsaved_changes_asks(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    select_first_card(window)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.isWindowModified()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        monkeypatch.setattr(
            file_ops, "ask_save_changes", lambda _p, name: asked.append(name) or button
        )

    answer(Button.Cancel)
    assert not window.close()
    assert window.isVisible() and asked == ["outdoor-gear-shop.cjo.json"]
    answer(Button.Discard)
    assert window.close()
    assert not window.isVisible() and len(asked) == 2


def test_close_can_save_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.document.replace(load_map(example_path()), None)  # untitled: Save asks where
    select_first_card(window)
    qtbot.keyClick(window.view, Qt.Key.Key_4)
    target = tmp_path / "kept"
    monkeypatch.setattr(file_ops, "ask_save_changes", lambda _p, _n: Button.Save)
    monkeypatch.setattr(file_ops, "ask_save_path", lambda _p, _s: target)
    assert window.close()
    saved = load_map(tmp_path / "kept.cjo.json")
    assert saved == window.document.journey


def test_every_menu_command_has_text_a_tip_and_no_clashing_keys(window: MainWindow) -> None:
    rows = menu_rows(window.menuBar())
    assert {where.split()[0] for where, _, _ in rows} == {"File", "Edit", "Map", "View", "Help"}
    assert all(text for _, text, _ in rows)
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator()]
    reachable = {text for _, text, _ in rows}
    owned = [a for a in actions if a.parent() is window]
    for action in owned:
        assert action.statusTip(), action.text()
        assert action.text().replace("&", "") in reachable or action.shortcuts(), action.text()
    seen: dict[str, str] = {}
    for action in owned:
        for key in action.shortcuts():
            name = key.toString()
            assert seen.setdefault(name, action.text()) == action.text(), name


def test_f1_lists_every_command_with_its_keys(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    commands = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Save As…" in commands and "Very Positive (+2)" in commands
    keys = {
        dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text()
        for r in range(dialog.table.rowCount())
    }
    assert keys["Save"] == QKeySequence("Ctrl+S").toString(QKeySequence.SequenceFormat.NativeText)
    assert keys["Next / previous card in journey order"] == "Tab, Shift+Tab"  # canvas keys too
    assert "Export Report…" in commands and "Preferences…" in commands
    dialog.reject()


def test_zoom_keys_update_the_status_bar(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert window.zoom_label.text() == "100%"
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, CTRL)
    assert window.zoom_label.text() == f"{1 / 1.2:.0%}"


def test_ctrl_f_shows_the_find_bar_and_escape_hides_it(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.find_bar.isVisible()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_docks_and_history(window: MainWindow, qtbot: QtBot) -> None:
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"inspector", "outline", "history"} <= names
    history = window.findChild(QDockWidget, "history")
    assert isinstance(history.widget(), QUndoView)
    # one column at the right, the Outline above the Inspector: the map has the rest
    assert window.dockWidgetArea(window.outline) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.inspector) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.outline.geometry().bottom() < window.inspector.geometry().top()


def test_delete_is_disabled_without_a_selection(window: MainWindow) -> None:
    window.scene.clearSelection()
    assert not window.acts.delete.isEnabled()
    select_first_card(window)
    assert window.acts.delete.isEnabled()


def test_window_state_is_remembered(qtbot: QtBot, errors: list[str]) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.history.hide()
    assert first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 700
    assert not second.history.isVisible()
    second.close()


def test_typing_in_the_workshop_bar_is_one_undo_step_per_touchpoint(
    window: MainWindow, qtbot: QtBot
) -> None:
    count = len(window.document.journey.touchpoints())
    qtbot.keyClick(window.view, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.workshop.entry, "Asks a friend")
    qtbot.keyClick(window.workshop.entry, Qt.Key.Key_Return)
    assert len(window.document.journey.touchpoints()) == count + 1
    assert window.isWindowModified()


def test_edit_keys_reach_the_canvas_verbs(window: MainWindow, qtbot: QtBot) -> None:
    journey = window.document.journey
    stages, cards = len(journey.stages()), len(journey.touchpoints())
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(journey.stages()) == stages + 1
    assert window.controller.inline.active  # the new stage's name is being typed in place
    window.controller.inline.cancel()
    select_first_card(window)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert len(journey.touchpoints()) == cards + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(journey.touchpoints()) == cards
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert not window.isWindowModified()
