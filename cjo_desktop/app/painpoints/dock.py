"""The pain-point dock: the map's pain points ranked by what they cost, and the opportunities
that answer them with their expected value.

It only reads the journey and asks for edits through signals; the verbs (flag, add an
opportunity, edit the rules) are :class:`PainPointActions`, whose actions it shows as buttons
and in its context menus. Clicking a ranked row selects its touchpoint and centres the map on it.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.analysis.basis import ALL_WORDS, basis_words, judged_label, judged_snapshot
from cjo_desktop.analysis.impact import (
    MANUAL,
    Ranked,
    TouchpointRank,
    counted_once_text,
    rank_map,
)
from cjo_desktop.analysis.painpoints import evaluate
from cjo_desktop.analysis.unchecked import unchecked, unchecked_text
from cjo_desktop.app.dock import MapDock
from cjo_desktop.app.painpoints.tables import (
    ID_ROLE,
    ROW_ROLE,
    RowTable,
    basis_text,
    opportunity_model,
    ranking_model,
)
from cjo_desktop.palette import INSUFFICIENT_TEXT

ALL = None  # the snapshot combo's "every snapshot merged"
MATRIX_MODULE = "cjo_desktop.charts.matrix"


def matrix_available() -> bool:
    """Whether the value-by-effort chart exists yet (another part of the app draws it)."""
    try:
        return importlib.util.find_spec(MATRIX_MODULE) is not None
    except ImportError:
        return False


def _table(name: str) -> RowTable:
    table = RowTable()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return table


class PainPointDock(MapDock):
    """``table`` ranks the pain points (``ranking`` holds its rows); ``opportunities`` lists
    the opportunities; ``snapshot_combo`` chooses the numbers they are judged on."""

    editPainPointRequested = Signal(str)  # a manual pain point's id
    editOpportunityRequested = Signal(str)
    removeOpportunitiesRequested = Signal(list)  # opportunity ids
    matrixRequested = Signal()
    judgeOnRequested = Signal(object)  # a snapshot label, or None for all snapshots

    TITLE, NAME = "Pain points", "painpoints"

    def _build(self) -> QWidget:
        self._filling = False
        self._stale = True
        self.ranking: list[Ranked] = []
        self.snapshot_combo = QComboBox()
        self.snapshot_combo.setAccessibleName("Judge on snapshot")
        self.snapshot_combo.setToolTip(
            "The numbers the rules are checked against: a setting of the map, saved with it "
            "and used by its report; importing data does not change it"
        )
        self.snapshot_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.snapshot_combo.currentIndexChanged.connect(self._on_snapshot_chosen)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setAccessibleName("Pain-point commands")
        corner = QWidget()
        top = QHBoxLayout(corner)
        top.setContentsMargins(0, 0, 0, 2)
        top.addWidget(self.toolbar)
        label = QLabel("&Judge on:")
        label.setBuddy(self.snapshot_combo)
        top.addWidget(label)
        top.addWidget(self.snapshot_combo)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_ranking(), "&Ranking")
        self.tabs.addTab(self._build_opportunities(), "O&pportunities")
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.tabs, 1)
        return body

    def _build_ranking(self) -> QWidget:
        self.basis_label = QLabel(wordWrap=True)
        self.basis_label.setAccessibleName("Ranking basis")
        self.basis_label.setStyleSheet("font-weight: 600")
        self.insufficient_label = QLabel(wordWrap=True)
        self.insufficient_label.setAccessibleName("Insufficient data")
        self.insufficient_label.setStyleSheet(f"color: {INSUFFICIENT_TEXT}")
        self.model = QStandardItemModel(self)
        self.table = _table("Pain points ranked by impact")
        self.table.setModel(self.model)
        self.table.clicked.connect(self._focus_index)
        self.table.enterPressed.connect(self._focus_index)
        self.table.rowDoubleClicked.connect(self._open_row)
        self.detail = QLabel(wordWrap=True)
        self.detail.setAccessibleName("Why this rank")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        line = self.detail.fontMetrics().lineSpacing()
        self.detail.setMinimumHeight(line * 3)
        # a touchpoint with several pain points explains each: they scroll, the table keeps
        # its rows
        detail = QScrollArea()
        detail.setWidget(self.detail)
        detail.setWidgetResizable(True)
        detail.setFrameShape(QFrame.Shape.NoFrame)
        detail.setMaximumHeight(line * 4 + 4)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 4, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.insufficient_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(detail)
        self._connect_selection()
        return page

    def _build_opportunities(self) -> QWidget:
        self.opportunity_model = QStandardItemModel(self)
        self.opportunities = _table("Opportunities")
        self.opportunities.setModel(self.opportunity_model)
        self.opportunities.enterPressed.connect(self._edit_opportunity)
        self.opportunities.rowDoubleClicked.connect(self._edit_opportunity)
        self.opportunities.deleteRequested.connect(self._remove_opportunities)
        self.edit_opportunity = QPushButton("&Edit…")
        self.edit_opportunity.setToolTip("Edit the selected opportunity (double-click, Enter)")
        self.edit_opportunity.clicked.connect(
            lambda: self._edit_opportunity(self.opportunities.currentIndex())
        )
        self.remove_opportunity = QPushButton("Re&move")
        self.remove_opportunity.setToolTip("Remove the selected opportunities (Delete)")
        self.remove_opportunity.clicked.connect(self._remove_opportunities)
        self.matrix_button = QPushButton("Value by Effort &Matrix…")
        self.matrix_button.setToolTip("Chart the opportunities by expected value and effort")
        self.matrix_button.clicked.connect(self.matrixRequested)
        self.matrix_button.setVisible(matrix_available())
        buttons = QHBoxLayout()
        self.opportunity_buttons = buttons
        for button in (self.edit_opportunity, self.remove_opportunity, self.matrix_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 4, 2, 2)
        layout.addWidget(self.opportunities, 1)
        layout.addLayout(buttons)
        return page

    def _connect_selection(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def add_actions(
        self, toolbar: list[QAction], ranking: list[QAction], opportunities: list[QAction]
    ) -> None:
        """Show the verbs as buttons and in the tables' context menus."""
        self.toolbar.addActions(toolbar)
        self.table.addActions(ranking)
        self.opportunities.addActions(opportunities)
        for action in reversed(opportunities):
            button = QPushButton(action.text().replace("&", ""))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            button.setEnabled(action.isEnabled())
            self.opportunity_buttons.insertWidget(0, button)

    # ------------------------------------------------------------------ following
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @property
    def snapshot_label(self) -> str | None:
        """The snapshot the map's pain points are judged on (a setting of the map, changed
        through an undoable command); None: every snapshot merged, the latest winning. The
        cards' pain marks, this ranking and the report read the same setting."""
        return judged_label(self._document.journey)

    def _on_snapshot_chosen(self, _index: int) -> None:
        if self._filling:
            return  # a refresh, not the user
        label = self.snapshot_combo.currentData()
        if label != self.snapshot_label:
            self.judgeOnRequested.emit(label)

    def refresh(self) -> None:
        """Rank again from the journey and rebuild both tables, keeping the current row."""
        self._timer.stop()
        if not self.isVisible():
            self._stale = True  # ranked when shown
            return
        self._stale = False
        journey = self._document.journey
        labels = [s.label for s in journey.metric_snapshots()]
        wanted = self.snapshot_label
        self._filling = True
        try:
            self.snapshot_combo.clear()
            self.snapshot_combo.addItem(ALL_WORDS, ALL)
            for label in labels:
                self.snapshot_combo.addItem(label, label)
            self.snapshot_combo.setCurrentIndex(max(0, self.snapshot_combo.findData(wanted)))
            self.snapshot_combo.setToolTip(
                f"Judged on {basis_words(journey)}. A setting of the map, saved with it and "
                "used by its report; importing data does not change it."
            )
            snapshot = judged_snapshot(journey)
            settings = journey.painpoint_settings()
            current = self.current_row()
            findings = evaluate(journey, snapshot, settings.rules)
            self.ranking = rank_map(journey, snapshot, findings=findings)
            goal = settings.goal
            goal_name = journey.touchpoint(goal).name if goal and goal in journey else None
            self.basis_label.setText(basis_text(self.ranking, settings, goal_name))
            self.insufficient_label.setText(unchecked_text(unchecked(journey, snapshot, findings)))
            self.insufficient_label.setVisible(bool(self.insufficient_label.text()))
            self._swap(ranking_model(journey, self.ranking, settings, self))
            self._select(current)
            self._swap_opportunities(opportunity_model(journey, self.ranking, settings, self))
        finally:
            self._filling = False
        self._show_detail()

    def _swap(self, model: QStandardItemModel) -> None:
        self.table.setModel(model)
        self.model.deleteLater()
        self.model = model
        self._connect_selection()
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

    def _swap_opportunities(self, model: QStandardItemModel) -> None:
        current = self.opportunities.currentIndex().data(ID_ROLE)
        self.opportunities.setModel(model)
        self.opportunity_model.deleteLater()
        self.opportunity_model = model
        self.opportunities.resizeColumnsToContents()
        self.opportunities.setColumnWidth(1, min(self.opportunities.columnWidth(1), 320))
        header = self.opportunities.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for r in range(model.rowCount()):
            if model.index(r, 0).data(ID_ROLE) == current:
                self.opportunities.setCurrentIndex(model.index(r, 0))

    # ------------------------------------------------------------------ the ranked rows
    def current_row(self) -> Ranked | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return self.ranking[row] if isinstance(row, int) and row < len(self.ranking) else None

    def _select(self, wanted: Ranked | None) -> None:
        """Make the row of ``wanted``'s touchpoint current again."""
        if wanted is None:
            return
        for n in range(self.model.rowCount()):
            row = self.model.index(n, 0).data(ROW_ROLE)
            if isinstance(row, int) and self.ranking[row].touchpoint_id == wanted.touchpoint_id:
                self.table.setCurrentIndex(self.model.index(n, 0))
                self.table.scrollTo(self.model.index(n, 0))
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()
        if not self._filling and current.isValid():
            self._focus_index(current)

    def _focus_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, int) and row < len(self.ranking):
            self.focus(self.ranking[row].touchpoint_id)

    def focus(self, touchpoint_id: str) -> None:
        """Select the touchpoint's card and centre the map on it."""
        self._scene.flush()
        self._scene.select_ids([touchpoint_id])
        card = self._scene.cards.get(touchpoint_id)
        if card is not None:
            self._view.centerOn(card)

    def _show_detail(self) -> None:
        row = self.current_row()
        if row is None:
            self.detail.setText("Choose a row to see why it ranks where it does.")
            return
        journey = self._document.journey
        group = [r for r in self.ranking if r.touchpoint_id == row.touchpoint_id]
        once = counted_once_text(TouchpointRank(row.touchpoint_id, row.touchpoint, tuple(group)))
        parts = [f"\N{BULLET} {r.explanation}" if once else r.explanation for r in group]
        if once:
            parts.insert(0, once)
        for r in group:
            if r.source == MANUAL and r.key in journey:
                strategy = journey.pain_point(r.key).strategy
                parts.append(f"Strategy: {strategy}" if strategy else "No strategy written yet.")
        keys = {r.key for r in group}
        answers = [
            f"{o.name} ({o.effort}, {o.impact}%)"
            for o in journey.opportunities(row.touchpoint_id)
            if o.pain_point in keys
        ]
        if answers:
            parts.append("Opportunities: " + "; ".join(answers) + ".")
        self.detail.setText("\n".join(parts))

    def _open_row(self, index: QModelIndex) -> None:
        """A double-click: show the touchpoint; a manual pain point opens to be edited."""
        self._focus_index(index)
        row = self.current_row()
        if row is not None and row.source == MANUAL:
            self.editPainPointRequested.emit(row.key)

    # ------------------------------------------------------------------ opportunities
    def selected_opportunities(self) -> list[str]:
        """Ids of the selected opportunity rows, the current one first."""
        current = self.opportunities.currentIndex().data(ID_ROLE)
        ids = {i.data(ID_ROLE): None for i in self.opportunities.selectionModel().selectedRows()}
        if current in ids:
            ids = {current: None, **ids}
        elif not ids and current is not None:
            ids = {current: None}
        return [i for i in ids if isinstance(i, str)]

    def _edit_opportunity(self, index: QModelIndex) -> None:
        key = index.data(ID_ROLE) if index.isValid() else None
        if isinstance(key, str):
            self.editOpportunityRequested.emit(key)

    def _remove_opportunities(self) -> None:
        ids = self.selected_opportunities()
        if ids:
            self.removeOpportunitiesRequested.emit(ids)
