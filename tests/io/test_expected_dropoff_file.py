"""A touchpoint's expected drop-off in the map file: optional (files written before it load
unchanged), a share from 0 to 1, and a wrong one named by its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjo_desktop.io import MapFileError, dumps_map, load_map, loads_map
from cjo_desktop.io.file_format import SCHEMA_VERSION

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_a_file_written_before_the_field_loads_with_none_set() -> None:
    journey = load_map(FIXTURES / "schema-v2.cjo.json")
    assert journey.touchpoints()
    assert {tp.expected_dropoff for tp in journey.touchpoints()} == {None}
    assert "expected_dropoff" not in dumps_map(journey)  # not set: not written


def _map(value: object) -> str:
    return json.dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "title": "t",
            "stages": [{"id": "s", "name": "Awareness"}],
            "touchpoints": [{"id": "ad", "name": "Ad", "stage": "s", "expected_dropoff": value}],
        }
    )


@pytest.mark.parametrize("value", [0, 0.9, 1])
def test_the_share_survives_a_save_and_a_load(value: float) -> None:
    journey = loads_map(_map(value))
    assert journey.touchpoint("ad").expected_dropoff == value
    assert loads_map(dumps_map(journey)) == journey


@pytest.mark.parametrize(
    ("value", "why"),
    [(90, "must be at most 1 (found 90)"), (-0.1, "must be at least 0 (found -0.1)")],
)
def test_a_percentage_written_as_a_share_is_named_by_its_place(value: float, why: str) -> None:
    with pytest.raises(MapFileError) as error:
        loads_map(_map(value), "shop.cjo.json")
    assert str(error.value) == f"shop.cjo.json: touchpoints[0].expected_dropoff: {why}"
