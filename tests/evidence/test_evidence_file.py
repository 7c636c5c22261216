"""Evidence in the map file: optional, so every older file opens with nothing stated; what is
stated reads back exactly; a bad record is refused in one line that names its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.io import dumps_map, load_map, loads_map
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.schema import json_schema

FIXTURES = Path(__file__).parent.parent / "fixtures"


def small() -> Journey:
    journey = Journey("Evidence")
    journey.add_stage("Buy", id="st-buy")
    journey.add_touchpoint("st-buy", "Cart", id="tp-cart", evidence=Evidence("assumed"))
    journey.add_touchpoint(
        "st-buy", "Pay", id="tp-pay", evidence=observed("snapshot", "March survey")
    )
    journey.add_touchpoint("st-buy", "Receipt", id="tp-receipt")
    journey.add_emotion("tp-cart", -1, id="em-cart", evidence=Evidence("proposed"))
    journey.add_pain_point(
        "tp-pay", "high", "Card refused", id="pp-pay", evidence=observed("link", "https://x.org/a")
    )
    return journey


def test_stated_evidence_reads_back_and_unstated_writes_nothing() -> None:
    journey = small()
    text = dumps_map(journey)
    data = json.loads(text)
    tps = {t["id"]: t for t in data["touchpoints"]}
    assert tps["tp-cart"]["evidence"] == {"status": "assumed"}
    assert tps["tp-pay"]["evidence"] == {
        "status": "observed",
        "source": {"kind": "snapshot", "text": "March survey"},
    }
    assert "evidence" not in tps["tp-receipt"]  # not stated: the file stays as it was
    assert data["emotions"][0]["evidence"] == {"status": "proposed"}
    assert data["pain_points"][0]["evidence"]["source"]["kind"] == "link"
    back = loads_map(text)
    assert back == journey
    assert back.touchpoint("tp-receipt").evidence is None
    assert back.pain_point("pp-pay").evidence == observed("link", "https://x.org/a")


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_files_open_with_nothing_stated_and_save_without_evidence(version: int) -> None:
    journey = load_map(FIXTURES / f"schema-v{version}.cjo.json")
    items = [*journey.touchpoints(), *journey.emotions(), *journey.pain_points()]
    assert items
    assert all(item.evidence is None for item in items)
    assert '"evidence"' not in dumps_map(journey)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"status": "guessed"}, "touchpoints[0].evidence.status"),
        ({"status": "observed", "source": {"kind": "rumour", "text": "x"}}, "evidence.source.kind"),
        ({"status": "observed", "source": {"kind": "file", "text": ""}}, "evidence.source.text"),
        ({"status": "assumed", "why": "x"}, "evidence.why"),
    ],
)
def test_a_bad_evidence_record_is_refused_in_one_line(
    tmp_path: Path, evidence: object, message: str
) -> None:
    data = json.loads(dumps_map(small()))
    data["touchpoints"][0]["evidence"] = evidence
    path = tmp_path / "bad.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    line = str(caught.value)
    assert "\n" not in line and "bad.cjo.json" in line and message in line


def test_the_domain_refuses_a_half_given_source() -> None:
    journey = small()
    with pytest.raises(JourneyError, match="both its kind and its text"):
        journey.update("tp-cart", evidence=Evidence("observed", "file", "  "))
    with pytest.raises(JourneyError, match="must be one of"):
        journey.update("tp-cart", evidence=Evidence("maybe"))  # type: ignore[arg-type]
    with pytest.raises(JourneyError, match="has no field 'evidence'"):
        journey.update("st-buy", evidence=Evidence("assumed"))


def test_the_json_schema_describes_evidence() -> None:
    schema = json_schema()
    model = schema["$defs"]["EvidenceModel"]
    assert model["properties"]["status"]["enum"] == ["observed", "assumed", "proposed"]
    assert "description" in model["properties"]["status"]
    source = schema["$defs"]["EvidenceSourceModel"]["properties"]["kind"]
    assert source["enum"] == ["snapshot", "file", "link", "note"]
    for section in ("TouchpointModel", "EmotionModel", "PainPointModel"):
        assert "evidence" in schema["$defs"][section]["properties"]
