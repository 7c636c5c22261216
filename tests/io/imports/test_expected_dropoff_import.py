"""Expected drop-offs imported with a funnel: a column of shares (0.12) or percentages (12%)
sets each touchpoint's expectation in the same apply as the counts, the report says how many,
a bad value names its line and column and leaves the map as it was, and the ranking then
judges the drop-off against the imported expectation."""

from __future__ import annotations

import csv
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import guess_kind, spec_of
from cjo_desktop.io.imports.plan import UNSORTED, apply_import, plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.tables import TableError

RunCli = Callable[..., subprocess.CompletedProcess[str]]
WriteCsv = Callable[..., Path]
HEADER = ["touchpoint", "visitors", "expected drop-off"]
#: Touchpoint name -> the expected drop-off written on its rows of the example funnel.
EXPECTED = {"Abandoned-cart email": "75%", "Category browsing": "20%"}


def funnel_with_expectations(example_data: Path, out: Path) -> Path:
    """The example's funnel (flow rows) with an "expected drop-off" column: an abandoned-cart
    email is expected to lose three in four, category browsing one in five."""
    with open(example_data / "funnel-2025-03.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*rows[0], "expected drop-off"])
        writer.writerows([*row, EXPECTED.get(row[0], "")] for row in rows[1:])
    return out


def dropoff_explanations(run_cli: RunCli, map_name: str) -> dict[str, str]:
    done = run_cli("painpoints", map_name, "--format", "json")
    assert done.returncode == 0, done.stderr
    return {
        r["touchpoint"]: r["explanation"]
        for r in json.loads(done.stdout)
        if r["source"] == "dropoff_high"
    }


def test_the_cli_sets_them_and_the_ranking_judges_against_them(
    tmp_path: Path, example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    plain = tmp_path / "plain.cjo.json"
    plain.write_bytes(example_map.read_bytes())
    done = run_cli("import-metrics", plain.name, example_data / "funnel-2025-03.csv")
    assert done.returncode == 0, done.stderr
    before = dropoff_explanations(run_cli, plain.name)  # judged on the stages' typical rates
    assert "(70% drop-off against 16.9% typical in Decision" in before["Abandoned-cart email"]
    assert "(36% drop-off against 24.4% typical in Consideration" in before["Category browsing"]

    data = funnel_with_expectations(example_data, tmp_path / "funnel.csv")
    done = run_cli("import-metrics", example_map.name, data, "--snapshot", "March")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (
        "expected drop-offs set: 2 (Abandoned-cart email 75%, Category browsing 20%)"
        in done.stdout.splitlines()
    )
    old = {tp.name: tp.expected_dropoff for tp in load_map(plain).touchpoints()}
    expected = {tp.name: tp.expected_dropoff for tp in load_map(example_map).touchpoints()}
    assert (old.pop("Abandoned-cart email"), expected.pop("Abandoned-cart email")) == (None, 0.75)
    assert (old.pop("Category browsing"), expected.pop("Category browsing")) == (None, 0.2)
    assert expected == old  # a blank cell leaves a touchpoint as it was (the ad's 90% too)
    assert expected["Instagram trail ad"] == 0.9

    after = dropoff_explanations(run_cli, example_map.name)
    # 36% against 20%: 80% above the expectation, and the rule says against what
    assert "(36% drop-off against 20% expected, n = 7,500)" in after["Category browsing"]
    assert "Abandoned-cart email" not in after  # 70% is less than the 75% expected there
    assert {k: v for k, v in after.items() if k not in EXPECTED} == {
        k: v for k, v in before.items() if k not in EXPECTED
    }


def test_shares_percentages_and_decimal_commas(journey: Journey, write_csv: WriteCsv) -> None:
    assert guess_kind(HEADER) == "funnel"  # not an aggregated metric named so
    assert guess_kind(["touchpoint", "visitors", "Expected_Dropoff"]) == "funnel"
    shares = write_csv("s.csv", HEADER, [["Product page", 100, "0.125"], ["Cart", 80, ""]])
    result = run_import(journey, shares, spec_of("funnel", snapshot="s"))
    assert result.expected_dropoffs == {"tp-product": 0.125}
    rows = [["Product page", 100, "33,3 %"], ["Cart", 80, "0%"], ["product page", 5, "33,3%"]]
    commas = write_csv("c.csv", HEADER, rows, delimiter=";")
    result = run_import(journey, commas, spec_of("funnel", snapshot="c"))
    assert result.expected_dropoffs == {"tp-product": 0.333, "tp-cart": 0.0}
    assert result.snapshot.value("tp-product", "visitors").value == 105  # the counts still add


@pytest.mark.parametrize(
    ("cells", "line", "message"),
    [
        (["0.2", "12%"], 3, "'12%' has a percent sign, but the column's first value (line 2) "
         "is a share: write every value of the column the same way (0.12 or 12%)"),
        (["20%", "0.3"], 3, "'0.3' has no percent sign, but the column's first value (line 2) "
         "is a percentage: write every value of the column the same way (0.12 or 12%)"),
        (["15", ""], 2, "'15' is not a share from 0 to 1 (a percentage needs its percent sign: "
         "15%)"),
        (["", "1.5e3"], 3, "'1.5e3' is not a share from 0 to 1"),
        (["120%", ""], 2, "'120%' is not a percentage from 0% to 100%"),
        (["-5%", ""], 2, "'-5%' is not a percentage from 0% to 100%"),
        (["n/a", ""], 2, "'n/a' is not an expected drop-off (a share such as 0.12 or a "
         "percentage such as 12%)"),
    ],
)  # fmt: skip
def test_a_bad_value_names_its_line_and_column(
    journey: Journey, write_csv: WriteCsv, cells: list[str], line: int, message: str
) -> None:
    path = write_csv("bad.csv", HEADER, [["Product page", 100, cells[0]], ["Cart", 80, cells[1]]])
    with pytest.raises(TableError) as error:
        run_import(journey, path, spec_of("funnel", snapshot="s"))
    assert str(error.value) == f"{path}: line {line}, column 'expected drop-off': {message}"


def test_a_touchpoint_given_two_expectations_in_flow_rows_is_an_error(
    journey: Journey, write_csv: WriteCsv
) -> None:
    """In flow rows the expectation belongs to the "from" touchpoint, on any of its rows."""
    rows = [["Cart", "Checkout: payment", 70, "25%"], ["Cart", "", 30, ""], ["cart", "", 5, "30%"]]
    path = write_csv("flows.csv", ["from", "to", "count", "expected"], rows)
    with pytest.raises(TableError) as error:
        run_import(journey, path, spec_of("funnel", snapshot="f", expected="expected"))
    assert str(error.value) == (
        f"{path}: line 4, column 'expected': "
        "'30%' differs from the 25% given for the same touchpoint on line 2"
    )
    rows[2][3] = "25 %"  # the same expectation again is fine
    path = write_csv("flows.csv", ["from", "to", "count", "expected"], rows)
    result = run_import(journey, path, spec_of("funnel", snapshot="f", expected="expected"))
    assert result.expected_dropoffs == {"tp-cart": 0.25}


def test_the_cli_names_a_bad_value_and_leaves_the_map_as_it_was(
    example_map: Path, write_csv: WriteCsv, run_cli: RunCli
) -> None:
    rows = [["Cart", 6420, "0.15"], ["Checkout: payment", 2900, "12%"]]
    path = write_csv("funnel.csv", ["step", "visitors", "expected_dropoff"], rows)
    before = example_map.read_bytes()
    done = run_cli("import-metrics", example_map.name, path, "--snapshot", "March")
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: {path}: line 3, column 'expected_dropoff': '12%' has a percent sign, but the "
        "column's first value (line 2) is a share: write every value of the column the same "
        "way (0.12 or 12%)"
    ]
    assert example_map.read_bytes() == before
    assert not example_map.with_name(example_map.name + ".bak").exists()


def test_skip_invalid_skips_the_row_and_counts_it(journey: Journey, write_csv: WriteCsv) -> None:
    rows = [["Product page", 100, "10%"], ["Cart", 80, "lots"], ["Checkout: payment", 60, "5%"]]
    path = write_csv("f.csv", HEADER, rows)
    result = run_import(journey, path, spec_of("funnel", snapshot="f", skip_invalid=True))
    assert result.expected_dropoffs == {"tp-product": 0.1, "tp-pay": 0.05}
    assert result.report is not None
    lines = result.report.lines()
    assert "  skipped 1 row(s): an expected drop-off that is not a share or a percentage " \
        "(lines 3)" in lines  # fmt: skip
    assert "expected drop-offs set: 2 (Product page 10%, Checkout: payment 5%)" in lines


def test_the_plan_sets_only_what_changes_and_new_touchpoints_get_theirs(
    journey: Journey, write_csv: WriteCsv
) -> None:
    journey.update("tp-product", expected_dropoff=0.1)
    journey.update("tp-cart", expected_dropoff=0.5)
    rows = [["Product page", 100, "10%"], ["Cart", 80, "20%"], ["Thank you", 60, "90%"]]
    path = write_csv("f.csv", HEADER, rows)
    result = run_import(journey, path, spec_of("funnel", snapshot="f", add_missing=True))
    assert result.report is not None
    assert "expected drop-offs set: 3, 1 of them as before (Product page 10%, Cart 20%, " \
        "Thank you 90%)" in result.report.lines()  # fmt: skip
    plan = plan_import(journey, result)
    new = next(iter(plan.touchpoints))
    assert plan.expected_dropoffs == {"tp-cart": 0.2, new: 0.9}
    apply_import(journey, result)
    assert journey.touchpoint("tp-product").expected_dropoff == 0.1
    assert journey.touchpoint("tp-cart").expected_dropoff == 0.2
    assert journey.touchpoint(new).expected_dropoff == 0.9
    assert journey.touchpoint("tp-pay").expected_dropoff is None


@pytest.mark.gui
def test_the_editor_applies_the_same_plan_in_one_undo_step(
    journey: Journey, write_csv: WriteCsv, qapp: object
) -> None:
    from PySide6.QtGui import QUndoStack

    from cjo_desktop.commands import ApplyImport

    journey.update("tp-cart", expected_dropoff=0.5)
    journey.add_stage(UNSORTED, id="st-later")  # the new touchpoint's stage: the same id in both
    by_cli = journey.copy()
    before = journey.state()
    rows = [["Product page", 100, "10%"], ["Cart", 80, "20%"], ["Thank you", 60, "90%"]]
    path = write_csv("f.csv", HEADER, rows)
    result = run_import(journey, path, spec_of("funnel", snapshot="f", add_missing=True))
    apply_import(by_cli, result)
    stack = QUndoStack()
    stack.push(ApplyImport(journey, plan_import(journey, result)))
    assert stack.count() == 1
    assert stack.undoText() == 'Import metrics "f" (+1 touchpoint, 3 expected drop-offs)'
    assert journey.state() == by_cli.state()
    stack.undo()
    assert journey.state() == before
    assert journey.touchpoint("tp-cart").expected_dropoff == 0.5
    assert journey.touchpoint("tp-product").expected_dropoff is None
    stack.redo()
    assert journey.state() == by_cli.state()
