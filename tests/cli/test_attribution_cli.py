"""``cjo attribution PATHS``: the same credit as JSON, CSV and a table, and one error line
naming the file, the line and the column for a bad path file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cjo_command import run_cjo

KEYS = [
    "channel",
    "removal_effect",
    "attributed_conversions",
    "attributed_value",
    "first_touch",
    "last_touch",
    "linear",
]
#: The hand-worked file of tests/analysis/test_attribution.py, semicolon-separated.
HAND = """path;total_conversions;total_conversion_value;total_null
A > B;1;10;1
B;1;20;1
A;0;0;2
"""


@pytest.fixture
def paths(tmp_path: Path) -> Path:
    file = tmp_path / "paths.csv"
    file.write_text(HAND, encoding="utf-8")
    return file


def test_json_rows(paths: Path) -> None:
    result = run_cjo("attribution", paths, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [list(r) for r in rows] == [KEYS, KEYS]
    b, a = rows
    assert (b["channel"], a["channel"]) == ("B", "A")
    assert a["removal_effect"] == pytest.approx(0.5) and b["removal_effect"] == pytest.approx(1)
    assert a["attributed_conversions"] == pytest.approx(2 / 3)
    assert b["attributed_value"] == pytest.approx(20)
    assert (a["first_touch"], a["last_touch"], a["linear"]) == (1, 0, 0.5)


def test_json_value_is_null_without_a_value_column(tmp_path: Path) -> None:
    file = tmp_path / "plain.csv"
    file.write_text("path,total_conversions,total_null\nmail>web,3,1\nweb,1,3\n", encoding="utf-8")
    rows = json.loads(run_cjo("attribution", file, "--format", "json").stdout)
    assert [r["channel"] for r in rows] == ["web", "mail"]
    assert all(r["attributed_value"] is None for r in rows)


def test_csv_has_the_json_keys_and_numbers(paths: Path) -> None:
    result = run_cjo("attribution", paths, "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(table[0]) == KEYS
    assert [r["channel"] for r in table] == ["B", "A"]
    assert float(table[1]["attributed_conversions"]) == pytest.approx(2 / 3)
    assert float(table[0]["attributed_value"]) == pytest.approx(20)


def test_table_for_people(paths: Path) -> None:
    result = run_cjo("attribution", paths)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "channel", "removal", "effect", "Markov", "Markov", "value",
        "first", "touch", "last", "touch", "linear",
    ]  # fmt: skip
    assert lines[1].split() == ["B", "100.0%", "1.3", "20.0", "1.0", "2.0", "1.5"]
    assert lines[2].split() == ["A", "50.0%", "0.7", "10.0", "1.0", "0.0", "0.5"]
    assert "3 paths, 2.0 conversions; chance to convert from the start 33.3%" in result.stdout


def test_a_blank_value_is_zero_only_without_conversions(tmp_path: Path) -> None:
    file = tmp_path / "blank.csv"
    text = "path,total_conversions,total_conversion_value,total_null\nweb,2,9.5,1\nmail,0,,4\n"
    file.write_text(text, encoding="utf-8")
    rows = json.loads(run_cjo("attribution", file, "--format", "json").stdout)
    assert [(r["channel"], r["attributed_value"]) for r in rows] == [("web", 9.5), ("mail", 0)]
    file.write_text(text.replace("web,2,9.5,1", "web,2,,1"), encoding="utf-8")
    result = run_cjo("attribution", file, "--format", "json")
    assert result.returncode == 1
    assert f"{file}: line 2, column 'total_conversion_value': empty" in result.stderr


def test_csv_keeps_a_spreadsheet_from_running_a_channel_name(tmp_path: Path) -> None:
    file = tmp_path / "formula.csv"
    file.write_text('path,total_conversions\n"=1+1 > web",1\n', encoding="utf-8")
    table = list(
        csv.DictReader(io.StringIO(run_cjo("attribution", file, "--format", "csv").stdout))
    )
    assert sorted(r["channel"] for r in table) == ["'=1+1", "web"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("path;total_conversions;total_null\nA;two;1\n", "line 2, column 'total_conversions'"),
        ("path;total_conversions;total_null\nA;1;1\nA > > B;1;1\n", "line 3, column 'path'"),
        ("path;total_conversions;total_null\nA;1;-1\n", "line 2, column 'total_null'"),
        ("route;total_conversions\nA;1\n", "line 1 (header)"),
    ],
)
def test_a_bad_file_is_one_error_line(tmp_path: Path, text: str, where: str) -> None:
    file = tmp_path / "bad.csv"
    file.write_text(text, encoding="utf-8")
    result = run_cjo("attribution", file, "--format", "json")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: {file}: {where}: "), result.stderr


def test_a_missing_file(tmp_path: Path) -> None:
    result = run_cjo("attribution", tmp_path / "none.csv")
    assert result.returncode == 1
    assert result.stderr == f"error: {tmp_path / 'none.csv'}: no such file\n"
