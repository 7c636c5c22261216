"""The start page's widget: what it lists and which keys do what. It only says what the user
chose (signals); :mod:`.switch` turns that into file verbs of the window.

Keys: the arrows move through the templates (and the recent maps), Enter opens, Tab goes from
the templates to the recent maps and the buttons, Delete removes a recent map from the list,
Esc starts a blank map.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.start.previews import PreviewLoader
from cjo_desktop.app.start.tiles import (
    NAME_ROLE,
    PREVIEW,
    PREVIEW_ROLE,
    SUMMARY_ROLE,
    TemplateTile,
    tile_size,
)
from cjo_desktop.io import MapFileError, load_map
from cjo_desktop.io.templates import templates

PATH_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1
BLANK = "blank"
HINT = "Arrow keys choose, Enter opens, Tab moves on, Esc starts a blank map."


class StartPage(QWidget):
    """``templateChosen`` (template name), ``recentChosen`` (path), ``recentRemoved`` (path),
    ``exampleChosen``, ``openChosen`` (the Open dialog)."""

    templateChosen = Signal(str)
    recentChosen = Signal(Path)
    recentRemoved = Signal(Path)
    exampleChosen = Signal()
    openChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self.setAccessibleName("Start page")
        self.setAutoFillBackground(True)  # nothing of the window behind it shows through
        self.templates = self._build_templates()
        self.recent = QListWidget()
        self.recent.setObjectName("recent_maps")
        self.recent.setSpacing(3)
        self.recent.setAccessibleName("Recent maps")
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.currentItemChanged.connect(lambda *_: self._update_remove())
        self.remove = QPushButton("&Remove from List")
        self.remove.setToolTip("Forget the chosen map in this list (the file stays where it is)")
        self.remove.clicked.connect(self.remove_current_recent)
        # The list would take Delete as a letter to search for: an action of its own.
        forget = QAction("Remove from List", self.recent)
        forget.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        forget.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        forget.triggered.connect(self.remove_current_recent)
        self.recent.addAction(forget)
        self.example = QPushButton("Open the E&xample")
        self.example.setToolTip("A copy of the bundled example map: an outdoor gear shop")
        self.example.clicked.connect(self.exampleChosen)
        self.open = QPushButton("&Open a Map…")
        self.open.setToolTip("Choose a map file (Ctrl+O)")
        self.open.clicked.connect(self.openChosen)
        self.note = QLabel(HINT)
        self.note.setObjectName("start_note")
        self.note.setWordWrap(True)
        self._build_layout()
        self.previews: PreviewLoader | None = None
        self.set_recent([])

    # ------------------------------------------------------------------- building
    def _build_templates(self) -> QListWidget:
        grid = QListWidget()
        grid.setObjectName("templates")
        grid.setAccessibleName("Templates")
        grid.setViewMode(QListView.ViewMode.IconMode)
        grid.setMovement(QListView.Movement.Static)
        grid.setResizeMode(QListView.ResizeMode.Adjust)
        grid.setWrapping(True)
        grid.setUniformItemSizes(True)
        grid.setSpacing(6)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setMouseTracking(True)
        grid.setItemDelegate(TemplateTile(grid))
        grid.setGridSize(tile_size(grid.font()) + QSize(12, 12))
        # The blank map first, as in every editor's New dialog; then the rest by name.
        for template in sorted(templates(), key=lambda t: (t.name != BLANK, t.name)):
            try:
                title = load_map(template.path).title
                summary = template.summary
            except MapFileError as exc:  # a damaged install: say so in the tile, keep the rest
                title, summary = template.name, str(exc)
            item = QListWidgetItem(title)
            item.setData(NAME_ROLE, template.name)
            item.setData(SUMMARY_ROLE, summary)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {summary}")
            item.setToolTip(f"New map from this template: {summary}")
            grid.addItem(item)
        grid.itemActivated.connect(lambda item: self.templateChosen.emit(item.data(NAME_ROLE)))
        grid.setCurrentRow(0)
        return grid

    def _build_layout(self) -> None:
        heading = QLabel("Start a journey map")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        templates_label = QLabel("New map from a &template")
        templates_label.setBuddy(self.templates)
        recent_label = QLabel("Recent &maps")
        recent_label.setBuddy(self.recent)
        side = QVBoxLayout()
        side.addWidget(recent_label)
        side.addWidget(self.recent, 1)
        side.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        side.addSpacing(16)
        side.addWidget(self.example)
        side.addWidget(self.open)
        grid = QGridLayout()
        grid.addWidget(templates_label, 0, 0)
        grid.addWidget(self.templates, 1, 0)
        grid.addLayout(side, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnMinimumWidth(1, 300)
        grid.setHorizontalSpacing(24)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.note)
        for widget in (self.templates, self.recent, self.remove, self.example, self.open):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabOrder(self.templates, self.recent)
        self.setTabOrder(self.recent, self.remove)
        self.setTabOrder(self.remove, self.example)
        self.setTabOrder(self.example, self.open)

    # ------------------------------------------------------------------ previews
    def load_previews(self) -> PreviewLoader:
        """Draw the templates' previews, one per event-loop turn (see :mod:`.previews`)."""
        if self.previews is None:
            ratio = self.devicePixelRatioF() or QGuiApplication.primaryScreen().devicePixelRatio()
            self.previews = PreviewLoader(PREVIEW, ratio, self)
            self.previews.ready.connect(self._set_preview)
            self.previews.failed.connect(self._preview_failed)
            items = [self.templates.item(i) for i in range(self.templates.count())]
            found = {t.name: t.path for t in templates()}
            self.previews.start(
                [(i.data(NAME_ROLE), found[i.data(NAME_ROLE)]) for i in items if i is not None]
            )
        return self.previews

    def _item(self, name: str) -> QListWidgetItem | None:
        for row in range(self.templates.count()):
            item = self.templates.item(row)
            if item is not None and item.data(NAME_ROLE) == name:
                return item
        return None

    def _set_preview(self, name: str, image: QImage) -> None:
        item = self._item(name)
        if item is not None:
            item.setData(PREVIEW_ROLE, image)

    def _preview_failed(self, name: str, message: str) -> None:
        item = self._item(name)
        if item is not None:
            item.setData(SUMMARY_ROLE, f"No preview: {message}")

    # -------------------------------------------------------------------- recent
    def set_recent(self, paths: list[Path]) -> None:
        """List ``paths``; a file that is gone is listed as missing, to be removed."""
        current = self.recent.currentItem()
        keep = current.data(PATH_ROLE) if current is not None else None
        self.recent.clear()
        dimmed = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for path in paths:
            missing = not path.is_file()
            text = f"{path.name}  (missing)" if missing else path.name
            item = QListWidgetItem(f"{text}\n{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setData(MISSING_ROLE, missing)
            item.setToolTip(
                f"{path} is missing: it was moved or deleted" if missing else f"Open {path}"
            )
            if missing:
                item.setForeground(dimmed)
            self.recent.addItem(item)
            if str(path) == keep:
                self.recent.setCurrentItem(item)
        if paths and self.recent.currentItem() is None:
            self.recent.setCurrentRow(0)
        if not paths:
            empty = QListWidgetItem("No recent maps yet")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self._update_remove()

    def recent_paths(self) -> list[tuple[Path, bool]]:
        """(path, missing) of each listed recent map, for tests and the accessibility tree."""
        items = [self.recent.item(i) for i in range(self.recent.count())]
        return [
            (Path(item.data(PATH_ROLE)), bool(item.data(MISSING_ROLE)))
            for item in items
            if item is not None and item.data(PATH_ROLE)
        ]

    def _current_recent(self) -> QListWidgetItem | None:
        item = self.recent.currentItem()
        return item if item is not None and item.data(PATH_ROLE) else None

    def _update_remove(self) -> None:
        self.remove.setEnabled(self._current_recent() is not None)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        if not item.data(PATH_ROLE):
            return
        path = Path(item.data(PATH_ROLE))
        if item.data(MISSING_ROLE) or not path.is_file():
            self.note.setText(f"{path} is missing: it was moved or deleted. Delete removes it.")
            return
        self.recentChosen.emit(path)

    def remove_current_recent(self) -> None:
        item = self._current_recent()
        if item is not None:
            self.recentRemoved.emit(Path(item.data(PATH_ROLE)))

    # ------------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.templateChosen.emit(BLANK)
        else:
            super().keyPressEvent(event)
