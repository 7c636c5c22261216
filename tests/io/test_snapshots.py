"""Metric snapshots in the map file: round trips, references, and every released version."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cjo_desktop.domain import Journey, JourneyError, MetricValue, Provenance, Snapshot
from cjo_desktop.io import MapFileError, dumps_map, json_schema, load_map, loads_map
from cjo_desktop.io.templates import example_path

FIXTURES = Path(__file__).parent.parent / "fixtures"


def with_snapshot(label: str = "baseline 2025-Q1") -> Journey:
    journey = load_map(example_path())
    cart = "tp-cart"
    snapshot = Snapshot(
        label,
        Provenance("survey.csv", "ab" * 32, "", "2025-04-01T09:00:00Z", "responses", "", ""),
        {
            cart: {
                "nps": MetricValue(45.0, 100, 29.876543219, 60.1, {"promoters": 60.0}),
                "csat_mean": MetricValue(None, 0),
            }
        },
        {"csat_mean_weighted": MetricValue(4.1, 900)},
    )
    journey.add_metric_snapshot(snapshot)
    return journey


def test_a_snapshot_round_trips_through_the_file() -> None:
    journey = with_snapshot()
    text = dumps_map(journey)
    jsonschema.validate(json.loads(text), json_schema())
    again = loads_map(text)
    (snap,) = again.metric_snapshots()
    value = snap.value("tp-cart", "nps")
    assert value is not None and value.value == 45.0 and value.n == 100
    assert value.ci_low == pytest.approx(29.876543)  # six decimals in the file
    assert snap.value("tp-cart", "csat_mean") == MetricValue(None, 0)
    assert snap.summary["csat_mean_weighted"].value == 4.1
    assert dumps_map(again) == text


def test_snapshot_labels_are_unique_and_removal_can_be_undone() -> None:
    journey = with_snapshot()
    with pytest.raises(JourneyError, match="exists already"):
        journey.add_metric_snapshot(journey.metric_snapshots()[0])
    snap, index = journey.remove_metric_snapshot("baseline 2025-Q1")
    assert journey.metric_snapshots() == []
    journey.add_metric_snapshot(snap, index)
    assert journey == with_snapshot()


def test_values_of_a_deleted_touchpoint_are_not_shown_or_saved() -> None:
    journey = with_snapshot()
    journey.remove_touchpoint("tp-cart", cascade=True)
    assert journey.metric_snapshots()[0].values == {}
    assert '"tp-cart"' not in dumps_map(journey)


def test_a_value_for_a_missing_touchpoint_is_a_dangling_reference(tmp_path: Path) -> None:
    data = json.loads(dumps_map(with_snapshot()))
    data["snapshots"][0]["values"][0]["touchpoint"] = "tp-ghost"
    path = tmp_path / "bad.cjo.json"
    path.write_text(json.dumps(data))
    with pytest.raises(MapFileError, match=r"snapshots\[0\]\.values\[0\]\.touchpoint"):
        load_map(path)


def test_not_a_number_is_refused(tmp_path: Path) -> None:
    text = dumps_map(with_snapshot()).replace('"value": 45.0', '"value": NaN')
    path = tmp_path / "nan.cjo.json"
    path.write_text(text)
    with pytest.raises(MapFileError, match=r"snapshots\[0\]\.values\[0\]\.value"):
        load_map(path)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.cjo.json")))
def test_every_released_version_still_loads(fixture: Path) -> None:
    journey = load_map(fixture)
    assert len(journey.touchpoints()) > 0
    upgraded = json.loads(dumps_map(journey))
    jsonschema.validate(upgraded, json_schema())
