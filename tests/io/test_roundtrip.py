"""Native map files survive load -> save -> load unchanged, byte for byte, and saves are atomic."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from jsonschema import Draft202012Validator

from cjo_desktop.domain import Journey, Position
from cjo_desktop.io import (
    FILE_SUFFIX,
    SCHEMA_VERSION,
    MapFileError,
    dumps_map,
    json_schema,
    load_map,
    loads_map,
    migrate,
    save_map,
)
from cjo_desktop.io.templates import Template, example_path, templates

CAFE = "Caf\u00e9 \u2013 Z\u00fcrich"  # non-ASCII: e-acute, en dash, u-umlaut
TEMPLATE_NAMES = {
    "blank",
    "ecommerce",
    "saas",
    "car-purchase",
    "b2b-onboarding",
    "service-blueprint",
}
RESOURCE_FILES = [t.path for t in templates()] + sorted(
    example_path().parent.glob(f"*{FILE_SUFFIX}")
)


@pytest.fixture
def journey() -> Journey:
    """A small map that uses every kind of item and every optional field."""
    j = Journey(CAFE, "Ein Besuch im Café: bestellen, zahlen, wiederkommen.")
    regular = j.add_persona("Stammgast", description="Kommt täglich", id="pe-regular")
    j.add_persona("Tourist", id="pe-tourist")
    find = j.add_stage("Finden", id="st-find", description="Suche nach einem Café")
    order = j.add_stage("Bestellen", id="st-order")
    j.add_stage("Leer", id="st-empty")
    maps = j.add_touchpoint(
        find.id,
        "Karte öffnen",
        id="tp-maps",
        channel="mobile app",
        tags=["suche", "ÖV"],
        position=Position(12.5, -40.25),
    )
    sign = j.add_touchpoint(
        find.id, "Schild sehen", id="tp-sign", channel="street", owner="Marketing"
    )
    counter = j.add_touchpoint(
        order.id,
        "An der Theke",
        id="tp-counter",
        channel="store",
        description="Warteschlange — oft lang",
    )
    j.add_emotion(maps.id, 1, id="em-1")
    j.add_emotion(counter.id, -2, label="genervt", persona_id=regular.id, id="em-2")
    j.add_emotion(counter.id, 0, id="em-3")
    j.add_flow(maps.id, counter.id, count=120, label="zu Fuß")
    j.add_flow(sign.id, counter.id, count=0)
    j.add_flow(counter.id, maps.id)
    j.add_flow(maps.id, None, count=30, label="gibt auf")
    return j


# ----------------------------------------------------------------------------- round trips
def test_load_save_load_gives_an_equal_journey(journey: Journey, tmp_path: Path) -> None:
    first = tmp_path / f"first{FILE_SUFFIX}"
    save_map(journey, first)
    loaded = load_map(first)
    assert loaded == journey
    second = tmp_path / f"second{FILE_SUFFIX}"
    save_map(loaded, second)
    assert load_map(second) == journey


def test_equality_notices_a_difference(journey: Journey, tmp_path: Path) -> None:
    path = tmp_path / f"m{FILE_SUFFIX}"
    save_map(journey, path)
    loaded = load_map(path)
    loaded.update_flow("tp-maps", "tp-counter", count=121)
    assert loaded != journey


def test_saving_twice_gives_identical_bytes(journey: Journey, tmp_path: Path) -> None:
    a, b = tmp_path / f"a{FILE_SUFFIX}", tmp_path / f"b{FILE_SUFFIX}"
    save_map(journey, a)
    save_map(journey, b)
    assert a.read_bytes() == b.read_bytes()
    save_map(load_map(a), b)  # and re-saving what was loaded changes nothing either
    assert a.read_bytes() == b.read_bytes()


def test_save_writes_what_dumps_returns(journey: Journey, tmp_path: Path) -> None:
    path = tmp_path / f"m{FILE_SUFFIX}"
    save_map(journey, path)
    assert path.read_bytes() == dumps_map(journey).encode("utf-8")
    assert CAFE.encode("utf-8") in path.read_bytes()


def test_dumps_is_utf8_with_non_ascii_kept_and_a_final_newline(journey: Journey) -> None:
    text = dumps_map(journey)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert CAFE in text
    assert "Warteschlange — oft lang" in text
    assert "\\u" not in text
    assert json.loads(text.encode("utf-8"))["title"] == CAFE


def test_dumps_is_canonical_and_leaves_out_defaults(journey: Journey) -> None:
    data = json.loads(dumps_map(journey))
    assert list(data) == [
        "schema_version",
        "title",
        "description",
        "personas",
        "stages",
        "touchpoints",
        "emotions",
        "flows",
    ]
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["stages"][2] == {"id": "st-empty", "name": "Leer"}
    assert {"source": "tp-maps", "target": None, "count": 30, "label": "gibt auf"} in data["flows"]
    # the drop-off comes after the flows of the same source
    sources = [(f["source"], f["target"] is None) for f in data["flows"]]
    assert sources == sorted(sources)


def test_map_built_in_another_order_saves_the_same_bytes(journey: Journey) -> None:
    twin = Journey(journey.title, journey.description)
    for p in journey.personas():
        twin.add_persona(p.name, description=p.description, id=p.id)
    for s in journey.stages():
        twin.add_stage(s.name, description=s.description, id=s.id)
    for t in journey.touchpoints():
        twin.add_touchpoint(
            t.stage_id,
            t.name,
            id=t.id,
            channel=t.channel,
            description=t.description,
            owner=t.owner,
            tags=t.tags,
            position=t.position,
        )
    for e in reversed(journey.emotions()):
        twin.add_emotion(
            e.touchpoint_id, e.valence, label=e.label, persona_id=e.persona_id, id=e.id
        )
    for f in reversed(journey.flows()):
        twin.add_flow(f.source, f.target, count=f.count, label=f.label)
    assert dumps_map(twin) == dumps_map(journey)


def test_loads_map_reads_what_dumps_map_writes(journey: Journey) -> None:
    assert loads_map(dumps_map(journey)) == journey


# ---------------------------------------------------------------- bundled templates/examples
def test_the_six_templates_are_bundled() -> None:
    names = {t.name for t in templates()}
    assert names >= TEMPLATE_NAMES
    for t in templates():
        assert t.path.name == f"{t.name}{FILE_SUFFIX}"


@pytest.fixture(scope="module")
def schema_validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return Draft202012Validator(schema)


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=lambda p: p.name)
def test_bundled_file_loads_and_round_trips_byte_identically(path: Path) -> None:
    journey = load_map(path)
    assert journey.title.strip()
    assert path.read_bytes() == dumps_map(journey).encode("utf-8")


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=lambda p: p.name)
def test_bundled_file_matches_the_json_schema(
    path: Path, schema_validator: Draft202012Validator
) -> None:
    errors = [e.message for e in schema_validator.iter_errors(json.loads(path.read_bytes()))]
    assert errors == []


def test_the_schema_rejects_what_the_loader_rejects(schema_validator) -> None:
    good = json.loads(dumps_map(load_map(example_path())))
    assert schema_validator.is_valid(good)
    bad_valence = json.loads(json.dumps(good))
    bad_valence["emotions"][0]["valence"] = 3
    assert not schema_validator.is_valid(bad_valence)
    unknown_field = dict(good, gadgets=[])
    assert not schema_validator.is_valid(unknown_field)
    newer = dict(good, schema_version=SCHEMA_VERSION + 1)
    assert not schema_validator.is_valid(newer)


def test_template_summary_is_the_first_line_of_its_description(tmp_path: Path) -> None:
    path = tmp_path / f"t{FILE_SUFFIX}"
    path.write_text(
        json.dumps(
            {"schema_version": 1, "title": "T", "description": "\n  First line.\nSecond line."}
        )
    )
    assert Template("t", path).summary == "First line."
    path.write_text(json.dumps({"schema_version": 1, "title": "T"}))
    assert Template("t", path).summary == "No stages and no touchpoints."


@pytest.fixture(scope="module")
def example() -> Journey:
    return load_map(example_path())


def test_example_is_rich_enough_to_show_every_feature(example: Journey) -> None:
    assert example_path().name == f"outdoor-gear-shop{FILE_SUFFIX}"
    assert len(example.touchpoints()) >= 15
    assert len({t.channel for t in example.touchpoints() if t.channel.strip()}) >= 4
    assert example.emotions()
    assert {e.valence for e in example.emotions()} & {-2, -1}
    assert {e.valence for e in example.emotions()} & {1, 2}


def test_example_has_branches_cycles_and_dropoffs(example: Journey) -> None:
    out_degree: dict[str, int] = {}
    for f in example.flows():
        out_degree[f.source] = out_degree.get(f.source, 0) + 1
    assert max(out_degree.values()) >= 2, "no touchpoint branches"
    graph = example.flow_graph()
    assert nx.find_cycle(graph)  # raises NetworkXNoCycle when there is none
    assert any(f.target is None for f in example.flows()), "no drop-off"


# ------------------------------------------------------------------------------ atomic save
def test_save_over_existing_file_keeps_its_permissions(journey: Journey, tmp_path: Path) -> None:
    path = tmp_path / f"m{FILE_SUFFIX}"
    path.write_text("old")
    path.chmod(0o640)
    save_map(journey, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_map(path) == journey


def test_new_file_gets_the_usual_permissions(journey: Journey, tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        path = tmp_path / f"m{FILE_SUFFIX}"
        save_map(journey, path)
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's private 0o600


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_leaves_old_file_and_no_temp_files(
    journey: Journey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / f"m{FILE_SUFFIX}"
    old = b'{"schema_version": 1, "title": "old"}\n'
    path.write_bytes(old)
    before = sorted(p.name for p in tmp_path.iterdir())

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError):
        save_map(journey, path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_successful_save_leaves_no_temp_files(journey: Journey, tmp_path: Path) -> None:
    path = tmp_path / f"m{FILE_SUFFIX}"
    save_map(journey, path)
    save_map(journey, path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_save_to_relative_path_in_current_folder(
    journey: Journey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    save_map(journey, f"rel{FILE_SUFFIX}")
    assert load_map(tmp_path / f"rel{FILE_SUFFIX}") == journey


# -------------------------------------------------------------------------------- migration
@pytest.fixture
def three_versions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pretend the program reads version 3 and knows steps 1->2 (rename) and 2->3 (add)."""
    calls: list[int] = []

    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        assert data["schema_version"] == 1
        data = dict(data)
        data["title"] = data.pop("name")
        return data

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(2)
        assert data["schema_version"] == 2 and "title" in data
        return {**data, "personas": data.get("personas", [])}

    monkeypatch.setattr(migrate, "STEPS", {1: one_to_two, 2: two_to_three})
    monkeypatch.setattr(migrate, "SCHEMA_VERSION", 3)
    return calls


def test_old_document_is_upgraded_step_by_step(three_versions: list[int]) -> None:
    data, original = migrate.upgrade({"schema_version": 1, "name": "Old map"}, "old.cjo.json")
    assert original == 1
    assert three_versions == [1, 2]
    assert data == {"schema_version": 3, "title": "Old map", "personas": []}


def test_upgrade_starts_at_the_file_version(three_versions: list[int]) -> None:
    data, original = migrate.upgrade({"schema_version": 2, "title": "T"}, "mid.cjo.json")
    assert (original, three_versions) == (2, [2])
    assert data["schema_version"] == 3


def test_current_document_is_not_touched(three_versions: list[int]) -> None:
    doc = {"schema_version": 3, "title": "T"}
    data, original = migrate.upgrade(doc, "now.cjo.json")
    assert (data, original, three_versions) == (doc, 3, [])


def test_document_newer_than_the_steps_is_refused(three_versions: list[int]) -> None:
    with pytest.raises(MapFileError, match="newer"):
        migrate.upgrade({"schema_version": 4, "title": "T"}, "new.cjo.json")
    assert three_versions == []


def test_current_version_has_a_step_from_every_older_one() -> None:
    assert set(migrate.STEPS) == set(range(1, SCHEMA_VERSION))


def test_a_save_sweeps_old_leftovers_of_killed_saves(tmp_path: Path) -> None:
    """A save killed mid-way leaves a hidden temporary file; the next save removes it once it
    is clearly stale, and never touches a fresh one (another save may be writing it)."""
    import os
    import time

    from cjo_desktop.domain import Journey
    from cjo_desktop.io.atomic import LEFTOVER_SECONDS
    from cjo_desktop.io.files import save_map

    target = tmp_path / "m.cjo.json"
    stale = tmp_path / ".m.cjo.json.abc123.tmp"
    fresh = tmp_path / ".m.cjo.json.def456.tmp"
    other = tmp_path / ".other.cjo.json.abc123.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("half a map")
    old = time.time() - LEFTOVER_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_map(Journey("M"), target)
    assert not stale.exists()
    assert fresh.exists() and other.exists()
