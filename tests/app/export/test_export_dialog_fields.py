"""The export dialog's file row: "File:" with a working Alt+F, and the path shown from its
start (the folder the picture goes to), not only the file name's tail."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from cjo_desktop.app.export import dialog as export_dialog
from cjo_desktop.app.export.dialog import ExportDialog

DEEP = Path("/home/consultant/Clients/Trailhead Outfitters/2024 workshop/maps/journey.png")


@pytest.fixture
def dialog(qtbot: QtBot) -> ExportDialog:
    d = ExportDialog(DEEP)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def file_label(dialog: ExportDialog) -> QLabel:
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    assert isinstance(label, QLabel)
    return label


def test_the_file_label_reads_file_and_alt_f_goes_to_the_path(
    dialog: ExportDialog, qtbot: QtBot
) -> None:
    label = file_label(dialog)
    assert label.text() == "&File:"  # "&" marks the mnemonic: shown as an underlined F
    assert label.buddy() is dialog.path  # without a buddy Qt shows no mnemonic and Alt+F is dead
    dialog.format.setFocus()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.format, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.path.hasFocus)


def test_the_path_shows_its_start_and_has_room(dialog: ExportDialog) -> None:
    field = dialog.path
    assert field.text() == str(DEEP)
    assert field.cursorPosition() == 0  # scrolled to the start: "/home/consultant/..."
    assert field.width() >= field.fontMetrics().averageCharWidth() * 50


def test_changing_the_format_or_browsing_still_shows_the_start(
    dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.format.setCurrentText("PDF")
    assert dialog.path.text() == str(DEEP.with_suffix(".pdf"))
    assert dialog.path.cursorPosition() == 0
    chosen = Path("/srv/share/reports/quarterly review/map.svg")
    monkeypatch.setattr(export_dialog, "ask_picture_path", lambda _parent, _text: chosen)
    dialog._browse()
    assert (dialog.path.text(), dialog.format.currentText()) == (str(chosen), "SVG")
    assert dialog.path.cursorPosition() == 0


def test_typing_a_suffix_keeps_the_cursor_where_the_user_types(
    dialog: ExportDialog, qtbot: QtBot
) -> None:
    field = dialog.path
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "/tmp/out.SVG")
    assert dialog.format.currentText() == "SVG"
    assert (field.text(), field.cursorPosition()) == ("/tmp/out.svg", len("/tmp/out.svg"))
