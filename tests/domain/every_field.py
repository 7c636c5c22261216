"""A map in which every field of every item holds a value other than its default.

A path that rebuilds items (save and load, copy and paste, undo, a copy of the journey) and
forgets a field then shows a difference. Each class's sample must name every field of the
class (``tests/domain/test_item_fields.py`` checks it), so a new field gets a sample here and
every one of those paths is tested with it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cjo_desktop.domain import (
    Emotion,
    Flow,
    Journey,
    Opportunity,
    PainPoint,
    Persona,
    Position,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.domain.model import FreeCard, Lane

#: A 1x1 PNG, as a persona's picture.
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)

#: For each item class, a value for every field, none of them the default.
SAMPLES: dict[type, dict[str, Any]] = {
    Persona: {"id": "pe-a", "name": "Hiker", "description": "Walks far", "picture": PIXEL},
    Lane: {
        "id": "ln-a",
        "name": "Warehouse",
        "kind": "backstage",
        "hidden": True,
        "collapsed": True,
    },
    FreeCard: {
        "id": "fc-a",
        "stage_id": "st-a",
        "lane_id": "ln-a",
        "text": "Pick and pack",
        "colour": "#88ccee",
        "link": "https://example.org/sop",
        "owner": "Warehouse",
        "supports": ("tp-a",),
        "evidence": Evidence("assumed"),
    },
    Stage: {"id": "st-a", "name": "Pay", "description": "Hand over money"},
    Touchpoint: {
        "id": "tp-a",
        "name": "Checkout",
        "stage_id": "st-a",
        "channel": "web",
        "description": "The last page",
        "owner": "Payments",
        "tags": ("mobile", "\u00d6V"),
        "position": Position(12.5, -3.25),
        "expected_dropoff": 0.125,
        "evidence": observed("link", "https://example.org/study"),
        "personas": ("pe-a",),
    },
    Emotion: {
        "id": "em-a",
        "touchpoint_id": "tp-a",
        "valence": -2,
        "label": "cross",
        "persona_id": "pe-a",
        "evidence": Evidence("assumed"),
    },
    Flow: {"source": "tp-a", "target": "tp-b", "count": 7, "label": "went on"},
    PainPoint: {
        "id": "pp-a",
        "touchpoint_id": "tp-a",
        "severity": "high",
        "description": "Card refused",
        "strategy": "Offer a second way to pay",
        "evidence": Evidence("proposed", "note", "from the March workshop"),
    },
    Opportunity: {
        "id": "op-a",
        "touchpoint_id": "tp-a",
        "pain_point": "pp-a",
        "name": "Wallet payments",
        "effort": "L",
        "impact": 80,
        "description": "Apple Pay and Google Pay",
    },
}


def sample(cls: type[Any]) -> Any:
    """The item of ``cls`` with every field set."""
    return cls(**SAMPLES[cls])


def full_journey() -> Journey:
    """Every sample item, plus a plain second card in a second stage for the flow to reach."""
    journey = Journey("Every field", "Each item sets each of its fields")
    journey.add_item(sample(Persona))
    journey.add_item(sample(Lane))
    journey.add_item(sample(Stage))
    journey.add_stage("Leave", id="st-b")
    journey.add_item(sample(Touchpoint))
    journey.add_touchpoint("st-b", "Receipt", id="tp-b")
    for cls in (FreeCard, Emotion, Flow, PainPoint, Opportunity):
        journey.add_item(sample(cls))
    return journey


def without(item: Any, *names: str) -> dict[str, Any]:
    """The item's fields except ``names`` (ids a paste renews), to compare copies."""
    return {k: v for k, v in dataclasses.asdict(item).items() if k not in names}
