"""The inspector: the properties of the selection, edited through undo commands.

Fields push one command when an edit is finished (Return, focus out, a combo choice), never per
keystroke, and none when the value did not change. The dock follows the selection and the
journey, refreshing once per event-loop turn so that a macro of many edits costs one refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.dock import MapDock
from cjo_desktop.app.evidence.inspector_section import TouchpointEvidence
from cjo_desktop.app.freecards.inspector_page import FreeCardPage
from cjo_desktop.app.panels.percent import percent_text, share_of
from cjo_desktop.app.panels.text_fields import StartShown, TextBox
from cjo_desktop.app.personas.inspector_section import PersonaSection
from cjo_desktop.commands import (
    AddFlow,
    ClearEmotion,
    SetDescription,
    SetEmotion,
    SetExpectedDropoff,
    SetTitle,
    UpdateFlow,
    UpdateItem,
)
from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Emotion, Journey, JourneyError
from cjo_desktop.domain.limits import MAX_COUNT
from cjo_desktop.palette import ERROR_TEXT

#: The valence combo: ``None`` (no feeling recorded) then -2..+2 with their everyday words.
VALENCE_CHOICES: list[tuple[int | None, str]] = [
    (None, "none"),
    *((v, f"{v:+d} {word}" if v else f"0 {word}") for v, word in DEFAULT_EMOTION_LABELS.items()),
]
_VALENCES = [valence for valence, _ in VALENCE_CHOICES]
#: The flow count spin box shows this at its minimum, which stands for an unknown count.
UNKNOWN_COUNT = -1

W = TypeVar("W", bound=QWidget)
Commit = Callable[[], None] | None
Target = tuple[str, object]  # ("map" | "touchpoint" | "stage" | "flow" | "free card" | "many", key)


class InspectorDock(MapDock):
    """Shows the map, one touchpoint, stage, flow or free card, or a count of the selected
    items."""

    TITLE, NAME = "Inspector", "inspector"

    def _build(self) -> QWidget:
        self._target: Target = ("map", None)
        self._revert = False  # the next refresh rewrites even the field being typed in
        self._commits: dict[QWidget, Callable[[], None]] = {}
        self._start_shown = StartShown(self)
        self._pages = QStackedWidget()
        self._page: dict[str, QWidget] = {}
        self._build_map_page()
        self._build_touchpoint_page()
        self._build_stage_page()
        self._build_flow_page()
        self.free_card = FreeCardPage(lambda: self._document.journey, self._push)
        self._pages.addWidget(self.free_card.page)
        self._many = QLabel()
        self._many.setAccessibleName("Selection count")
        self._many.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._pages.addWidget(self._many)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._pages)
        self._scene.selectionChanged.connect(self._timer.start)
        return scroll

    # ------------------------------------------------------------------ building
    def _form(self, kind: str, title: str) -> QFormLayout:
        page = self._page[kind] = QWidget()
        page.setAccessibleName(title)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)  # the page's margin is enough: width is for fields
        column = QVBoxLayout(page)  # fields at the top; spare height stays below them
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(fields)
        column.addStretch(1)
        self._pages.addWidget(page)
        return form

    def _add(self, form: QFormLayout, label: str, name: str, widget: W, commit: Commit = None) -> W:
        """Add a labelled field; ``commit`` runs when its edit is finished."""
        widget.setAccessibleName(name)
        if isinstance(widget, QLabel):  # names shown as typed: "<b>Sale</b>" is not markup
            widget.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(label, widget)
        if isinstance(widget, QLineEdit):
            widget.installEventFilter(self._start_shown)
        if commit is not None:
            if isinstance(widget, QLineEdit | TextBox | QDoubleSpinBox):
                widget.editingFinished.connect(commit)
            self._commits[widget] = commit
        return widget

    def _edit(self, form: QFormLayout, label: str, widget: W, kind: str, field: str) -> W:
        """A text field of ``field`` of the shown ``kind``, named for screen readers."""
        commit = partial(self._commit_text, widget, kind, field)
        return self._add(form, label, f"{kind.capitalize()} {field}", widget, commit)

    def _build_map_page(self) -> None:
        form = self._form("map", "Map properties")
        self.map_title = self._edit(form, "&Title", QLineEdit(), "map", "title")
        self.map_description = self._edit(form, "&Description", TextBox(), "map", "description")

    def _build_touchpoint_page(self) -> None:
        form = self._form("touchpoint", "Touchpoint properties")
        tp = "touchpoint"
        self.tp_name = self._edit(form, "&Name", QLineEdit(), tp, "name")
        self.tp_stage = self._add(form, "Stage", "Touchpoint stage", QLabel())
        self.tp_channel = self._edit(form, "&Channel", QComboBox(), tp, "channel")
        self.tp_channel.setEditable(True)
        self.tp_channel.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tp_channel.activated.connect(self._commits[self.tp_channel])
        channel_line = self.tp_channel.lineEdit()
        assert channel_line is not None  # editable
        channel_line.editingFinished.connect(self._commits[self.tp_channel])
        self.tp_description = self._edit(form, "&Description", TextBox(), tp, "description")
        self.tp_owner = self._edit(form, "&Owner", QLineEdit(), tp, "owner")
        self.tp_tags = self._add(form, "T&ags", "Touchpoint tags", QLineEdit(), self._commit_tags)
        self.tp_tags.setPlaceholderText("comma, separated")
        self.tp_valence = self._add(form, "&Feeling", "Feeling valence", QComboBox())
        self.tp_valence.addItems([text for _, text in VALENCE_CHOICES])
        self.tp_valence.activated.connect(self._commit_valence)
        self.tp_feeling_label = self._add(
            form, "Feeling &label", "Feeling label", QLineEdit(), self._commit_feeling_label
        )
        self.personas = PersonaSection(form, lambda: self._document.journey, self._push)
        self.tp_pains = self._add(form, "Pain points", "Touchpoint pain points", QLabel())
        self.tp_pains.setWordWrap(True)
        self.tp_pains.setTextFormat(Qt.TextFormat.PlainText)
        self.tp_dropoff = self._add(form, "Drop-off", "Touchpoint drop-off", QPushButton())
        self.tp_dropoff.clicked.connect(self._dropoff_clicked)
        self.tp_expected = self._add(
            form,
            "E&xpected drop-off",
            "Touchpoint expected drop-off",
            QLineEdit(),
            self._commit_expected,
        )
        self.tp_expected.setPlaceholderText("typical of the stage")
        self.tp_expected.setToolTip(
            "The share of people who normally leave here, in %: most who see an ad scroll "
            "past. Drop-off counts as a pain point only beyond it; empty compares with the "
            "typical drop-off of the stage."
        )
        self.tp_expected_problem = self._add(form, "", "Expected drop-off problem", QLabel())
        # lines of its own rather than word wrap, which squeezed the wrapped labels above;
        # never wider than the column
        self.tp_expected_problem.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.tp_expected_problem.setStyleSheet(f"color: {ERROR_TEXT}")
        self.tp_expected_problem.hide()
        self.evidence = TouchpointEvidence(form, lambda: self._document.journey, self._push)

    def _build_stage_page(self) -> None:
        form = self._form("stage", "Stage properties")
        self.stage_name = self._edit(form, "&Name", QLineEdit(), "stage", "name")
        self.stage_description = self._edit(form, "&Description", TextBox(), "stage", "description")

    def _build_flow_page(self) -> None:
        form = self._form("flow", "Flow properties")
        self.flow_from = self._add(form, "From", "Flow source", QLabel())
        self.flow_to = self._add(form, "To", "Flow target", QLabel())
        self.flow_count = self._add(
            form, "&Count", "Flow count", QDoubleSpinBox(), self._commit_flow_count
        )
        # A double: counts go past a 32-bit spin box's 2,147,483,647, up to the map's limit.
        self.flow_count.setDecimals(0)
        self.flow_count.setRange(UNKNOWN_COUNT, MAX_COUNT)
        self.flow_count.setSpecialValueText("unknown")
        self.flow_count.setGroupSeparatorShown(True)
        self.flow_label = self._add(
            form, "&Label", "Flow label", QLineEdit(), self._commit_flow_label
        )

    # ------------------------------------------------------------------ following
    def _on_journey_replaced(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ showing
    @property
    def target(self) -> Target:
        """What the fields show: ``(kind, key)``; for ``"many"`` the key is the count."""
        return self._target

    def refresh(self) -> None:
        """Show the current selection; fields being typed in keep their text."""
        self._timer.stop()
        target = self._selection_target()
        if target != self._target:
            self._commit_focused()  # an unfinished edit belongs to what was shown
        same, self._revert = target == self._target and not self._revert, False
        self._target = target
        kind, key = target
        journey = self._document.journey
        if kind == "touchpoint":
            self._show_touchpoint(journey, str(key), same)
        elif kind == "stage":
            stage = journey.stage(str(key))
            self._set(self.stage_name, stage.name, same)
            self._set(self.stage_description, stage.description, same)
            self._pages.setCurrentWidget(self._page["stage"])
        elif kind == "flow":
            self._show_flow(journey, key, same)  # type: ignore[arg-type]
        elif kind == "free card":
            self.free_card.show(journey, str(key), same)
            self._pages.setCurrentWidget(self.free_card.page)
        elif kind == "many":
            self._many.setText(f"{key} items selected")
            self._pages.setCurrentWidget(self._many)
        else:
            self._set(self.map_title, journey.title, same)
            self._set(self.map_description, journey.description, same)
            self._pages.setCurrentWidget(self._page["map"])

    def _selection_target(self) -> Target:
        scene = self._scene
        touchpoints = scene.selected_touchpoints()
        stages = scene.selected_stages()
        flows = scene.selected_flows()
        free = scene.selected_free_cards()
        journey = self._document.journey
        count = len(touchpoints) + len(stages) + len(flows) + len(free)
        if count > 1:
            return ("many", count)
        if free and free[0] in journey:
            return ("free card", free[0])
        if touchpoints and touchpoints[0] in journey:
            return ("touchpoint", touchpoints[0])
        if stages and stages[0] in journey:
            return ("stage", stages[0])
        if flows and journey.has_flow(*flows[0]):
            return ("flow", flows[0])
        return ("map", None)

    def _show_touchpoint(self, journey: Journey, tp_id: str, same: bool) -> None:
        tp = journey.touchpoint(tp_id)
        self._set(self.tp_name, tp.name, same)
        self.tp_stage.setText(journey.stage(tp.stage_id).name)
        if not (same and self.tp_channel.hasFocus()):
            channels = sorted({t.channel for t in journey.touchpoints() if t.channel})
            self.tp_channel.clear()
            self.tp_channel.addItems(channels)
            self.tp_channel.setCurrentText(tp.channel)
        self._set(self.tp_description, tp.description, same)
        self._set(self.tp_owner, tp.owner, same)
        self._set(self.tp_tags, ", ".join(tp.tags), same)
        emotion = _feeling(journey, tp_id)
        valence = None if emotion is None else emotion.valence
        self.tp_valence.setCurrentIndex(_VALENCES.index(valence))
        self._set(self.tp_feeling_label, "" if emotion is None else emotion.label, same)
        self.tp_feeling_label.setEnabled(emotion is not None)
        self.tp_feeling_label.setPlaceholderText(
            "" if valence is None else DEFAULT_EMOTION_LABELS[valence]
        )
        self.personas.show(journey, tp_id)
        self.tp_pains.setText(_pain_lines(journey, tp_id))
        has_dropoff = journey.has_flow(tp_id, None)
        self.tp_dropoff.setText("Edit drop-off" if has_dropoff else "Add drop-off")
        self.tp_dropoff.setToolTip(
            "Select this card's drop-off to edit its count and label"
            if has_dropoff
            else "Record how many customers leave the journey here"
        )
        if not (same and self.tp_expected.hasFocus()):
            self._set(self.tp_expected, percent_text(tp.expected_dropoff), False)
            self.tp_expected_problem.hide()
        self.evidence.show(journey, tp_id, None if emotion is None else emotion.id, same)
        self._pages.setCurrentWidget(self._page["touchpoint"])

    def _show_flow(self, journey: Journey, key: tuple[str, str | None], same: bool) -> None:
        flow = journey.flow(*key)
        self.flow_from.setText(journey.touchpoint(flow.source).name)
        self.flow_to.setText(
            "(drop-off)" if flow.target is None else journey.touchpoint(flow.target).name
        )
        if not (same and self.flow_count.hasFocus()):
            self.flow_count.setValue(UNKNOWN_COUNT if flow.count is None else flow.count)
        self._set(self.flow_label, flow.label, same)
        self._pages.setCurrentWidget(self._page["flow"])

    def _set(self, widget: QLineEdit | TextBox, value: str, same: bool) -> None:
        if same and widget.hasFocus():
            return
        if isinstance(widget, QLineEdit):
            if widget.text() != value:
                widget.setText(value)
                widget.setCursorPosition(0)  # a long value shows its start, not its tail
        elif widget.toPlainText() != value:
            widget.setPlainText(value)

    # ------------------------------------------------------------------ committing
    def _commit_focused(self) -> None:
        for widget, commit in self._commits.items():
            if widget.hasFocus():
                commit()

    def _push(self, build: Callable[[], QUndoCommand]) -> None:
        """Push the command; a value the journey refuses puts the field back as it was."""
        try:
            command = build()
        except JourneyError:
            self._revert = True
            self._timer.start()
            return
        self._document.push(command)

    def _key(self, kind: str) -> str | None:
        """The id of the shown item of ``kind``, if it still exists."""
        target_kind, key = self._target
        ok = target_kind == kind and isinstance(key, str) and key in self._document.journey
        return key if ok else None  # type: ignore[return-value]

    def _update(self, kind: str, field: str, value: object) -> None:
        key, journey = self._key(kind), self._document.journey
        if key is not None and getattr(journey.item(key), field) != value:
            changes: dict[str, Any] = {field: value}
            self._push(lambda: UpdateItem(journey, key, **changes))

    def _commit_text(self, widget: QWidget, kind: str, field: str, *_signal_args: object) -> None:
        """Set ``field`` of the shown ``kind`` (``"map"``: the map's own) from ``widget``."""
        if isinstance(widget, TextBox):
            value = widget.toPlainText()
        elif isinstance(widget, QComboBox):
            value = widget.currentText().strip()
        else:
            assert isinstance(widget, QLineEdit)
            value = widget.text().strip()
        journey = self._document.journey
        if kind != "map":
            self._update(kind, field, value)
        elif self._target[0] == "map" and getattr(journey, field) != value:
            command = SetTitle if field == "title" else SetDescription
            self._push(lambda: command(journey, value))

    def _commit_tags(self) -> None:
        tags = tuple(t.strip() for t in self.tp_tags.text().split(",") if t.strip())
        self._update("touchpoint", "tags", tags)

    def _commit_valence(self) -> None:
        tp_id, journey = self._key("touchpoint"), self._document.journey
        if tp_id is None:
            return
        emotion = _feeling(journey, tp_id)
        valence = _VALENCES[self.tp_valence.currentIndex()]
        if valence is None and emotion is not None:
            self._push(lambda: ClearEmotion(journey, tp_id))
        elif valence is not None and (emotion is None or emotion.valence != valence):
            label = "" if emotion is None else emotion.label
            self._push(lambda: SetEmotion(journey, tp_id, valence, label))

    def _commit_feeling_label(self) -> None:
        tp_id, journey = self._key("touchpoint"), self._document.journey
        emotion = None if tp_id is None else _feeling(journey, tp_id)
        label = self.tp_feeling_label.text().strip()
        if tp_id is not None and emotion is not None and emotion.label != label:
            self._push(lambda: SetEmotion(journey, tp_id, emotion.valence, label))

    def _commit_expected(self) -> None:
        tp_id, journey = self._key("touchpoint"), self._document.journey
        if tp_id is None:
            return
        try:
            share = share_of(self.tp_expected.text())
        except ValueError as exc:
            self.tp_expected_problem.setText(str(exc))
            self.tp_expected_problem.show()
            return
        self.tp_expected_problem.hide()
        if journey.touchpoint(tp_id).expected_dropoff != share:
            self._push(lambda: SetExpectedDropoff(journey, tp_id, share))

    def _dropoff_clicked(self) -> None:
        """Add the shown card's drop-off (one undo step) or, if it has one, select it; either
        way the Inspector then shows the drop-off, its count and label ready to fill in."""
        tp_id, journey = self._key("touchpoint"), self._document.journey
        if tp_id is None:
            return
        if not journey.has_flow(tp_id, None):
            self._push(lambda: AddFlow(journey, tp_id, None))
            self._scene.flush()
        self._scene.select_ids([(tp_id, None)])
        self.refresh()

    def _flow_edit(self, field: str, value: object) -> None:
        kind, key = self._target
        journey = self._document.journey
        if kind != "flow" or not isinstance(key, tuple) or not journey.has_flow(*key):
            return
        source, target = key
        if getattr(journey.flow(source, target), field) != value:
            changes: dict[str, Any] = {field: value}
            self._push(lambda: UpdateFlow(journey, source, target, **changes))

    def _commit_flow_count(self) -> None:
        value = round(self.flow_count.value())
        self._flow_edit("count", None if value == UNKNOWN_COUNT else value)

    def _commit_flow_label(self) -> None:
        self._flow_edit("label", self.flow_label.text().strip())


def _feeling(journey: Journey, tp_id: str) -> Emotion | None:
    """The feeling of everyone (no persona) at a touchpoint: the one the inspector edits."""
    return next((e for e in journey.emotions(tp_id) if e.persona_id is None), None)


def _pain_lines(journey: Journey, tp_id: str) -> str:
    """The card's flagged pain points and its opportunities, one line each (edit them from
    Edit > Pain Points or the Pain points panel)."""
    lines = [f"\N{WARNING SIGN} {p.severity}: {p.description}" for p in journey.pain_points(tp_id)]
    lines += [
        f"+ {o.name} (effort {o.effort}, wins back {o.impact}%)"
        for o in journey.opportunities(tp_id)
    ]
    return "\n".join(lines) or "none flagged (Ctrl+Shift+P flags one)"
