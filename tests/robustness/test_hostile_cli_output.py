"""Where ``cjo`` writes: a closed or full standard output, closed stdin or stderr, a reader that
stops early, and names holding escape sequences a terminal would obey. Each ends in success or
one clean error line, never a traceback; JSON stays valid; text shows such names escaped."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_cli import SURVEY, Case, breaches, error_lines, measured_copy, run_all

from cjo_desktop.cli import main
from cjo_desktop.cli.output import escape_json, finite, out_json
from cjo_desktop.domain import JourneyError
from cjo_desktop.io import files, load_map, save_map

HOSTILE = [
    "\x1b[2J\x1b]0;owned\x07Clear",  # clear the screen, retitle the window
    "\x9b31mC1 red",  # a C1 control sequence introducer
    "abc\u202edegnahc",  # right-to-left override
    "\u2066isolate\u2069 del\x7f",
    "line\u2028sep\nnewline\ttab",
    "tag\U000e0041 \ufeffbom",
]
CLOSED = "error: cannot write to standard output: it is closed\n"
FULL = "error: cannot write to standard output (No space left on device)\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """m.cjo.json: the example with snapshot 'Q1'; s.csv its survey."""
    path = tmp_path_factory.mktemp("output")
    measured_copy(path).rename(path / "m.cjo.json")
    shutil.copy(SURVEY, path / "s.csv")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


PRINTING = {
    "info": ["info", "m.cjo.json"],
    "info --json": ["info", "m.cjo.json", "--json"],
    "schema": ["schema"],
    "templates": ["templates"],
    "validate": ["validate", "m.cjo.json"],
    "metrics csv": ["metrics", "m.cjo.json", "--format", "csv"],
    "painpoints": ["painpoints", "m.cjo.json"],
    "import in place": ["import-metrics", "m.cjo.json", "s.csv", "--snapshot", "S"],
    "help": ["info", "--help"],
}


@pytest.mark.slow
@pytest.mark.parametrize("how", ["closed", "full"])
def test_an_output_that_takes_nothing_is_one_error_line(folder: Path, how: str) -> None:
    """`cjo schema > /dev/full` and `cjo info MAP >&-` ended in tracebacks. An in-place import
    stops before it saves: its report could not be shown."""
    commands = dict(PRINTING)
    if how == "closed":  # refused before any work: nothing is written
        commands["export"] = ["export", "m.cjo.json", "-o", "x.mmd"]
        commands["report"] = ["report", "m.cjo.json", "-o", "r.pdf"]
    before = _files(folder)
    cases = [Case(n, a, 1, streams={"stdout": how}) for n, a in commands.items()]
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    for case, result in results:
        assert result.stderr == (CLOSED if how == "closed" else FULL), case.name
    assert _files(folder) == before


def test_closed_stdin_changes_nothing(folder: Path, tmp_path: Path) -> None:
    cases = [
        Case("info", ["info", "m.cjo.json"], 0, streams={"stdin": "closed"}),
        Case(
            "import -o",
            ["import-metrics", "m.cjo.json", "s.csv", "--snapshot", "S", "-o", tmp_path / "o.json"],
            0,
            streams={"stdin": "closed"},
        ),
    ]
    problems = breaches(run_all(cases, folder))
    assert not problems, "\n".join(problems)
    assert "S" in [s.label for s in load_map(tmp_path / "o.json").metric_snapshots()]


def test_closed_stderr_still_gives_the_status(folder: Path) -> None:
    cases = [
        Case("missing map", ["info", "none.cjo.json"], 1, streams={"stderr": "closed"}),
        Case("usage", ["info", "--bogus"], 2, streams={"stderr": "closed"}),
        Case(
            "nothing open",
            ["schema"],
            1,
            streams={"stderr": "closed", "stdout": "closed"},
        ),
        Case("fine", ["info", "m.cjo.json"], 0, streams={"stderr": "closed"}),
    ]
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    assert results[0][1].stdout == "" and results[3][1].stdout.startswith("Trailhead")


@pytest.mark.parametrize("args", [["schema"], ["info", "m.cjo.json", "--json"], ["--help"]])
def test_a_reader_that_stops_early_is_quiet(folder: Path, args: list[str]) -> None:
    """`cjo schema | head -c 0`: no error line and no traceback, as before."""
    env = {**os.environ, "PYTHONUTF8": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "cjo_desktop.cli", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first byte
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert status in (0, 1)  # 0 if everything fit in the pipe before it closed
    assert stderr == ""


@pytest.fixture(scope="module")
def hostile(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The measured example with its title, stages and first touchpoints renamed to names
    that hold escape sequences, bidi overrides and separators."""
    path = tmp_path_factory.mktemp("hostile") / "h.cjo.json"
    journey = load_map(folder / "m.cjo.json")
    journey.set_title(HOSTILE[0])
    for stage, name in zip(journey.stages(), HOSTILE[1:], strict=False):
        journey.rename(stage.id, name)
    for tp, name in zip(journey.touchpoints(), HOSTILE, strict=False):
        journey.rename(tp.id, name)
    save_map(journey, path)
    return path


@pytest.mark.slow
def test_names_are_printed_escaped_in_text_and_exact_in_json(hostile: Path) -> None:
    cases = [
        Case("info", ["info", hostile], 0),
        Case("info --json", ["info", hostile, "--json"], 0, json_out=True),
        Case("metrics", ["metrics", hostile], 0),
        Case("metrics --json", ["metrics", hostile, "--format", "json"], 0, json_out=True),
        Case("painpoints", ["painpoints", hostile], 0),
        Case("painpoints --json", ["painpoints", hostile, "--format", "json"], 0, json_out=True),
        Case("validate", ["validate", hostile], 0),
    ]
    results = {c.name: r for c, r in run_all(cases, hostile.parent)}
    problems = breaches(list(zip(cases, results.values(), strict=True)))
    assert not problems, "\n".join(problems)  # includes: no unprintable character printed
    journey = load_map(hostile)
    info = results["info"].stdout.splitlines()
    assert info[0] == "\\x1b[2J\\x1b]0;owned\\x07Clear"
    # a newline in a name adds no line (the last line is the evidence coverage)
    assert len(info) == 3 + len(journey.stages())
    assert "line\\u2028sep\\nnewline\\ttab" in results["info"].stdout
    assert "abc\\u202edegnahc" in results["metrics"].stdout
    summary = json.loads(results["info --json"].stdout)
    assert summary["title"] == journey.title
    assert [s["name"] for s in summary["stages"]] == [s.name for s in journey.stages()]
    metrics = json.loads(results["metrics --json"].stdout)
    assert {r["touchpoint"] for r in metrics} >= set(HOSTILE[:3])


def test_an_error_line_escapes_the_name_it_quotes(tmp_path: Path) -> None:
    name = "evil\x1b[31m\u202e.cjo.json"
    result = run_all([Case("info", ["info", name], 1)], tmp_path)[0][1]
    assert error_lines(result.stderr) == ["error: evil\\x1b[31m\\u202e.cjo.json: no such file"]


def test_json_output_has_no_nan_and_escapes_what_a_terminal_obeys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = {"impact": math.nan, "rows": [math.inf, -math.inf, 1.5], "name": "".join(HOSTILE)}
    assert finite(data)["impact"] is None and finite(data)["rows"] == [None, None, 1.5]
    out_json(data)
    text = capsys.readouterr().out
    assert all(c.isprintable() or c == "\n" for c in text)
    back = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert back == {"impact": None, "rows": [None, None, 1.5], "name": "".join(HOSTILE)}
    assert escape_json('"\U000e0041"') == '"\\udb40\\udc41"'  # beyond the BMP: a pair


@pytest.mark.parametrize(
    ("failure", "line"),
    [
        (
            FileNotFoundError(2, "No such file or directory", "/opt/cjo/resources"),
            "error: /opt/cjo/resources: No such file or directory",
        ),
        (
            JourneyError("a flow count must be a whole number"),
            "error: m.cjo.json: a flow count must be a whole number",
        ),
    ],
    ids=["a broken installation", "a map that refuses an edit"],
)
def test_failures_no_command_expects_are_still_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failure: Exception,
    line: str,
) -> None:
    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(files, "load_map", fail)  # what cjo info reads the map with
    assert main(["info", "m.cjo.json"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", line + "\n")
