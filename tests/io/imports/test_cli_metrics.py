"""``cjo import-metrics`` and ``cjo metrics`` as a user runs them, and the metric exports: CSV with
safe cells, GraphML with ``metric:<name>`` attributes, and a saved map that stays valid."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from jsonschema import Draft202012Validator
from survey_scales import FLAGS, STATED

from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.exports.metrics_table import RECORD_KEYS
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec

HYPERLINK = '=HYPERLINK("http://evil.example","click")'

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def ok(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return str(result.stdout)


@pytest.fixture
def imported(example_map: Path, example_data: Path, run_cli: RunCli) -> Path:
    """The example map with two snapshots: survey answers 'Q1', then the KPI workbook 'KPIs'."""
    survey = example_data / "survey-2025-q1.csv"
    ok(
        run_cli(
            "import-metrics", example_map.name, survey, "--snapshot", "Q1", "--date", "date", *FLAGS
        )
    )
    kpis = example_data / "kpis-2025-q1.xlsx"
    ok(
        run_cli(
            "import-metrics", example_map.name, kpis, "--sheet", "Q1 2025", "--snapshot", "KPIs"
        )
    )
    return example_map


def test_import_saves_in_place_and_prints_the_report(
    tmp_path: Path, example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    survey = example_data / "survey-2025-q1.csv"
    out = ok(
        run_cli(
            "import-metrics", example_map.name, survey, "--snapshot", "Q1", "--date", "date", *FLAGS
        )
    )
    lines = out.splitlines()
    assert lines[0] == f"import of {survey} (responses) into snapshot 'Q1'"
    assert lines[1] == "rows read: 3200, used: 3200, skipped: 0"
    assert lines[-1] == f"saved {example_map.name}"
    bak = f"{example_map.name}.bak"  # the version the import replaced, and no temporary files
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([example_map.name, bak])
    snap = load_map(example_map).metric_snapshot("Q1")
    assert snap.provenance.source == "survey-2025-q1.csv"
    assert snap.provenance.period == "2025-01-01..2025-03-28"
    same = run_import(load_map(example_map), survey, ImportSpec(snapshot="again", date="date"))
    assert snap.values == same.snapshot.values  # the CLI computes what the API computes


def test_output_option_leaves_the_map_untouched(
    tmp_path: Path, example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    before = example_map.read_bytes()
    survey = example_data / "survey-2025-q2.csv"
    out = ok(run_cli("import-metrics", example_map.name, survey, "-o", "after.cjo.json", *FLAGS))
    assert out.splitlines()[-1] == "saved after.cjo.json"
    assert example_map.read_bytes() == before
    (snap,) = load_map(tmp_path / "after.cjo.json").metric_snapshots()
    assert snap.label.startswith("survey-2025-q2.csv ")
    assert load_map(example_map).metric_snapshots() == []


@pytest.mark.slow
def test_csat_best_low_through_the_cli(
    example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    survey = example_data / "survey-2025-q1.csv"
    ok(run_cli("import-metrics", example_map.name, survey, "--snapshot", "high", *FLAGS))
    ok(
        run_cli(
            "import-metrics", example_map.name, survey, "--snapshot", "low", "--csat-best", "low"
        )
    )
    journey = load_map(example_map)
    high, low = (journey.metric_snapshot(s).value("tp-cart", "csat_top2") for s in ("high", "low"))
    assert high is not None and low is not None and high.n == low.n
    assert high.value != low.value
    mean_high, mean_low = (
        journey.metric_snapshot(s).value("tp-cart", "csat_mean") for s in ("high", "low")
    )
    assert mean_high is not None and mean_low is not None
    assert (mean_high.value, mean_high.n) == (mean_low.value, mean_low.n)  # the mean is the mean
    assert "(1-5, low is best)" in journey.metric_snapshot("low").provenance.method


def metrics_json(run_cli: RunCli, map_path: Path, *args: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return json.loads(ok(run_cli("metrics", map_path.name, "--format", "json", *args)))


def test_metrics_json_has_exactly_the_record_keys(imported: Path, run_cli: RunCli) -> None:
    latest = metrics_json(run_cli, imported)
    assert latest and all(list(r) == list(RECORD_KEYS) for r in latest)
    assert {r["snapshot"] for r in latest} == {"KPIs"}  # the latest by default
    cart = {r["metric"]: r for r in latest if r["touchpoint_id"] == "tp-cart"}
    assert cart["Avg order value (EUR)"]["value"] == 81.88
    assert cart["Avg order value (EUR)"]["n"] is None  # not defined for typed-in numbers
    assert cart["Avg order value (EUR)"]["ci_low"] is None
    journey = load_map(imported)
    order = [t.id for t in journey.touchpoints()]
    seen = list(dict.fromkeys(r["touchpoint_id"] for r in latest))
    assert seen == [t for t in order if t in seen]  # journey order


def test_metrics_snapshot_picks_one(imported: Path, run_cli: RunCli) -> None:
    records = metrics_json(run_cli, imported, "--snapshot", "Q1")
    assert {r["snapshot"] for r in records} == {"Q1"}
    snap = load_map(imported).metric_snapshot("Q1")
    expected = sum(len(per) for per in snap.values.values())
    assert len(records) == expected
    for r in records:
        value = snap.value(str(r["touchpoint_id"]), str(r["metric"]))
        assert value is not None
        assert (r["value"], r["n"], r["ci_low"], r["ci_high"]) == (
            value.value,
            value.n,
            value.ci_low,
            value.ci_high,
        )
    nps = next(r for r in records if r["metric"] == "nps")
    assert isinstance(nps["n"], int) and isinstance(nps["ci_low"], float)


def test_metrics_csv_parses_with_the_csv_module(imported: Path, run_cli: RunCli) -> None:
    text = ok(run_cli("metrics", imported.name, "--format", "csv", "--snapshot", "Q1"))
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == RECORD_KEYS
    records = metrics_json(run_cli, imported, "--snapshot", "Q1")
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["touchpoint"] == record["touchpoint"]
        assert float(row["value"]) == record["value"]
        assert row["ci_high"] == ("" if record["ci_high"] is None else str(record["ci_high"]))


def test_an_unknown_snapshot_lists_the_labels(imported: Path, run_cli: RunCli) -> None:
    result = run_cli("metrics", imported.name, "--snapshot", "Q3")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {imported.name}: ")
    assert "'Q3'" in line and "'Q1', 'KPIs'" in line


def test_metrics_without_snapshots(example_map: Path, run_cli: RunCli) -> None:
    assert "no metrics" in ok(run_cli("metrics", example_map.name))
    assert metrics_json(run_cli, example_map) == []


def test_export_csv_has_one_row_per_touchpoint(
    imported: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    ok(run_cli("export", imported.name, "-o", "out.csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    journey = load_map(imported)
    assert [r["touchpoint_id"] for r in rows] == [t.id for t in journey.touchpoints()]
    snap = journey.metric_snapshot("KPIs")
    for metric in snap.metric_names():
        assert metric in rows[0] and f"{metric} n" in rows[0]
    cart = next(r for r in rows if r["touchpoint_id"] == "tp-cart")
    assert cart["stage"] == "Decision" and cart["snapshot"] == "KPIs"
    assert float(cart["Support tickets"]) == 23.0 and cart["Support tickets n"] == ""
    ad = next(r for r in rows if r["touchpoint_id"] == "tp-instagram-ad")
    assert ad["Avg order value (EUR)"] == ""  # no value: an empty cell


@pytest.fixture
def dangerous(journey: Journey, tmp_path: Path) -> Path:
    """A map whose touchpoint names look like formulas; its NPS is negative."""
    journey.rename("tp-cart", HYPERLINK)
    journey.rename("tp-pay", "@SUM(A1)")
    path = tmp_path / "d.cjo.json"
    save_map(journey, path)
    rows = "".join(f"tp-cart,{x}\ntp-pay,{x}\n" for x in (0, 3, 6, 10, 8))
    (tmp_path / "s.csv").write_text("touchpoint,nps\n" + rows)
    return path


@pytest.mark.slow
def test_formula_cells_are_neutralized_and_negative_numbers_stay_numbers(
    dangerous: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    ok(run_cli("import-metrics", dangerous.name, "s.csv", "--snapshot=-risky"))
    text = ok(run_cli("metrics", dangerous.name, "--format", "csv"))
    ok(run_cli("export", dangerous.name, "-o", "m.csv"))
    exported = (tmp_path / "m.csv").read_text("utf-8")
    for table in (text, exported):
        rows = list(csv.DictReader(io.StringIO(table)))
        names = {r["touchpoint"] for r in rows}
        assert "'" + HYPERLINK in names and "'@SUM(A1)" in names
        assert HYPERLINK not in names
        assert {r["snapshot"] for r in rows} == {"'-risky"}
    records = list(csv.DictReader(io.StringIO(text)))
    nps = next(r for r in records if r["touchpoint_id"] == "tp-cart")
    assert nps["value"] == "-40.0" and float(nps["ci_low"]) < -40  # numbers, no apostrophe
    exported_rows = list(csv.DictReader(io.StringIO(exported)))
    cart = next(r for r in exported_rows if r["touchpoint_id"] == "tp-cart")
    assert cart["nps"] == "-40.0" and cart["nps n"] == "5"


def test_metric_names_from_a_header_are_neutralized_too(
    example_map: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "k.csv").write_text('touchpoint,"' + HYPERLINK.replace('"', '""') + '"\nCart,-7\n')
    ok(run_cli("import-metrics", example_map.name, "k.csv", "--kind", "aggregated"))
    ok(run_cli("export", example_map.name, "-o", "m.csv"))
    header = next(csv.reader(io.StringIO((tmp_path / "m.csv").read_text("utf-8"))))
    assert header[-2:] == ["'" + HYPERLINK, "'" + HYPERLINK + " n"]
    records = list(
        csv.DictReader(io.StringIO(ok(run_cli("metrics", example_map.name, "--format", "csv"))))
    )
    assert [(r["metric"], r["value"]) for r in records] == [("'" + HYPERLINK, "-7.0")]


@pytest.mark.slow
def test_graphml_export_carries_the_metrics(
    example_map: Path, example_data: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    survey = example_data / "survey-2025-q1.csv"
    ok(run_cli("import-metrics", example_map.name, survey, "--snapshot", "Q1", *FLAGS))
    ok(run_cli("export", example_map.name, "-o", "m.graphml"))
    graph = nx.read_graphml(tmp_path / "m.graphml")
    snap = load_map(example_map).metric_snapshot("Q1")
    assert snap.values
    for tp, metrics in snap.values.items():
        node = graph.nodes[tp]
        assert node["kind"] == "touchpoint"
        for name in ("nps", "csat_top2", "csat_mean", "ces_mean"):
            if name in metrics:
                assert node[f"metric:{name}"] == pytest.approx(metrics[name].value)
    assert graph.nodes["tp-cart"]["metric:nps"] == pytest.approx(
        snap.values["tp-cart"]["nps"].value
    )
    stage = graph.nodes["st-decision"]
    assert stage["kind"] == "stage" and not any(k.startswith("metric:") for k in stage)


def test_a_map_saved_after_import_is_valid_and_reloads_equal(
    imported: Path, example_map: Path, example_data: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    schema = json.loads(ok(run_cli("schema")))
    document = json.loads(imported.read_text("utf-8"))
    errors = list(Draft202012Validator(schema).iter_errors(document))
    assert errors == [], errors[0].message if errors else ""
    loaded = load_map(imported)
    save_map(loaded, tmp_path / "again.cjo.json")
    assert (tmp_path / "again.cjo.json").read_bytes() == imported.read_bytes()
    assert load_map(tmp_path / "again.cjo.json") == loaded
    # the same imports in this process give the same map, but for the time of import
    journey = load_map(example_data.parent / "outdoor-gear-shop.cjo.json")
    for label, name, extra in (
        ("Q1", "survey-2025-q1.csv", {"date": "date", **STATED}),
        ("KPIs", "kpis-2025-q1.xlsx", {"kind": "aggregated", "sheet": "Q1 2025"}),
    ):
        result = run_import(journey, example_data / name, spec_of(snapshot=label, **extra))
        stamp = loaded.metric_snapshot(label).provenance.imported_at
        provenance = dataclasses.replace(result.snapshot.provenance, imported_at=stamp)
        result.snapshot = dataclasses.replace(result.snapshot, provenance=provenance)
        apply_import(journey, result)
    assert journey == loaded
