"""Limits: a hostile or broken file is refused quickly with a clear message, never a hang.

Deep nesting, a file over ``MAX_FILE_BYTES`` (a sparse file: nothing big is written), a map with
more than ``MAX_ITEMS`` items, huge lists where the loader once built a path string per value,
and keys or values long enough to turn an error message into a wall of text.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from survey_scales import STATED

from cjo_desktop.commands import FragmentError, from_json
from cjo_desktop.io import FILE_SUFFIX, MapFileError, dumps_map, files, load_map, loads_map
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.templates import example_path


def refused(load: Callable[[], object]) -> str:
    """The one-line message a load ends with. How long it takes is for benchmarks, not for
    assertions on a shared machine; a refusal that hung would stop the run at its timeout."""
    with pytest.raises(MapFileError) as info:
        load()
    message = str(info.value)
    assert len(message.splitlines()) == 1 and message.isprintable()
    return message


def minimal_map(**sections: object) -> dict[str, object]:
    return {"schema_version": 2, "title": "Limits", **sections}


# --------------------------------------------------------------------------- nesting

DEPTH = 100_000


@pytest.mark.parametrize(
    "text",
    [
        "[" * DEPTH,
        "[" * DEPTH + "]" * DEPTH,
        '{"a":' * DEPTH + "1" + "}" * DEPTH,
        '{"schema_version": 2, "title": "t", "description": ' + "[" * DEPTH + "]" * DEPTH + "}",
        '{"schema_version": 2, "title": "t", "x": ' + '{"a":' * DEPTH + "1" + "}" * DEPTH + "}",
    ],
    ids=["open-arrays", "closed-arrays", "objects", "in-a-field", "objects-in-a-field"],
)
def test_deep_nesting_is_refused_fast(tmp_path: Path, text: str) -> None:
    assert "nested too deeply" in refused(lambda: loads_map(text, "<deep>"))
    path = tmp_path / f"deep{FILE_SUFFIX}"
    path.write_text(text, encoding="utf-8")
    assert refused(lambda: load_map(path)).startswith(str(path))


def test_nesting_just_below_the_parser_limit_is_refused_by_validation() -> None:
    text = json.dumps(minimal_map(description=0)).replace("0", "[" * 500 + "]" * 500)
    assert "description" in refused(lambda: loads_map(text))


def test_deep_clipboard_text_is_refused() -> None:
    with pytest.raises(FragmentError, match="nested too deeply"):
        from_json("[" * DEPTH)


# ------------------------------------------------------------------------- file size


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    assert path.stat().st_size == size
    return path


def test_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sparse(tmp_path / f"huge{FILE_SUFFIX}", files.MAX_FILE_BYTES + 1)
    assert path.stat().st_blocks * 512 < 1 << 20, "the test file should be sparse"

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    message = refused(lambda: load_map(path))
    assert message.startswith(str(path)) and "too large" in message
    assert f"at most {files.MAX_FILE_BYTES // 2**20} MiB" in message


def test_file_at_the_size_limit_is_read_and_refused_clearly(tmp_path: Path) -> None:
    path = _sparse(tmp_path / f"zeros{FILE_SUFFIX}", files.MAX_FILE_BYTES)
    message = refused(lambda: load_map(path))
    assert "invalid JSON" in message and "line 1, column 1" in message


# ----------------------------------------------------------------------- item count


def _emotions_map(count: int) -> str:
    records = ",".join(f'{{"id":"e{i}","touchpoint":"t","valence":0}}' for i in range(count))
    head = json.dumps(
        minimal_map(
            stages=[{"id": "s", "name": "S"}], touchpoints=[{"id": "t", "name": "T", "stage": "s"}]
        )
    )
    return head[:-1] + f',"emotions":[{records}]}}'


@pytest.mark.slow
def test_a_map_with_too_many_items_is_refused_before_validation() -> None:
    count = files.MAX_ITEMS + 50_000
    text = _emotions_map(count)
    message = refused(lambda: loads_map(text, "<many>"))
    items = count + 2  # the emotions, one stage and one touchpoint
    assert message == f"<many>: the map has {items:,} items; the limit is {files.MAX_ITEMS:,}"


def test_the_item_limit_counts_every_list_of_the_map(monkeypatch: pytest.MonkeyPatch) -> None:
    journey = load_map(example_path())
    survey = example_path().parent / "outdoor-gear-shop-data" / "survey-2025-q1.csv"
    apply_import(
        journey, run_import(journey, survey, ImportSpec(ResponsesOptions(**STATED), snapshot="Q1"))
    )
    data = json.loads(dumps_map(journey))
    assert data["snapshots"][0]["values"] and data["snapshots"][0]["summary"]
    sections = ("personas", "stages", "touchpoints", "emotions", "flows", "snapshots")
    records = sum(len(data.get(s, [])) for s in sections)
    records += sum(len(s.get("values", [])) + len(s.get("summary", [])) for s in data["snapshots"])
    items = _every_item(data)  # tags, pain points, detail entries... too
    assert items > records
    assert files.count_items(data) == items
    text = dumps_map(journey)
    monkeypatch.setattr(files, "MAX_ITEMS", items)
    assert loads_map(text) == journey
    monkeypatch.setattr(files, "MAX_ITEMS", items - 1)
    assert refused(lambda: loads_map(text)).endswith(
        f"the map has {items:,} items; the limit is {items - 1:,}"
    )


def _every_item(node: object, key: object = None) -> int:
    """The elements of every list and the entries of every ``detail``, recursively."""
    if isinstance(node, list):
        return len(node) + sum(_every_item(x) for x in node)
    if isinstance(node, dict):
        own = len(node) if key == "detail" else 0
        return own + sum(_every_item(v, k) for k, v in node.items())
    return 0


def test_malformed_sections_count_nothing_and_fail_validation() -> None:
    assert files.count_items({"stages": "many", "snapshots": [3, {"values": {}}]}) == 2
    text = json.dumps(minimal_map(stages="many"))
    assert "stages" in refused(lambda: loads_map(text))


@pytest.mark.slow
def test_huge_lists_are_checked_for_repeated_keys_in_little_memory() -> None:
    """Looking for a repeated key once kept a path string per value: a 60 MB file of tags took
    7 GB. Now the search runs only when a key is repeated and keeps one step per level."""
    count = 1_000_000
    text = json.dumps(minimal_map(x=[0] * count))
    tracemalloc.start()
    try:
        refused(lambda: loads_map(text))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * count, f"peak {peak / 2**20:.0f} MiB"  # the list itself takes 8 bytes each
    # A repeated key at the end of a long list is still found, and named by its place.
    text = json.dumps(minimal_map(stages=[[]] * count))[:-2] + ',{"id":"a","id":"b"}]}'
    assert refused(lambda: loads_map(text)).endswith(f"stages[{count}]: duplicate key 'id'")


# ---------------------------------------------------------------------- long messages

LONG = 100_000


@pytest.mark.parametrize(
    "text",
    [
        '{"' + "k" * LONG + '": 1, "' + "k" * LONG + '": 2}',
        json.dumps(minimal_map(**{"k" * LONG: 1})),
        json.dumps(minimal_map(stages=[{"id": "s", "name": "S", "k" * LONG: 1}])),
        json.dumps(minimal_map(stages=[{"id": "s" * LONG, "name": "S"}])),
        json.dumps(minimal_map(title="t" * LONG)),
        json.dumps(minimal_map(stages={"k" * LONG: {"k" * LONG: 1, "x": 2}})),
    ],
    ids=[
        "repeated-key",
        "unknown-key",
        "nested-unknown-key",
        "long-id",
        "long-title",
        "long-keys-in-path",
    ],
)
def test_long_keys_and_values_keep_the_message_short(text: str) -> None:
    assert len(refused(lambda: loads_map(text, "<long>"))) < 300


@pytest.mark.parametrize("value", ["x" * LONG, list(range(LONG)), {"k" * LONG: 1}])
def test_a_long_schema_version_keeps_the_message_short(value: object) -> None:
    text = json.dumps({"schema_version": value, "title": "t"})
    assert len(refused(lambda: loads_map(text, "<long>"))) < 300
