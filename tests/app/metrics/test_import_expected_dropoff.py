"""Expected drop-offs through the import wizard, as a user brings them: the funnel page finds
the column, the report says how many were set, and one Ctrl+Z takes the whole import back,
the touchpoints' earlier expectations included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjo_desktop.app.metrics import import_dialog
from cjo_desktop.app.metrics.import_dialog import ImportDialog
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import SetExpectedDropoff

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
CART, EMAIL, AD = "tp-cart", "tp-abandoned-cart-email", "tp-instagram-ad"


@pytest.fixture
def wizard(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[ImportDialog]:
    """The wizard with the user's funnel chosen: visitors per step and an expected drop-off."""
    data = tmp_path / "funnel.csv"
    data.write_text(
        "step,visitors,Expected drop-off\nCart,6420,15%\nAbandoned-cart email,1800,\n"
        "Instagram trail ad,48000,92.5%\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(import_dialog, "ask_data_path", lambda _parent: data)
    qtbot.keyClick(window.view, Qt.Key.Key_I, CTRL)
    dialog = window.findChild(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    yield dialog
    if dialog.job is not None:  # leave no worker behind
        with qtbot.waitSignal(dialog.ended, timeout=20000):
            dialog.job.cancel()


def test_one_undo_step_sets_them_and_takes_them_back(
    window: MainWindow, wizard: ImportDialog, qtbot: QtBot
) -> None:
    document = window.document
    journey, stack = document.journey, document.undo_stack
    document.push(SetExpectedDropoff(journey, EMAIL, 0.6))  # set in the Inspector before
    before = {tp.id: tp.expected_dropoff for tp in journey.touchpoints()}
    assert (before[CART], before[EMAIL], before[AD]) == (None, 0.6, 0.9)
    count = stack.count()

    assert wizard.kind_combo.currentData() == "funnel"
    assert wizard.columns["expected"].currentText() == "Expected drop-off"
    assert wizard.columns["expected"].isVisible()
    with qtbot.waitSignal(wizard.ended, timeout=20000):
        qtbot.mouseClick(wizard.import_button, LEFT)
    assert wizard.error_label.isHidden(), wizard.error_label.text()
    report = wizard.report_text.toPlainText().splitlines()
    assert "expected drop-offs set: 2 (Cart 15%, Instagram trail ad 92.5%)" in report
    assert stack.count() == count + 1
    assert stack.undoText().endswith("(+2 expected drop-offs)")
    after = {tp.id: tp.expected_dropoff for tp in journey.touchpoints()}
    assert (after[CART], after[EMAIL], after[AD]) == (0.15, 0.6, 0.925)  # blank: kept
    assert {k: v for k, v in after.items() if k not in (CART, AD)} == {
        k: v for k, v in before.items() if k not in (CART, AD)
    }

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert {tp.id: tp.expected_dropoff for tp in journey.touchpoints()} == before
    assert journey.metric_snapshots() == []
    assert stack.index() == count
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert {tp.id: tp.expected_dropoff for tp in journey.touchpoints()} == after
