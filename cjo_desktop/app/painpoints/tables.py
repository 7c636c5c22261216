"""The pain-point dock's tables: the ranked rows and the opportunities, as item models.

Plain builders over the ranking the dock computed; the words ("per month", what a source is
called) are here too, so the table, its tooltips and the header agree. Amounts and each
opportunity's value come from the analysis, as the report's pages have them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
)

from cjo_desktop.analysis.impact import (
    MANUAL,
    Ranked,
    TouchpointRank,
    by_touchpoint,
    counted_once_text,
    money,
)
from cjo_desktop.analysis.opportunities import effort_words, opportunity_values, value_text
from cjo_desktop.analysis.sources import source_words
from cjo_desktop.app.metrics.dock import MetricsTable
from cjo_desktop.domain import Journey, Opportunity, PainPoint, PainPointSettings
from cjo_desktop.domain.painpoints import rule_title
from cjo_desktop.palette import SEVERITY

Std = QKeySequence.StandardKey
#: On every cell of the ranking: the position, in the ranking of pain points, of the
#: touchpoint's costliest one (the row stands for the touchpoint with all of its pain points).
ROW_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # on every opportunity cell: its id
DASH = "\N{EM DASH}"


def source_text(journey: Journey, row: Ranked) -> str:
    """What found the pain point: the rule's description, or "manual: what hurts"."""
    return source_words(journey, row.source, row.key)


def answered_text(journey: Journey, o: Opportunity) -> str:
    """The pain point an opportunity answers, in words."""
    if o.pain_point in journey and isinstance(journey.item(o.pain_point), PainPoint):
        return source_words(journey, MANUAL, o.pain_point)
    rule = journey.painpoint_settings().rule(o.pain_point)
    return rule_title(rule) if rule else f"{o.pain_point} (no such rule)"


def basis_text(rows: Sequence[Ranked], settings: PainPointSettings, goal_name: str | None) -> str:
    """The header line: what the order of the rows means."""
    if not rows:
        return "No pain points: no rule fires and none is flagged by hand."
    bases = {r.basis for r in rows}
    per = f"per {settings.period}"
    if "revenue" in bases:
        v = settings.value_per_customer or 0.0
        text = f"Ranked by revenue at risk {per} at {money(settings.currency, v)} per customer"
        if goal_name:
            text += f", weighted by the chance to reach {goal_name}"
    elif "customers" in bases:
        text = f"Ranked by customers at risk {per} (no value per customer: set one in Rules…)"
    else:
        return "No volumes: ranked by severity and sample size (import visitor counts or a funnel)"
    scored = sum(1 for r in rows if r.basis == "severity")
    if scored:
        text += f"; {scored} without volumes follow, ranked by severity and sample size"
    return text + "."


def _item(text: str, row: int, tip: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(row, ROW_ROLE)
    item.setToolTip(tip)
    return item


def group_tooltip(group: TouchpointRank) -> str:
    lines = [r.explanation for r in group.rows]
    if once := counted_once_text(group):
        lines.append(once)
    return "\n\n".join(lines)


def ranking_model(
    journey: Journey, rows: Sequence[Ranked], settings: PainPointSettings, parent: QObject
) -> QStandardItemModel:
    """One row per touchpoint, its pain points listed in the row, worth its costliest."""
    period = settings.period
    headers = [
        "#",
        "Touchpoint",
        "Pain points",
        "Severity",
        f"Customers at risk / {period}",
        f"Revenue at risk / {period}",
    ]
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    first: dict[str, int] = {}
    for i, r in enumerate(rows):
        first.setdefault(r.touchpoint_id, i)
    for n, g in enumerate(by_touchpoint(rows), 1):
        i = first[g.touchpoint_id]
        tip = group_tooltip(g)
        lost = DASH if g.customers_lost is None else f"{g.customers_lost:,.0f}"
        revenue = DASH if g.revenue_at_risk is None else money(settings.currency, g.revenue_at_risk)
        cells = [
            _item(str(n), i, tip),
            _item(g.touchpoint, i, tip),
            _item(" \N{MIDDLE DOT} ".join(source_text(journey, r) for r in g.rows), i, tip),
            _item(g.severity, i, tip),
            _item(lost, i, tip),
            _item(revenue, i, tip),
        ]
        cells[3].setForeground(QBrush(QColor(SEVERITY[g.severity].text)))
        for cell in (cells[0], cells[4], cells[5]):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.appendRow(cells)
    return model


def opportunity_model(
    journey: Journey, rows: Sequence[Ranked], settings: PainPointSettings, parent: QObject
) -> QStandardItemModel:
    headers = [
        "Touchpoint",
        "Pain point",
        "Opportunity",
        "Effort",
        "Expected impact",
        f"Expected value / {settings.period}",
    ]
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    values = opportunity_values(
        journey.opportunities(), rows, currency=settings.currency, period=settings.period
    )
    for i, v in enumerate(values):
        o = v.opportunity
        tip = o.description or o.name
        cells = [
            _item(names.get(o.touchpoint_id, o.touchpoint_id), i, tip),
            _item(answered := answered_text(journey, o), i, answered),
            _item(o.name, i, tip),
            _item(effort_words(o.effort), i, tip),
            _item(f"{o.impact}%", i, tip),
            _item(value_text(v, settings.currency), i, v.explanation),
        ]
        for cell in cells:
            cell.setData(o.id, ID_ROLE)
        for cell in (cells[4], cells[5]):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.appendRow(cells)
    return model


class RowTable(MetricsTable):
    """Ctrl+C copies the selected rows as tab-separated text; Delete asks to remove them.
    Both keys are kept from the window's Copy and Delete, which act on the map. Enter and a
    double-click say so once each, whatever the platform's activation style."""

    deleteRequested = Signal()
    enterPressed = Signal(QModelIndex)
    rowDoubleClicked = Signal(QModelIndex)

    def event(self, event: QEvent) -> bool:
        key = event if isinstance(event, QKeyEvent) else None
        if (
            key
            and key.type() == QEvent.Type.ShortcutOverride
            and (key.matches(Std.Delete) or key.key() == Qt.Key.Key_Backspace)
        ):
            key.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(Std.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.deleteRequested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enterPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentIndex(index)
            self.rowDoubleClicked.emit(index)
            return
        super().mouseDoubleClickEvent(event)
