"""Personas: add at an index, remove together with their emotions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand

from cjo_desktop.commands import AddPersona, RemovePersona
from cjo_desktop.domain import Journey, JourneyError

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def test_add_persona(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddPersona(journey, "Gift buyer", "buys for others", index=1)
    assert command.text() == 'Add persona "Gift buyer"'
    new = command.persona_id
    roundtrip(
        journey, command, lambda j: _eq([p.id for p in j.personas()], ["hiker", new, "camper"])
    )
    with pytest.raises(JourneyError):
        AddPersona(journey, "x", index=3)
    with pytest.raises(JourneyError):
        AddPersona(journey, " ")
    with pytest.raises(JourneyError):
        AddPersona(journey, "x", persona_id="hiker")


def test_remove_persona_with_its_emotions(journey: Journey, roundtrip: RoundTrip) -> None:
    command = RemovePersona(journey, "hiker")
    assert command.text() == 'Remove persona "Hiker"'

    def check(j: Journey) -> None:
        assert [p.id for p in j.personas()] == ["camper"]
        assert "e-cart-hiker" not in j and "e-cart" in j

    roundtrip(journey, command, check)


def test_remove_persona_of_the_example(example: Journey, roundtrip: RoundTrip) -> None:
    for persona in example.personas():
        roundtrip(example, RemovePersona(example, persona.id), lambda j: None)


def _eq(a: object, b: object) -> None:
    assert a == b
