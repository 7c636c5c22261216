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
KEYS = [
    "touchpoint_id",
    "touchpoint",
    "source",
    "severity",
    "impact",
    "touchpoint_rank",
    "touchpoint_impact",
    "explanation",
]


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
    assert "at risk at €10 per customer x 100% who would have bought" in rows[0]["explanation"]


def test_json_keeps_a_row_per_pain_point_with_its_touchpoint_counted_once(
    measured: Path,
) -> None:
    """Checkout: payment has three pain points (CSAT, NPS, a feeling): three rows, each with
    the touchpoint's rank 1 and its combined impact, the largest (CSAT's 2,663 unsatisfied x
    EUR 85), not the sum. The ranks of touchpoints run 1, 2, 3... in the rows' order."""
    rows = json.loads(run_cjo("painpoints", measured, "--format", "json").stdout)
    payment = [r for r in rows if r["touchpoint"] == "Checkout: payment"]
    assert [r["source"] for r in payment] == ["csat_low", "nps_negative", "valence_negative"]
    assert {r["touchpoint_rank"] for r in payment} == {1}
    assert {r["touchpoint_impact"] for r in payment} == {payment[0]["impact"]}
    assert round(payment[0]["impact"]) == 226_378
    assert sum(r["impact"] for r in payment) > 1.5 * payment[0]["impact"]
    ranks = [r["touchpoint_rank"] for r in rows]
    assert sorted(set(ranks)) == list(range(1, max(ranks) + 1))
    first = {}
    for r in rows:
        first.setdefault(r["touchpoint_rank"], r)
        assert r["touchpoint_impact"] == first[r["touchpoint_rank"]]["impact"]
    assert [first[k]["touchpoint"] for k in (1, 2, 3)] == [
        "Checkout: payment",
        "Checkout: shipping",
        "Product page",
    ]
    assert "Instagram trail ad" not in {r["touchpoint"] for r in rows}  # 90% as expected


def test_csv_is_safe_in_a_spreadsheet(measured: Path) -> None:
    result = run_cjo("painpoints", measured, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["rank", *KEYS]
    assert not any(cell.startswith(("=", "+", "@")) for row in table[1:] for cell in row)


def test_an_unknown_snapshot_is_an_error_listing_the_labels(measured: Path) -> None:
    result = run_cjo("painpoints", measured, "--snapshot", "Q9")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "'Q1'" in result.stderr


def test_the_table_lists_each_touchpoint_once_with_its_pain_points(measured: Path) -> None:
    lines = run_cjo("painpoints", measured).stdout.splitlines()
    heads = [line for line in lines if not line.startswith("     ")]
    assert heads[:3] == ["  1. Checkout: payment", "  2. Checkout: shipping", "  3. Product page"]
    assert len({h.split(". ", 1)[1] for h in heads}) == len(heads)
    payment = lines[1 : lines.index(heads[1])]
    assert [line.split("(")[1].split(")")[0] for line in payment] == [
        "CSAT top-2-box below 70%",
        "NPS below 0",
        "Emotion at or below -1",
    ]
