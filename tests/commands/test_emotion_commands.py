"""Emotions: one per touchpoint and persona; set adds or updates it, clear removes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import AddEmotion, ClearEmotion, RemoveEmotion, SetEmotion
from cjo_desktop.domain import Emotion, Journey, JourneyError

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def feelings(j: Journey, tp: str) -> list[tuple[str | None, int, str]]:
    return [(e.persona_id, e.valence, e.label) for e in j.emotions(tp)]


def test_set_emotion_adds_one_when_there_is_none(journey: Journey, roundtrip: RoundTrip) -> None:
    command = SetEmotion(journey, "product", 2, "wow")
    assert command.text() == 'Set feeling of "Product" to +2 ("wow")'
    new = command.emotion_id
    assert new not in journey

    def check(j: Journey) -> None:
        assert j.emotion(new) == Emotion(new, "product", 2, "wow", None)

    roundtrip(journey, command, check)


def test_set_emotion_updates_the_one_there_is(journey: Journey, roundtrip: RoundTrip) -> None:
    command = SetEmotion(journey, "cart", -2)
    assert command.emotion_id == "e-cart"

    def check(j: Journey) -> None:
        assert feelings(j, "cart") == [(None, -2, ""), ("hiker", -1, "")]

    roundtrip(journey, command, check)


def test_set_emotion_for_a_persona_leaves_everyone_alone(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = SetEmotion(journey, "cart", 2, persona_id="camper")

    def check(j: Journey) -> None:
        assert feelings(j, "cart") == [(None, 1, "keen"), ("camper", 2, ""), ("hiker", -1, "")]

    roundtrip(journey, command, check)
    roundtrip(journey, SetEmotion(journey, "cart", 0, "meh", "hiker"), lambda j: None)


def test_setting_the_same_feeling_again_is_dropped(journey: Journey, stack: QUndoStack) -> None:
    stack.push(SetEmotion(journey, "cart", 1, "keen"))
    assert stack.count() == 0


@pytest.mark.parametrize(
    "args", [("nope", 1), ("cart", 3), ("cart", -3), ("cart", 1.0), ("cart", 1, "", "nobody")]
)
def test_set_emotion_refuses_bad_input(journey: Journey, args: tuple[object, ...]) -> None:
    with pytest.raises(JourneyError):
        SetEmotion(journey, *args)  # type: ignore[arg-type]


def test_clear_emotion(journey: Journey, roundtrip: RoundTrip, stack: QUndoStack) -> None:
    command = ClearEmotion(journey, "cart", "hiker")
    assert command.text() == 'Clear feeling of "Cart" for "Hiker"'
    roundtrip(journey, command, lambda j: _eq(feelings(j, "cart"), [(None, 1, "keen")]))
    stack.clear()
    stack.push(ClearEmotion(journey, "product"))  # nothing to clear: no step
    assert stack.count() == 0


def test_add_and_remove_emotion(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddEmotion(journey, "product", -1, "lost", "camper", emotion_id="e-new")
    roundtrip(journey, command, lambda j: _eq(j.emotion("e-new").persona_id, "camper"))
    command2 = RemoveEmotion(journey, "e-cart-hiker")
    assert command2.text() == 'Remove feeling of "Cart"'
    roundtrip(journey, command2, lambda j: _eq("e-cart-hiker" in j, False))
    with pytest.raises(JourneyError):
        AddEmotion(journey, "product", 0, emotion_id="e-cart")
    with pytest.raises(JourneyError):
        RemoveEmotion(journey, "cart")


def _eq(a: object, b: object) -> None:
    assert a == b
