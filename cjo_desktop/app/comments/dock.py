"""The Comments panel: every comment of the map with its element, author, time and text;
filtered to open, resolved or all. Choosing a row selects its element and centres the map on
it; the buttons add (for the selection), resolve or reopen, edit and delete."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.comments.targets import canvas_item
from cjo_desktop.app.delete_key import DeleteKey
from cjo_desktop.app.dock import MapDock
from cjo_desktop.commands.comments import describe_target
from cjo_desktop.domain import Change
from cjo_desktop.domain.comments import Comment
from cjo_desktop.drawing import style

#: The filter's choices: (label, which comments it shows).
FILTERS = (("Open", False), ("Resolved", True), ("All", None))
COLUMNS = ("Element", "Author", "Time", "Comment")
ID_ROLE = Qt.ItemDataRole.UserRole


def local_time(created: str) -> str:
    """A comment's UTC time as the reader's clock shows it, to the minute."""
    try:
        return datetime.fromisoformat(created).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return created


class CommentsDock(MapDock):
    """``table`` lists the comments the ``filter`` lets through, newest last."""

    TITLE = "Comments"
    NAME = "comments"

    #: A row's element was asked for and is not on the canvas (the map, or removed): a
    #: sentence for the status bar.
    message = Signal(str)
    addRequested = Signal()
    resolveRequested = Signal(list)  # comment ids
    editRequested = Signal(str)
    removeRequested = Signal(list)

    def _build(self) -> QWidget:
        body = QWidget(self)
        self.filter = QComboBox()
        self.filter.addItems([label for label, _ in FILTERS])
        self.filter.setAccessibleName("Show comments")
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        show = QLabel("&Show:")
        show.setBuddy(self.filter)
        self.count = QLabel()
        self.add = QPushButton("&Add…")
        self.add.setToolTip("Comment on the selected element, or on the map (Ctrl+Alt+M)")
        self.resolve = QPushButton("&Resolve")
        self.edit = QPushButton("&Edit…")
        self.remove = QPushButton("&Delete")
        self.add.clicked.connect(self.addRequested.emit)
        self.resolve.clicked.connect(lambda: self.resolveRequested.emit(self.selected_ids()))
        self.edit.clicked.connect(self._edit_current)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self.selected_ids()))
        bar = QHBoxLayout()
        for widget in (show, self.filter, self.count):
            bar.addWidget(widget)
        bar.addStretch(1)
        buttons = QVBoxLayout()  # beside the list: the panel stays as narrow as its neighbours
        for button in (self.add, self.resolve, self.edit, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Comments")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemClicked.connect(lambda item: self.go_to_row(item.row()))
        self.table.itemDoubleClicked.connect(lambda _item: self._edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._delete_key = DeleteKey(
            lambda: self.removeRequested.emit(self.selected_ids()), self.table
        )
        self.table.installEventFilter(self._delete_key)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout.addLayout(row, 1)
        return body

    # ------------------------------------------------------------------ drawing
    def shown(self) -> list[Comment]:
        """The comments the filter lets through, in the order they were written."""
        wanted = FILTERS[self.filter.currentIndex()][1]
        comments = self._document.journey.comments()
        return [c for c in comments if wanted is None or c.resolved == wanted]

    def refresh(self) -> None:
        self._timer.stop()
        journey = self._document.journey
        keep = set(self.selected_ids())
        rows = self.shown()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        muted, italic = QColor(style.MUTED), QFont()
        italic.setItalic(True)
        for r, comment in enumerate(rows):
            element = describe_target(journey, comment.target)
            text = " ".join(comment.text.split())
            if comment.resolved:
                text = f"(resolved) {text}"
            cells = (element, comment.author, local_time(comment.created), text)
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, comment.id)
                item.setToolTip(comment.text if c == 3 else value)
                if comment.resolved:
                    item.setForeground(muted)
                    item.setFont(italic)
                self.table.setItem(r, c, item)
            if comment.id in keep:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for c in range(len(COLUMNS) - 1):  # long names must not push the text out of sight
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 240))
        counts = journey.comment_counts()
        self.count.setText(f"{counts['open']} open, {counts['resolved']} resolved")
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        self.refresh_soon()  # every change may rename or remove an element a row names

    # ---------------------------------------------------------------- selection
    def selected_ids(self) -> list[str]:
        """Ids of the selected rows' comments, the current one first."""
        ids: dict[str, None] = {}
        current = self.table.currentItem()
        if current is not None and current.isSelected():
            ids[current.data(ID_ROLE)] = None
        for index in self.table.selectionModel().selectedRows():
            ids[index.data(ID_ROLE)] = None
        return list(ids)

    def row_of(self, comment_id: str) -> int | None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(ID_ROLE) == comment_id:
                return r
        return None

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        journey = self._document.journey
        chosen = [journey.comment(i) for i in ids if i in {c.id for c in journey.comments()}]
        self.resolve.setEnabled(bool(chosen))
        self.resolve.setText("&Reopen" if chosen and chosen[0].resolved else "&Resolve")
        self.edit.setEnabled(len(chosen) == 1)
        self.remove.setEnabled(bool(chosen))

    def _edit_current(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.editRequested.emit(ids[0])

    def go_to_row(self, row: int) -> None:
        """Select the row's element on the canvas and centre the map on it."""
        item = self.table.item(row, 0)
        if item is not None:
            self.go_to(item.data(ID_ROLE))

    def go_to(self, comment_id: str) -> None:
        journey = self._document.journey
        comment = journey.comment(comment_id)
        self._scene.flush()
        shown = canvas_item(journey, self._scene, comment.target)
        if shown is None:
            where = describe_target(journey, comment.target)
            self.message.emit(f"This comment is on {where}: nothing on the canvas to show")
            return
        self._scene.clearSelection()
        shown.setSelected(True)
        self._view.centerOn(shown)
