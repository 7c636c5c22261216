"""Map files read and write every item field by the item's own definition.

The file schema stays explicit (it is the versioned format), so these tests hold the two
together: each section's records have exactly the fields of their item class under the
file's names (``stage_id`` is ``stage``...), every field of every item survives a save and a
load, and a reference to nothing is refused with one line naming the file and the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from cjo_desktop.domain import Emotion, Flow, Opportunity, PainPoint, Persona, Stage, Touchpoint
from cjo_desktop.domain.fields import fields_of
from cjo_desktop.io import MapFileError, dumps_map, load_map, loads_map, save_map, schema
from tests.cjo_command import run_cjo
from tests.domain.every_field import full_journey

SECTIONS: list[tuple[str, type[Any], type[BaseModel]]] = [
    ("personas", Persona, schema.PersonaModel),
    ("stages", Stage, schema.StageModel),
    ("touchpoints", Touchpoint, schema.TouchpointModel),
    ("emotions", Emotion, schema.EmotionModel),
    ("flows", Flow, schema.FlowModel),
    ("pain_points", PainPoint, schema.PainPointModel),
    ("opportunities", Opportunity, schema.OpportunityModel),
]


@pytest.mark.parametrize(("section", "cls", "model"), SECTIONS, ids=[s[0] for s in SECTIONS])
def test_the_schema_has_exactly_the_fields_of_the_item(
    section: str, cls: type[Any], model: type[BaseModel]
) -> None:
    """A field added to the item class and not to the schema (or the other way) fails here."""
    assert list(model.model_fields) == [f.file_name for f in fields_of(cls).values()]
    assert schema.MapFile.model_fields[section].annotation == list[model]


def test_every_field_survives_a_save_and_a_load(tmp_path: Path) -> None:
    journey = full_journey()
    path = tmp_path / "every.cjo.json"
    save_map(journey, path)
    assert load_map(path) == journey
    assert loads_map(dumps_map(journey)) == journey


def test_the_file_uses_its_own_names_for_references() -> None:
    data = json.loads(dumps_map(full_journey()))
    card = data["touchpoints"][0]
    assert card["stage"] == "st-a" and "stage_id" not in card
    assert card["owner"] == "Payments"
    assert card["tags"] == ["mobile", "\u00d6V"]
    assert card["position"] == {"x": 12.5, "y": -3.25}
    assert data["emotions"][0] == {
        "id": "em-a",
        "touchpoint": "tp-a",
        "valence": -2,
        "label": "cross",
        "persona": "pe-a",
        "evidence": {"status": "assumed"},
    }
    assert data["opportunities"][0]["touchpoint"] == "tp-a"
    assert data["pain_points"][0]["strategy"] == "Offer a second way to pay"


BROKEN: list[tuple[str, str, Any, str]] = [
    ("touchpoints", "stage", "st-gone", "touchpoints[0].stage: unknown stage 'st-gone'"),
    ("emotions", "persona", "ghost", "emotions[0].persona: unknown persona 'ghost'"),
    ("emotions", "touchpoint", "st-a", "emotions[0].touchpoint: unknown touchpoint 'st-a'"),
    ("flows", "target", "tp-gone", "flows[0].target: unknown touchpoint 'tp-gone'"),
    ("flows", "source", "pe-a", "flows[0].source: unknown touchpoint 'pe-a'"),
    ("pain_points", "touchpoint", "x", "pain_points[0].touchpoint: unknown touchpoint 'x'"),
    ("opportunities", "touchpoint", "y", "opportunities[0].touchpoint: unknown touchpoint 'y'"),
    ("stages", "id", "tp-a", "touchpoints[0].id: duplicate id 'tp-a' (first used at stages[0]"),
]


def _broken(tmp_path: Path, section: str, key: str, value: Any) -> Path:
    data = json.loads(dumps_map(full_journey()))
    data[section][0][key] = value
    path = tmp_path / "broken.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("section", "key", "value", "where"), BROKEN)
def test_a_broken_reference_or_id_is_named_by_its_file_field(
    tmp_path: Path, section: str, key: str, value: Any, where: str
) -> None:
    path = _broken(tmp_path, section, key, value)
    before = path.read_bytes()
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    line = str(caught.value)
    assert "\n" not in line
    assert line.startswith(str(path)) and where in line
    assert path.read_bytes() == before


def test_the_cli_refuses_a_reference_to_nothing_in_one_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "emotions", "persona", "ghost")
    before = path.read_bytes()
    result = run_cjo("info", path, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert "broken.cjo.json" in lines[0] and "emotions[0].persona: unknown persona" in lines[0]
    assert path.read_bytes() == before
