"""The metrics dock driven as a user would: read the table, sort it, pick a colour and a
snapshot to compare with, click rows, copy cells. Snapshots arrive as the wizard brings them:
run_import, then one ApplyImport on the document's undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from survey_scales import STATED

from cjo_desktop.app.metrics.dock import SORT_ROLE, MetricsDock
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.commands import UpdateItem
from cjo_desktop.commands.metrics import ApplyImport
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map
from cjo_desktop.io.exports.metrics_table import pasted_cell
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
PAYMENT = "tp-checkout-payment"
Q1, Q2 = "survey Q1", "survey Q2"


def import_survey(document: Document, name: str, label: str) -> None:
    result = run_import(
        document.journey, DATA / name, ImportSpec(ResponsesOptions(**STATED), snapshot=label)
    )
    document.push(ApplyImport(document.journey, plan_import(document.journey, result)))


@dataclass
class Panel:
    document: Document
    scene: JourneyScene
    dock: MetricsDock

    def columns(self) -> list[str]:
        proxy = self.dock.proxy
        return [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]

    def column(self, name: str) -> list[str]:
        c = self.columns().index(name)
        return [self.dock.proxy.index(r, c).data() for r in range(self.dock.proxy.rowCount())]

    def cell(
        self, touchpoint: str, column: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
    ) -> str:
        row = self.column("Touchpoint").index(touchpoint)
        return str(self.dock.proxy.index(row, self.columns().index(column)).data(role))

    def brush(self, touchpoint: str, column: str) -> object:
        row = self.column("Touchpoint").index(touchpoint)
        index = self.dock.proxy.index(row, self.columns().index(column))
        return index.data(Qt.ItemDataRole.ForegroundRole)


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[Panel]:
    document = Document(load_map(example_path()))
    scene = JourneyScene()
    scene.set_journey(document.journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    dock = MetricsDock(document, scene, view)
    qtbot.addWidget(dock)
    dock.resize(900, 700)
    dock.show()
    qtbot.waitExposed(dock)
    yield Panel(document, scene, dock)
    scene.set_journey(None)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose an entry with the arrow keys, as on a closed combo box."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def click_cell(
    qtbot: QtBot,
    dock: MetricsDock,
    row: int,
    column: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    rect = dock.table.visualRect(dock.proxy.index(row, column))
    qtbot.mouseClick(dock.table.viewport(), LEFT, modifier, rect.center())


def test_shows_the_snapshot_values_and_follows_the_journey(panel: Panel, qtbot: QtBot) -> None:
    dock = panel.dock
    assert panel.columns() == ["Stage", "Touchpoint"]
    assert "No metrics yet" in dock.info_label.text()
    assert not dock.snapshot_combo.isEnabled()
    import_survey(panel.document, "survey-2025-q1.csv", Q1)
    qtbot.waitUntil(lambda: "NPS" in panel.columns())
    assert panel.columns() == [
        "Stage",
        "Touchpoint",
        "NPS",
        "CSAT top-2-box",
        "CSAT mean",
        "CES mean",
    ]
    assert dock.snapshot_combo.currentText() == Q1
    assert "survey-2025-q1.csv" in dock.info_label.text()
    payment = panel.cell("Checkout: payment", "NPS")
    assert payment.startswith("\N{MINUS SIGN}90 (n=204, ")  # value, count, 95% interval
    assert panel.column("Touchpoint")[0] == panel.document.journey.touchpoints()[0].name

    panel.document.push(UpdateItem(panel.document.journey, PAYMENT, name="Pay"))
    qtbot.waitUntil(lambda: "Pay" in panel.column("Touchpoint"))
    panel.document.undo_stack.undo()
    panel.document.undo_stack.undo()  # and the import itself
    qtbot.waitUntil(lambda: "NPS" not in panel.columns())
    assert "No metrics yet" in dock.info_label.text()


def test_sorting_by_a_column_orders_by_value(panel: Panel, qtbot: QtBot) -> None:
    import_survey(panel.document, "survey-2025-q1.csv", Q1)
    qtbot.waitUntil(lambda: "NPS" in panel.columns())
    dock, nps = panel.dock, panel.columns().index("NPS")
    values = [dock.proxy.index(r, nps).data(SORT_ROLE) for r in range(dock.proxy.rowCount())]
    known = [v for v in values if v is not None]
    header = dock.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), LEFT, pos=QPoint(header.sectionViewportPosition(nps) + 5, 5)
    )
    assert dock.proxy.index(0, nps).data(SORT_ROLE) == min(known)
    qtbot.mouseClick(
        header.viewport(), LEFT, pos=QPoint(header.sectionViewportPosition(nps) + 5, 5)
    )
    assert dock.proxy.index(0, nps).data(SORT_ROLE) == max(known)
    last = dock.proxy.index(len(known) - 1, nps).data(SORT_ROLE)
    assert last == min(known)  # touchpoints without an NPS stay below, either way


def test_colour_compare_and_select(panel: Panel, qtbot: QtBot) -> None:
    dock, scene = panel.dock, panel.scene
    import_survey(panel.document, "survey-2025-q1.csv", Q1)
    qtbot.waitUntil(lambda: dock.colour_combo.count() > 1)
    pick(qtbot, dock.colour_combo, "NPS")
    assert scene.colour_metric == "nps"
    assert scene.cards[PAYMENT].fill is not None

    import_survey(panel.document, "survey-2025-q2.csv", Q2)
    qtbot.waitUntil(lambda: dock.snapshot_combo.currentText() == Q2)  # the latest is shown
    assert scene.cards[PAYMENT].fill is not None  # still coloured by NPS, now of Q2
    pick(qtbot, dock.compare_combo, Q1)
    qtbot.waitUntil(lambda: "NPS change" in panel.columns())
    change = panel.cell("Checkout: payment", "NPS change")
    assert change.startswith("\N{BLACK UP-POINTING TRIANGLE} +") and change.endswith("better")
    ces = panel.cell("Checkout: payment", "CES mean change")  # less effort: down is better
    assert ces.startswith("\N{BLACK DOWN-POINTING TRIANGLE}") and ces.endswith("better")
    assert panel.brush("Checkout: payment", "NPS change") is not None  # coloured: significant
    ad = panel.cell("Instagram trail ad", "NPS change")  # 36.7 -> 34.4 on about 60 answers
    assert ad == "\N{BLACK DOWN-POINTING TRIANGLE} \N{MINUS SIGN}2 no significant change"
    assert panel.brush("Instagram trail ad", "NPS change") is None  # drawn neutral
    tip = panel.cell("Instagram trail ad", "NPS change", Qt.ItemDataRole.ToolTipRole)
    assert "95% interval \N{MINUS SIGN}27 to +23" in tip and "p = 0.86, q = 0.94" in tip
    assert "About 792 answers in each snapshot would detect a change of 10 points" in tip

    pick(qtbot, dock.snapshot_combo, Q1)  # the cards follow the table
    assert scene.shown_snapshot().label == Q1
    qtbot.waitUntil(lambda: "NPS change" not in panel.columns())  # Q1 against itself: nothing

    row = panel.column("Touchpoint").index("Checkout: payment")
    click_cell(qtbot, dock, row, panel.columns().index("NPS"))
    assert scene.selected_touchpoints() == [PAYMENT]


def test_the_window_docks_it_and_ctrl_c_copies_cells(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.findChild(MetricsDock, "metrics")
    assert dock is window.metrics_dock
    # a tab next to the pain points: the table needs the width of the window
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock in window.tabifiedDockWidgets(window.painpoint_dock)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    importer = next(a for a in file_menu.actions() if a.text() == "Import &Metrics…")
    assert importer.shortcut().toString() == "Ctrl+I"

    import_survey(window.document, "survey-2025-q1.csv", Q1)
    dock.raise_()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.proxy.columnCount() == 6)
    nps = 2
    click_cell(qtbot, dock, 0, nps)
    click_cell(qtbot, dock, 2, nps + 1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dock.table, Qt.Key.Key_C, CTRL)
    lines = QApplication.clipboard().text().split("\n")
    assert lines[0] == "NPS\tCSAT top-2-box"
    assert len(lines) == 4 and all(line.count("\t") == 1 for line in lines)
    shown = dock.proxy.index(0, nps).data()  # "+37 (n=60, ...)" would run as a formula
    assert lines[1].split("\t")[0] == pasted_cell(shown) == f"'{shown}"
    first_three = {tp.id for tp in window.document.journey.touchpoints()[:3]}
    assert set(window.scene.selected_touchpoints()) == first_three  # rows select their cards


def test_a_card_chosen_on_the_map_becomes_the_current_row(panel: Panel, qtbot: QtBot) -> None:
    import_survey(panel.document, "survey-2025-q1.csv", Q1)
    qtbot.waitUntil(lambda: "NPS" in panel.columns())
    panel.dock.table.clearFocus()
    panel.scene.select_ids([PAYMENT])
    assert panel.dock.selected_touchpoints() == [PAYMENT]
    assert panel.scene.selected_touchpoints() == [PAYMENT]  # no echo back to the map
    panel.scene.select_ids([PAYMENT, "tp-cart"])
    assert panel.dock.selected_touchpoints() == [PAYMENT]  # many on the map: the table waits
