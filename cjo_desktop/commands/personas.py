"""Adding and removing personas (the kinds of customer whose emotions a map can tell apart)."""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, JourneyCommand, quote
from cjo_desktop.commands.emotions import RemoveEmotion
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain import Journey, Kind, Persona


class AddPersona(AddItem):
    """Add a persona at ``index`` (the end when ``None``); its id is fixed when built."""

    def __init__(
        self,
        journey: Journey,
        name: str,
        description: str = "",
        index: int | None = None,
        persona_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        if persona_id is None:
            persona_id = journey.new_id(Kind.PERSONA)
        super().__init__(journey, Persona(persona_id, name, description), index, parent)
        self.persona_id = persona_id


class RemovePersona(JourneyCommand):
    """Remove a persona together with its emotions; undo restores both, in order.

    ``removing`` holds ids that sibling commands remove already; it is updated in place.
    """

    def __init__(
        self,
        journey: Journey,
        persona_id: str,
        parent: Composite | None = None,
        *,
        removing: set[object] | None = None,
    ) -> None:
        persona = journey.persona(persona_id)
        super().__init__(journey, f"Remove persona {quote(persona.name)}", parent)
        self.persona_id = persona_id
        self._persona: Persona = persona
        self._index = -1
        removing = set() if removing is None else removing
        removing.add(persona_id)
        for emotion in journey.emotions():
            if emotion.persona_id == persona_id and emotion.id not in removing:
                removing.add(emotion.id)
                RemoveEmotion(journey, emotion.id, parent=self)

    def redo(self) -> None:
        super().redo()
        self._index = [p.id for p in self.journey.personas()].index(self.persona_id)
        self._persona = self.journey.remove_persona(self.persona_id)

    def undo(self) -> None:
        self.journey.add_item(self._persona, self._index)
        super().undo()
