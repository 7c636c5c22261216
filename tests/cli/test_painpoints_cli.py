"""``cjo painpoints``: the default rules over a map's data, ranked, one explained row each."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from cjo_command import run_cjo
from survey_scales import FLAGS

from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
KEYS = ["touchpoint_id", "touchpoint", "source", "severity", "impact", "explanation"]


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("painpoints")
    path = folder / "shop.cjo.json"
    shutil.copy(example_path(), path)
    for data, label in (("survey-2025-q1.csv", "Q1"), ("funnel-2025-03.csv", "March")):
        flags = FLAGS if data.startswith("survey") else ()
        result = run_cjo("import-metrics", path, DATA / data, "--snapshot", label, *flags)
        assert result.returncode == 0, result.stderr
    return path


def test_json_is_ranked_by_impact_with_an_explanation_each(measured: Path) -> None:
    result = run_cjo("painpoints", measured, "--value-per-customer", "90", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(list(r) == KEYS for r in rows)
    impacts = [r["impact"] for r in rows if "at risk" in r["explanation"]]
    assert impacts == sorted(impacts, reverse=True)
    payment = [r for r in rows if r["touchpoint"] == "Checkout: payment"]
    assert {r["source"] for r in payment} >= {"nps_negative", "csat_low"}
    assert all(r["explanation"].count(".") >= 1 and "\n" not in r["explanation"] for r in rows)


def test_a_map_without_data_ranks_feelings_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "m.cjo.json"
    shutil.copy(example_path(), path)
    rows = json.loads(run_cjo("painpoints", path, "--format", "json").stdout)
    assert {r["source"] for r in rows} == {"valence_negative", "emotion_dip", "manual"}
    manual = [r for r in rows if r["source"] == "manual"]
    assert [r["touchpoint"] for r in manual] == ["Checkout: shipping", "Delivery tracking"]
    # flow counts give the people, a drop-off flow the share: priced at the map's EUR 85
    assert all("at risk at €85 per customer" in r["explanation"] for r in rows[:3])


def test_the_command_line_value_overrides_the_maps(measured: Path) -> None:
    rows = json.loads(
        run_cjo("painpoints", measured, "--value-per-customer", "10", "--format", "json").stdout
    )
    assert "at risk at €10 per customer x 16% who would have bought" in rows[0]["explanation"]


def test_csv_is_safe_in_a_spreadsheet(measured: Path) -> None:
    result = run_cjo("painpoints", measured, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["rank", *KEYS]
    assert not any(cell.startswith(("=", "+", "@")) for row in table[1:] for cell in row)


def test_an_unknown_snapshot_is_an_error_listing_the_labels(measured: Path) -> None:
    result = run_cjo("painpoints", measured, "--snapshot", "Q9")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "'Q1'" in result.stderr
