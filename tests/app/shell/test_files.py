"""Files through the window: New, Open, Save As, recent files, dropping, exporting pictures.

The file dialogs and message boxes are module functions replaced here with answers, so the
tests drive the real menus and keys without ever blocking on a modal window.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mouse import click
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cjo_desktop.app.export.dialog import ExportDialog
from cjo_desktop.app.shell import application, file_ops
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path, new_from_template

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: QtBot, errors: list[str]) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.files.open_copy(example_path())
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.view.setFocus()
    return w


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: object) -> list[object]:
    """Make the dialog ``name`` answer ``value``; returns the list of calls' arguments."""
    calls: list[object] = []
    monkeypatch.setattr(file_ops, name, lambda *args: calls.append(args[1:]) or value)
    return calls


def edit(window: MainWindow, qtbot: QtBot) -> None:
    """Give the first card a feeling with the keyboard: an unsaved change."""
    card = window.scene.cards[window.document.journey.touchpoints()[0].id]
    window.view.centerOn(card)
    click(window.view, card.sceneBoundingRect().center())
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_4)
    assert window.isWindowModified()


def recent(window: MainWindow) -> list[Path]:
    return window.files.recent_files()


def test_the_example_opens_untitled_so_save_asks_where(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    edit(window, qtbot)
    asked = answer(monkeypatch, "ask_save_path", tmp_path / "trip")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert len(asked) == 1
    saved = tmp_path / "trip.cjo.json"
    assert load_map(saved) == window.document.journey
    assert window.document.path == saved
    assert not window.isWindowModified()
    assert "trip.cjo.json[*]" in window.windowTitle()
    assert recent(window) == [saved]


def test_save_as_writes_a_file_that_loads_equal(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = tmp_path / "first.cjo.json"
    save_map(window.document.journey, first)
    assert window.open_file(first)
    edit(window, qtbot)
    answer(monkeypatch, "ask_save_path", tmp_path / "second.json")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | SHIFT)
    second = tmp_path / "second.cjo.json"
    assert load_map(second) == window.document.journey
    assert load_map(first) != window.document.journey
    assert window.document.path == second and not window.document.is_modified
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)  # the file is known now: no question
    assert load_map(second) == load_map(first)


def test_a_failed_save_says_why_and_stays_modified(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    errors: list[str],
) -> None:
    edit(window, qtbot)
    answer(monkeypatch, "ask_save_path", tmp_path / "no-such-folder" / "map.cjo.json")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert len(errors) == 1 and "No such file or directory" in errors[0]
    assert window.isWindowModified() and window.document.path is None
    assert not list(tmp_path.glob("no-such-folder*"))


def test_new_asks_to_save_then_for_a_template(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(window, qtbot)
    before = window.document.journey
    answer(monkeypatch, "ask_save_changes", Button.Cancel)
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL)
    assert window.document.journey is before
    answer(monkeypatch, "ask_save_changes", Button.Discard)
    templates = answer(monkeypatch, "ask_template", ("saas", "Onboarding study"))
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL)
    assert len(templates) == 1
    assert window.document.journey.title == "Onboarding study"
    assert window.document.journey.stages() == new_from_template("saas").stages()
    assert window.document.path is None and not window.isWindowModified()
    assert window.windowTitle().startswith("Onboarding study \N{EM DASH} Untitled[*]")


def test_the_template_dialog_lists_every_template(qtbot: QtBot) -> None:
    dialog = file_ops.TemplateDialog()
    qtbot.addWidget(dialog)
    names = [dialog.choices.item(i).text() for i in range(dialog.choices.count())]
    assert names == [t.name for t in file_ops.templates()]
    dialog.choices.setCurrentRow(names.index("ecommerce"))
    qtbot.keyClicks(dialog.title, "Checkout")
    assert dialog.choice() == ("ecommerce", "Checkout")


def test_open_goes_through_the_dialog_and_broken_files_keep_the_map(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    errors: list[str],
) -> None:
    broken = tmp_path / "broken.cjo.json"
    broken.write_text('{"schema_version": 1, "title": 5}', encoding="utf-8")
    before = window.document.journey
    answer(monkeypatch, "ask_open_path", broken)
    qtbot.keyClick(window.view, Qt.Key.Key_O, CTRL)
    assert len(errors) == 1 and str(broken) in errors[0]
    assert window.document.journey is before and recent(window) == []
    good = tmp_path / "good.cjo.json"
    save_map(new_from_template("car-purchase"), good)
    answer(monkeypatch, "ask_open_path", good)
    qtbot.keyClick(window.view, Qt.Key.Key_O, CTRL)
    assert window.document.path == good and recent(window) == [good]


def test_recent_files_are_remembered_newest_first_and_capped(
    window: MainWindow, tmp_path: Path, isolated_settings: Path
) -> None:
    paths = [tmp_path / f"map{i}.cjo.json" for i in range(12)]
    for path in paths:
        save_map(window.document.journey, path)
        assert window.open_file(path)
    assert recent(window) == paths[::-1][:10]
    assert list((isolated_settings).rglob("*.ini")), "the list is kept in the test's settings"
    assert window.open_file(paths[5])
    assert recent(window)[:2] == [paths[5], paths[11]] and len(recent(window)) == 10


def test_a_missing_recent_file_is_dropped_with_a_message(
    window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    kept, gone = tmp_path / "kept.cjo.json", tmp_path / "gone.cjo.json"
    for path in (kept, gone):
        save_map(window.document.journey, path)
        window.open_file(path)
    gone.unlink()
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text().endswith("gone.cjo.json")]
    assert len(entries) == 1
    entries[0].trigger()
    assert len(errors) == 1 and "gone.cjo.json" in errors[0]
    assert recent(window) == [kept]
    assert window.document.path == gone  # still showing the map it had


def drag_enter(where: QPointF, data: QMimeData) -> QDragEnterEvent:
    """Qt 6.12 takes a QPointF (its QPoint form is deprecated); older Qt only a QPoint."""
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        return QDragEnterEvent(where, *args)
    except TypeError:
        return QDragEnterEvent(where.toPoint(), *args)


def test_dropping_a_map_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.cjo.json"
    save_map(new_from_template("ecommerce", "Dropped map"), path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(window.rect().center())
    enter = drag_enter(where, data)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.document.path == path
    assert window.document.journey.title == "Dropped map"


def test_other_files_are_not_accepted_for_dropping(window: MainWindow, tmp_path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = drag_enter(QPointF(window.rect().center()), data)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def export_through_the_dialog(window: MainWindow, qtbot: QtBot, target: Path) -> ExportDialog:
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL)
    dialog = window.exporter.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_writes_a_picture(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"picture{suffix}"
    dialog = export_through_the_dialog(window, qtbot, target)
    assert dialog.format.currentText() == suffix[1:].upper()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Exported {target}")
    data = target.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    elif suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        assert window.document.journey.title in data.decode("utf-8")
    else:
        assert data.startswith(b"%PDF") and len(data) > 1000


def test_export_options_follow_the_format(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "trip.png")
    qtbot.addWidget(dialog)
    assert dialog.scale.isEnabled() and not dialog.page.isEnabled()
    assert dialog.scale.value() == 2
    dialog.format.setCurrentText("PDF")
    assert dialog.path.text().endswith("trip.pdf")
    assert dialog.page.isEnabled() and not dialog.scale.isEnabled()
    dialog.page.setCurrentIndex(1)
    options = dialog.options()
    assert (options.format, options.page) == ("PDF", "A3")


def test_an_export_into_a_missing_folder_says_why(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, errors: list[str]
) -> None:
    target = tmp_path / "nowhere" / "picture.svg"
    export_through_the_dialog(window, qtbot, target)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(target) in errors[0] and "No such file or directory" in errors[0]
    assert window.statusBar().currentMessage() == "The map was not exported"


def test_the_png_scale_is_remembered(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL)
    dialog = window.exporter.dialog
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "big.png"))
    dialog.scale.setValue(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: (tmp_path / "big.png").exists())
    window.activateWindow()  # a window manager would; the offscreen platform does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL)
    assert window.exporter.dialog is not None and window.exporter.dialog.scale.value() == 1
    window.exporter.dialog.reject()


def test_the_command_line_file_opens(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, errors: list[str]
) -> None:
    path = tmp_path / "cli.cjo.json"
    save_map(new_from_template("blank", "From the command line"), path)
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)
    monkeypatch.setattr(sys, "argv", ["cjo-desktop"])
    assert application.main([str(path)]) == 0
    assert len(shown) == 1
    qtbot.addWidget(shown[0])
    assert shown[0].document.path == path
    assert "From the command line" in shown[0].windowTitle()
