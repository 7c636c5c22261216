"""A corpus of bad map files: each is refused with one MapFileError line naming file and place.

Loading must never change the file, never let another exception escape, and never hang on junk.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cjo_desktop.io import FILE_SUFFIX, MapFileError, load_map

GOOD: dict[str, Any] = {
    "schema_version": 1,
    "title": "Bike shop",
    "personas": [{"id": "pe-1", "name": "Commuter"}],
    "stages": [{"id": "st-1", "name": "Discover"}, {"id": "st-2", "name": "Buy"}],
    "touchpoints": [
        {
            "id": "tp-1",
            "name": "Search ad",
            "stage": "st-1",
            "channel": "web",
            "position": {"x": 10.0, "y": 20.0},
        },
        {"id": "tp-2", "name": "Checkout", "stage": "st-2", "channel": "web"},
    ],
    "emotions": [
        {"id": "em-1", "touchpoint": "tp-1", "valence": 1},
        {"id": "em-2", "touchpoint": "tp-2", "valence": -2, "persona": "pe-1"},
    ],
    "flows": [
        {"source": "tp-1", "target": "tp-2", "count": 40},
        {"source": "tp-2", "target": None, "count": 5},
    ],
}


def variant(change: Callable[[dict[str, Any]], object]) -> bytes:
    """The good map with one thing broken, as pretty-printed JSON bytes."""
    doc = copy.deepcopy(GOOD)
    change(doc)
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


def set_in(section: str, index: int, **fields: Any) -> Callable[[dict[str, Any]], object]:
    return lambda doc: doc[section][index].update(fields)


GOOD_BYTES = variant(lambda doc: None)
_rng = random.Random(20240601)
JUNK_TEXT = bytes(_rng.choices(range(32, 127), k=5 * 2**20))
JUNK_BYTES = _rng.randbytes(3 * 2**20)

#: (name, file bytes, substrings the message must contain)
CORPUS: list[tuple[str, bytes, list[str]]] = [
    ("truncated", GOOD_BYTES[: len(GOOD_BYTES) // 2], ["invalid JSON", "line ", "column "]),
    (
        "truncated-line-3",
        b'{\n  "schema_version": 1,\n  "title": "x",',
        ["line 3, column", "invalid JSON"],
    ),
    ("trailing-comma", b'{"schema_version": 1, "title": "x",}', ["line 1, column 36"]),
    (
        "valence-is-text",
        variant(set_in("emotions", 0, valence="high")),
        ["emotions[0].valence", "'high'"],
    ),
    ("title-is-number", variant(lambda d: d.update(title=42)), ["title", "string"]),
    ("stages-is-object", variant(lambda d: d.update(stages={"st-1": {}})), ["stages", "list"]),
    ("unknown-section", variant(lambda d: d.update(gadgets=[])), ["gadgets", "unknown field"]),
    (
        "unknown-touchpoint-field",
        variant(set_in("touchpoints", 1, colour="red")),
        ["touchpoints[1].colour", "unknown field"],
    ),
    (
        "unknown-position-field",
        variant(lambda d: d["touchpoints"][0]["position"].update(z=1.0)),
        ["touchpoints[0].position.z", "unknown field"],
    ),
    ("missing-name", variant(lambda d: d["stages"][1].pop("name")), ["stages[1].name", "missing"]),
    (
        "flow-to-missing-touchpoint",
        variant(set_in("flows", 0, target="tp-gone")),
        ["flows[0].target", "tp-gone"],
    ),
    (
        "flow-from-missing-touchpoint",
        variant(set_in("flows", 1, source="tp-gone")),
        ["flows[1].source", "tp-gone"],
    ),
    (
        "emotion-on-missing-touchpoint",
        variant(set_in("emotions", 0, touchpoint="tp-gone")),
        ["emotions[0].touchpoint", "tp-gone"],
    ),
    (
        "emotion-of-missing-persona",
        variant(set_in("emotions", 1, persona="pe-gone")),
        ["emotions[1].persona", "pe-gone"],
    ),
    (
        "touchpoint-in-missing-stage",
        variant(set_in("touchpoints", 1, stage="st-gone")),
        ["touchpoints[1].stage", "st-gone"],
    ),
    (
        "duplicate-id-across-sections",
        variant(set_in("touchpoints", 0, id="st-2")),
        ["touchpoints[0].id", "duplicate id", "st-2", "stages[1].id"],
    ),
    (
        "duplicate-flow",
        variant(lambda d: d["flows"].append({"source": "tp-1", "target": "tp-2"})),
        ["flows[2]", "flows[0]"],
    ),
    (
        "duplicate-key-top",
        b'{"schema_version": 1, "title": "a", "title": "b"}',
        ["duplicate key", "'title'", "top level"],
    ),
    (
        "duplicate-key-nested",
        b'{"schema_version": 1, "title": "a", "stages": [{"id": "s", "name": "x", "id": "t"}]}',
        ["duplicate key", "'id'", "stages[0]"],
    ),
    (
        "newer-schema-version",
        variant(lambda d: d.update(schema_version=999)),
        ["schema_version", "999", "newer"],
    ),
    (
        "schema-version-missing",
        variant(lambda d: d.pop("schema_version")),
        ["schema_version", "missing"],
    ),
    (
        "schema-version-text",
        variant(lambda d: d.update(schema_version="1")),
        ["schema_version", "whole number"],
    ),
    ("schema-version-zero", variant(lambda d: d.update(schema_version=0)), ["schema_version"]),
    ("top-level-array", json.dumps([GOOD]).encode(), ["top level", "array"]),
    ("top-level-string", b'"a map"', ["top level", "str"]),
    ("not-utf8", b"\xff\xfe\x00garbage", ["UTF-8", "line 1", "0xff"]),
    (
        "latin1-on-line-2",
        b'{"schema_version": 1,\n "title": "Caf\xe9"}',
        ["UTF-8", "line 2, column 15", "0xe9"],
    ),
    ("utf16", GOOD_BYTES.decode().encode("utf-16"), ["UTF-8", "line 1"]),
    ("empty", b"", ["empty"]),
    ("whitespace-only", b"  \n\t\r\n   ", ["empty"]),
    ("junk-text-5mb", JUNK_TEXT, ["invalid JSON", "line 1"]),
    ("junk-bytes-3mb", JUNK_BYTES, ["UTF-8", "line "]),
    ("deep-arrays", b"[" * 100_000, ["nested too deeply"]),
    ("deep-objects", b'{"a": ' * 100_000, ["nested too deeply"]),
    (
        "valence-out-of-range",
        variant(set_in("emotions", 0, valence=3)),
        ["emotions[0].valence", "2", "3"],
    ),
    (
        "valence-below-range",
        variant(set_in("emotions", 1, valence=-3)),
        ["emotions[1].valence", "-3"],
    ),
    ("negative-flow-count", variant(set_in("flows", 0, count=-1)), ["flows[0].count", "-1"]),
    (
        "valence-is-bool",
        variant(set_in("emotions", 0, valence=True)),
        ["emotions[0].valence", "True"],
    ),
    ("count-is-bool", variant(set_in("flows", 0, count=False)), ["flows[0].count"]),
    ("valence-is-float", variant(set_in("emotions", 0, valence=1.0)), ["emotions[0].valence"]),
    (
        "position-nan",
        GOOD_BYTES.replace(b'"x": 10.0', b'"x": NaN'),
        ["touchpoints[0].position.x", "finite"],
    ),
    (
        "position-infinite",
        GOOD_BYTES.replace(b'"y": 20.0', b'"y": 1e999'),
        ["touchpoints[0].position.y", "finite"],
    ),
    (
        "number-with-10000-digits",
        GOOD_BYTES.replace(b'"count": 40', b'"count": 4' + b"0" * 9999),
        ["too many digits", "line "],
    ),
    ("empty-title", variant(lambda d: d.update(title="")), ["title"]),
    ("bad-id", variant(set_in("stages", 0, id="st 1")), ["stages[0].id", "pattern"]),
    (
        "pain-point-unknown-touchpoint",
        variant(
            lambda d: d.update(
                schema_version=3,
                pain_points=[
                    {"id": "pp-1", "touchpoint": "tp-9", "severity": "high", "description": "Slow"}
                ],
            )
        ),
        ["pain_points[0].touchpoint", "unknown touchpoint 'tp-9'"],
    ),
    (
        "pain-point-bad-severity",
        variant(
            lambda d: d.update(
                schema_version=3,
                pain_points=[
                    {"id": "pp-1", "touchpoint": "tp-1", "severity": "huge", "description": "Slow"}
                ],
            )
        ),
        ["pain_points[0].severity", "'high', 'medium' or 'low'"],
    ),
    (
        "opportunity-impact-over-100",
        variant(
            lambda d: d.update(
                schema_version=3,
                opportunities=[
                    {
                        "id": "op-1",
                        "touchpoint": "tp-1",
                        "pain_point": "nps_negative",
                        "name": "Fix",
                        "impact": 101,
                    }
                ],
            )
        ),
        ["opportunities[0].impact", "100"],
    ),
    (
        "opportunity-for-another-touchpoints-pain-point",
        variant(
            lambda d: d.update(
                schema_version=3,
                pain_points=[
                    {"id": "pp-1", "touchpoint": "tp-2", "severity": "low", "description": "Slow"}
                ],
                opportunities=[
                    {"id": "op-1", "touchpoint": "tp-1", "pain_point": "pp-1", "name": "Fix"}
                ],
            )
        ),
        ["opportunities[0].pain_point", "another touchpoint"],
    ),
    (
        "two-rules-with-one-name",
        variant(
            lambda d: d.update(
                schema_version=3,
                painpoint_settings={
                    "rules": [
                        {
                            "name": "r",
                            "metric": "nps",
                            "op": "<",
                            "threshold": 0,
                            "severity": "high",
                        },
                        {
                            "name": "r",
                            "metric": "nps",
                            "op": "<",
                            "threshold": 9,
                            "severity": "low",
                        },
                    ]
                },
            )
        ),
        ["painpoint_settings.rules[1].name", "a second rule named 'r'"],
    ),
    (
        "rule-with-unknown-operator",
        variant(
            lambda d: d.update(
                schema_version=3,
                painpoint_settings={
                    "rules": [
                        {
                            "name": "r",
                            "metric": "nps",
                            "op": "==",
                            "threshold": 0,
                            "severity": "high",
                        },
                    ]
                },
            )
        ),
        ["painpoint_settings.rules[0].op"],
    ),
    (
        "negative-value-per-customer",
        variant(
            lambda d: d.update(schema_version=3, painpoint_settings={"value_per_customer": -5})
        ),
        ["painpoint_settings.value_per_customer", "0"],
    ),
    (
        "key-with-line-break",
        variant(lambda d: d.update({"gad\nget": 1})),
        ["gad\\nget", "unknown field"],
    ),
    (
        "key-with-line-separator",
        variant(lambda d: d["stages"][0].update({"a\u2028b": 1})),
        ["stages[0].a", "unknown field"],
    ),
]


@pytest.fixture(params=CORPUS, ids=[case[0] for case in CORPUS])
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, bytes, list[str]]:
    name, data, expected = request.param
    path = tmp_path / f"{name}{FILE_SUFFIX}"
    path.write_bytes(data)
    return path, data, expected


def load_error(path: Path) -> MapFileError:
    with pytest.raises(MapFileError) as info:
        load_map(path)
    return info.value


def test_the_unbroken_map_loads(tmp_path: Path) -> None:
    """The corpus breaks one thing at a time; without it, the map is fine."""
    path = tmp_path / f"good{FILE_SUFFIX}"
    path.write_bytes(GOOD_BYTES)
    journey = load_map(path)
    assert [t.id for t in journey.touchpoints()] == ["tp-1", "tp-2"]


def test_bad_file_is_refused_with_file_and_place(bad_file: tuple[Path, bytes, list[str]]) -> None:
    path, _, expected = bad_file
    message = str(load_error(path))
    assert message.startswith(f"{path}: ")
    for part in expected:
        assert part in message, f"{part!r} missing from {message!r}"


def test_error_message_is_one_line_without_traceback(
    bad_file: tuple[Path, bytes, list[str]],
) -> None:
    path, _, _ = bad_file
    error = load_error(path)
    message = str(error)
    assert "\n" not in message and "\r" not in message
    assert len(message.splitlines()) == 1
    assert "Traceback" not in message
    assert error.source == str(path)
    assert error.message and error.message in message


def test_loading_never_changes_the_file(bad_file: tuple[Path, bytes, list[str]]) -> None:
    path, data, _ = bad_file
    mtime = path.stat().st_mtime_ns
    load_error(path)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / f"folder{FILE_SUFFIX}"
    folder.mkdir()
    message = str(load_error(folder))
    assert message.startswith(str(folder)) and "folder" in message.removeprefix(str(folder))
    assert folder.is_dir() and not any(folder.iterdir())


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / f"missing{FILE_SUFFIX}"
    message = str(load_error(path))
    assert message.startswith(str(path)) and "no such file" in message
    assert not path.exists()


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / f"m{FILE_SUFFIX}"
    assert "no such file" in str(load_error(path))


def test_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cjo_desktop.io import files

    path = tmp_path / f"big{FILE_SUFFIX}"
    path.write_bytes(GOOD_BYTES)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", len(GOOD_BYTES) - 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too-large file"))
    message = str(load_error(path))
    assert str(path) in message and "too large" in message


def test_path_with_non_ascii_name_is_named_as_given(tmp_path: Path) -> None:
    path = tmp_path / f"Kundenreise – Zürich{FILE_SUFFIX}"  # noqa: RUF001
    path.write_bytes(b"{")
    assert str(load_error(path)).startswith(f"{path}: line 1, column 2: ")


def test_bom_is_accepted(tmp_path: Path) -> None:
    """Windows editors may prepend a byte order mark; it is not a reason to refuse a map."""
    path = tmp_path / f"bom{FILE_SUFFIX}"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_BYTES)
    assert load_map(path).title == "Bike shop"
