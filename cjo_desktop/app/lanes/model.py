"""The lanes as a list model: one row per lane, top to bottom, hidden ones included.

The model mirrors the journey and never changes it: a tick, a typed name or a drop becomes a
request signal, the panel's owner turns it into an undo command, and the journey's change
event brings the new state back here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from cjo_desktop.domain.lanes import CARDS, KIND_WORDS
from cjo_desktop.domain.model import Lane

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-cjo-lane"
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
COLLAPSED_ROLE = Qt.ItemDataRole.UserRole + 2
#: True for the touchpoint lane: always shown, never collapsed or removed.
FIXED_ROLE = Qt.ItemDataRole.UserRole + 3
FIXED_TIP = "The touchpoint lane holds the cards: it is always shown and cannot be removed"


def kind_words(lane: Lane) -> str:
    """The lane's kind as the panel's second line says it, with its state."""
    words = KIND_WORDS[lane.kind]
    if lane.kind == CARDS:
        words = "Touchpoints, one row per channel"
    state = [w for w, on in (("hidden", lane.hidden), ("collapsed", lane.collapsed)) if on]
    return " \N{MIDDLE DOT} ".join([words, *state])


class LaneModel(QAbstractListModel):
    """Rows are :meth:`set_lanes`'s lanes; edits come out as ``*Requested`` signals."""

    renameRequested = Signal(str, str)  # lane id, new name
    hiddenRequested = Signal(str, bool)
    moveRequested = Signal(str, int)  # lane id, its new index

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._lanes: list[Lane] = []

    # ---------------------------------------------------------------- content
    def set_lanes(self, lanes: list[Lane]) -> None:
        """Show ``lanes``; the same lanes in the same order only repaint (a row being
        renamed or dragged keeps its place)."""
        if [lane.id for lane in lanes] == [lane.id for lane in self._lanes]:
            self._lanes = list(lanes)
            if lanes:
                self.dataChanged.emit(self.index(0), self.index(len(lanes) - 1))
            return
        self.beginResetModel()
        self._lanes = list(lanes)
        self.endResetModel()

    def lane(self, row: int) -> Lane:
        return self._lanes[row]

    def row_of(self, lane_id: str) -> int | None:
        return next((r for r, lane in enumerate(self._lanes) if lane.id == lane_id), None)

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._lanes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lanes):
            return None
        lane = self._lanes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return lane.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if lane.hidden else Qt.CheckState.Checked
        if role == KIND_ROLE:
            return kind_words(lane)
        if role == ID_ROLE:
            return lane.id
        if role == COLLAPSED_ROLE:
            return lane.collapsed
        if role == FIXED_ROLE:
            return lane.kind == CARDS
        if role == Qt.ItemDataRole.ToolTipRole:
            return FIXED_TIP if lane.kind == CARDS else f"{lane.name}: {kind_words(lane)}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return kind_words(lane)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if not self.data(index, FIXED_ROLE):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # ----------------------------------------------------------------- requests
    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        lane = self._lanes[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and lane.kind != CARDS:
            shown = Qt.CheckState(value) == Qt.CheckState.Checked
            self.hiddenRequested.emit(lane.id, not shown)
            return True
        if role == Qt.ItemDataRole.EditRole and isinstance(value, str):
            name = value.strip()
            if name and name != lane.name:
                self.renameRequested.emit(lane.id, name)
            return True
        return False

    def request_move(self, lane_id: str, gap: int) -> bool:
        """Ask to move a lane into ``gap`` (0: above the first row, ``rowCount()``: below
        the last); False when that is where it is."""
        row = self.row_of(lane_id)
        if row is None:
            return False
        index = gap - 1 if gap > row else gap
        if index == row:
            return False
        self.moveRequested.emit(lane_id, index)
        return True

    # --------------------------------------------------------------- drag and drop
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(self._lanes[rows[0]].id.encode("utf-8")))
        return data


def dragged_lane(data: QMimeData | None) -> str | None:
    """The id of the lane a drag carries, if it carries one."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    return bytes(data.data(MIME_TYPE).data()).decode("utf-8", "replace")
