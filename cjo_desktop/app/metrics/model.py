"""The metrics table's model: touchpoints by metrics, each cell made when the view asks for it.

A model of one item per cell took 16 GB and three minutes to open a valid map of 4,000 cards
that each had a metric of their own (16 million cells). This one keeps the rows and the columns
and reads a cell from the snapshot when it is painted, sorted or copied, so its memory follows
rows plus columns, not their product.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cjo_desktop.analysis.changes import Change, compare_snapshots
from cjo_desktop.domain import MetricValue, Snapshot, Touchpoint
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_MEAN, NPS, VISITORS, metric_name
from cjo_desktop.drawing.metric_view import format_value
from cjo_desktop.palette import BETTER, WORSE

SORT_ROLE = Qt.ItemDataRole.UserRole  # the number a column sorts by (None: no value)
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the touchpoint id, on the name cell
UP, DOWN = "\N{BLACK UP-POINTING TRIANGLE}", "\N{BLACK DOWN-POINTING TRIANGLE}"
MINUS = "\N{MINUS SIGN}"
Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def value_text(metric: str, value: MetricValue) -> str:
    """'+45 (n=100, 30-60)': the number, its count and its 95% interval where known."""
    text = format_value(metric, value)
    if value.value is None:
        return text
    extra = [f"n={value.n}"] if value.n is not None and metric != VISITORS else []
    if value.ci_low is not None and value.ci_high is not None:
        low, high = (format_value(metric, MetricValue(x)) for x in (value.ci_low, value.ci_high))
        dash = " \N{EN DASH} " if {"+", MINUS} & set(low + high) else "\N{EN DASH}"
        extra.append(f"{low}{dash}{high}")
    return f"{text} ({', '.join(extra)})" if extra else text


def delta_text(metric: str, change: Change) -> str:
    """'▲ +110 better', '▼ -2 no significant change': the move and the verdict on it, which
    is better or worse only when the change is significant (q < 0.05)."""
    signed = _signed(metric, change.delta)
    if signed == "0":  # what rounds to nothing gets no arrow ("▲ +0" read as a rise)
        return f"= 0 {change.verdict}"
    up = change.delta > 0
    return f"{UP if up else DOWN} {signed} {change.verdict}"


def _signed(metric: str, x: float) -> str:
    """A difference in the metric's units: '+110', '-4 pts', '+0.32'; '0' for what rounds
    to zero at the shown precision."""
    if metric in (CSAT_MEAN, CES_MEAN):
        size = f"{abs(x):.2f}"
    else:
        size = format_value(metric, MetricValue(abs(x))).lstrip("+").replace("%", " pts")
    if not any(c in "123456789" for c in size):
        return "0"
    return f"{'+' if x > 0 else MINUS}{size}"


def change_tip(metric: str, change: Change, old: MetricValue, now: MetricValue, label: str) -> str:
    """The numbers behind a change cell, in words: both values, the interval, p and q, and
    how many answers would show a change of the planned size."""
    lines = [f"{format_value(metric, old)} in {label!r}, {format_value(metric, now)} now."]
    if change.reason:
        lines.append(f"Not tested: {change.reason}.")
        return "\n".join(lines)
    if change.ci_low is not None and change.ci_high is not None:
        low, high = _signed(metric, change.ci_low), _signed(metric, change.ci_high)
        lines.append(f"Change {_signed(metric, change.delta)}, 95% interval {low} to {high}.")
    if change.p_value is not None and change.q_value is not None:
        lines.append(
            f"p = {p_text(change.p_value)}, q = {p_text(change.q_value)} "
            "(corrected for every value compared)."
        )
    if not change.significant:
        lines.append("No significant change: better or worse needs q below 0.05.")
    if change.n_needed is not None and change.size is not None:
        size = _signed(metric, change.size).lstrip("+") + (" points" if metric == NPS else "")
        lines.append(
            f"About {change.n_needed:,} answers in each snapshot would detect a change of "
            f"{size} (80% power)."
        )
    return "\n".join(lines)


def p_text(p: float) -> str:
    """A p- or q-value to two significant digits; tiny ones as '< 0.0001'."""
    return "< 0.0001" if p < 0.0001 else f"{p:.2g}"


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    key: object  # what SORT_ROLE answers
    tip: str = ""
    better: bool | None = None  # a significant change's colour; None: drawn neutral


class MetricsModel(QAbstractTableModel):
    """Stage and touchpoint, then a column per metric of ``shown`` (and its change since
    ``before`` when comparing), one row per touchpoint in map order."""

    def __init__(
        self,
        rows: list[tuple[str, Touchpoint]],
        shown: Snapshot | None,
        before: Snapshot | None,
        metrics: list[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows, self._shown, self._before = rows, shown, before
        self._changes: dict[tuple[str, str], Change] = {}
        if shown is not None and before is not None:  # one comparison over the whole map
            self._changes = compare_snapshots(before, shown, [tp.id for _, tp in rows])
        self._columns: list[tuple[str, str]] = [("stage", ""), ("name", "")]
        for m in metrics:
            self._columns.append(("value", m))
            if before is not None:
                self._columns.append(("change", m))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        kind, metric = self._columns[section]
        if kind == "stage":
            return "Stage"
        if kind == "name":
            return "Touchpoint"
        name = metric_name(metric).label
        return name if kind == "value" else f"{name} change"

    def data(self, index: Index, role: int = Role.DisplayRole) -> object:
        if not index.isValid():
            return None
        stage, tp = self._rows[index.row()]
        kind, metric = self._columns[index.column()]
        if role == ID_ROLE:
            return tp.id if kind == "name" else None
        if kind == "stage":
            cell = _Cell(stage, index.row())
        elif kind == "name":
            cell = _Cell(tp.name, tp.name.casefold())
        else:
            cell = self._cell(kind, metric, tp.id)
        if role == Role.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.key
        if role == Role.ToolTipRole:
            return cell.tip or None
        if role == Role.ForegroundRole and cell.better is not None:
            return QBrush(QColor(BETTER if cell.better else WORSE).darker(120))
        return None

    def _cell(self, kind: str, metric: str, tp_id: str) -> _Cell:
        now = self._shown.value(tp_id, metric) if self._shown else None
        if kind == "value":
            return _Cell("", None) if now is None else _Cell(value_text(metric, now), now.value)
        old = self._before.value(tp_id, metric) if self._before else None
        change = self._changes.get((tp_id, metric))
        if now is None or old is None or change is None:
            return _Cell("", None)
        label = self._before.label if self._before else ""
        tip = change_tip(metric, change, old, now, label)
        return _Cell(delta_text(metric, change), change.delta, tip, change.better)
