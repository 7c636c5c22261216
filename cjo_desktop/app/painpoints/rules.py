"""The rules dialog: the map's pain-point rules and pricing, edited as one undoable step.

The table and the fields are widgets; turning what they hold into a
:class:`PainPointSettings` and saying what is wrong with it are plain functions
(:func:`problems`, :func:`settings_from`) that tests call without a dialog.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.metrics import DROPOFF_EXCESS, METRIC_NAMES, NPS, metric_name
from cjo_desktop.domain.painpoints import (
    DEFAULT_RULES,
    EMOTION_METRICS,
    MAX_MIN_N,
    OPS,
    SEVERITIES,
    PainPointSettings,
    Rule,
)
from cjo_desktop.palette import ERROR_TEXT

KNOWN_METRICS: tuple[str, ...] = tuple(METRIC_NAMES)
OP_WORDS = {"<": "below", "<=": "at or below", ">": "above", ">=": "at or above"}
CURRENCIES = ("€", "$", "£", "EUR", "USD", "GBP", "CHF")
PERIODS = ("month", "quarter", "year", "week")
COLUMNS = ("On", "Name", "Metric", "Operator", "Threshold", "Severity", "Min n", "Description")
ON, NAME, METRIC, OP, THRESHOLD, SEVERITY, MIN_N, DESCRIPTION = range(len(COLUMNS))
AUTO_ROLE = Qt.ItemDataRole.UserRole  # on the description cell: rewrite it with the condition


@dataclass(frozen=True)
class RuleRow:
    """One row of the rules table, as typed."""

    name: str
    metric: str
    op: str
    threshold: float
    severity: str
    min_n: int = 30
    enabled: bool = True
    description: str = ""


@dataclass(frozen=True)
class Pricing:
    """The fields under the table; ``value`` as typed (blank: no value per customer)."""

    value: str = ""
    currency: str = "€"
    period: str = "month"
    goal: str | None = None


def rows_of(rules: Sequence[Rule]) -> list[RuleRow]:
    return [
        RuleRow(r.name, r.metric, r.op, r.threshold, r.severity, r.min_n, r.enabled, r.description)
        for r in rules
    ]


def pricing_of(settings: PainPointSettings) -> Pricing:
    v = settings.value_per_customer
    value = "" if v is None else f"{v:g}" if abs(v) < 1e15 else repr(v)
    return Pricing(value, settings.currency, settings.period, settings.goal)


def describe_rule(metric: str, op: str, threshold: float) -> str:
    """'drop-off at or above 95%': the words the ranking shows for a rule."""
    if metric == DROPOFF_EXCESS and op == ">=":
        return f"Drop-off {threshold:g}% or more above expected"
    name = metric_name(metric)
    return f"{name.words} {OP_WORDS.get(op, op)} {threshold:g}{name.unit}"


def parse_value(text: str) -> float | None:
    """'85', '85.50', '85,5', '1 200' -> a number; blank -> None; raises ValueError."""
    t = (
        text.strip()
        .replace(" ", "")
        .replace("\N{THIN SPACE}", "")
        .replace("\N{NO-BREAK SPACE}", "")
    )
    if not t:
        return None
    t = t.replace(",", "") if "." in t else t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        raise ValueError(
            f"The value per customer must be a number such as 85, or empty; not {text.strip()!r}."
        ) from None
    if not value >= 0 or value == float("inf"):
        raise ValueError("The value per customer must be 0 or more.")
    return value


def problems(rows: Sequence[RuleRow], pricing: Pricing, journey: Journey) -> list[str]:
    """What stops these rows and fields from being the map's settings, in words; [] if none."""
    out: list[str] = []
    names = [r.name.strip() for r in rows]
    for i, row in enumerate(rows, start=1):
        if not row.name.strip():
            out.append(f"Rule {i} needs a name.")
        if not row.metric.strip():
            out.append(f"Rule {row.name.strip() or i!s} needs a metric.")
    twice = sorted(n for n, k in Counter(names).items() if n and k > 1)
    out += [f"Two rules are named {n!r}: rule names must differ." for n in twice]
    try:
        parse_value(pricing.value)
    except ValueError as exc:
        out.append(str(exc))
    if len(pricing.currency.strip()) > 8:
        out.append("The currency is a symbol or code of at most 8 characters.")
    if not pricing.period.strip():
        out.append("Name the period the counts run over, e.g. month.")
    if out:
        return out
    try:
        settings_from(rows, pricing, journey)
    except (JourneyError, ValueError) as exc:
        text = str(exc)
        out.append(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
    return out


def settings_from(rows: Sequence[RuleRow], pricing: Pricing, journey: Journey) -> PainPointSettings:
    """The settings the dialog stands for on ``journey``; raises JourneyError or ValueError
    when invalid."""
    rules = tuple(
        Rule(
            r.name.strip(),
            r.metric.strip(),
            r.op,  # type: ignore[arg-type]  # checked by Rule
            float(r.threshold),
            r.severity,  # type: ignore[arg-type]
            int(r.min_n),
            r.enabled,
            r.description.strip(),
        )
        for r in rows
    )
    settings = PainPointSettings(
        rules,
        parse_value(pricing.value),
        pricing.currency.strip(),
        pricing.period.strip(),
        pricing.goal,
        journey.painpoint_settings().judged_on,  # chosen in the dock, not in this dialog
    )
    journey.check_painpoint_settings(settings)  # the domain's own checks
    return settings


def _combo(items: Sequence[str], current: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    combo.addItems(list(items))
    if combo.findText(current) < 0:
        combo.addItem(current)
    combo.setCurrentText(current)
    return combo


class RulesDialog(QDialog):
    """``settings()`` is valid once OK is enabled; ``problem`` says what is wrong."""

    def __init__(self, journey: Journey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pain-point rules")
        self._journey = journey
        self._filling = False
        settings = journey.painpoint_settings()
        snapshot_metrics = {m for s in journey.metric_snapshots() for m in s.metric_names()}
        self._metrics = [*KNOWN_METRICS, *sorted(snapshot_metrics - set(KNOWN_METRICS))]
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Pain-point rules")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton("&Add Rule")
        self.remove_button = QPushButton("&Remove Rule")
        self.reset_button = QPushButton("Reset to &Defaults")
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.reset_button.clicked.connect(lambda: self.set_rows(rows_of(DEFAULT_RULES)))
        self.add_button.setToolTip("Add a rule at the end")
        self.remove_button.setToolTip("Remove the selected rule")
        self.reset_button.setToolTip("Put back the six default rules (the pricing stays)")
        row_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.reset_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        self._build_pricing(settings)
        self.problem = QLabel(wordWrap=True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet(f"color: {ERROR_TEXT}")
        note = QLabel(
            "A rule marks a pain point where its metric crosses the threshold, and only when at "
            "least <i>min n</i> responses or visitors stand behind the number (below it the "
            "touchpoint has insufficient data). Emotion rules have no n.",
            wordWrap=True,
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(self.pricing_form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.set_rows(rows_of(settings.rules))
        self.resize(980, 560)

    def _build_pricing(self, settings: PainPointSettings) -> None:
        p = pricing_of(settings)
        self.value = QLineEdit(p.value)
        self.value.setPlaceholderText("none: rank by customers at risk")
        self.value.setAccessibleName("Value per customer")
        self.value.setToolTip("What one customer is worth: average order value, CLTV...")
        self.currency = _combo(CURRENCIES, p.currency, editable=True)
        self.currency.setAccessibleName("Currency")
        self.period = _combo(PERIODS, p.period, editable=True)
        self.period.setAccessibleName("Period")
        self.goal = QComboBox()
        self.goal.setAccessibleName("Goal touchpoint")
        self.goal.setToolTip(
            "Where someone becomes a customer: a person lost before it is worth the value times "
            "their chance of reaching it"
        )
        self.goal.addItem("(none: every lost person is worth the full value)", None)
        stages = {s.id: s.name for s in self._journey.stages()}
        for tp in self._journey.touchpoints():
            self.goal.addItem(f"{tp.name} ({stages[tp.stage_id]})", tp.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(p.goal)))
        self.currency.setMaximumWidth(90)
        self.period.setMaximumWidth(140)
        money = QHBoxLayout()
        money.addWidget(self.value, 1)
        money.addWidget(self.currency)
        money.addWidget(QLabel("per"))
        money.addWidget(self.period)
        value_label = QLabel("&Value per customer:")
        value_label.setBuddy(self.value)
        self.pricing_form = QFormLayout()
        self.pricing_form.addRow(value_label, money)
        self.pricing_form.addRow("&Goal touchpoint:", self.goal)
        self.value.textChanged.connect(self.check)
        self.currency.currentTextChanged.connect(self.check)
        self.period.currentTextChanged.connect(self.check)

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: Sequence[RuleRow]) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._filling = False
        self.check()

    def _append(self, row: RuleRow) -> int:
        t, r = self.table, self.table.rowCount()
        t.insertRow(r)
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        on.setCheckState(Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked)
        on.setToolTip("Check the rule against the map's numbers")
        t.setItem(r, ON, on)
        t.setItem(r, NAME, QTableWidgetItem(row.name))
        description = QTableWidgetItem(row.description)
        description.setData(AUTO_ROLE, True)
        t.setItem(r, DESCRIPTION, description)
        metric = _combo(self._metrics, row.metric, editable=True)
        metric.setAccessibleName("Metric")
        op = _combo(OPS, row.op)
        op.setAccessibleName("Operator")
        threshold = QDoubleSpinBox()
        threshold.setRange(-1e9, 1e9)
        threshold.setDecimals(2)
        threshold.setValue(row.threshold)
        threshold.setAccessibleName("Threshold")
        severity = _combo(SEVERITIES, row.severity)
        severity.setAccessibleName("Severity")
        min_n = QSpinBox()
        min_n.setRange(0, MAX_MIN_N)
        min_n.setValue(row.min_n)
        min_n.setAccessibleName("Minimum sample size")
        for column, widget in (
            (METRIC, metric),
            (OP, op),
            (THRESHOLD, threshold),
            (SEVERITY, severity),
            (MIN_N, min_n),
        ):
            t.setCellWidget(r, column, widget)
        metric.currentTextChanged.connect(lambda _t, w=metric: self._condition_changed(w))
        op.currentTextChanged.connect(lambda _t, w=op: self._condition_changed(w))
        threshold.valueChanged.connect(lambda _v, w=threshold: self._condition_changed(w))
        severity.currentTextChanged.connect(self.check)
        min_n.valueChanged.connect(self.check)
        self._sync_min_n(r)
        return r

    def _widget(self, row: int, column: int) -> QWidget:
        widget = self.table.cellWidget(row, column)
        assert widget is not None
        return widget

    def rows(self) -> list[RuleRow]:
        out = []
        for r in range(self.table.rowCount()):
            metric, op, threshold, severity, min_n = (
                self._widget(r, c) for c in (METRIC, OP, THRESHOLD, SEVERITY, MIN_N)
            )
            assert isinstance(metric, QComboBox) and isinstance(op, QComboBox)
            assert isinstance(threshold, QDoubleSpinBox) and isinstance(min_n, QSpinBox)
            assert isinstance(severity, QComboBox)
            on, name, description = (self.table.item(r, c) for c in (ON, NAME, DESCRIPTION))
            out.append(
                RuleRow(
                    name.text() if name else "",
                    metric.currentText(),
                    op.currentText(),
                    threshold.value(),
                    severity.currentText(),
                    min_n.value(),
                    on is not None and on.checkState() == Qt.CheckState.Checked,
                    description.text() if description else "",
                )
            )
        return out

    def pricing(self) -> Pricing:
        return Pricing(
            self.value.text(),
            self.currency.currentText(),
            self.period.currentText(),
            self.goal.currentData(),
        )

    def settings(self) -> PainPointSettings:
        return settings_from(self.rows(), self.pricing(), self._journey)

    def add_rule(self) -> None:
        names = {r.name for r in self.rows()}
        n = 1 + len(names)
        while f"rule_{n}" in names:
            n += 1
        row = RuleRow(f"rule_{n}", NPS, "<", 0.0, "medium", 30, True, describe_rule(NPS, "<", 0))
        self._filling = True
        try:
            r = self._append(row)
        finally:
            self._filling = False
        self.table.setCurrentCell(r, NAME)
        name = self.table.item(r, NAME)
        if name is not None:
            self.table.editItem(name)
        self.check()

    def remove_rule(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
            self.check()

    # ------------------------------------------------------------------ following edits
    def _row_of(self, widget: QWidget) -> int:
        for r in range(self.table.rowCount()):
            if widget in (self.table.cellWidget(r, c) for c in (METRIC, OP, THRESHOLD)):
                return r
        return -1

    def _condition_changed(self, widget: QWidget) -> None:
        """A new condition: an untouched description follows it, so the ranking's words stay
        true (a drop-off rule moved to 95% no longer says 30%)."""
        r = self._row_of(widget)
        if r < 0:
            return
        self._sync_min_n(r)
        item = self.table.item(r, DESCRIPTION)
        if item is not None and item.data(AUTO_ROLE):
            row = self.rows()[r]
            self._filling = True
            try:
                item.setText(describe_rule(row.metric.strip(), row.op, row.threshold))
            finally:
                self._filling = False
        self.check()

    def _sync_min_n(self, r: int) -> None:
        metric = self._widget(r, METRIC)
        assert isinstance(metric, QComboBox)
        emotion = metric.currentText().strip() in EMOTION_METRICS
        min_n = self._widget(r, MIN_N)
        min_n.setEnabled(not emotion)
        min_n.setToolTip("Emotions have no sample size" if emotion else "Fewest responses needed")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == DESCRIPTION:
            item.setData(AUTO_ROLE, False)  # typed by hand: keep it
        self.check()

    def check(self) -> list[str]:
        """Show what is wrong (if anything) and allow OK only when nothing is."""
        if self._filling:
            return []
        found = problems(self.rows(), self.pricing(), self._journey)
        self.problem.setText("\n".join(found))
        self.problem.setVisible(bool(found))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setEnabled(not found)
        return found
