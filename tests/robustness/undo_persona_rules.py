"""The undo state machine's persona rules: add (with a picture), edit, mark the touchpoints a
persona uses (an unknown id refused), remove (unmarking its cards).

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick`` and
``push``; Hypothesis collects rules from every base class.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from undo_support import names, pictures, texts

from cjo_desktop.commands import AddPersona, EditPersona, RemovePersona, SetTouchpointPersonas


class PersonaRules:
    journey: Any
    j: Any
    pick: Any
    push: Any

    @rule(data=st.data(), name=names, description=texts, picture=pictures)
    def add_persona(self, data: st.DataObject, name: str, description: str, picture: str) -> None:
        index = data.draw(st.one_of(st.none(), st.integers(-1, len(self.j.personas()) + 1)))
        self.push(lambda: AddPersona(self.j, name, description, index, picture=picture))

    @precondition(lambda self: self.journey is not None and self.journey.personas())
    @rule(data=st.data(), name=names, description=texts, picture=pictures)
    def edit_persona(self, data: st.DataObject, name: str, description: str, picture: str) -> None:
        persona = self.j.persona(self.pick(data, [p.id for p in self.j.personas()]))
        if data.draw(st.booleans()):  # keep some fields, as an edit of one field does
            name, picture = persona.name, persona.picture
        self.push(lambda: EditPersona(self.j, persona.id, name, description, picture))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def set_touchpoint_personas(self, data: st.DataObject) -> None:
        card = self.pick(data, [t.id for t in self.j.touchpoints()], bogus="tp-nope")
        choices = [p.id for p in self.j.personas()]
        chosen = data.draw(st.lists(st.sampled_from(choices), max_size=3)) if choices else []
        if data.draw(st.integers(0, 24)) == 0:
            chosen.append(data.draw(st.sampled_from(["pe-nope", card])))  # refused
        self.push(lambda: SetTouchpointPersonas(self.j, card, chosen))

    @precondition(lambda self: self.journey is not None and self.journey.personas())
    @rule(data=st.data())
    def remove_persona(self, data: st.DataObject) -> None:
        persona = self.pick(data, [p.id for p in self.j.personas()])
        self.push(lambda: RemovePersona(self.j, persona))
