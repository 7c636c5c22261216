"""Lanes, free cards and personas' pictures in the map file (format 6): a version-5 map opens
with the standard lanes and loses nothing; what one record cannot say wrong is named by its
place, and the map is not changed."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from cjo_desktop.domain.lanes import MAX_PICTURE, STANDARD_LANES
from cjo_desktop.io import MapFileError, dumps_map, load_map, loads_map
from cjo_desktop.io.file_format import SCHEMA_VERSION
from tests.domain.every_field import full_journey

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_a_version_5_map_opens_with_the_standard_lanes_and_saves_as_6_losing_nothing() -> None:
    old = json.loads((FIXTURES / "schema-v5.cjo.json").read_text(encoding="utf-8"))
    journey = load_map(FIXTURES / "schema-v5.cjo.json")
    assert [(lane.id, lane.name, lane.kind) for lane in journey.lanes()] == list(STANDARD_LANES)
    saved = json.loads(dumps_map(journey))
    assert saved["schema_version"] == SCHEMA_VERSION == 6
    assert "lanes" not in saved  # the standard lanes: nothing to write
    for key in old:
        if key != "schema_version":
            assert saved[key] == old[key], key
    assert loads_map(dumps_map(journey)) == journey


def test_every_new_field_survives_a_save_and_a_load() -> None:
    journey = full_journey()
    text = dumps_map(journey)
    data = json.loads(text)
    assert [lane["kind"] for lane in data["lanes"]] == [
        "touchpoints",
        "emotion",
        "pain_points",
        "opportunities",
        "backstage",
    ]
    assert data["free_cards"][0]["supports"] == ["tp-a"]
    assert data["touchpoints"][0]["personas"] == ["pe-a"]
    assert loads_map(text) == journey


def _map(**extra: Any) -> str:
    return json.dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "title": "t",
            "stages": [{"id": "s", "name": "Awareness"}],
            "touchpoints": [{"id": "ad", "name": "Ad", "stage": "s"}],
            **extra,
        }
    )


def _card(lane: str) -> dict[str, str]:
    return {"id": "c", "stage": "s", "lane": lane, "text": "x"}


LANES = [
    {"id": "ln-t", "name": "Touchpoints", "kind": "touchpoints"},
    {"id": "ln-b", "name": "Backstage", "kind": "backstage"},
]


@pytest.mark.parametrize(
    ("extra", "where", "why"),
    [
        ({"lanes": [LANES[1]]}, "lanes", "no lane of kind 'touchpoints' to hold the cards"),
        (
            {"lanes": [*LANES, {"id": "ln-x", "name": "Again", "kind": "touchpoints"}]},
            "lanes[2]",
            "the map has its touchpoints lane already",
        ),
        (
            {"lanes": [{**LANES[0], "hidden": True}]},
            "lanes[0]",
            "the touchpoint lane holds the cards; it cannot be hidden or collapsed",
        ),
        (
            {
                "lanes": LANES,
                "free_cards": [{"id": "c", "stage": "s", "lane": "ln-t", "text": "x"}],
            },
            "free_cards[0]",
            "lane 'Touchpoints' is filled by the program",
        ),
        (
            {
                "lanes": LANES,
                "free_cards": [{"id": "c", "stage": "s", "lane": "ln-z", "text": "x"}],
            },
            "free_cards[0].lane",
            "unknown lane 'ln-z'",
        ),
        (
            {
                "lanes": LANES,
                "free_cards": [
                    {"id": "c", "stage": "s", "lane": "ln-b", "text": "x", "supports": ["ad", "no"]}
                ],
            },
            "free_cards[0].supports[1]",
            "unknown touchpoint 'no'",
        ),
        (
            {"personas": [{"id": "p", "name": "P", "picture": "AAAA"}]},
            "personas[0]",
            "a persona's picture must be a PNG or JPEG image",
        ),
    ],
)
def test_a_wrong_lane_card_or_picture_is_named_by_its_place(
    extra: dict[str, Any], where: str, why: str
) -> None:
    with pytest.raises(MapFileError) as error:
        loads_map(_map(**extra), "shop.cjo.json")
    assert str(error.value).startswith(f"shop.cjo.json: {where}: {why}")


def test_a_picture_over_the_limit_is_refused_with_its_size() -> None:
    big = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(MAX_PICTURE)).decode()
    with pytest.raises(MapFileError) as error:
        loads_map(_map(personas=[{"id": "p", "name": "P", "picture": big}]), "shop.cjo.json")
    assert "shop.cjo.json: personas[0].picture" in str(error.value)
