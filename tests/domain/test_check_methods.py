"""The journey's check-only methods answer as the edit would, and change nothing.

An undo command asks them when it is built, so that a bad value is refused before it reaches
the stack; they must give the same refusal (same message) as the edit, and on success the
item exactly as the edit would store it, without emitting a change or touching the map.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from cjo_desktop.domain import (
    Change,
    Flow,
    Journey,
    JourneyError,
    Opportunity,
    PainPoint,
    Position,
    Stage,
    Touchpoint,
)
from tests.domain.every_field import full_journey, sample


@pytest.fixture
def journey() -> Iterator[Journey]:
    """The full sample map; the test fails if anything was emitted or changed."""
    j = full_journey()
    seen: list[Change] = []
    j.changed.connect(seen.append)
    yield j
    assert seen == []
    assert j == full_journey()


def test_check_update_returns_the_item_the_update_would_store(journey: Journey) -> None:
    checked = journey.check_update("tp-a", tags=["a", "b"], position=None, owner="Ops")
    expected = dataclasses.replace(sample(Touchpoint), tags=("a", "b"), position=None, owner="Ops")
    assert checked == expected
    twin = journey.copy()
    assert twin.update("tp-a", tags=["a", "b"], position=None, owner="Ops") == checked


def test_check_update_flow_returns_the_flow_the_update_would_store(journey: Journey) -> None:
    assert journey.check_update_flow("tp-a", "tp-b", count=None) == Flow(
        "tp-a", "tp-b", None, "went on"
    )


@pytest.mark.parametrize(
    ("field", "message"),
    [("id", "no editable field 'id'"), ("weight", "no editable field 'weight'")],
)
def test_check_update_flow_refuses_what_is_not_an_editable_field(
    journey: Journey, field: str, message: str
) -> None:
    with pytest.raises(JourneyError, match=message):
        journey.check_update_flow("tp-a", "tp-b", **{field: "x"})


def test_check_update_of_an_item_that_is_not_there(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="no item with id 'tp-gone'"):
        journey.check_update("tp-gone", name="x")
    with pytest.raises(JourneyError, match="no flow from 'tp-b' to 'tp-a'"):
        journey.check_update_flow("tp-b", "tp-a", count=1)


ADDS: list[tuple[str, Any, int | None, str]] = [
    ("stage past the end", Stage("st-c", "Late"), 3, r"index 3 is outside 0\.\.2"),
    ("stage at -1", Stage("st-c", "Late"), -1, r"index -1 is outside 0\.\.2"),
    ("card past the end", Touchpoint("tp-c", "Late", "st-b"), 2, r"outside 0\.\.1"),
    ("card index True", Touchpoint("tp-c", "Late", "st-b"), True, "index True"),
    ("flow twice", Flow("tp-a", "tp-b"), None, "a flow from 'tp-a' to 'tp-b' exists already"),
    ("flow with an index", Flow("tp-b", None), 0, "a flow has no place in an order"),
    (
        "note of another card",
        Opportunity("op-b", "tp-b", "pp-a", "Fix"),
        None,
        "'pp-a' is not a pain point of this touchpoint",
    ),
    ("a pain point reused", PainPoint("pp-a", "tp-b", "low", "Slow"), None, "used already"),
    ("not an item", "tp-c", None, "a journey holds no str"),
]


@pytest.mark.parametrize(
    ("item", "index", "message"), [a[1:] for a in ADDS], ids=[a[0] for a in ADDS]
)
def test_check_add_item_refuses_as_add_item_does(
    journey: Journey, item: Any, index: int | None, message: str
) -> None:
    with pytest.raises(JourneyError, match=message):
        journey.check_add_item(item, index)
    twin = journey.copy()
    with pytest.raises(JourneyError, match=message):
        twin.add_item(item, index)


def test_check_add_item_returns_the_item_cleaned(journey: Journey) -> None:
    card = Touchpoint("tp-c", "New", "st-b", tags=["x"], position=Position(1.0, 2.0))  # type: ignore[arg-type]
    assert journey.check_add_item(card, 0) == Touchpoint(
        "tp-c", "New", "st-b", tags=("x",), position=Position(1.0, 2.0)
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("pp-a", None),
        ("a rule's name", None),
        ("st-a", "'st-a' is not a pain point of this touchpoint"),
        ("", "cannot be empty"),
        (5, "must be text, not int"),
    ],
)
def test_check_answers(journey: Journey, answers: object, message: str | None) -> None:
    if message is None:
        journey.check_answers("tp-a", answers)
        return
    with pytest.raises(JourneyError, match=message):
        journey.check_answers("tp-a", answers)


def test_a_pain_point_answers_only_at_its_own_card(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="not a pain point of this touchpoint"):
        journey.check_answers("tp-b", "pp-a")
    with pytest.raises(JourneyError, match="not a pain point of this touchpoint"):
        journey.check_update("op-a", pain_point="pe-a")


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "the title cannot be empty"), (5, "must be text"), ("x" * 501, "501")],
)
def test_check_title(journey: Journey, value: object, message: str) -> None:
    with pytest.raises(JourneyError, match=message):
        journey.check_title(value)
    assert journey.check_title("  New  ") == "  New  "


def test_check_description(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="description must be text, not NoneType"):
        journey.check_description(None)
    assert journey.check_description("") == ""
