"""Each item's fields are said once, in its class: every path that builds items takes them all.

A journey built from items with every field set keeps every value through ``add_item``, the
``add_...`` methods (any field by name), a copy of the journey and a cascade removal; and
every field's own check refuses a bad value wherever an item is added, naming the field.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from cjo_desktop.domain import (
    Emotion,
    Flow,
    Journey,
    JourneyError,
    Opportunity,
    PainPoint,
    Persona,
    Position,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.fields import fields_of
from cjo_desktop.domain.model import KIND_OF, FreeCard, Lane
from tests.domain.every_field import SAMPLES, full_journey, sample

CLASSES = [*KIND_OF, Flow]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_has_a_sample_that_is_not_its_default(cls: type[Any]) -> None:
    """A new field must get a sample, or none of the round trips below would test it."""
    assert set(SAMPLES[cls]) == set(fields_of(cls))
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            assert SAMPLES[cls][f.name] != f.default, f.name


def test_every_item_is_stored_as_built() -> None:
    journey = full_journey()
    for cls in CLASSES:
        if cls is Flow:
            assert journey.flow("tp-a", "tp-b") == sample(Flow)
        else:
            assert journey.item(SAMPLES[cls]["id"]) == sample(cls)


def test_a_copy_of_the_journey_keeps_every_field() -> None:
    journey = full_journey()
    twin = journey.copy()
    assert twin == journey
    assert twin.touchpoint("tp-a") == sample(Touchpoint)
    assert twin.opportunity("op-a") == sample(Opportunity)
    twin.update("tp-a", owner="Someone else")  # independent
    assert journey.touchpoint("tp-a").owner == "Payments"


def _added_by_name(journey: Journey, cls: type[Any]) -> Any:
    values = dict(SAMPLES[cls])
    if cls is Flow:
        return journey.add_flow(values.pop("source"), values.pop("target"), **values)
    item_id = values.pop("id")
    if cls is Stage:
        return journey.add_stage(values.pop("name"), id=item_id, **values)
    if cls is Persona:
        return journey.add_persona(values.pop("name"), id=item_id, **values)
    if cls is Touchpoint:
        return journey.add_touchpoint(
            values.pop("stage_id"), values.pop("name"), id=item_id, **values
        )
    if cls is Emotion:
        tp, valence = values.pop("touchpoint_id"), values.pop("valence")
        return journey.add_emotion(tp, valence, id=item_id, **values)
    if cls in (Lane, FreeCard):
        return journey.add_item(cls(id=item_id, **values))
    if cls is PainPoint:
        tp, severity = values.pop("touchpoint_id"), values.pop("severity")
        return journey.add_pain_point(tp, severity, values.pop("description"), id=item_id, **values)
    tp, answers = values.pop("touchpoint_id"), values.pop("pain_point")
    return journey.add_opportunity(tp, answers, values.pop("name"), id=item_id, **values)


def test_the_add_methods_take_every_field_by_name() -> None:
    journey = Journey("Every field", "Each item sets each of its fields")
    for cls in (Persona, Lane, Stage, Touchpoint, FreeCard, Emotion):
        assert _added_by_name(journey, cls) == sample(cls)
    journey.add_stage("Leave", id="st-b")
    journey.add_touchpoint("st-b", "Receipt", id="tp-b")
    for cls in (Flow, PainPoint, Opportunity):
        assert _added_by_name(journey, cls) == sample(cls)
    assert journey == full_journey()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda j: j.add_touchpoint("st-a", "Pay", ownr="Ops"), "a touchpoint has no field 'ownr'"),
        (lambda j: j.add_stage("Pay", colour="red"), "a stage has no field 'colour'"),
        (lambda j: j.add_emotion("tp-a", 1, mood="x"), "emotion has no field 'mood'"),
        (lambda j: j.add_flow("tp-b", None, weight=2), "a flow has no field 'weight'"),
        (lambda j: j.update("tp-a", ownr="Ops"), "a touchpoint has no field 'ownr'"),
        (lambda j: j.update("tp-a", stage_id="st-b"), "'stage_id' cannot be set with update"),
        (lambda j: j.update("em-a", id="em-b"), "'id' cannot be set with update"),
    ],
)
def test_a_field_the_item_lacks_is_refused_by_name(call: Any, message: str) -> None:
    journey = full_journey()
    before = journey.copy()
    with pytest.raises(JourneyError, match=message):
        call(journey)
    assert journey == before


#: For each class, a bad value of each field the item checks itself, and what the message says.
BAD: list[tuple[type[Any], str, Any, str]] = [
    (Stage, "name", "   ", "cannot be empty"),
    (Stage, "description", 5, "description must be text, not int"),
    (Persona, "name", "n" * 501, "501 characters"),
    (Persona, "description", "bad \ud800", "not valid text"),
    (Touchpoint, "name", "", "cannot be empty"),
    (Touchpoint, "channel", None, "channel must be text"),
    (Touchpoint, "description", b"bytes", "description must be text"),
    (Touchpoint, "owner", 42, "owner must be text, not int"),
    (Touchpoint, "tags", "one string", "not one string"),
    (Touchpoint, "tags", ["ok", 3], "a tag must be text"),
    (Touchpoint, "position", Position(math.nan, 0.0), "x must be a number"),
    (Touchpoint, "position", Position(0.0, 1e12), "y must be a number"),
    (Touchpoint, "expected_dropoff", 1.5, "expected drop-off must be a share from 0 to 1"),
    (Touchpoint, "expected_dropoff", True, "100%., not True"),
    (Touchpoint, "position", (1.0, 2.0), "must be a Position or None"),
    (Emotion, "valence", 3, "outside -2..2"),
    (Emotion, "valence", True, "must be a whole number"),
    (Emotion, "label", 1.5, "label must be text"),
    (Flow, "count", -1, "a flow count must be a whole number"),
    (Flow, "count", 2.5, "a flow count must be a whole number"),
    (Flow, "label", ["x"], "label must be text"),
    (PainPoint, "severity", "huge", "severity must be high, medium or low"),
    (PainPoint, "description", " ", "description cannot be empty"),
    (PainPoint, "strategy", 0, "strategy must be text"),
    (Opportunity, "name", "", "cannot be empty"),
    (Opportunity, "effort", "XL", "effort must be S, M or L"),
    (Opportunity, "impact", 101, "whole percentage"),
    (Opportunity, "impact", "50", "whole percentage"),
    (Opportunity, "pain_point", "", "cannot be empty"),
    (Opportunity, "description", 7, "description must be text"),
    (Touchpoint, "evidence", "assumed", "evidence must be an Evidence or None"),
    (Emotion, "evidence", Evidence("known"), "status must be one of"),  # type: ignore[arg-type]
    (PainPoint, "evidence", Evidence("observed", "file", ""), "both its kind and its text"),
    (Persona, "picture", "not base64!", "not base64 data"),
    (Persona, "picture", "R0lGODlhAQABAAAAACw=", "must be a PNG or JPEG"),
    (Touchpoint, "personas", "pe-a", "a list of ids is expected"),
    (Touchpoint, "personas", ("pe-a", "pe-a"), "listed twice"),
    (Lane, "name", "", "cannot be empty"),
    (Lane, "kind", "basement", "is not a kind of lane"),
    (Lane, "hidden", "yes", "hidden must be true or false"),
    (Lane, "collapsed", 1, "collapsed must be true or false"),
    (FreeCard, "text", " ", "a card's text cannot be empty"),
    (FreeCard, "colour", "red", "is not #rrggbb"),
    (FreeCard, "link", 3, "link must be text"),
    (FreeCard, "owner", None, "owner must be text"),
    (FreeCard, "supports", ("tp-a", "tp-a"), "listed twice"),
    (FreeCard, "evidence", "observed", "evidence must be an Evidence or None"),
]


def test_every_checked_field_has_a_bad_value() -> None:
    """Each field with a check of its own is tried below (ids and references further down)."""
    tried = {(cls, name) for cls, name, _, _ in BAD}
    for cls in CLASSES:
        for name, f in fields_of(cls).items():
            assert f.is_id or (cls, name) in tried, f"{cls.__name__}.{name}"


def _fresh(cls: type[Any], **changes: Any) -> tuple[Journey, Any]:
    """The full journey without the sample item of ``cls`` (and what depends on it), and that
    item with ``changes``."""
    journey = full_journey()
    if cls is Flow:
        journey.remove_flow("tp-a", "tp-b")
    elif cls is Stage:
        journey.remove_free_card("fc-a")
        journey.remove_touchpoint("tp-a", cascade=True)
        journey.remove_stage("st-a")
    elif cls is Persona:
        journey.remove_emotion("em-a")
        journey.update("tp-a", personas=())
        journey.remove_persona("pe-a")
    elif cls is Lane:
        journey.remove_free_card("fc-a")
        journey.remove_lane("ln-a")
    elif cls is FreeCard:
        journey.remove_free_card("fc-a")
    elif cls is Touchpoint:
        journey.remove_touchpoint("tp-a", cascade=True)
    elif cls is PainPoint:
        journey.remove_opportunity("op-a")
        journey.remove_pain_point("pp-a")
    elif cls is Emotion:
        journey.remove_emotion("em-a")
    else:
        journey.remove_opportunity("op-a")
    return journey, dataclasses.replace(sample(cls), **changes)


@pytest.mark.parametrize(
    ("cls", "name", "value", "message"),
    BAD,
    ids=[f"{c.__name__}.{n}-{v!r:.12}" for c, n, v, _ in BAD],
)
def test_a_bad_value_is_refused_wherever_the_item_is_added_or_changed(
    cls: type[Any], name: str, value: Any, message: str
) -> None:
    journey, bad = _fresh(cls, **{name: value})
    before = journey.copy()
    seen: list[object] = []
    journey.changed.connect(seen.append)
    with pytest.raises(JourneyError, match=message):
        journey.check_add_item(bad)
    with pytest.raises(JourneyError, match=message):
        journey.add_item(bad)
    assert journey == before
    full = full_journey()
    key = ("tp-a", "tp-b") if cls is Flow else (SAMPLES[cls]["id"],)
    update = full.update_flow if cls is Flow else full.update
    check = full.check_update_flow if cls is Flow else full.check_update
    if not fields_of(cls)[name].spec.fixed:
        with pytest.raises(JourneyError, match=message):
            check(*key, **{name: value})
        with pytest.raises(JourneyError, match=message):
            update(*key, **{name: value})
        assert full == full_journey()
    assert seen == []


@pytest.mark.parametrize(
    ("cls", "changes", "message"),
    [
        (Touchpoint, {"stage_id": "st-gone"}, "no item with id 'st-gone'"),
        (Touchpoint, {"stage_id": "pe-a"}, "'pe-a' is a persona, not a stage"),
        (Emotion, {"touchpoint_id": "st-a"}, "'st-a' is a stage, not a touchpoint"),
        (Emotion, {"persona_id": "ghost"}, "no item with id 'ghost'"),
        (Emotion, {"persona_id": 3}, "persona id must be text, not int"),
        (Flow, {"target": "tp-gone"}, "no item with id 'tp-gone'"),
        (PainPoint, {"touchpoint_id": "em-a"}, "is a emotion, not a touchpoint"),
        (Opportunity, {"pain_point": "tp-b"}, "'tp-b' is not a pain point of this touchpoint"),
        (Stage, {"id": "tp-b"}, "the id 'tp-b' is used already"),
        (Touchpoint, {"personas": ("pe-gone",)}, "no item with id 'pe-gone'"),
        (FreeCard, {"supports": ("st-a",)}, "'st-a' is a stage, not a touchpoint"),
        (FreeCard, {"lane_id": "ln-emotion"}, "is filled by the program"),
        (Lane, {"kind": "emotion", "id": "ln-b"}, "has its emotion lane already"),
        (Persona, {"id": "a b"}, "is not a valid id"),
        (Emotion, {"id": ""}, "is not a valid id"),
    ],
)
def test_ids_and_references_are_checked_against_the_journey(
    cls: type[Any], changes: dict[str, Any], message: str
) -> None:
    journey, bad = _fresh(cls, **changes)
    before = journey.copy()
    with pytest.raises(JourneyError, match=message):
        journey.add_item(bad)
    assert journey == before
