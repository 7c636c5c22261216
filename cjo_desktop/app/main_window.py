"""The main window. Until the canvas lands it shows the map as a read-only outline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem

from cjo_desktop.domain import Journey
from cjo_desktop.io import MapFileError, load_map


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.journey: Journey | None = None
        self.path: Path | None = None
        self.outline = QTreeWidget()
        self.outline.setHeaderLabels(["Journey", "Channel", "Feeling"])
        self.outline.setAccessibleName("Journey outline")
        self.setCentralWidget(self.outline)
        self.resize(1000, 700)
        self._update_title()

    def open_file(self, path: Path) -> bool:
        """Show the map at ``path``; on a bad file say why and keep the current map."""
        try:
            journey = load_map(path)
        except MapFileError as exc:
            QMessageBox.warning(self, "Cannot open map", str(exc))
            self.statusBar().showMessage(str(exc))
            return False
        self.journey, self.path = journey, path
        self._fill_outline(journey)
        self._update_title()
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def _fill_outline(self, journey: Journey) -> None:
        self.outline.clear()
        for stage in journey.stages():
            stage_item = QTreeWidgetItem([stage.name])
            for tp in journey.touchpoints(stage.id):
                feelings = ", ".join(
                    f"{e.display_label} ({e.valence:+d})" for e in journey.emotions(tp.id)
                )
                stage_item.addChild(QTreeWidgetItem([tp.name, tp.channel, feelings]))
            self.outline.addTopLevelItem(stage_item)
        self.outline.expandAll()
        for column in range(3):
            self.outline.resizeColumnToContents(column)

    def _update_title(self) -> None:
        if self.journey is None:
            self.setWindowTitle("cjo-desktop")
        else:
            name = self.path.name if self.path else "untitled"
            self.setWindowTitle(f"{self.journey.title} \N{EM DASH} {name} \N{EM DASH} cjo-desktop")
