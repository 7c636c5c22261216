"""The metrics table: every touchpoint's numbers in the snapshot the cards show.

A table answers what badges on a map cannot: which touchpoint is worst, how many answers stand
behind a number, how sure it is, and what changed since another snapshot. It only reads the
journey; choosing a snapshot or a colour goes to the scene, as View > Metrics does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.dock import MapDock
from cjo_desktop.app.metrics.model import ID_ROLE, SORT_ROLE, MetricsModel
from cjo_desktop.domain import Change, Snapshot
from cjo_desktop.domain.metrics import metric_name
from cjo_desktop.io.exports.metrics_table import pasted_cell

__all__ = ["ID_ROLE", "SORT_ROLE", "MetricsDock", "MetricsTable"]

Std = QKeySequence.StandardKey
_REFRESH_KINDS = {"snapshot", "touchpoint", "stage"}
#: Columns sized to their contents (from the first rows); the rest keep the default width, as
#: a snapshot may hold thousands of metrics.
SIZED_COLUMNS = 40


class _SortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; cells without a value stay at the bottom in either direction."""

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:  # descending sorts by "not less": None must be least there
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (a is not None and b is None) if ascending else (a is None and b is not None)
        return bool(a < b)


class MetricsTable(QTableView):
    """Keeps Ctrl+C for itself (the window's Copy copies map items) and copies cells."""

    def event(self, event: QEvent) -> bool:
        key = event if isinstance(event, QKeyEvent) else None
        if key and key.type() == QEvent.Type.ShortcutOverride and key.matches(Std.Copy):
            key.accept()  # Ctrl+C reaches keyPressEvent instead of the window's Copy
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(Std.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> str:
        """The selected cells as tab-separated text with their column names, on the clipboard,
        safe to paste into a spreadsheet (no formulas run, no cell split in two)."""
        model, indexes = self.model(), self.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        header = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        lines = ["\t".join(pasted_cell(h) for h in header)]
        for r in rows:
            cells = [model.index(r, c).data() if (r, c) in chosen else "" for c in columns]
            lines.append("\t".join(pasted_cell(str(cell or "")) for cell in cells))
        text = "\n".join(lines)
        QApplication.clipboard().setText(text)
        return text


class MetricsDock(MapDock):
    """``table`` shows the touchpoints by the shown snapshot's metrics; ``snapshot_combo``,
    ``compare_combo`` and ``colour_combo`` choose what it and the cards show."""

    TITLE, NAME = "Metrics", "metrics"

    def _build(self) -> QWidget:
        self._shown_state: tuple[object, ...] | None = None  # what the table shows now
        self._filling = False
        self.snapshot_combo = self._combo("Snapshot", self._choose_snapshot)
        self.compare_combo = self._combo("Compare with", self.refresh_soon)
        self.colour_combo = self._combo("Colour cards by", self._choose_colour)
        self.info_label = QLabel(wordWrap=True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # file names and labels as typed
        self.info_label.setAccessibleName("Snapshot source")
        self.model = MetricsModel([], None, None, [], self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = MetricsTable()
        self.table.setAccessibleName("Metrics per touchpoint")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.selectionModel().selectionChanged.connect(self._select_on_canvas)
        self._following = False
        # One row of choices: the panel sits under the map, where height is scarce.
        choices = QHBoxLayout()
        for text, combo in (
            ("&Snapshot:", self.snapshot_combo),
            ("Compare &with:", self.compare_combo),
            ("Colour cards &by:", self.colour_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            choices.addWidget(label)
            choices.addWidget(combo, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(choices)
        layout.addWidget(self.info_label)
        layout.addWidget(self.table, 1)
        self._scene.layoutChanged.connect(self._on_layout)
        self._scene.selectionChanged.connect(self._follow_canvas)
        return body

    def _combo(self, name: str, slot: Callable[[], object]) -> QComboBox:
        """A combo that calls ``slot`` when the user, not a refresh, changes it."""
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _index: self._filling or slot())
        return combo

    # ------------------------------------------------------------------ following
    def _on_change(self, change: Change) -> None:
        if change.kind in _REFRESH_KINDS:
            self.refresh_soon()

    def _on_layout(self) -> None:
        """The scene may show another snapshot or colour (View > Metrics, an import)."""
        if self._state() != self._shown_state:
            self.refresh_soon()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_state is None:
            self.refresh()

    def _state(self) -> tuple[object, ...]:
        scene, shown = self._scene, self._scene.shown_snapshot()
        label = shown.label if shown else None
        return (
            id(self._document.journey),
            label,
            scene.colour_metric,
            self.compare_combo.currentData(),
        )

    # ------------------------------------------------------------------ choosing
    def _choose_snapshot(self) -> None:
        scene, label = self._scene, self.snapshot_combo.currentData()
        scene.set_metric_view(label, scene.badge_metric, scene.colour_metric)

    def _choose_colour(self) -> None:
        scene, metric = self._scene, self.colour_combo.currentData()
        scene.set_metric_view(scene.metric_snapshot, scene.badge_metric, metric)

    def _fill(
        self, combo: QComboBox, items: Sequence[tuple[str, str | None]], current: object
    ) -> None:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    # ------------------------------------------------------------------ the table
    def refresh(self) -> None:
        """Rebuild the combos and the table from the journey and the scene's metric view."""
        self._timer.stop()
        if not self.isVisible():
            self._shown_state = None  # refreshed when shown
            return
        journey, scene = self._document.journey, self._scene
        snapshots = journey.metric_snapshots()
        shown = scene.shown_snapshot()
        labels = [s.label for s in snapshots]
        wanted = self.compare_combo.currentData()
        before = next((s for s in snapshots if s.label == wanted), None)
        if shown is None or (before is not None and before.label == shown.label):
            before = None  # nothing to compare with, or a snapshot with itself
        metrics = shown.metric_names() if shown else []
        self._filling = True
        try:
            self._fill(self.snapshot_combo, [(x, x) for x in labels], shown and shown.label)
            others = [(x, x) for x in labels if shown is None or x != shown.label]
            self._fill(self.compare_combo, [("(nothing)", None), *others], before and before.label)
            colours = [("None", None)] + [(metric_name(m).label, m) for m in metrics]
            self._fill(self.colour_combo, colours, scene.colour_metric)
        finally:
            self._filling = False
        for combo in (self.snapshot_combo, self.compare_combo, self.colour_combo):
            combo.setEnabled(bool(snapshots))
        self.info_label.setText(self._source_text(shown))
        self._fill_table(shown, before, metrics)
        self._shown_state = self._state()

    def _source_text(self, shown: Snapshot | None) -> str:
        if shown is None:
            return "No metrics yet: import some with File > Import Metrics."
        p = shown.provenance
        parts = [p.source + (f", sheet {p.sheet!r}" if p.sheet else ""), p.method]
        parts += [f"rows where {p.segment}"] if p.segment else []
        parts += [f"dates {p.period}"] if p.period else []
        return "; ".join(x for x in parts if x)

    def _fill_table(
        self, shown: Snapshot | None, before: Snapshot | None, metrics: list[str]
    ) -> None:
        """One row per touchpoint in map order; a column per metric, and a change column per
        metric when comparing. A fresh model is swapped in: one reset instead of a sort per row."""
        journey = self._document.journey
        stages = {s.id: s.name for s in journey.stages()}
        rows = [(stages[tp.stage_id], tp) for tp in journey.touchpoints()] if shown else []
        model = MetricsModel(rows, shown, before, metrics, self)
        self.proxy.setSourceModel(model)
        self.model.deleteLater()
        self.model = model
        for column in range(min(model.columnCount(), SIZED_COLUMNS)):
            self.table.resizeColumnToContents(column)

    # ------------------------------------------------------------------ selection
    def selected_touchpoints(self) -> list[str]:
        """Ids of the rows with a selected cell, the current row first."""
        current = self.table.currentIndex()
        indexes = sorted(
            self.table.selectionModel().selectedIndexes(), key=lambda i: i.row() != current.row()
        )
        ids: dict[str, None] = {}
        for index in indexes:
            ids[self.proxy.index(index.row(), 1).data(ID_ROLE)] = None
        return list(ids)

    def _follow_canvas(self) -> None:
        """A card chosen on the map becomes the current row here; ``_following`` marks a
        selection one side is making for the other, so neither echoes it back."""
        if self._following or not self.isVisible():
            return
        chosen = self._scene.selected_touchpoints()
        if len(chosen) != 1:
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 1)
            if index.data(ID_ROLE) == chosen[0]:
                self._following = True
                try:
                    self.table.selectRow(row)
                    self.table.scrollTo(index)
                finally:
                    self._following = False
                return

    def _select_on_canvas(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_touchpoints()
        if not ids or self._following:
            return
        self._following = True  # the map follows the table now, not the other way round
        try:
            self._scene.select_ids(ids)
        finally:
            self._following = False
        card = self._scene.cards.get(ids[0])
        if card is not None:
            self._view.centerOn(card)
