"""Personas: add (with a picture) at an index, edit in one step, mark the touchpoints they
use, remove together with their emotions and marks."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand

from cjo_desktop.commands import (
    AddPersona,
    EditPersona,
    PasteFragment,
    RemoveItems,
    RemovePersona,
    SetTouchpointPersonas,
    fragment_of,
)
from cjo_desktop.domain import Journey, JourneyError, Persona

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


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode("ascii")


def test_add_persona_with_a_picture(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddPersona(journey, "Planner", "plans ahead", picture=PNG)
    roundtrip(journey, command, lambda j: _eq(j.persona(command.persona_id).picture, PNG))
    with pytest.raises(JourneyError, match="PNG or JPEG"):
        AddPersona(journey, "Planner", picture=base64.b64encode(b"GIF89a").decode())


def test_edit_persona_is_one_step_for_every_field(journey: Journey, roundtrip: RoundTrip) -> None:
    command = EditPersona(journey, "hiker", "Day hiker", "one day at a time", PNG)
    assert command.text() == 'Edit persona "Hiker"'

    def check(j: Journey) -> None:
        assert j.persona("hiker") == Persona("hiker", "Day hiker", "one day at a time", PNG)

    roundtrip(journey, command, check)
    rename = EditPersona(journey, "hiker", "Day hiker", "", "")
    assert rename.text() == 'Rename persona "Hiker" to "Day hiker"'


def test_edit_persona_that_changes_nothing_is_dropped(journey: Journey) -> None:
    persona = journey.persona("camper")
    command = EditPersona(journey, "camper", persona.name, persona.description, persona.picture)
    assert command.isObsolete()
    with pytest.raises(JourneyError):
        EditPersona(journey, "camper", "  ", "", "")
    with pytest.raises(JourneyError):
        EditPersona(journey, "cart", "x", "", "")  # a card, not a persona


def test_mark_a_touchpoint_as_used_by_some_personas(journey: Journey, roundtrip: RoundTrip) -> None:
    command = SetTouchpointPersonas(journey, "cart", ["camper", "hiker"])
    assert command.text() == 'Mark "Cart" as used by "Hiker" and "Camper"'
    roundtrip(journey, command, lambda j: _eq(j.touchpoint("cart").personas, ("hiker", "camper")))
    journey.update("cart", personas=("camper",))
    everyone = SetTouchpointPersonas(journey, "cart", [])
    assert everyone.text() == 'Mark "Cart" as used by everyone'
    roundtrip(journey, everyone, lambda j: _eq(j.touchpoint("cart").personas, ()))
    assert SetTouchpointPersonas(journey, "cart", ["camper"]).isObsolete()
    with pytest.raises(JourneyError):
        SetTouchpointPersonas(journey, "cart", ["search"])  # a card, not a persona
    with pytest.raises(JourneyError):
        SetTouchpointPersonas(journey, "nope", [])


def test_remove_persona_unmarks_its_touchpoints(journey: Journey, roundtrip: RoundTrip) -> None:
    journey.update("cart", personas=("hiker",))
    journey.update("search", personas=("camper", "hiker"))
    journey.update("checkout", personas=("camper",))

    def check(j: Journey) -> None:
        assert [p.id for p in j.personas()] == ["camper"]
        assert j.touchpoint("cart").personas == ()  # used by everyone now
        assert j.touchpoint("search").personas == ("camper",)
        assert j.touchpoint("checkout").personas == ("camper",)

    roundtrip(journey, RemovePersona(journey, "hiker"), check)


def test_remove_a_persona_with_a_card_it_marks_in_one_selection(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    journey.update("cart", personas=("hiker",))
    journey.update("search", personas=("hiker",))
    command = RemoveItems(journey, ["cart", "hiker"])

    def check(j: Journey) -> None:
        assert "cart" not in j and "hiker" not in j
        assert j.touchpoint("search").personas == ()

    roundtrip(journey, command, check)


def test_paste_into_another_map_drops_personas_it_lacks(journey: Journey) -> None:
    journey.update("cart", personas=("hiker", "camper"))
    other = Journey("Other")
    other.add_stage("Buy", id="buy")
    other.add_persona("Camper", id="camper")
    command = PasteFragment(other, fragment_of(journey, ["cart"]), "buy")
    command.redo()
    assert [t.personas for t in other.touchpoints()] == [("camper",)]
