"""Persona commands in the window: the Personas panel's add, edit and remove, each one undo
step on the document's stack, and View > Highlight Persona, the filter's menu (kept in step
with the panel's chooser through the scene)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from cjo_desktop.app.edit_actions import EditActions
from cjo_desktop.app.personas.dialog import PersonaDialog, Values
from cjo_desktop.app.personas.dock import PersonasDock
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands import AddPersona, EditPersona, RemovePersona
from cjo_desktop.commands._base import plural, quote
from cjo_desktop.editor.document import Document


class PersonaActions(EditActions):
    """``message`` carries status-bar text; ``highlight_menu`` is View > Highlight Persona."""

    def __init__(
        self, window: QMainWindow, document: Document, scene: JourneyScene, dock: PersonasDock
    ) -> None:
        super().__init__(window)
        self._window, self._document, self._scene, self._dock = window, document, scene, dock
        dock.addRequested.connect(self.add_persona)
        dock.editRequested.connect(self.edit_persona)
        dock.removeRequested.connect(self.remove_persona)
        self.highlight_menu = QMenu("Highli&ght Persona", window)
        self.highlight_menu.menuAction().setStatusTip(
            "Dim the cards a persona does not use and the other personas' curves"
        )
        self.highlight_menu.aboutToShow.connect(self.fill_highlight_menu)
        self._group = QActionGroup(self)
        self.fill_highlight_menu()

    # ------------------------------------------------------------------- verbs
    def add_persona(self) -> PersonaDialog:
        """Open the dialog for a new persona; OK adds it (one undo step) and chooses it."""
        dialog = PersonaDialog("Add persona", parent=self._window)

        def done() -> None:
            name, description, picture = dialog.values()
            journey = self.journey
            command: list[AddPersona] = []

            def build() -> AddPersona:
                command.append(AddPersona(journey, name, description, picture=picture))
                return command[0]

            if self._push(build):
                self._dock.refresh()
                self._dock.select(command[0].persona_id)

        return self._open(dialog, done)

    def edit_persona(self, persona_id: str) -> PersonaDialog | None:
        """Open the dialog on a persona; OK sets what changed as one undo step."""
        if persona_id not in self.journey:
            return None
        persona = self.journey.persona(persona_id)
        values: Values = (persona.name, persona.description, persona.picture)
        dialog = PersonaDialog(f"Edit persona {quote(persona.name)}", values, self._window)

        def done() -> None:
            if persona_id in self.journey:
                journey = self.journey
                self._push(lambda: EditPersona(journey, persona_id, *dialog.values()))

        return self._open(dialog, done)

    def _open(self, dialog: PersonaDialog, done: Callable[[], None]) -> PersonaDialog:
        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def remove_persona(self, persona_id: str) -> bool:
        """Remove a persona with its feelings and its marks on cards; undo brings all back."""
        journey = self.journey
        if persona_id not in journey:
            return False
        name = journey.persona(persona_id).name
        feelings = sum(1 for e in journey.emotions() if e.persona_id == persona_id)
        if not self._push(lambda: RemovePersona(journey, persona_id)):
            return False
        also = f" and its {plural(feelings, 'feeling')}" if feelings else ""
        self.message.emit(f"Removed persona {quote(name)}{also} (Undo brings them back)")
        return True

    # ------------------------------------------------------------------ filter
    def fill_highlight_menu(self) -> None:
        """All personas, then each (&1..&9), the scene's choice checked."""
        menu = self.highlight_menu
        menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        chosen = self._scene.persona_curves.chosen
        entries: list[tuple[str, str | None]] = [("&All Personas", None)]
        for i, persona in enumerate(self.journey.personas(), 1):
            name = persona.name.replace("&", "&&")
            entries.append((f"&{i} {name}" if i < 10 else name, persona.id))
        for text, persona_id in entries:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(persona_id == chosen)
            action.setStatusTip(
                "Show every persona alike"
                if persona_id is None
                else "Dim what this persona does not use"
            )
            action.triggered.connect(
                lambda _=False, p=persona_id: self._scene.set_persona_filter(p)
            )
            self._group.addAction(action)
            menu.addAction(action)


def build_persona_menus(window: QMainWindow, p: PersonaActions) -> None:
    """View > Highlight Persona, beside the other ways of looking at the map."""
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    view = menus["&View"]
    assert isinstance(view, QMenu)
    view.addMenu(p.highlight_menu)
