"""A command loads only what it uses: ``cjo --version`` and ``--help`` answer without the file
format, and ``cjo info`` reads a map without the dataframe, chart or GUI libraries.

Each case runs the command in a fresh interpreter and lists the heavy packages it left loaded;
the time this saves is measured by ``tests/bench/bench_startup.py``, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "outdoor-gear-shop.cjo.json"
HEAVY = ("PySide6", "matplotlib", "polars", "openpyxl", "pandas", "networkx", "pydantic")

PROBE = """
import contextlib, io, json, sys
from cjo_desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        status = main(sys.argv[1:])
    except SystemExit as done:
        status = done.code
print(json.dumps([status, sorted(m for m in {heavy!r} if m in sys.modules)]))
"""


def loaded_by(*argv: str) -> tuple[int, list[str]]:
    probe = PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True
    )
    status, loaded = json.loads(done.stdout.splitlines()[-1])
    return status, loaded


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["export", "--help"]])
def test_version_and_help_load_no_heavy_package(argv: list[str]) -> None:
    status, loaded = loaded_by(*argv)
    assert status == 0
    assert loaded == []


def test_info_reads_the_map_without_dataframes_charts_or_qt() -> None:
    status, loaded = loaded_by("info", str(EXAMPLE))
    assert status == 0
    assert not {"polars", "matplotlib", "PySide6", "openpyxl", "pandas"} & set(loaded)
    assert {"networkx", "pydantic"} <= set(loaded)  # the probe sees what a map really needs


def test_a_usage_error_is_refused_before_the_file_format_loads() -> None:
    status, loaded = loaded_by("export", str(EXAMPLE), "-o", "out.docx")
    assert status == 2
    assert not {"polars", "matplotlib", "PySide6", "pandas"} & set(loaded)
