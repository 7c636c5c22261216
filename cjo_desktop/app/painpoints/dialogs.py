"""The pain-point dialogs: flag or edit a manual pain point, add or edit an opportunity.

They only collect values (``values()``); the caller turns them into one undo command. OK stays
disabled while a required field is blank, and a line under the fields says why.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.analysis.opportunities import effort_words
from cjo_desktop.domain import Journey, Opportunity, PainPoint
from cjo_desktop.domain.painpoints import EFFORTS, SEVERITIES, Effort, Severity
from cjo_desktop.palette import ERROR_TEXT

SEVERITY_WORDS = {"high": "High", "medium": "Medium", "low": "Low"}


@dataclass(frozen=True)
class PainPointValues:
    severity: Severity
    description: str
    strategy: str


@dataclass(frozen=True)
class OpportunityValues:
    pain_point: str
    name: str
    effort: Effort
    impact: int
    description: str


def pain_point_choices(
    journey: Journey, touchpoint_id: str, firing: Collection[str] = ()
) -> list[tuple[str, str]]:
    """(key, label) of what an opportunity at ``touchpoint_id`` can answer: the touchpoint's
    manual pain points, then the map's rules; those in ``firing`` come first and say so."""
    out: list[tuple[str, str]] = []
    for p in journey.pain_points(touchpoint_id):
        out.append((p.id, f"Manual ({p.severity}): {p.description}"))
    for r in journey.painpoint_settings().rules:
        out.append((r.name, f"Rule: {r.description or r.name}"))
    out.sort(key=lambda pair: pair[0] not in firing)  # stable: firing ones first
    return [
        (key, f"{text}  \N{EM DASH} found here" if key in firing else text) for key, text in out
    ]


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = QLabel(wordWrap=True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet(f"color: {ERROR_TEXT}")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

    @property
    def ok(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _field(self, label: str, name: str, widget: QWidget) -> None:
        widget.setAccessibleName(name)
        self.form.addRow(label, widget)

    def _set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.ok.setEnabled(not text)


class PainPointDialog(_Dialog):
    """Flag a touchpoint as a pain point, or edit a flagged one (``pain_point`` given)."""

    def __init__(
        self, touchpoint: str, pain_point: PainPoint | None = None, parent: QWidget | None = None
    ) -> None:
        verb = "Edit pain point" if pain_point else "Flag pain point"
        super().__init__(f"{verb} at {touchpoint}", parent)
        self.severity = QComboBox()
        for s in SEVERITIES:
            self.severity.addItem(SEVERITY_WORDS[s], s)
        self._field("&Severity:", "Severity", self.severity)
        self.description = QLineEdit()
        self.description.setPlaceholderText(
            "What hurts, e.g. shipping costs appear only at checkout"
        )
        self._field("&Description:", "Description", self.description)
        self.strategy = QPlainTextEdit()
        self.strategy.setTabChangesFocus(True)
        self.strategy.setPlaceholderText("The optimization strategy: what the team means to do")
        self.strategy.setFixedHeight(96)
        self._field("S&trategy:", "Optimization strategy", self.strategy)
        if pain_point is not None:
            self.severity.setCurrentIndex(self.severity.findData(pain_point.severity))
            self.description.setText(pain_point.description)
            self.strategy.setPlainText(pain_point.strategy)
        else:
            self.severity.setCurrentIndex(self.severity.findData("medium"))
        self.description.textChanged.connect(self._check)
        self.description.setFocus(Qt.FocusReason.OtherFocusReason)
        self._check()

    def _check(self) -> None:
        blank = not self.description.text().strip()
        self._set_problem("Describe the pain point to flag it." if blank else "")

    def values(self) -> PainPointValues:
        return PainPointValues(
            self.severity.currentData(),
            self.description.text().strip(),
            self.strategy.toPlainText().strip(),
        )


class OpportunityDialog(_Dialog):
    """Add an opportunity to a pain point at a touchpoint, or edit one (``opportunity``)."""

    def __init__(
        self,
        touchpoint: str,
        choices: list[tuple[str, str]],
        *,
        pain_point: str | None = None,
        opportunity: Opportunity | None = None,
        parent: QWidget | None = None,
    ) -> None:
        verb = "Edit opportunity" if opportunity else "Add opportunity"
        super().__init__(f"{verb} at {touchpoint}", parent)
        self.pain_point = QComboBox()
        for key, text in choices:
            self.pain_point.addItem(text, key)
        wanted = opportunity.pain_point if opportunity else pain_point
        if wanted is not None and self.pain_point.findData(wanted) < 0:
            self.pain_point.addItem(f"{wanted} (no longer a rule or pain point here)", wanted)
        self.pain_point.setCurrentIndex(max(0, self.pain_point.findData(wanted)))
        self._field("&Pain point:", "Pain point answered", self.pain_point)
        self.name = QLineEdit()
        self.name.setPlaceholderText("The proposed fix, e.g. delivery cost on the product page")
        self._field("&Name:", "Opportunity name", self.name)
        self.effort = QComboBox()
        for e in EFFORTS:
            self.effort.addItem(effort_words(e, span=True), e)
        self._field("&Effort:", "Effort", self.effort)
        self.impact = QSpinBox()
        self.impact.setRange(0, 100)
        self.impact.setSuffix(" %")
        self.impact.setToolTip(
            "The share of the pain point's loss this fix is expected to win back"
        )
        self._field("Expected &impact:", "Expected impact", self.impact)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self._field("&Description:", "Opportunity description", self.description)
        o = opportunity
        self.name.setText(o.name if o else "")
        self.effort.setCurrentIndex(self.effort.findData(o.effort if o else "M"))
        self.impact.setValue(o.impact if o else 50)
        self.description.setPlainText(o.description if o else "")
        self.name.textChanged.connect(self._check)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._check()

    def _check(self) -> None:
        if self.pain_point.count() == 0:
            self._set_problem("This map has no rules and the touchpoint no pain points.")
        elif not self.name.text().strip():
            self._set_problem("Name the opportunity to add it.")
        else:
            self._set_problem("")

    def values(self) -> OpportunityValues:
        return OpportunityValues(
            self.pain_point.currentData(),
            self.name.text().strip(),
            self.effort.currentData(),
            self.impact.value(),
            self.description.toPlainText().strip(),
        )
