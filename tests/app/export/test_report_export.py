"""File > Export report: a PDF written off the UI thread; canceling leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cjo_desktop.app.export import report as report_export
from cjo_desktop.app.shell import workers
from cjo_desktop.app.shell.main_window import MainWindow


def _ask(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    monkeypatch.setattr(report_export, "ask_report_path", lambda _parent, _suggestion: path)


def test_export_report_writes_a_pdf(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    target = tmp_path / "shop"
    _ask(monkeypatch, target)
    job = report_export.export_report(window)
    assert job is not None
    qtbot.waitUntil(lambda: not workers._running, timeout=30_000)
    pdf = tmp_path / "shop.pdf"  # the suffix is added
    assert pdf.read_bytes().startswith(b"%PDF")
    assert errors == []
    assert list(tmp_path.glob(".*.tmp")) == []


def test_choosing_no_file_does_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _ask(monkeypatch, None)
    assert report_export.export_report(window) is None


def test_cancel_leaves_no_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    target = tmp_path / "report.pdf"
    _ask(monkeypatch, target)
    job = report_export.export_report(window)
    assert job is not None
    job.cancel()
    qtbot.waitUntil(lambda: not workers._running, timeout=30_000)
    assert not target.exists()
    assert errors == []


def test_the_report_modules_load_only_when_asked_for() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import cjo_desktop.app.shell.main_window, cjo_desktop.app.export.report\n"
        "print(sorted(m for m in sys.modules if m.startswith(('cjo_desktop.charts', "
        "'cjo_desktop.report', 'matplotlib'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
