"""The import wizard driven as a user would: Ctrl+I, choose a file, check the preview, click
Import, read the report, see the badges, undo. The file dialog is replaced by a recorder."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from cjo_desktop.app.metrics import import_dialog
from cjo_desktop.app.metrics.import_dialog import ImportDialog
from cjo_desktop.app.metrics.pages.responses import UNCHOSEN, ResponsesPage
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.io.imports.responses import Cancelled
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
PAYMENT = "tp-checkout-payment"


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The file the user picks next in the file dialog (the last one put in the list)."""
    files: list[Path] = []
    monkeypatch.setattr(import_dialog, "ask_data_path", lambda _parent: files[-1])
    return files


@pytest.fixture
def wizard(window: MainWindow, qtbot: QtBot) -> Iterator[ImportDialog]:
    qtbot.keyClick(window.view, Qt.Key.Key_I, CTRL)
    dialog = window.findChild(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    yield dialog
    if dialog.job is not None:  # leave no worker behind
        with qtbot.waitSignal(dialog.ended, timeout=20000):
            dialog.job.cancel()


def choose(qtbot: QtBot, wizard: ImportDialog, chosen: list[Path], path: Path) -> None:
    chosen.append(path)
    qtbot.mouseClick(wizard.choose_button, LEFT)


def click_import(qtbot: QtBot, wizard: ImportDialog) -> None:
    with qtbot.waitSignal(wizard.ended, timeout=20000):
        qtbot.mouseClick(wizard.import_button, LEFT)


def state_scales(
    wizard: ImportDialog, csat: str = "high", points: int = 7, ces: str = "low"
) -> None:
    """Choose the survey's scales as the user does: the wizard never picks them itself."""
    page = wizard.pages["responses"]
    assert isinstance(page, ResponsesPage)
    for box, value in ((page.csat_best, csat), (page.ces_points, points), (page.ces_best, ces)):
        box.setCurrentIndex(box.findData(value))


def header(wizard: ImportDialog) -> list[str]:
    table = wizard.preview
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_survey_from_file_to_badges_in_one_undo_step(
    window: MainWindow, wizard: ImportDialog, chosen: list[Path], qtbot: QtBot
) -> None:
    stack, journey = window.document.undo_stack, window.document.journey
    before = stack.count()
    choose(qtbot, wizard, chosen, DATA / "survey-2025-q1.csv")
    assert wizard.path_edit.text().endswith("survey-2025-q1.csv")
    assert header(wizard) == ["touchpoint", "nps", "csat", "ces", "segment", "date"]
    assert wizard.preview.rowCount() == 20
    assert wizard.preview.item(0, 0).text() == "Checkout: payment"
    assert not wizard.sheet_combo.isVisible()
    assert wizard.kind_combo.currentData() == "responses"
    roles = ("key", "nps", "csat", "ces")
    assert [wizard.columns[r].currentText() for r in roles] == ["touchpoint", "nps", "csat", "ces"]
    assert wizard.columns["segment"].currentData() is None  # no filter unless asked for
    assert not wizard.columns["source"].isVisible()  # funnel columns hidden for responses
    assert wizard.label_edit.text().startswith("survey-2025-q1 ")

    state_scales(wizard)
    click_import(qtbot, wizard)
    assert wizard.error_label.isHidden()
    report = wizard.report_text.toPlainText()
    assert "rows read: 3200" in report
    assert wizard.report_text.isReadOnly() and wizard.report_text.isVisible()
    label = wizard.label_edit.text()
    assert [s.label for s in journey.metric_snapshots()] == [label]
    assert stack.count() == before + 1
    qtbot.waitUntil(lambda: "NPS" in window.scene.cards[PAYMENT].badge)
    assert window.scene.shown_snapshot().label == label

    qtbot.mouseClick(wizard.import_button, LEFT)  # the same label again: refused at once
    assert "exists already" in wizard.error_label.text()
    assert wizard.job is None and stack.count() == before + 1

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert journey.metric_snapshots() == []
    assert stack.count() == before + 1 and stack.index() == before
    qtbot.waitUntil(lambda: window.scene.cards[PAYMENT].badge == "")


def test_the_wizard_asks_for_the_scales_and_takes_the_recorded_ones_next_time(
    window: MainWindow, wizard: ImportDialog, chosen: list[Path], qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    choose(qtbot, wizard, chosen, DATA / "survey-2025-q1.csv")
    page = wizard.pages["responses"]
    assert isinstance(page, ResponsesPage)
    boxes = (page.csat_best, page.ces_points, page.ces_best)
    assert [b.currentData() for b in boxes] == [None, None, None]
    assert all(b.currentText().endswith(UNCHOSEN) for b in boxes)
    qtbot.mouseClick(wizard.import_button, LEFT)  # refused before any work starts
    assert wizard.job is None and wizard.error_label.isVisible()
    message = wizard.error_label.text()
    assert "CSAT scale is best" in message and "the CES scale (1-5 or 1-7)" in message
    assert journey.metric_snapshots() == [] and stack.count() == 0
    wizard.grab().save("/tmp/h14/basis/wizard-asks.png")

    state_scales(wizard, csat="low", points=7, ces="high")
    click_import(qtbot, wizard)
    assert wizard.error_label.isHidden()
    assert "CES from 'ces' (1-7, high is best)" in journey.metric_snapshots()[0].provenance.method

    choose(qtbot, wizard, chosen, DATA / "survey-2025-q2.csv")  # the map now records them
    assert [b.currentData() for b in boxes] == ["low", 7, "high"]
    click_import(qtbot, wizard)
    assert wizard.error_label.isHidden()
    method = journey.metric_snapshots()[1].provenance.method
    assert "CSAT from 'csat' (1-5, low is best)" in method


def test_a_bad_value_names_its_line_and_column_and_changes_nothing(
    window: MainWindow, wizard: ImportDialog, chosen: list[Path], qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("touchpoint,nps\nCheckout: payment,9\nCart,abc\nCart,7\n", encoding="utf-8")
    state, count = window.document.journey.state(), window.document.undo_stack.count()
    choose(qtbot, wizard, chosen, bad)
    assert wizard.preview.rowCount() == 3
    assert wizard.columns["nps"].currentText() == "nps"
    click_import(qtbot, wizard)
    message = wizard.error_label.text()
    assert wizard.error_label.isVisible()
    assert "line 3" in message and "column 'nps'" in message and "'abc'" in message
    assert "\n" not in message and "Traceback" not in message
    assert wizard.report_text.toPlainText() == ""
    assert window.document.journey.state() == state
    assert window.document.undo_stack.count() == count
    assert wizard.import_button.isEnabled()  # fix the file, or tick "skip", and try again

    box = wizard.skip_invalid
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert box.isChecked()
    click_import(qtbot, wizard)
    assert wizard.error_label.isHidden()
    assert "skipped 1 row(s)" in wizard.report_text.toPlainText()


def test_the_aggregated_workbook_sheet_by_sheet(
    window: MainWindow, wizard: ImportDialog, chosen: list[Path], qtbot: QtBot
) -> None:
    choose(qtbot, wizard, chosen, DATA / "kpis-2025-q1.xlsx")
    combo = wizard.sheet_combo
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Q1 2025", "Notes"]
    assert combo.currentText() == "Q1 2025"
    assert wizard.kind_combo.currentData() == "aggregated"
    assert wizard.columns["key"].currentText() == "Touchpoint"
    assert not wizard.columns["nps"].isVisible()

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the notes sheet holds no table
    assert combo.currentText() == "Notes"
    assert "no data rows" in wizard.error_label.text()
    assert not wizard.import_button.isEnabled()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "Q1 2025" and wizard.error_label.isHidden()
    assert header(wizard)[0] == "Touchpoint"

    click_import(qtbot, wizard)
    assert "rows read: 23" in wizard.report_text.toPlainText()
    snap = window.document.journey.metric_snapshots()[-1]
    assert snap.provenance.sheet == "Q1 2025"
    assert "Support tickets" in snap.metric_names()
    qtbot.waitUntil(lambda: window.scene.cards[PAYMENT].badge != "")


def test_progress_reaches_the_job_and_closing_cancels_it(
    window: MainWindow,
    wizard: ImportDialog,
    chosen: list[Path],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def endless_import(*args: object) -> object:
        """An import that reports progress until it is told to stop, as a huge file would."""
        progress = args[-1]
        assert callable(progress)
        for step in range(4000):
            if not progress(step % 1000, 1000):
                break
            time.sleep(0.005)
        raise Cancelled

    monkeypatch.setattr(import_dialog, "run_import", endless_import)
    state = window.document.journey.state()
    choose(qtbot, wizard, chosen, DATA / "survey-2025-q1.csv")
    state_scales(wizard)
    qtbot.mouseClick(wizard.import_button, LEFT)
    assert wizard.job is not None and not wizard.import_button.isEnabled()

    def bar() -> QProgressDialog | None:
        return wizard.findChild(QProgressDialog)

    qtbot.waitUntil(lambda: (shown := bar()) is not None and shown.value() > 0, timeout=10000)
    progress = bar()
    assert progress is not None and progress.maximum() == 1000 and progress.value() < 1000
    with qtbot.waitSignal(wizard.ended, timeout=20000):
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert "cancelled" in wizard.error_label.text()
    assert wizard.job is None and not wizard.isVisible()
    assert window.document.journey.state() == state
    assert window.document.undo_stack.count() == 0
