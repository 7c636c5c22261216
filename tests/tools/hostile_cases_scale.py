"""Attacks by size (issue 11, point 6), for hostile_tally: they must be refused or finish in
bounded time, each with one short error line. Built with the scale suite's own map shapes."""

from __future__ import annotations

import sys
from pathlib import Path

from hostile_kit import CLEAN, EXAMPLE, WRONG, case, cjo, judge

sys.path[:0] = [str(Path(__file__).parents[1] / d) for d in ("robustness", "")]

import scale_maps  # noqa: E402


def _map(folder: Path, shape: str, n: int) -> Path:
    path = folder / f"{shape}.cjo.json"
    path.write_text(scale_maps.text(shape, n), encoding="utf-8")
    return path


@case("scale", "300,000 pain-point rules: validate")
def _rules(folder: Path) -> str:
    return judge(cjo("validate", _map(folder, "rules", 300_000), timeout=60), "refuse")


@case("scale", "40,000 cards: report (a summary)")
def _report(folder: Path) -> str:
    path = _map(folder, "cards", 40_000)
    return judge(cjo("report", path, "-o", folder / "r.pdf", timeout=300), "ok")


@case("scale", "40,000 cards: painpoints, metrics, info, export svg")
def _commands(folder: Path) -> str:
    path = _map(folder, "cards", 40_000)
    for args in (
        ("painpoints", path, "--format", "json"),
        ("metrics", path, "--format", "json"),
        ("info", path, "--json"),
        ("export", path, "-o", folder / "m.svg"),
    ):
        verdict = judge(cjo(*args, timeout=300), "any", json_out="json" in str(args[-1]))
        if verdict != CLEAN:
            return verdict
    return CLEAN


@case("scale", "a workbook whose shared strings unpack to 330 MiB")
def _bomb(folder: Path) -> str:
    from test_hostile_scale_tables import _workbook  # the scale suite's own bomb

    book = _workbook(folder / "bomb.xlsx", 330)
    result = cjo("import-metrics", EXAMPLE, book, "-o", folder / "o.cjo.json", timeout=120)
    return judge(result, "refuse")


@case("scale", "a header cell of 81 KB and 100,000 columns: short error lines")
def _long_errors(folder: Path) -> str:
    for name, header in (
        ("cell", "x" * 81_000),
        ("columns", ",".join(f"c{i}" for i in range(100_000))),
    ):
        data = folder / f"{name}.csv"
        data.write_text(f"{header}\n1\n", encoding="utf-8")
        result = cjo("import-metrics", EXAMPLE, data, "-o", folder / "o.cjo.json")
        verdict = judge(result, "refuse")
        if verdict != CLEAN:
            return verdict
        if len(result.err) > 500:
            return WRONG
    return CLEAN
