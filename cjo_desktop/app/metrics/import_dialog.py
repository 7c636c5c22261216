"""The import wizard: choose a data file, check its head and the column mapping, import.

Only the head of the file is read in the GUI thread, for the preview. The whole file is read on
a worker with progress and Cancel, against a copy of the journey, so the map never changes
under a running import; the result reaches the map as one undo step.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.metrics.form import combo, hbox, named, refill
from cjo_desktop.app.metrics.pages.aggregated import AggregatedPage
from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.app.metrics.pages.funnel import FunnelPage
from cjo_desktop.app.metrics.pages.responses import ResponsesPage
from cjo_desktop.app.shell.workers import Job, run_job
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands.metrics import ApplyImport
from cjo_desktop.domain import JourneyError
from cjo_desktop.editor.document import Document
from cjo_desktop.io.imports.kinds.registry import guess_columns, guess_kind, kinds
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.responses import Cancelled
from cjo_desktop.io.imports.run import ImportResult, run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import Row, TableError, open_table
from cjo_desktop.palette import ERROR_TEXT

DATA_FILTER = "Data (*.csv *.tsv *.txt *.xlsx *.xlsm)"
PREVIEW_ROWS = 20
#: The page of each registered kind, by the kind's id: a kind is offered once it has one.
PAGES: dict[str, type[KindPage]] = {
    page.kind: page for page in (ResponsesPage, FunnelPage, AggregatedPage)
}
#: The rows of the spec's shared fields: the form label; a page says which it shows.
SHARED: dict[str, str] = {
    "key": "&Touchpoint column",
    "segment": "Only rows &where",
    "date": "&Date",
}


def ask_data_path(parent: QWidget) -> Path | None:
    """The file to import, or None; a function so tests can replace it."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import metrics", "", DATA_FILTER)
    return Path(name) if name else None


class ImportDialog(QDialog):
    """``choose_file`` shows a file; ``import_button`` starts; ``imported`` tells the new label.

    ``ended`` fires once every import is over (imported, failed or cancelled)."""

    imported = Signal(str)
    ended = Signal()
    #: Per mille of the file read: emitted in the worker, received (queued) in the GUI thread.
    progressed = Signal(int)

    def __init__(
        self, document: Document, scene: JourneyScene, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle("Import metrics")
        self.document, self.scene = document, scene
        self.path: Path | None = None
        self.job: Job | None = None
        self._progress: QProgressDialog | None = None
        self.progressed.connect(self._show_progress)
        self.path_edit = named(QLineEdit(readOnly=True), "Data file")
        self.path_edit.setPlaceholderText("Choose a CSV or Excel file")
        self.choose_button = named(QPushButton("&Browse…"), "Choose the data file")
        self.choose_button.clicked.connect(lambda: self.choose_file(ask_data_path(self)))
        self.sheet_combo = combo("Sheet", [])
        self.sheet_combo.textActivated.connect(lambda name: self.choose_file(self.path, name))
        self.sheet_label = QLabel("S&heet:")
        self.sheet_label.setBuddy(self.sheet_combo)
        self.preview = named(QTableWidget(0, 0), "Preview of the first rows")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes_label = QLabel(wordWrap=True)
        offered = [(kind.id, kind.title) for kind in kinds() if kind.id in PAGES]
        self.kind_combo = combo("Kind of data", offered)
        self.kind_combo.currentIndexChanged.connect(self._update_rows)
        self.pages = {kind: PAGES[kind]() for kind, _ in offered}
        shared = {role: combo(text.replace("&", ""), []) for role, text in SHARED.items()}
        self.columns = {"key": shared["key"]}  # every column choice, by role, in form order
        for page in self.pages.values():
            self.columns |= page.columns
        self.columns |= shared
        self.segment_value = named(QLineEdit(placeholderText="value"), "Segment value")
        matches = [("auto", "id or name"), ("id", "touchpoint id"), ("name", "touchpoint name")]
        self.match_combo = combo("Match keys by", matches)
        self.add_missing = QCheckBox("&Add keys that match no touchpoint")
        self.skip_invalid = QCheckBox("Skip &rows with invalid values")
        self.label_edit = named(QLineEdit(), "Snapshot label")
        self.error_label = named(QLabel(wordWrap=True), "Import error")
        self.error_label.setStyleSheet(f"color: {ERROR_TEXT}")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_text = named(QPlainTextEdit(readOnly=True), "Import report")
        self.report_text.setPlaceholderText("The import report appears here.")
        self.import_button = QPushButton("&Import", default=True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form.addRow("&Kind of data:", self.kind_combo)
        extras: dict[str, list[QWidget]] = {"segment": [QLabel("="), self.segment_value]}
        labels = {role: SHARED[role] for role in ("key",)}
        for page in self.pages.values():
            labels |= page.roles
            extras |= {role: page.extras(role) for role in page.roles}
        labels |= SHARED
        for role, text in labels.items():
            self.form.addRow(f"{text}:", hbox(self.columns[role], *extras.get(role, [])))
        self.form.addRow("&Match keys by:", hbox(self.match_combo, self.add_missing))
        self.form.addRow("", self.skip_invalid)
        self.form.addRow("Snapshot &label:", self.label_edit)
        layout = QVBoxLayout(self)
        file_row = hbox(self.path_edit, self.choose_button, self.sheet_label, self.sheet_combo)
        for part in (file_row, self.preview, self.notes_label, self.report_text, self.error_label):
            layout.addWidget(part)
        layout.insertLayout(3, self.form)
        layout.addWidget(buttons)
        self._show_sheets([], "")
        self._update_rows()
        self._message("")
        self.resize(960, 760)

    # ------------------------------------------------------------------ the file
    def choose_file(self, path: Path | None, sheet: str | None = None) -> bool:
        """Show the head of ``path`` and preset the form from its header; False if unreadable."""
        if path is None:
            return False
        self.path = path
        self.path_edit.setText(str(path))
        self._message("")
        try:
            with open_table(path, sheet) as table:
                header, sheets, current = table.header, table.sheets, table.sheet
                lines = list(itertools.islice(table.rows(), PREVIEW_ROWS))
                notes = [f"Note: {n}." for n in table.notes]
        except (TableError, OSError) as exc:
            if sheet is None:  # a bad sheet keeps the list, to choose another
                self._show_sheets([], "")
            self._fill_preview([], [])
            self._message(str(exc))
            return False
        self._show_sheets(sheets, current)
        self._fill_preview(header, lines)
        self.notes_label.setText(" ".join([f"The first {len(lines)} rows.", *notes]))
        guesses = guess_columns(header)  # no segment filter unless the user asks for one
        for role, box in self.columns.items():
            items = [(None, "(none)"), *((name, name) for name in header)]
            refill(box, items, None if role == "segment" else guesses.get(role))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess_kind(header, self.pages)))
        for page in self.pages.values():
            page.preset(self.document.journey)
        label = f"{path.stem} {dt.date.today():%Y-%m-%d}"  # or "... (2)": a default is not refused
        taken = {s.label for s in self.document.journey.metric_snapshots()}
        free = (f"{label} ({i})" if i > 1 else label for i in itertools.count(1))
        self.label_edit.setText(next(x for x in free if x not in taken))
        return True

    def _show_sheets(self, sheets: list[str], current: str) -> None:
        refill(self.sheet_combo, [(name, name) for name in sheets], current or None)
        self.sheet_label.setVisible(bool(sheets))
        self.sheet_combo.setVisible(bool(sheets))

    def _fill_preview(self, header: list[str], rows: list[Row]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(header)
        self.preview.setVerticalHeaderLabels([str(row.line) for row in rows])  # file lines
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.import_button.setEnabled(bool(header) and self.job is None)

    def _update_rows(self) -> None:
        page = self.pages.get(self.kind_combo.currentData())
        for role, box in self.columns.items():
            shown = page is not None and (role in page.roles or role in page.shared)
            self.form.setRowVisible(box.parentWidget() or self, shown)

    # ------------------------------------------------------------------ the spec
    def spec(self) -> ImportSpec:
        """The form as an ImportSpec; raises ValueError with a sentence for the user."""
        page = self.pages[self.kind_combo.currentData()]
        used = {r: self.columns[r].currentData() for r in SHARED if r in page.shared}
        segment, label = used.pop("segment", None), self.label_edit.text().strip()
        if not label:
            raise ValueError("Type a label for the new snapshot.")
        if label in {s.label for s in self.document.journey.metric_snapshots()}:
            raise ValueError(f"A snapshot labelled {label!r} exists already: choose another label.")
        spec = ImportSpec(
            page.options(), match=self.match_combo.currentData(), snapshot=label, **used
        )
        spec.sheet = self.sheet_combo.currentText() or None
        spec.add_missing = self.add_missing.isChecked()
        spec.skip_invalid = self.skip_invalid.isChecked()
        value = self.segment_value.text().strip()
        if segment and not value:
            raise ValueError("Type the segment value the rows must have.")
        spec.segment = (segment, value) if segment else None
        page.check(spec)
        return spec

    # ------------------------------------------------------------------ importing
    def start_import(self) -> None:
        """Check the form, then read the file on a worker; a refusal never starts one."""
        if self.job is not None or self.path is None:
            return
        self._message("")
        self.report_text.clear()
        try:
            spec = self.spec()
        except ValueError as exc:
            self._message(str(exc))
            return
        journey, path = self.document.journey.copy(), self.path  # the worker's own

        def work(is_canceled: Callable[[], bool]) -> ImportResult | None:
            def progress(done: int, total: int) -> bool:  # called every 20,000 rows
                self.progressed.emit(done * 1000 // total if total > 0 else 0)
                return not is_canceled()

            try:
                return run_import(journey, path, spec, progress)
            except Cancelled:
                return None

        before = set(self.findChildren(QProgressDialog))
        label = f"Importing {path.name}…"
        failed: Callable[[str], None] = lambda reason: self._finished(None, reason)  # noqa: E731
        self.job = run_job(work, self._finished, failed, parent=self, label=label)
        self.job.signals.canceled.connect(self._finished)  # stopped before it started
        self._progress = next(d for d in self.findChildren(QProgressDialog) if d not in before)
        self._set_busy(True)

    def _show_progress(self, permille: int) -> None:
        if self._progress is not None:
            self._progress.setRange(0, 1000)
            self._progress.setValue(permille)

    def _finished(self, result: ImportResult | None = None, reason: str = "") -> None:
        """Every end of a run: a result, a failure's one-line reason, or a cancel."""
        canceled = self.job is None or self.job.is_canceled()
        self._set_busy(False)
        if reason or result is None or canceled:
            self._message(reason or "Import cancelled; the map is unchanged.")
        else:
            self._apply(result)
        self.ended.emit()

    def _apply(self, result: ImportResult) -> None:
        journey, snap = self.document.journey, result.snapshot
        try:
            command = ApplyImport(journey, plan_import(journey, result))
        except JourneyError as exc:
            self._message(str(exc))
            return
        self.document.push(command)
        self.report_text.setPlainText("\n".join(result.report.lines() if result.report else []))
        self.scene.set_metric_view(snap.label, None, self.scene.colour_metric)
        self.imported.emit(snap.label)

    def _message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self.job, self._progress = None, None
        self.import_button.setEnabled(not busy and self.preview.columnCount() > 0)
        for widget in (self.choose_button, self.sheet_combo, self.kind_combo, self.label_edit):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Closing stops a running import; nothing of it reaches the map."""
        if self.job is not None:
            self.job.cancel()
        super().reject()


def show_import_dialog(document: Document, scene: JourneyScene, parent: QWidget) -> ImportDialog:
    """The window's one import wizard, window-modal: the map must not change under an import."""
    dialog = parent.findChild(QDialog, "import_dialog")
    if not isinstance(dialog, ImportDialog):
        dialog = ImportDialog(document, scene, parent)
    dialog.open()
    return dialog
