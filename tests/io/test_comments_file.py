"""Comments in the map file: an optional list that old files do without, every field kept
through a save and a load, orphaned comments kept, bad ones refused in one line with their
place."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import Comment, flow_target
from cjo_desktop.io import MapFileError, dumps_map, load_map, loads_map, save_map, schema
from cjo_desktop.io.templates import example_path


def commented() -> Journey:
    j = Journey("Shop")
    j.add_stage("Buy", id="buy")
    j.add_touchpoint("buy", "Cart", id="cart")
    j.add_touchpoint("buy", "Pay", id="pay")
    j.add_flow("cart", "pay")
    j.add_comment(Comment("cm-1", "cart", "Ana", "Two steps?\nWhy", "2026-12-07T23:50:15Z"))
    j.add_comment(Comment("cm-2", "", "Bo", "Ünïcode ✓", "2026-12-08T09:00:00Z", True))
    j.add_comment(
        Comment("cm-3", flow_target("cart", "pay"), "Ana", "Slow", "2026-12-08T09:01:00Z")
    )
    j.add_comment(Comment("cm-4", "gone", "Ana", "Orphaned", "2026-12-08T09:02:00Z"))
    return j


def test_round_trip_keeps_every_comment_in_order(tmp_path: Path) -> None:
    j = commented()
    path = tmp_path / "m.cjo.json"
    save_map(j, path)
    back = load_map(path)
    assert back == j
    assert back.comments() == j.comments()
    assert [dataclasses.asdict(c) for c in back.comments()] == [
        dataclasses.asdict(c) for c in j.comments()
    ]
    assert back.target_kind("gone") is None  # orphaned, and kept


def test_a_map_without_comments_writes_no_comments_key_and_old_files_load() -> None:
    example = load_map(example_path())
    assert example.comments() == []
    assert "comments" not in json.loads(dumps_map(example))


def test_the_schema_describes_comments() -> None:
    described = schema.json_schema()
    assert "comments" in described["properties"]
    fields = described["$defs"]["CommentModel"]["properties"]
    assert set(fields) == {f.name for f in dataclasses.fields(Comment)}
    assert all(f.get("description") for f in fields.values())


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"created": "7 Dec 2026"}, "comments[0].created"),
        ({"text": ""}, "comments[0].text"),
        ({"target": "a>b>c"}, "comments[0].target"),
        ({"resolved": "yes"}, "comments[0].resolved"),
        ({"id": "cart"}, "comments[0]"),
    ],
)
def test_bad_comments_name_their_place(change: dict[str, object], where: str) -> None:
    data = json.loads(dumps_map(commented()))
    data["comments"][0].update(change)
    with pytest.raises(MapFileError) as error:
        loads_map(json.dumps(data), "bad.cjo.json")
    message = str(error.value)
    assert "bad.cjo.json" in message and where in message
    assert "\n" not in message
