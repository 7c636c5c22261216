"""File > Export report: the map, its charts and ranked pain points as one PDF.

The map picture is drawn here in the GUI thread (Qt's scene is not thread-safe) from a copy of
the journey; the pages are built and the file written on the thread pool behind a progress
dialog with Cancel. A canceled or failed export leaves no file: the PDF is written atomically
at the very end. The report modules (and matplotlib) are imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from cjo_desktop.app.shell import file_ops, preferences
from cjo_desktop.app.shell.workers import Job, run_job
from cjo_desktop.io import FILE_SUFFIX

REPORT_FILTER = "PDF document (*.pdf)"


def ask_report_path(parent: QWidget | None, suggestion: str) -> Path | None:
    """The file chooser; tests replace it."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export report as", suggestion, REPORT_FILTER)
    return Path(name) if name else None


def _suggestion(window: Any) -> str:
    path = getattr(window.document, "path", None)
    if path is None:
        return str(Path.home() / "journey-report.pdf")
    return str(path.with_name(path.name.removesuffix(FILE_SUFFIX) + "-report.pdf"))


def _message(window: Any, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 5000)


def export_report(window: Any) -> Job | None:
    """Ask for a file and write the report of the window's map there; None when the user
    chose no file or the map could not be drawn (the error was shown)."""
    path = ask_report_path(window, _suggestion(window))
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    from cjo_desktop.canvas.scene import JourneyScene
    from cjo_desktop.domain import JourneyError
    from cjo_desktop.report.data import ReportOptions, gather
    from cjo_desktop.report.map_pages import render_map

    journey = window.document.journey.copy()  # the worker must not see later edits
    scene = getattr(window, "scene", None)
    view: tuple[str | None, str | None, str | None] = (None, None, None)
    if isinstance(scene, JourneyScene):
        view = (scene.metric_snapshot, scene.badge_metric, scene.colour_metric)
    try:
        data = gather(journey, ReportOptions(author=preferences.load().author))
        pictures = None if data.summary else render_map(journey, view)
    except (JourneyError, ValueError) as exc:
        file_ops.show_error(window, "Cannot export report", f"{path}: {exc}")
        return None

    def work(canceled: Callable[[], bool]) -> Path | None:
        from cjo_desktop.report.build import ReportCanceled, build_pdf, write_report

        try:
            pdf = build_pdf(data, pictures, lambda _done, _total, _what: not canceled())
        except ReportCanceled:
            return None
        write_report(path, pdf)
        return path

    def finished(result: object) -> None:
        _message(window, f"Exported {result}" if result else "Report canceled")

    def failed(reason: str) -> None:
        file_ops.show_error(window, "Cannot export report", f"{path}: {reason}")
        _message(window, "The report was not exported")

    return run_job(work, finished, failed, parent=window, label=f"Writing {path.name}…")
