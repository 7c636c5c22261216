"""Every number in a map file and in an import has a documented, finite range, checked at load
with the place named; at the edges of those ranges every command still works.

Once a card at x = 1e308 passed ``cjo validate`` and then segfaulted the editor, a flow count of
10**400 broke ``cjo painpoints`` and every export, 3e9 positions overflowed the picture exports,
a funnel of 1e308 visitors broke the import and a value of 1.7e308 the report.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cjo_desktop.commands import FragmentError, from_json
from cjo_desktop.domain import (
    DEFAULT_RULES,
    Journey,
    JourneyError,
    MetricValue,
    Position,
    Provenance,
    Snapshot,
)
from cjo_desktop.domain.limits import MAX_COORDINATE, MAX_COUNT, MAX_MONEY, MAX_VALUE
from cjo_desktop.io import MapFileError, dumps_map, load_map, loads_map, save_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.tables import TableError
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

EXAMPLE = json.loads(example_path().read_text(encoding="utf-8"))
SNAPSHOT = {
    "label": "Q1",
    "provenance": {"source": "survey.csv"},
    "values": [{"touchpoint": "tp-cart", "metric": "nps", "value": 12.5, "n": 40}],
    "summary": [{"metric": "csat_mean_weighted", "value": 3.5, "n": 40}],
}
Edit = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Edit:
    """An edit of the example at a dotted path (``flows.0.count``)."""

    def edit(data: dict[str, Any]) -> None:
        data.setdefault("snapshots", []).append(copy.deepcopy(SNAPSHOT))
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return edit


def _text(edit: Edit) -> str:
    data = copy.deepcopy(EXAMPLE)
    edit(data)
    return json.dumps(data, allow_nan=True)


#: (where, too far, at the edge)
FIELDS = [
    ("touchpoints.0.position", {"x": 1e308, "y": 0}, {"x": MAX_COORDINATE, "y": 0}),
    ("touchpoints.1.position", {"x": 0, "y": -3e9}, {"x": 0, "y": -MAX_COORDINATE}),
    ("flows.0.count", 10**400, MAX_COUNT),
    ("flows.1.count", MAX_COUNT + 1, 0),
    ("snapshots.0.values.0.value", 1.7e308, MAX_VALUE),
    ("snapshots.0.values.0.value", -1e16, -MAX_VALUE),
    ("snapshots.0.values.0.n", 10**13, MAX_COUNT),
    ("snapshots.0.values.0.ci_low", -1e300, -MAX_VALUE),
    ("snapshots.0.values.0.ci_high", 1e300, MAX_VALUE),
    ("snapshots.0.values.0.detail", {"promoters": 1e200}, {"promoters": MAX_VALUE}),
    ("snapshots.0.summary.0.value", 1e17, MAX_VALUE),
    ("snapshots.0.summary.0.n", 2**64, MAX_COUNT),
    ("painpoint_settings.value_per_customer", 1e10, MAX_MONEY),
]


@pytest.mark.parametrize(("where", "bad", "edge"), FIELDS, ids=[f[0] for f in FIELDS])
def test_a_number_out_of_range_is_refused_with_its_place(
    where: str, bad: object, edge: object
) -> None:
    with pytest.raises(MapFileError) as info:
        loads_map(_text(_set(where, bad)), "m.cjo.json")
    message = str(info.value)
    shown = where.replace(".0", "[0]").replace(".1", "[1]")
    assert message.startswith(f"m.cjo.json: {shown}"), message
    assert "must be at" in message and len(message) < 200 and message.isprintable()
    journey = loads_map(_text(_set(where, edge)))  # the edge itself is fine, and saves
    assert loads_map(dumps_map(journey)) == journey


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
@pytest.mark.parametrize("where", ["touchpoints.0.position", "snapshots.0.values.0.value"])
def test_non_finite_numbers_are_refused(where: str, literal: str) -> None:
    value = {"x": "@@", "y": 0} if where.endswith("position") else "@@"
    text = _text(_set(where, value)).replace('"@@"', literal)
    with pytest.raises(MapFileError, match=r"finite|must be at"):
        loads_map(text, "m.cjo.json")


def test_rules_thresholds_and_the_goal_are_checked() -> None:
    rule = {"name": "x", "metric": "nps", "op": "<", "threshold": -1e20, "severity": "high"}
    with pytest.raises(MapFileError, match=r"painpoint_settings\.rules\[0\]\.threshold"):
        loads_map(_text(_set("painpoint_settings.rules", [rule])))
    with pytest.raises(MapFileError, match=r"painpoint_settings\.goal: unknown touchpoint"):
        loads_map(_text(_set("painpoint_settings.goal", "tp-nowhere")))


# ----------------------------------------------------------------------- the domain


def test_the_domain_refuses_what_the_file_could_not_hold() -> None:
    journey = load_map(example_path())
    with pytest.raises(JourneyError, match="1,000,000,000,000"):
        journey.update_flow("tp-cart", "tp-checkout-shipping", count=MAX_COUNT + 1)
    with pytest.raises(JourneyError, match="position's x"):
        journey.update("tp-cart", position=Position(math.inf, 0))
    with pytest.raises(JourneyError, match="position's y"):
        journey.update("tp-cart", position=Position(0, -1e308))
    huge = Snapshot("x", Provenance("f.csv"), {"tp-cart": {"nps": MetricValue(1.7e308)}})
    with pytest.raises(JourneyError, match="'nps' at 'tp-cart': the value"):
        journey.add_metric_snapshot(huge)
    settings = journey.painpoint_settings()
    with pytest.raises(JourneyError, match="value per customer"):
        journey.set_painpoint_settings(dataclasses.replace(settings, value_per_customer=1e12))
    with pytest.raises(JourneyError, match="goal 'tp-gone'"):
        journey.set_painpoint_settings(dataclasses.replace(settings, goal="tp-gone"))
    assert journey == load_map(example_path())  # nothing refused changed anything


def test_removing_the_goal_card_clears_the_goal_in_the_same_undo_step() -> None:
    from PySide6.QtGui import QUndoStack

    from cjo_desktop.commands import RemoveTouchpoint

    journey = load_map(example_path())
    goal = journey.painpoint_settings().goal
    assert goal is not None
    stack = QUndoStack()
    stack.push(RemoveTouchpoint(journey, goal))
    assert journey.painpoint_settings().goal is None
    assert loads_map(dumps_map(journey)) == journey  # what is saved loads again
    stack.undo()
    assert journey.painpoint_settings().goal == goal
    assert journey == load_map(example_path())


@pytest.mark.parametrize(
    "position", ['{"x": 1e308, "y": 0}', '{"x": 0, "y": 2e7}', '{"x": NaN, "y": 0}']
)
def test_pasted_positions_are_checked_too(position: str) -> None:
    text = (
        '{"format": "cjo-desktop/fragment", "version": 1, "touchpoints": [{"id": "tp-a", '
        f'"name": "A", "stage_id": "st-a", "position": {position}}}]}}'
    )
    with pytest.raises(FragmentError):
        from_json(text)


# ----------------------------------------------------------------------- imports


@pytest.mark.parametrize(
    ("kind", "rows", "message"),
    [
        ("funnel", "touchpoint,visitors\nCart,1e308\n", "is not a count"),
        ("funnel", "touchpoint,visitors\nCart,-1\n", "is not a count"),
        ("funnel", "touchpoint,visitors\nCart,900000000000\nCart,900000000000\n", "add up"),
        ("funnel", "from,to,count\nCart,Checkout: shipping,1e13\n", "is not a count"),
        ("funnel", "from,to,count\nCart,,6e11\nCart,Checkout: shipping,6e11\n", "add up"),
        ("aggregated", "touchpoint,revenue\nCart,1.7e308\n", "out of range"),
        ("aggregated", "touchpoint,revenue\nCart,-2e15\n", "out of range"),
    ],
)
def test_imports_refuse_numbers_out_of_range(
    tmp_path: Path, kind: str, rows: str, message: str
) -> None:
    data = tmp_path / "data.csv"
    data.write_text(rows, encoding="utf-8")
    journey = load_map(example_path())
    with pytest.raises(TableError, match=message) as info:
        run_import(journey, data, spec_of(kind=kind))
    assert str(info.value).startswith(str(data)) and "line " in str(info.value)
    assert journey == load_map(example_path())


def test_skip_invalid_skips_out_of_range_rows_and_counts_them(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("touchpoint,visitors\nCart,1e308\nCheckout: shipping,120\n", encoding="utf-8")
    journey = load_map(example_path())
    result = run_import(journey, data, spec_of(kind="funnel", skip_invalid=True))
    assert result.report is not None and result.report.rows_used == 1
    apply_import(journey, result)
    assert loads_map(dumps_map(journey)) == journey


# ------------------------------------------------------------- at the edges, every command


@pytest.fixture(scope="module")
def edge_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with every number at the edge of its range (both signs where allowed)."""
    journey = load_map(example_path())
    for i, tp in enumerate(journey.touchpoints()):
        sign = -1 if i % 3 else 1
        journey.update(tp.id, position=Position(sign * MAX_COORDINATE * (i % 2), MAX_COORDINATE))
    for flow in journey.flows():
        journey.update_flow(flow.source, flow.target, count=MAX_COUNT)
    settings = journey.painpoint_settings()
    journey.set_painpoint_settings(dataclasses.replace(settings, value_per_customer=MAX_MONEY))
    metrics = ("nps", "csat_top2", "ces_mean", "dropoff", "visitors", "Revenue $")
    values = {
        tp.id: {
            m: MetricValue(
                MAX_VALUE * (-1) ** i, MAX_COUNT, -MAX_VALUE, MAX_VALUE, {"promoters": MAX_VALUE}
            )
            for m in metrics
        }
        for i, tp in enumerate(journey.touchpoints())
    }
    for label in ("baseline", "latest"):
        journey.add_metric_snapshot(Snapshot(label, Provenance("edge.csv"), values))
    path = tmp_path_factory.mktemp("edge") / "edge.cjo.json"
    save_map(journey, path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "{map}"),
        ("info", "{map}", "--json"),
        ("metrics", "{map}", "--format", "json"),
        ("metrics", "{map}", "--compare", "baseline", "--format", "json"),
        ("painpoints", "{map}", "--format", "json"),
        ("export", "{map}", "-o", "{out}.json"),
        ("export", "{map}", "-o", "{out}.graphml"),
        ("export", "{map}", "-o", "{out}.svg"),
        ("export", "{map}", "-o", "{out}.pdf"),
        ("export", "{map}", "-o", "{out}.csv"),
        ("export", "{map}", "-o", "{out}.png"),
    ],
    ids=lambda a: "-".join(a[i] for i in (0, -1) if not a[i].startswith("{map")),
)
def test_every_command_works_at_the_edges(
    edge_map: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    before = edge_map.read_bytes()
    result = run_cjo(*(a.format(map=edge_map, out=tmp_path / "out") for a in args))
    assert "Traceback" not in result.stderr
    if args[-1].endswith(".png"):  # 20 million scene units do not fit a PNG: a clean refusal
        assert result.returncode == 1 and "larger than a PNG" in result.stderr
    elif args[-1].endswith(".pdf"):  # nor 120 pages with names at 6 pt: refused, SVG offered
        assert result.returncode == 1 and "export SVG instead" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    else:
        assert result.returncode == 0, result.stderr
    if "--format" in args or "--json" in args:
        json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert edge_map.read_bytes() == before


@pytest.mark.slow
def test_the_report_is_written_at_the_edges(edge_map: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run_cjo("report", edge_map, "-o", out, timeout=600)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_validate_refuses_what_used_to_crash_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "far.cjo.json"
    path.write_text(_text(_set("touchpoints.0.position", {"x": 1e308, "y": 1e308})))
    result = run_cjo("validate", path)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {path}: touchpoints[0].position.x: must be at most 10,000,000 (found 1e+308); "
        "and 1 more problem\n"
    )


def test_a_journey_built_in_python_is_held_to_the_same_ranges() -> None:
    journey = Journey("t")
    journey.add_stage("s", id="st")
    journey.add_touchpoint("st", "a", id="tp-a", position=Position(MAX_COORDINATE, -MAX_COORDINATE))
    with pytest.raises(JourneyError):
        journey.add_touchpoint("st", "b", position=Position(MAX_COORDINATE * 2, 0))
    with pytest.raises(JourneyError):
        journey.add_flow("tp-a", None, count=-1)
    assert [t.id for t in journey.touchpoints()] == ["tp-a"]


def test_a_map_grown_past_what_a_file_holds_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits add items one at a time: a save that the loader would refuse is refused itself,
    before anything is written, so no file is left that cannot be opened again."""
    from cjo_desktop.io import files

    journey = load_map(example_path())
    path = tmp_path / "m.cjo.json"
    save_map(journey, path)
    before = path.read_bytes()
    monkeypatch.setattr(files, "MAX_ITEMS", len(journey.flows()))
    with pytest.raises(JourneyError, match=r"cannot save: the map has [\d,]+ items"):
        save_map(journey, path)
    assert path.read_bytes() == before
    monkeypatch.undo()
    many = tuple(
        dataclasses.replace(r, name=f"{r.name}-{i}") for i in range(150) for r in DEFAULT_RULES
    )
    journey.set_painpoint_settings(dataclasses.replace(journey.painpoint_settings(), rules=many))
    for i in range(2_000_000 // len(many) + 1 - len(journey.touchpoints())):
        journey.add_touchpoint(journey.stages()[0].id, f"More {i}")
    with pytest.raises(JourneyError, match="cannot save: 900 rules checked"):
        save_map(journey, path)
    assert path.read_bytes() == before
