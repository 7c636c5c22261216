"""File > Export…: a picture of the map as PNG, SVG or PDF.

The picture is drawn in the GUI thread (QGraphicsScene is not thread-safe) on a fresh scene,
so the selection and the view's zoom never show in the file; the atomic write then runs on the
thread pool behind a progress dialog with Cancel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from cjo_desktop.app.shell import file_ops, preferences
from cjo_desktop.app.shell.workers import run_job
from cjo_desktop.canvas.export import MetricView, pdf_bytes, png_bytes, scene_for, svg_bytes
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.domain import Journey
from cjo_desktop.editor.document import Document
from cjo_desktop.io import FILE_SUFFIX
from cjo_desktop.io.files import write_atomic

FORMATS = {"PNG": ".png", "SVG": ".svg", "PDF": ".pdf"}
PICTURE_FILTER = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
SCALE_KEY = preferences.SCALE_KEY
#: The path field's width in average characters.
PATH_CHARS = 56
FOLDER_KEY = "export/folder"


@dataclass(frozen=True)
class ExportOptions:
    path: Path
    format: str  # "PNG" | "SVG" | "PDF"
    scale: int = 2
    transparent: bool = False
    page: str = "A4"
    metric_view: MetricView = (None, None, None)  # what the cards show, as on screen
    painpoints: bool = True  # pain-point highlighting, as on screen
    evidence: bool = False  # cards coloured by evidence, as on screen
    comments: bool = False  # badges of open comments: the team's, left out unless asked


def render(journey: Journey, options: ExportOptions) -> bytes:
    """The picture's bytes; GUI thread only. Raises ValueError for an impossible request."""
    scene = scene_for(
        journey,
        options.metric_view,
        painpoints=options.painpoints,
        evidence=options.evidence,
        comments=options.comments,
    )
    try:
        if options.format == "PNG":
            return png_bytes(scene, options.scale, options.transparent)
        if options.format == "SVG":
            return svg_bytes(scene, journey.title)
        return pdf_bytes(scene, journey.title, options.page)
    finally:
        scene.set_journey(None)  # disconnect from the journey's events
        scene.deleteLater()


def ask_picture_path(parent: QWidget | None, suggestion: str) -> Path | None:
    """The file chooser behind "Browse…"; tests replace it."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export map as", suggestion, PICTURE_FILTER)
    return Path(name) if name else None


class ExportDialog(QDialog):
    """Choose the file, the format and its options; the suffix and the format follow each
    other."""

    def __init__(self, suggestion: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self.path = QLineEdit()
        self._editing = False  # the user is typing in the path field
        self.path.setAccessibleName("File")
        # Room for a typical path; the start of it (the folder) shows, not just its tail.
        self.path.setMinimumWidth(self.path.fontMetrics().averageCharWidth() * PATH_CHARS)
        self._show_path(str(suggestion))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.format.setAccessibleName("Format")
        self.scale = QSpinBox()
        self.scale.setRange(1, 4)
        self.scale.setSuffix("\N{MULTIPLICATION SIGN}")
        self.scale.setAccessibleName("PNG scale")
        defaults = preferences.load()
        self.scale.setValue(defaults.export_scale)
        self.background = QComboBox()
        self.background.addItems(["White", "Transparent"])
        self.background.setAccessibleName("PNG background")
        self.page = QComboBox()
        self.page.addItems(["A4 landscape", "A3 landscape"])
        self.page.setCurrentIndex(preferences.PAGES.index(defaults.export_page))
        self.page.setAccessibleName("PDF page")
        self.comments = QCheckBox("Show badges of open co&mments")
        self.comments.setToolTip(
            "Draw how many open comments each card and stage has; off, the picture is "
            "ready for clients"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Export")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        # A label given with a layout gets no buddy: its Alt+F would reach nothing.
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow("F&ormat:", self.format)
        form.addRow("&Scale:", self.scale)
        form.addRow("&Background:", self.background)
        form.addRow("&Page:", self.page)
        form.addRow("", self.comments)
        form.addRow(self.buttons)
        self.path.textEdited.connect(self._edited)
        self.format.currentTextChanged.connect(self._path_from_format)
        self._format_from_path(self.path.text())

    def options(self) -> ExportOptions:
        return ExportOptions(
            path=Path(self.path.text().strip()).expanduser(),
            format=self.format.currentText(),
            scale=self.scale.value(),
            transparent=self.background.currentIndex() == 1,
            page=self.page.currentText().split()[0],
            comments=self.comments.isChecked(),
        )

    def _browse(self) -> None:
        path = ask_picture_path(self, self.path.text())
        if path is not None:
            self._show_path(str(path))
            self._format_from_path(str(path))

    def _format_from_path(self, text: str) -> None:
        suffix = Path(text).suffix.lower()
        for name, ext in FORMATS.items():
            if ext == suffix:
                self.format.setCurrentText(name)
        self._enable()

    def _path_from_format(self, name: str) -> None:
        text = self.path.text().strip()
        if text:
            path = Path(text)
            stem = path.name.removesuffix(FILE_SUFFIX)
            if path.suffix.lower() in FORMATS.values():
                stem = path.stem
            self._show_path(str(path.with_name(stem + FORMATS[name])))
        self._enable()

    def _show_path(self, text: str) -> None:
        """Put a path in the field, showing its start; left alone while the user types in it."""
        if text == self.path.text():
            return
        self.path.setText(text)
        if not self._editing:
            self.path.setCursorPosition(0)

    def _edited(self, text: str) -> None:
        self._editing = True
        try:
            self._format_from_path(text)
        finally:
            self._editing = False

    def _enable(self) -> None:
        png = self.format.currentText() == "PNG"
        self.scale.setEnabled(png)
        self.background.setEnabled(png)
        self.page.setEnabled(self.format.currentText() == "PDF")

    def _accept(self) -> None:
        if self.path.text().strip():
            self.accept()


class Exporter(QObject):
    """Runs the dialog and the export for one window; ``message`` is status-bar text."""

    message = Signal(str)
    exported = Signal(object)  # Path

    def __init__(self, document: Document, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.dialog: ExportDialog | None = None

    def show_dialog(self) -> ExportDialog:
        """Open the dialog window-modally without blocking; Export starts the work."""
        dialog = ExportDialog(self._suggestion(), self.window)
        dialog.accepted.connect(lambda: self.export(dialog.options()))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def export(self, options: ExportOptions) -> bool:
        """Draw now, write in the background; False when drawing already failed."""
        QSettings().setValue(FOLDER_KEY, str(options.path.parent))
        if options.format == "PNG":
            QSettings().setValue(SCALE_KEY, options.scale)
        scene = getattr(self.window, "scene", None)
        if isinstance(scene, JourneyScene):
            options = dataclasses.replace(
                options,
                metric_view=(scene.metric_snapshot, scene.badge_metric, scene.colour_metric),
                painpoints=scene.painpoints_visible(),
                evidence=scene.evidence_view(),
            )
        try:
            data = render(self.document.journey, options)
        except ValueError as exc:
            self._failed(options.path, str(exc))
            return False
        path = options.path

        def write(canceled: Callable[[], bool]) -> Path | None:
            if canceled():
                return None
            write_atomic(path, data)
            return path

        run_job(
            write,
            on_finished=lambda result: self._finished(result),
            on_failed=lambda reason: self._failed(path, reason),
            parent=self.window,
            label=f"Exporting {path.name}…",
        )
        return True

    def _finished(self, path: object) -> None:
        if isinstance(path, Path):
            self.message.emit(f"Exported {path}")
            self.exported.emit(path)
        else:
            self.message.emit("Export canceled")

    def _failed(self, path: Path, reason: str) -> None:
        file_ops.show_error(self.window, "Cannot export map", f"{path}: {reason}")
        self.message.emit("The map was not exported")

    def _suggestion(self) -> Path:
        doc_path = self.document.path
        folder = str(QSettings().value(FOLDER_KEY, "") or "")
        if doc_path is not None:
            base = Path(folder or doc_path.parent) / doc_path.name.removesuffix(FILE_SUFFIX)
        else:
            base = Path(folder or Path.home()) / "journey"
        return base.with_name(base.name + ".png")
