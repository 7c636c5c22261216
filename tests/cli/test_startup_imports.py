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
verbs = sorted(m.rsplit(".", 1)[1] for m in sys.modules
               if m.rsplit(".", 1)[0] == "cjo_desktop.cli"
               and m.rsplit(".", 1)[1] in ("maps", "export", "metrics", "painpoints", "report"))
print(json.dumps([status, sorted(m for m in {heavy!r} if m in sys.modules), verbs]))
"""


def probe(*argv: str) -> tuple[int, list[str], list[str]]:
    """Exit status, heavy packages loaded, and the verb modules loaded by ``cjo ARGV``."""
    code = PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
    )
    status, loaded, verbs = json.loads(done.stdout.splitlines()[-1])
    return status, loaded, verbs


def loaded_by(*argv: str) -> tuple[int, list[str]]:
    status, loaded, _ = probe(*argv)
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


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["--version"], []),
        (["--help"], []),
        (["nosuch"], []),
        (["info", str(EXAMPLE)], ["maps"]),
        (["metrics", str(EXAMPLE)], ["metrics"]),
        (["export", "--help"], ["export"]),
    ],
)
def test_a_command_imports_only_its_own_verbs_module(argv: list[str], modules: list[str]) -> None:
    assert probe(*argv)[2] == modules


def test_the_lazy_parser_reads_and_helps_like_the_whole_one() -> None:
    """Listing a verb by its line is enough: the help and the verbs' own parsers are the
    same whether every module or only the named one was imported."""
    from cjo_desktop.cli.contract import build_parser
    from cjo_desktop.cli.verbs import GROUPS

    assert build_parser(["--help"]).format_help() == build_parser().format_help()
    for verbs in GROUPS.values():
        for verb in verbs:
            whole = build_parser()._subparsers._group_actions[0].choices[verb]  # type: ignore[union-attr]
            alone = build_parser([verb])._subparsers._group_actions[0].choices[verb]  # type: ignore[union-attr]
            assert alone.format_help() == whole.format_help(), verb
