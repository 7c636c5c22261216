"""Every bad input is one line naming the file and the place; through ``cjo import-metrics`` it is
exit 1 with exactly one ``error:`` line and no traceback, and the map file is not touched.
Wrong usage exits 2. ``--skip-invalid`` turns bad rows into counted, located skips."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cjo_desktop.cli import build_parser
from cjo_desktop.cli.metrics import spec_from_args
from cjo_desktop.io import MapFileError, load_map
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.tables import TableError

GOOD_ROWS = "".join(f"Cart,{i % 11}\n" for i in range(2500))

#: id -> (data file name, its bytes, extra arguments, what the message must say)
CASES: dict[str, tuple[str, bytes, list[str], list[str]]] = {
    "misspelt column": (
        "s.csv",
        b"touchpoint,nps,csat\nCart,9,4\n",
        ["--nps", "NPS score"],
        ["line 1 (header)", "no column 'NPS score'", "columns: touchpoint, nps, csat"],
    ),
    "missing column": (
        "s.csv",
        b"touchpoint,csat\nCart,4\n",
        ["--nps", "nps"],
        ["line 1 (header)", "no column 'nps'", "columns: touchpoint, csat"],
    ),
    "missing key column": (
        "s.csv",
        b"touchpoint,nps\nCart,9\n",
        ["--key", "step"],
        ["no column 'step'", "columns: touchpoint, nps"],
    ),
    "missing segment column": (
        "s.csv",
        b"touchpoint,nps\nCart,9\n",
        ["--segment", "persona=Family"],
        ["no column 'persona'", "columns: touchpoint, nps"],
    ),
    "no key column to guess": (
        "s.csv",
        b"where,nps\nCart,9\n",
        [],
        ["--key", "columns: where, nps"],
    ),
    "not a number": (
        "s.csv",
        b"touchpoint,nps\nCart,9\nCart,abc\nCart,7\n",
        [],
        ["line 3, column 'nps'", "'abc'", "not a number"],
    ),
    "nps 11": (
        "s.csv",
        b"touchpoint,nps\nCart,9\nCart,11\n",
        [],
        ["line 3, column 'nps'", "'11'", "outside the NPS scale (0-10"],
    ),
    "nps 9.5": (
        "s.csv",
        b"touchpoint,nps\nCart,9\nCart,9.5\n",
        [],
        ["line 3, column 'nps'", "'9.5'", "outside the NPS scale"],
    ),
    "csat 6": (
        "s.csv",
        b"touchpoint,csat\nCart,5\nCart,6\n",
        ["--csat-best", "high"],
        ["line 3, column 'csat'", "'6'", "outside the CSAT scale (1-5)"],
    ),
    "late bad value": (  # the fast reader declines; the exact one names the line
        "s.csv",
        b"touchpoint,nps\n" + GOOD_ROWS.encode() + b"Cart,-1\n",
        [],
        ["line 2502, column 'nps'", "'-1'"],
    ),
    "ragged row": (
        "s.csv",
        b"touchpoint,nps\nCart,9\nCart,9,extra\n",
        [],
        ["line 3", "3 cells but the header has 2 columns"],
    ),
    "empty file": ("s.csv", b"", [], ["no data rows (it is empty)"]),
    "header only": ("s.csv", b"touchpoint,nps\n", [], ["line 1", "only a header"]),
    "pdf": ("s.pdf", b"%PDF-1.7\n", [], ["cannot read '.pdf' files", ".csv", ".xlsx"]),
    "text renamed xlsx": ("s.xlsx", b"touchpoint,nps\nCart,9\n", [], ["not an Excel workbook"]),
    "unknown sheet": ("s.csv", b"touchpoint,nps\nCart,9\n", ["--sheet", "Q1"], ["no sheets"]),
}

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def write_case(folder: Path, case: str) -> tuple[Path, list[str], list[str]]:
    name, data, args, parts = CASES[case]
    path = folder / name
    path.write_bytes(data)
    return path, args, parts


def api_import(map_path: Path, data: Path, *args: str) -> None:
    """What ``cjo import-metrics`` does before saving, in this process."""
    parsed = build_parser().parse_args(["import-metrics", str(map_path), str(data), *args])
    run_import(load_map(map_path), data, spec_from_args(parsed))


def one_error_line(result, *parts: str) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for part in parts:
        assert part in lines[0], (part, lines[0])
    assert result.stdout == ""
    return lines[0]


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_naming_file_and_place(
    tmp_path: Path, example_map: Path, case: str
) -> None:
    data, args, parts = write_case(tmp_path, case)
    with pytest.raises(TableError) as caught:
        api_import(example_map, data, *args)
    message = str(caught.value)
    assert message.startswith(f"{data}: ")
    assert "\n" not in message
    for part in parts:
        assert part in message, (part, message)


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_through_the_cli_leaves_the_map_alone(
    tmp_path: Path, example_map: Path, run_cli: RunCli, case: str
) -> None:
    data, args, parts = write_case(tmp_path, case)
    before = example_map.read_bytes()
    files = sorted(tmp_path.iterdir())
    line = one_error_line(run_cli("import-metrics", example_map.name, data.name, *args), *parts)
    assert line.startswith(f"error: {data.name}: ")
    assert example_map.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == files  # no temporary file left behind


def test_a_missing_data_file(tmp_path: Path, example_map: Path, run_cli: RunCli) -> None:
    with pytest.raises(TableError, match="no such file"):
        api_import(example_map, tmp_path / "nowhere.csv")
    one_error_line(run_cli("import-metrics", example_map.name, "nowhere.csv"), "nowhere.csv")


def test_a_missing_map_file(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "s.csv").write_text("touchpoint,nps\nCart,9\n")
    one_error_line(run_cli("import-metrics", "none.cjo.json", "s.csv"), "none.cjo.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv"]


SKIPPABLE = {
    "not a number": ("abc", "nps", "NPS value not a number"),
    "nps 11": ("11", "nps", "NPS value outside the NPS scale"),
    "csat 6": ("6", "csat", "CSAT value outside the CSAT scale"),
}


@pytest.mark.parametrize("case", list(SKIPPABLE))
def test_skip_invalid_counts_the_skipped_rows_with_their_lines(
    tmp_path: Path, example_map: Path, run_cli: RunCli, case: str
) -> None:
    bad, column, reason = SKIPPABLE[case]
    good = "5" if column == "csat" else "9"
    rows = [good, bad, good, bad, good, good]
    (tmp_path / "s.csv").write_text(f"touchpoint,{column}\n" + "".join(f"Cart,{x}\n" for x in rows))
    scale = ["--csat-best", "high"] if column == "csat" else []
    result = run_cli(
        "import-metrics", example_map.name, "s.csv", "--skip-invalid", "--snapshot", "skip", *scale
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "rows read: 6, used: 4, skipped: 2" in result.stdout
    assert f"skipped 2 row(s): {reason}" in result.stdout
    assert "(lines 3, 5)" in result.stdout
    metric = "nps" if column == "nps" else "csat_mean"
    value = load_map(example_map).metric_snapshot("skip").value("tp-cart", metric)
    assert value is not None and value.n == 4


def test_a_snapshot_label_that_exists_already(
    tmp_path: Path, example_map: Path, run_cli: RunCli
) -> None:
    (tmp_path / "s.csv").write_text("touchpoint,nps\nCart,9\n")
    first = run_cli("import-metrics", example_map.name, "s.csv", "--snapshot", "baseline")
    assert first.returncode == 0, first.stderr
    before = example_map.read_bytes()
    files = sorted(tmp_path.iterdir())
    again = run_cli("import-metrics", example_map.name, "s.csv", "--snapshot", "baseline")
    line = one_error_line(again, example_map.name, "'baseline' exists already", "--snapshot")
    assert line.startswith(f"error: {example_map.name}: ")
    assert example_map.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == files


def test_errors_are_map_file_errors(tmp_path: Path, example_map: Path) -> None:
    """Scripts catch one exception type for every bad file."""
    data, args, _ = write_case(tmp_path, "nps 11")
    with pytest.raises(MapFileError) as caught:
        api_import(example_map, data, *args)
    assert caught.value.where == "line 3, column 'nps'"
    assert caught.value.source == str(data)


@pytest.mark.parametrize(
    "args",
    [
        ["--segment", "segment"],
        ["--segment", "=Family"],
        ["--segment", "segment="],
        ["--ces-scale", "6"],
        ["--csat-scale", "7"],
        ["--csat-best", "middle"],
        ["--kind", "survey"],
        ["--match", "fuzzy"],
    ],
)
def test_wrong_usage_exits_2(
    tmp_path: Path, example_map: Path, run_cli: RunCli, args: list[str]
) -> None:
    (tmp_path / "s.csv").write_text("touchpoint,nps,segment\nCart,9,Family\n")
    before = example_map.read_bytes()
    result = run_cli("import-metrics", example_map.name, "s.csv", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("cjo import-metrics: error: ")
    assert example_map.read_bytes() == before
