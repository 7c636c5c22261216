"""The Lanes panel: the map's lanes top to bottom, each with its name, its kind in words, a
check box (shown or hidden) and a collapse arrow; drag to reorder, F2 or double-click to
rename, Delete to remove, Ctrl+Up / Ctrl+Down to move, Left / Right to collapse / expand.
Choosing a row scrolls the map to that lane."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QPoint, QRectF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from cjo_desktop.app.dock import MapDock
from cjo_desktop.app.lanes.lane_list import LaneList
from cjo_desktop.app.lanes.model import FIXED_TIP, LaneModel
from cjo_desktop.domain import Change, Kind
from cjo_desktop.domain.lanes import CARDS


class LanesDock(MapDock):
    """``lanes`` is the list (``model`` its rows); the buttons add, move and delete."""

    TITLE = "Lanes"
    NAME = "lanes"

    removeRequested = Signal(str)  # lane id
    stepRequested = Signal(str, int)  # lane id, -1 up or +1 down
    menuRequested = Signal(str, QPoint)  # lane id, where on the screen

    def _build(self) -> QWidget:
        body = QWidget(self)
        self._refreshing = False
        self.model = LaneModel(self)
        self.lanes = LaneList(self.model, body)
        self.lanes.selectionModel().selectionChanged.connect(self._on_selection)
        self.lanes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.lanes.customContextMenuRequested.connect(self._context_menu)
        self.add_button = QPushButton("&Add lane")
        self.add_button.setToolTip("Add a lane below the chosen one")
        self.up = self._arrow(Qt.ArrowType.UpArrow, "Move the lane up (Ctrl+Up)", -1)
        self.down = self._arrow(Qt.ArrowType.DownArrow, "Move the lane down (Ctrl+Down)", 1)
        self.remove = QPushButton("&Delete")
        self.remove.clicked.connect(self._remove_current)
        self.lanes.removeRequested.connect(self._remove_current)
        self.lanes.stepRequested.connect(self._step)
        self.lanes.foldRequested.connect(self._fold)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        for widget in (self.up, self.down, self.remove):
            bar.addWidget(widget)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.lanes, 1)
        layout.addLayout(bar)
        return body

    def _arrow(self, arrow: Qt.ArrowType, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(lambda: self._step(step))
        return button

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        self._timer.stop()
        keep, row = self.lanes.current_lane(), self.lanes.currentIndex().row()
        self._refreshing = True
        try:
            lanes = self._document.journey.lanes()
            self.model.set_lanes(lanes)
            if keep is not None and self.model.row_of(keep) is None and lanes:
                keep = lanes[min(row, len(lanes) - 1)].id  # removed: its neighbour
            if keep is not None:
                self.lanes.select_lane(keep)
        finally:
            self._refreshing = False
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        if change.kind == Kind.LANE:
            self.refresh_soon()

    def _update_buttons(self) -> None:
        lane_id = self.lanes.current_lane()
        journey = self._document.journey
        lane = journey.lane(lane_id) if lane_id is not None and lane_id in journey else None
        index = journey.lane_index(lane.id) if lane is not None else -1
        self.up.setEnabled(index > 0)
        self.down.setEnabled(0 <= index < len(journey.lanes()) - 1)
        fixed = lane is not None and lane.kind == CARDS
        self.remove.setEnabled(lane is not None and not fixed)
        self.remove.setToolTip(FIXED_TIP if fixed else "Delete the lane and its cards (Delete)")

    # ------------------------------------------------------------------- verbs
    def edit_lane(self, lane_id: str) -> None:
        """Type the lane's name in place in the list."""
        self.refresh()
        self.lanes.select_lane(lane_id)
        self.lanes.edit(self.lanes.currentIndex())

    def _remove_current(self) -> None:
        lane_id = self.lanes.current_lane()
        if lane_id is not None:
            self.removeRequested.emit(lane_id)

    def _step(self, step: int) -> None:
        lane_id = self.lanes.current_lane()
        if lane_id is not None:
            self.stepRequested.emit(lane_id, step)

    def _fold(self, collapsed: bool) -> None:
        lane_id = self.lanes.current_lane()
        journey = self._document.journey
        if lane_id is None or lane_id not in journey:
            return
        lane = journey.lane(lane_id)
        if lane.kind != CARDS and lane.collapsed != collapsed:
            self.lanes.delegate.collapseRequested.emit(lane_id, collapsed)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.lanes.indexAt(pos)
        if index.isValid():
            self.lanes.setCurrentIndex(index)
            lane_id = self.lanes.current_lane()
            assert lane_id is not None
            self.menuRequested.emit(lane_id, self.lanes.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ the map
    def _on_selection(self, _chosen: QItemSelection, _dropped: QItemSelection) -> None:
        self._update_buttons()
        if not self._refreshing:
            self.show_on_map(self.lanes.current_lane())

    def show_on_map(self, lane_id: str | None) -> None:
        """Scroll the map up or down to the lane's rows (a hidden lane has none)."""
        self._scene.flush()
        layout = self._scene.layout
        if lane_id is None or layout is None:
            return
        rows = [row for row in layout.lanes if row.lane_id == lane_id]
        if not rows:
            return
        top, bottom = rows[0].y, rows[-1].y + rows[-1].height
        seen = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
        self._view.ensureVisible(QRectF(seen.center().x(), top, 1, bottom - top), 0, 24)
