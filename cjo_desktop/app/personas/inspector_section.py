"""The Inspector's persona rows at a touchpoint: how each persona feels there (or no feeling
of its own) and whether it uses the card at all (no box ticked: every persona does).

A feeling chosen pushes one SetEmotion (or ClearEmotion) for that persona; a box ticked or
cleared pushes one SetTouchpointPersonas. The rows only show and ask; commands change the map.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from cjo_desktop.app.personas.picture import persona_icon
from cjo_desktop.commands import ClearEmotion, SetEmotion, SetTouchpointPersonas
from cjo_desktop.commands.emotions import emotions_of
from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Journey
from cjo_desktop.drawing.persona_curves import persona_styles
from cjo_desktop.palette import MUTED

Push = Callable[[Callable[[], QUndoCommand]], None]
#: The feeling combo's entries: none of its own, then -2..+2 in everyday words.
CHOICES: list[tuple[int | None, str]] = [
    (None, "none"),
    *((v, f"{v:+d} {word}" if v else f"0 {word}") for v, word in DEFAULT_EMOTION_LABELS.items()),
]
_VALENCES = [v for v, _ in CHOICES]
EVERYONE_HINT = "Every persona uses this card (no box ticked)."
SOME_HINT = "Only the ticked personas use this card."
NO_PERSONAS = "No personas yet (View \N{RIGHTWARDS ARROW} Personas adds them)."


class PersonaRow:
    """One persona on two lines of the grid: its marker and name, then its feeling here and
    whether it uses the card (the Inspector's column is too narrow for one line)."""

    def __init__(self, grid: QGridLayout, row: int, name: str, icon: QPixmap) -> None:
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setText(name)
        self.label.setToolTip(name)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.icon = QLabel()
        self.icon.setPixmap(icon)
        self.feeling = QComboBox()
        self.feeling.addItems([text for _, text in CHOICES])
        self.feeling.setAccessibleName(f"Feeling of {name}")
        self.uses = QCheckBox("uses it")
        self.uses.setAccessibleName(f"{name} uses this touchpoint")
        self.uses.setToolTip(f"Tick if {name} uses this card; no box ticked: every persona does")
        grid.addWidget(self.icon, 2 * row, 0)
        grid.addWidget(self.label, 2 * row, 1, 1, 2)
        grid.addWidget(self.feeling, 2 * row + 1, 1)
        grid.addWidget(self.uses, 2 * row + 1, 2)

    def remove(self) -> None:
        for widget in (self.icon, self.label, self.feeling, self.uses):
            widget.setParent(None)
            widget.deleteLater()


class PersonaSection:
    """Rows per persona added to ``form`` under a header; ``rows`` by persona id."""

    def __init__(self, form: QFormLayout, journey: Callable[[], Journey], push: Push) -> None:
        self._journey, self._push = journey, push
        self._tp_id: str | None = None
        self._shape: list[tuple[str, str, str]] = []
        self.rows: dict[str, PersonaRow] = {}
        self.body = QWidget()
        self.body.setAccessibleName("Personas at this touchpoint")
        self._grid = QGridLayout(self.body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._grid.setHorizontalSpacing(6)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED}")
        form.addRow("Personas", self.hint)
        form.addRow(self.body)

    def show(self, journey: Journey, tp_id: str) -> None:
        """Show the personas' feelings and marks at ``tp_id``; rows are rebuilt only when the
        personas themselves changed, so a box keeps the keyboard focus across an edit."""
        self._tp_id = tp_id
        personas = journey.personas()
        shape = [(p.id, p.name, p.picture) for p in personas]
        if shape != self._shape:
            self._rebuild(journey)
            self._shape = shape
        tp = journey.touchpoint(tp_id)
        for persona in personas:
            row = self.rows[persona.id]
            mine = emotions_of(journey, tp_id, persona.id)
            valence = mine[0].valence if mine else None
            row.feeling.setCurrentIndex(_VALENCES.index(valence))
            row.feeling.setToolTip(mine[0].display_label if mine else "no feeling of its own")
            row.uses.setChecked(persona.id in tp.personas)
        if not personas:
            self.hint.setText(NO_PERSONAS)
        else:
            self.hint.setText(SOME_HINT if tp.personas else EVERYONE_HINT)

    def _rebuild(self, journey: Journey) -> None:
        for row in self.rows.values():
            row.remove()
        self.rows = {}
        styles = persona_styles(journey)
        for i, persona in enumerate(journey.personas()):
            icon = persona_icon(styles[persona.id], None, 20)
            row = self.rows[persona.id] = PersonaRow(self._grid, i, persona.name, icon)
            row.feeling.activated.connect(lambda _i, p=persona.id: self._commit_feeling(p))
            row.uses.clicked.connect(lambda _on=False: self._commit_uses())

    def _commit_feeling(self, persona_id: str) -> None:
        tp_id, journey = self._tp_id, self._journey()
        if tp_id is None or tp_id not in journey or persona_id not in journey:
            return
        valence = _VALENCES[self.rows[persona_id].feeling.currentIndex()]
        mine = emotions_of(journey, tp_id, persona_id)
        if valence is None and mine:
            self._push(lambda: ClearEmotion(journey, tp_id, persona_id))
        elif valence is not None and (not mine or mine[0].valence != valence):
            label = mine[0].label if mine else ""
            self._push(lambda: SetEmotion(journey, tp_id, valence, label, persona_id))

    def _commit_uses(self) -> None:
        tp_id, journey = self._tp_id, self._journey()
        if tp_id is None or tp_id not in journey:
            return
        chosen = [p for p, row in self.rows.items() if row.uses.isChecked() and p in journey]
        if set(chosen) != set(journey.touchpoint(tp_id).personas):
            self._push(lambda: SetTouchpointPersonas(journey, tp_id, chosen))
