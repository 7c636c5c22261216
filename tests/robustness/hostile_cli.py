"""Shared pieces of the hostile-input sweep over ``cjo``: the commands, the checks of the CLI
contract, and a runner that starts the processes a few at a time (each is its own process, as
a user runs it; running them side by side keeps the sweep to seconds, not minutes)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cjo_command import run_cjo
from survey_scales import FLAGS

from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
SURVEY = DATA / "survey-2025-q1.csv"
NOT_UTF8 = "\udcff"  # how Python hands over the byte 0xff of an argument: as a surrogate
WORKERS = 3

Args = Sequence[str | Path]


@dataclass
class Case:
    """One command line, with what the contract says it must end in."""

    name: str
    args: Args
    status: int
    json_out: bool = False  # stdout, if any, must be valid JSON
    streams: dict[str, Any] = field(default_factory=dict)  # run_cjo's stdout/stdin/stderr


Result = subprocess.CompletedProcess[str]


def run_all(cases: Sequence[Case], cwd: Path) -> list[tuple[Case, Result]]:
    def one(case: Case) -> Result:
        return run_cjo(*case.args, cwd=cwd, timeout=180, **case.streams)

    with ThreadPoolExecutor(WORKERS) as pool:
        return list(zip(cases, pool.map(one, cases), strict=True))


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"(cjo [\w-]+: )?error:", line)]


def contract_breaches(case: Case, result: subprocess.CompletedProcess[str]) -> list[str]:
    """What ``result`` does against the CLI contract for ``case`` (empty: it keeps it)."""
    problems = []
    if result.returncode != case.status:
        problems.append(f"exit {result.returncode}, not {case.status}")
    if "Traceback" in result.stderr or "Exception ignored" in result.stderr:
        problems.append("a traceback")
    stderr_open = case.streams.get("stderr", "pipe") == "pipe"
    errors = error_lines(result.stderr)
    if case.status == 0 and errors:
        problems.append("an error line on success")
    if case.status == 1 and stderr_open and (len(errors) != 1 or errors[0][:6] != "error:"):
        problems.append(f"{len(errors)} 'error:' lines")
    if case.status == 2 and stderr_open:
        verb = next(str(a) for a in case.args if not str(a).startswith("-"))
        if not result.stderr.startswith(f"usage: cjo {verb}"):
            problems.append("no usage of the command")
        if len(errors) != 1 or not errors[0].startswith(f"cjo {verb}: error: "):
            problems.append(f"not one 'cjo {verb}: error:' line")
    if case.json_out and result.stdout:
        try:
            json.loads(result.stdout, parse_constant=_no_constant)
        except ValueError as exc:
            problems.append(f"invalid JSON on stdout ({exc})")
    if not all(c.isprintable() or c == "\n" for c in result.stdout + result.stderr):
        problems.append("an unprintable character printed raw")
    return problems


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def breaches(
    results: Sequence[tuple[Case, Result]], check: Callable[[Case, Result], list[str]] | None = None
) -> list[str]:
    """Every breach of every case, one readable line each, for one assert."""
    found = []
    for case, result in results:
        problems = contract_breaches(case, result) + (check(case, result) if check else [])
        if problems:
            found.append(f"{case.name}: {'; '.join(problems)}\n    stderr: {result.stderr!r:.400}")
    return found


def measured_copy(folder: Path) -> Path:
    """The example map with one survey imported as snapshot 'Q1' (metrics to colour by)."""
    path = folder / "shop.cjo.json"
    shutil.copy(example_path(), path)
    result = run_cjo("import-metrics", path, SURVEY, "--snapshot", "Q1", *FLAGS)
    assert result.returncode == 0, result.stderr
    return path


def map_commands(m: str | Path, d: str | Path, o: Path) -> dict[str, list[str | Path]]:
    """Every command that reads a map, as ``cjo`` would be called on map ``m`` and data ``d``,
    writing (where it writes) into folder ``o``."""
    exports = {
        f"export {s}": ["export", m, "-o", o / f"x{s}"]
        for s in (".cjo.json", ".graphml", ".mmd", ".csv", ".png", ".svg", ".pdf")
    }
    return {
        "validate": ["validate", m],
        "info": ["info", m],
        "info --json": ["info", m, "--json"],
        **exports,
        "import-metrics -o": ["import-metrics", m, d, "--snapshot", "S", "-o", o / "o.cjo.json"],
        "import-metrics in place": ["import-metrics", m, d, "--snapshot", "S"],
        "metrics": ["metrics", m, "--format", "json"],
        "segments": ["segments", m, d, "--column", "segment", "--format", "json"],
        "painpoints": ["painpoints", m, "--format", "json"],
        "report": ["report", m, "-o", o / "r.pdf"],
    }


def is_json(name: str) -> bool:
    return name in ("info --json", "metrics", "segments", "painpoints")
