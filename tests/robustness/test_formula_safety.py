"""Formula safety everywhere text leaves for a spreadsheet: the CSV outputs and the Metrics
panel's copy to the clipboard. A touchpoint named ``=HYPERLINK(...)`` once reached the clipboard
unchanged, to run as a formula where it was pasted."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from survey_scales import STATED

from cjo_desktop.app.metrics.dock import MetricsDock
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.commands.metrics import ApplyImport
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.exports.metrics_table import pasted_cell
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

DATA = example_path().parent / "outdoor-gear-shop-data"
HOSTILE = {
    "tp-instagram-ad": '=HYPERLINK("http://evil.example","click")',
    "tp-search-result": "=cmd|' /C calc'!A0",
    "tp-trail-blog": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tp-store-clinic": "+1+cmd|' /C calc'!A0",
    "tp-category-page": "-2+3",
    "tp-product-page": "tab\tand\nnew line",
}


def hostile_map() -> Document:
    journey = load_map(example_path())
    document = Document(journey)
    result = run_import(
        journey, DATA / "survey-2025-q1.csv", ImportSpec(ResponsesOptions(**STATED), snapshot="Q1")
    )
    document.push(ApplyImport(journey, plan_import(journey, result)))
    for tp_id, name in HOSTILE.items():  # names the survey's keys would not have matched
        journey.rename(tp_id, name)
    return document


@pytest.mark.parametrize(
    ("text", "pasted"),
    [
        ("=1+1", "'=1+1"),
        ("@A1", "'@A1"),
        ("+12", "+12"),
        ("-12.5", "-12.5"),
        ("-x", "'-x"),
        ("1,234", "1,234"),
        ("a\tb", "a b"),
        ("a\nb\r\nc", "a b c"),
        ("\N{MINUS SIGN}12", "\N{MINUS SIGN}12"),
    ],
)
def test_a_pasted_cell_is_one_inert_cell(text: str, pasted: str) -> None:
    assert pasted_cell(text) == pasted


def test_the_metrics_panel_copies_no_formula(qtbot: QtBot) -> None:
    document = hostile_map()
    scene = JourneyScene()
    scene.set_journey(document.journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    dock = MetricsDock(document, scene, view)
    qtbot.addWidget(dock)
    dock.resize(900, 700)
    dock.show()
    try:
        qtbot.waitUntil(lambda: dock.proxy.rowCount() > 0)
        dock.table.selectAll()
        selection = dock.table.selectionModel()
        assert selection.hasSelection()
        selection.select(dock.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
        text = dock.table.copy_selection()
        assert QApplication.clipboard().text() == text
        rows = text.split("\n")
        assert len(rows) == dock.proxy.rowCount() + 1  # the header and one line per row
        width = rows[0].count("\t")
        cells = [cell for row in rows for cell in row.split("\t")]
        assert all(row.count("\t") == width for row in rows)
        assert not [c for c in cells if c[:1] in ("=", "@")], cells
        assert not [
            c for c in cells if c[:1] in ("+", "-") and not c[1:].replace(".", "").isdigit()
        ]
        for name in HOSTILE.values():
            if name[0] in "=@+-":
                assert "'" + name in cells
    finally:
        scene.set_journey(None)


def test_csv_outputs_neutralize_the_same_names(tmp_path: Path) -> None:
    document = hostile_map()
    path = tmp_path / "hostile.cjo.json"
    save_map(document.journey, path)
    for args in (("metrics", path, "--format", "csv"), ("painpoints", path, "--format", "csv")):
        result = run_cjo(*args)
        assert result.returncode == 0, result.stderr
        cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "@")], args
    out = tmp_path / "table.csv"
    assert run_cjo("export", path, "-o", out).returncode == 0
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "@")]
