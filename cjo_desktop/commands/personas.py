"""Personas (the kinds of customer whose feelings a map can tell apart): add, edit, remove,
and which of them use a touchpoint."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cjo_desktop.commands._base import Composite, JourneyCommand, describe, quote
from cjo_desktop.commands.emotions import RemoveEmotion
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.domain import Journey, JourneyError, Kind, Persona


class AddPersona(AddItem):
    """Add a persona at ``index`` (the end when ``None``); its id is fixed when built.
    ``picture`` is a PNG or JPEG as base64 ("" none), as the map file keeps it."""

    def __init__(
        self,
        journey: Journey,
        name: str,
        description: str = "",
        index: int | None = None,
        persona_id: str | None = None,
        parent: Composite | None = None,
        *,
        picture: str = "",
    ) -> None:
        if persona_id is None:
            persona_id = journey.new_id(Kind.PERSONA)
        persona = Persona(persona_id, name, description, picture)
        super().__init__(journey, persona, index, parent)
        self.persona_id = persona_id


class EditPersona(JourneyCommand):
    """Set a persona's name, description and picture as one step; only what differs is set,
    and an edit that changes nothing is obsolete (the stack drops it)."""

    def __init__(
        self,
        journey: Journey,
        persona_id: str,
        name: str,
        description: str,
        picture: str,
        parent: Composite | None = None,
    ) -> None:
        persona = journey.persona(persona_id)
        wanted: dict[str, Any] = {"name": name, "description": description, "picture": picture}
        changes = {k: v for k, v in wanted.items() if getattr(persona, k) != v} or wanted
        super().__init__(journey, f"Edit persona {quote(persona.name)}", parent)
        self.persona_id = persona_id
        edit = UpdateItem(journey, persona_id, parent=self, **changes)
        if set(changes) == {"name"}:
            self.setText(edit.text())
        if self.standalone and edit.old == edit.changes:
            self.setObsolete(True)


class SetTouchpointPersonas(JourneyCommand):
    """Say which personas use a touchpoint (none listed: everyone does). The ids are kept in
    the map's persona order, so the same choice is always the same value."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        persona_ids: Iterable[str],
        parent: Composite | None = None,
    ) -> None:
        tp = journey.touchpoint(touchpoint_id)
        chosen = set(persona_ids)
        for persona_id in chosen:
            if not isinstance(persona_id, str):
                raise JourneyError(f"a persona's id is text, not {persona_id!r}")
            journey.persona(persona_id)
        ordered = tuple(p.id for p in journey.personas() if p.id in chosen)
        super().__init__(journey, _used_by_text(journey, touchpoint_id, ordered), parent)
        self.touchpoint_id = touchpoint_id
        self.persona_ids = ordered
        UpdateItem(journey, touchpoint_id, parent=self, personas=ordered)
        if self.standalone and tp.personas == ordered:
            self.setObsolete(True)


def _used_by_text(journey: Journey, touchpoint_id: str, persona_ids: tuple[str, ...]) -> str:
    """'Mark "Cart" as used by "Hiker" and "Camper"', or '... by everyone'."""
    names = [quote(journey.persona(p).name) for p in persona_ids]
    if not names:
        who = "everyone"
    elif len(names) == 1:
        who = names[0]
    else:
        who = f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Mark {describe(journey, touchpoint_id)} as used by {who}"


class RemovePersona(JourneyCommand):
    """Remove a persona together with its emotions and its marks on touchpoints (a card it
    alone used is then used by everyone); undo restores all of it, in order.

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
        for tp in journey.touchpoints():
            if persona_id in tp.personas and tp.id not in removing:
                others = tuple(p for p in tp.personas if p != persona_id)
                UpdateItem(journey, tp.id, parent=self, personas=others)

    def redo(self) -> None:
        super().redo()
        self._index = [p.id for p in self.journey.personas()].index(self.persona_id)
        self._persona = self.journey.remove_persona(self.persona_id)

    def undo(self) -> None:
        self.journey.add_item(self._persona, self._index)
        super().undo()
