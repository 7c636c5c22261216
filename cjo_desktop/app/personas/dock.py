"""The Personas panel: every persona of the map with its curve's colour and marker, its picture
and its name; add, edit (or double-click) and remove (or Delete), and a chooser of the persona
to highlight on the map. The panel only shows and asks; :mod:`.actions` pushes the edits.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.delete_key import DeleteKey
from cjo_desktop.app.dock import MapDock
from cjo_desktop.app.personas.picture import persona_icon
from cjo_desktop.canvas.text import plain_tooltip
from cjo_desktop.domain import Change, Kind
from cjo_desktop.drawing.persona_curves import persona_styles

ID_ROLE = Qt.ItemDataRole.UserRole
#: The least a button may be squeezed to, so the panel never widens the side column.
MIN_WIDTH = 24
ICON_HEIGHT = 32
#: The highlight chooser's first entry.
ALL = "All personas"
EMPTY_HINT = (
    "No personas yet. Add one to record how that kind of customer feels at each card; "
    "each gets a curve of its own in the emotion lane."
)


class PersonasDock(MapDock):
    """``list`` shows the personas in the map's order; ``highlight`` picks the filter."""

    TITLE = "Personas"
    NAME = "personas"

    addRequested = Signal()
    editRequested = Signal(str)
    removeRequested = Signal(str)

    def _build(self) -> QWidget:
        body = QWidget(self)
        self.highlight = QComboBox()
        self.highlight.setAccessibleName("Highlight persona")
        self.highlight.setToolTip(
            "Dim the cards this persona does not use and the other personas' curves "
            "(a way of looking: not saved, not undone)"
        )
        self.highlight.activated.connect(self._highlight_chosen)
        self.highlight.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.highlight.setMinimumContentsLength(4)
        label = QLabel("&Highlight:")
        label.setBuddy(self.highlight)
        self.list = QListWidget()
        self.list.setAccessibleName("Personas")
        self.list.setIconSize(QSize(2 * ICON_HEIGHT, ICON_HEIGHT))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(lambda item: self.editRequested.emit(item.data(ID_ROLE)))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._delete_key = DeleteKey(self._remove_current, self.list)
        self.list.installEventFilter(self._delete_key)
        self.hint = QLabel(EMPTY_HINT)
        self.hint.setWordWrap(True)
        self.add = QPushButton("&Add…")
        self.add.setToolTip("Add a persona: a name, a short description and a picture")
        self.edit = QPushButton("&Edit…")
        self.edit.setToolTip("Edit the chosen persona (or double-click it)")
        self.remove = QPushButton("&Remove")
        self.remove.setToolTip("Remove the chosen persona and its feelings (Delete)")
        self.add.clicked.connect(self.addRequested.emit)
        self.edit.clicked.connect(self._edit_current)
        self.remove.clicked.connect(self._remove_current)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.highlight, 1)
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            button.setMinimumWidth(MIN_WIDTH)  # a narrow side column squeezes, never holds
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self._scene.personaFilterChanged.connect(lambda _id: self._show_highlight())
        return body

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        self._timer.stop()
        journey = self._document.journey
        keep = self.current_id()
        styles = persona_styles(journey)
        self.list.blockSignals(True)
        self.list.clear()
        for persona in journey.personas():
            item = QListWidgetItem(persona.name)
            item.setData(ID_ROLE, persona.id)
            item.setIcon(
                persona_icon(styles[persona.id], persona.picture, ICON_HEIGHT, persona.name)
            )
            item.setToolTip(plain_tooltip(persona.description or persona.name))
            self.list.addItem(item)
            if persona.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.hint.setVisible(not journey.personas())
        self._show_highlight()
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        if change.kind == Kind.PERSONA:
            self.refresh_soon()

    def _show_highlight(self) -> None:
        """The chooser lists the personas and shows the scene's filter."""
        journey = self._document.journey
        entries = [(ALL, None), *((p.name, p.id) for p in journey.personas())]
        self.highlight.blockSignals(True)
        self.highlight.clear()
        for text, persona_id in entries:
            self.highlight.addItem(text, persona_id)
        chosen = self._scene.persona_curves.chosen
        self.highlight.setCurrentIndex(max(0, self.highlight.findData(chosen)))
        self.highlight.setEnabled(bool(journey.personas()))
        self.highlight.blockSignals(False)

    def _highlight_chosen(self, index: int) -> None:
        self._scene.set_persona_filter(self.highlight.itemData(index))

    # ---------------------------------------------------------------- selection
    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def select(self, persona_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == persona_id:
                self.list.setCurrentItem(item)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    def _edit_current(self) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self.editRequested.emit(persona_id)

    def _remove_current(self) -> None:
        persona_id = self.current_id()
        if persona_id is not None:
            self.removeRequested.emit(persona_id)
