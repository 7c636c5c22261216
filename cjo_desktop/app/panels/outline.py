"""The outline: stages and their touchpoints as a tree, in step with the canvas selection.

Journey changes are gathered and applied once per event-loop turn: renames and touchpoint edits
patch rows in place, stage edits rebuild the tree, and a hidden outline waits until it is shown.
So a map of thousands of touchpoints does not make every edit slow.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cjo_desktop.app.dock import MapDock
from cjo_desktop.domain import Change, Kind

#: Where each row keeps the id of its stage or touchpoint.
ID_ROLE = Qt.ItemDataRole.UserRole

_SHOWN_KINDS = (Kind.STAGE, Kind.TOUCHPOINT)


class OutlineDock(MapDock):
    """``tree`` holds one top-level row per stage, with its touchpoints (name, channel)."""

    TITLE, NAME = "Outline", "outline"

    def _build(self) -> QWidget:
        self._rows: dict[str, QTreeWidgetItem] = {}
        #: Changes waiting to be applied; ``None`` means the tree must be rebuilt.
        self._pending: list[Change] | None = []
        self._syncing = False
        self.tree = QTreeWidget()
        self.tree.setObjectName("outline-tree")
        self.tree.setHeaderLabels(["Name", "Channel"])
        self.tree.setAccessibleName("Journey outline")
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._select_on_canvas)
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self._select_in_tree)
        self._scene.selectionChanged.connect(self._on_scene_selection)
        return self.tree

    def _first_refresh(self) -> None:
        self.rebuild()

    # ------------------------------------------------------------------ following
    def _on_journey_replaced(self) -> None:
        self._pending = None
        self.refresh_soon()

    def _on_change(self, change: Change) -> None:
        if change.kind not in _SHOWN_KINDS:
            return
        if self._pending is not None:
            self._pending.append(change)
        self.refresh_soon()

    def refresh(self) -> None:
        """Apply the changes gathered since the last turn: patch rows, or rebuild the tree."""
        if not self.isVisible():
            self._pending = None  # rebuilt when shown
            return
        pending, self._pending = self._pending, []
        if pending is None:
            self.rebuild()
            return
        self._syncing = True
        try:
            patched = all(self._patch(change) for change in pending)
        finally:
            self._syncing = False
        if patched:
            self._select_in_tree()
        else:
            self.rebuild()

    def _patch(self, change: Change) -> bool:
        """Apply one touchpoint change or rename to the rows; False when a rebuild must."""
        row, new = self._rows.get(change.key), change.new
        if change.action == "update" and row is not None:
            row.setText(0, new.name)
            if change.kind == Kind.TOUCHPOINT:
                row.setText(1, new.channel)
            return True
        if change.kind != Kind.TOUCHPOINT:
            return False
        if row is not None and change.action in ("remove", "move"):
            parent = row.parent()
            row = None if parent is None else parent.takeChild(parent.indexOfChild(row))
            if row is None:
                return False
            if change.action == "remove":
                del self._rows[change.key]
                return True
        elif change.action == "add" and row is None:
            row = self._row(new.id, new.name, new.channel)
        else:
            return False
        stage_row = self._rows.get(new.stage_id)
        if stage_row is None or change.index is None:
            return False
        stage_row.insertChild(change.index, row)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is None:
            self.rebuild()

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Fill the tree from the journey, keeping collapsed stages and the selection."""
        self._timer.stop()
        self._pending = []
        journey = self._document.journey
        old = [self._rows.get(s.id) for s in journey.stages()]
        collapsed = {r.data(0, ID_ROLE) for r in old if r is not None and not r.isExpanded()}
        self._syncing = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            self._rows = {}
            stage_rows = []
            for stage in journey.stages():
                stage_row = self._row(stage.id, stage.name, "")
                for tp in journey.touchpoints(stage.id):
                    stage_row.addChild(self._row(tp.id, tp.name, tp.channel))
                stage_rows.append(stage_row)
            self.tree.addTopLevelItems(stage_rows)
            for stage_row in stage_rows:
                stage_row.setExpanded(stage_row.data(0, ID_ROLE) not in collapsed)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._syncing = False
        self._select_in_tree()

    def _row(self, item_id: str, name: str, channel: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem([name, channel])
        row.setData(0, ID_ROLE, item_id)
        self._rows[item_id] = row
        return row

    def row(self, item_id: str) -> QTreeWidgetItem | None:
        """The row of a stage or touchpoint, if the tree shows it."""
        return self._rows.get(item_id)

    # ------------------------------------------------------------------ selection
    def _selected_ids(self) -> list[str]:
        current = self.tree.currentItem()
        rows = self.tree.selectedItems()
        if current is not None and current.isSelected():
            rows.sort(key=lambda row: row is not current)  # the row clicked comes first
        return [row.data(0, ID_ROLE) for row in rows]

    def _select_on_canvas(self) -> None:
        """Rows chosen in the tree: select their items and bring the first into view."""
        if self._syncing:
            return
        ids = self._selected_ids()
        scene = self._scene
        on_canvas = scene.selected_touchpoints() + scene.selected_stages()
        if set(ids) != set(on_canvas) or scene.selected_flows():
            self._syncing = True
            try:
                scene.select_ids(ids)
            finally:
                self._syncing = False
        if ids:
            item = scene.cards.get(ids[0]) or scene.headers.get(ids[0])
            if item is not None:
                self._view.centerOn(item)

    def _on_scene_selection(self) -> None:
        if not self._syncing:
            self._selection_timer.start()  # coalesce the many signals of one selection

    def _select_in_tree(self) -> None:
        """Mirror the canvas selection without echoing it back to the canvas."""
        self._selection_timer.stop()
        scene = self._scene
        wanted = [
            self._rows[i]
            for i in scene.selected_touchpoints() + scene.selected_stages()
            if i in self._rows
        ]
        if {r.data(0, ID_ROLE) for r in wanted} == set(self._selected_ids()):
            return
        selection = QItemSelection()
        for row in wanted:
            index = self.tree.indexFromItem(row)
            selection.select(index, index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self._syncing = True
        try:
            self.tree.selectionModel().select(selection, flags)
        finally:
            self._syncing = False
        if wanted:
            self.tree.scrollToItem(wanted[0])
