"""Hostile and careless files against every ``cjo`` command: each ends in success or a clean
refusal (exit 1, one ``error:`` line naming the file), never a traceback, never invalid JSON,
and the user's map keeps its bytes.

Option values are in test_hostile_cli_options.py; closed and full streams and names holding
escape sequences in test_hostile_cli_output.py.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from hostile_cli import (
    NOT_UTF8,
    SURVEY,
    Case,
    breaches,
    error_lines,
    is_json,
    map_commands,
    measured_copy,
    run_all,
)

BAD_MAPS: dict[str, bytes | None] = {
    "missing": None,
    "a folder": b"",
    "empty": b"",
    "bad JSON": b'{"schema_version": 3, "title": "x", "stages": [',
    "not UTF-8": b'{"schema_version": 3, "title": "\xff\xfe"}',
    "not a map": b'["a", "list"]',
}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return measured_copy(tmp_path_factory.mktemp("shop"))


def _bad_map(folder: Path, kind: str) -> Path:
    path = folder / "bad.cjo.json"
    content = BAD_MAPS[kind]
    if kind == "a folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    return path


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


@pytest.mark.slow
def test_every_command_refuses_a_missing_map_in_the_same_words(tmp_path: Path) -> None:
    """The same mistake gets the same line from all 16 command lines."""
    bad = _bad_map(tmp_path, "missing")
    data = tmp_path / "s.csv"
    shutil.copy(SURVEY, data)
    out = tmp_path / "out"
    out.mkdir()
    before = _snapshot(tmp_path)
    commands = map_commands(bad.name, data.name, Path("out"))
    cases = [Case(n, a, 1, is_json(n)) for n, a in commands.items()]
    results = run_all(cases, tmp_path)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    lines = {error_lines(r.stderr)[0] for _, r in results}
    assert len(lines) == 1, lines  # one wording for every command
    assert lines.pop().startswith(f"error: {bad.name}: ")
    assert all(r.stdout == "" for _, r in results)
    assert _snapshot(tmp_path) == before  # no output, no temporary file, the data untouched


@pytest.mark.parametrize("kind", ["bad JSON", "a folder", "empty", "not UTF-8", "not a map"])
def test_folders_empty_files_and_bytes_that_are_not_a_map(tmp_path: Path, kind: str) -> None:
    bad = _bad_map(tmp_path, kind)
    shutil.copy(SURVEY, tmp_path / "s.csv")
    (tmp_path / "out").mkdir()
    before = _snapshot(tmp_path)
    commands = map_commands(bad.name, "s.csv", Path("out"))
    chosen = ["info --json", "export .png", "import-metrics in place", "painpoints"]
    cases = [Case(n, commands[n], 1, is_json(n)) for n in chosen]
    problems = breaches(run_all(cases, tmp_path), lambda c, r: _names(r.stderr, bad.name))
    assert not problems, "\n".join(problems)
    assert _snapshot(tmp_path) == before


def _names(stderr: str, name: str) -> list[str]:
    return [] if f"error: {name}" in stderr else [f"the error does not name {name}"]


DATA_ATTACKS: dict[str, tuple[str, bytes | None]] = {
    "missing data": ("s.csv", None),
    "a folder as data": ("s.csv", b"folder"),
    "empty data": ("s.csv", b""),
    "binary garbage": ("s.csv", bytes(range(256)) * 8),
    "a header only": ("s.csv", b"touchpoint,nps\n"),
    "an unknown suffix": ("s.pdf", b"%PDF-1.4\n"),
    "a broken workbook": ("s.xlsx", b"PK\x03\x04 not really a zip"),
    "rows but no touchpoint column": ("s.csv", b"when,score\n2025-01-01,9\n"),
}


@pytest.mark.parametrize("attack", list(DATA_ATTACKS))
def test_bad_data_files_leave_the_map_alone(tmp_path: Path, shop: Path, attack: str) -> None:
    name, content = DATA_ATTACKS[attack]
    data = tmp_path / name
    if content == b"folder":
        data.mkdir()
    elif content is not None:
        data.write_bytes(content)
    shutil.copy(shop, tmp_path / "m.cjo.json")
    before = _snapshot(tmp_path)
    cases = [
        Case("import in place", ["import-metrics", "m.cjo.json", name, "--snapshot", "S"], 1),
        Case("segments", ["segments", "m.cjo.json", name, "--column", "segment"], 1),
    ]
    problems = breaches(run_all(cases, tmp_path), lambda c, r: _names(r.stderr, name))
    assert not problems, "\n".join(problems)
    assert _snapshot(tmp_path) == before


@pytest.mark.slow
def test_files_whose_names_are_not_utf8_work_and_are_printed_escaped(
    tmp_path: Path, shop: Path
) -> None:
    """Linux allows any bytes in a name: every command reads and writes such files, and
    prints their names with the odd byte as \\xff, never raw."""
    name, in_place = f"m{NOT_UTF8}.cjo.json", f"n{NOT_UTF8}.cjo.json"
    shutil.copy(shop, tmp_path / name)
    shutil.copy(shop, tmp_path / in_place)
    shutil.copy(SURVEY, tmp_path / f"s{NOT_UTF8}.csv")
    out = tmp_path / f"o{NOT_UTF8}"
    out.mkdir()
    commands = map_commands(name, f"s{NOT_UTF8}.csv", Path(out.name))
    for slow in ("export .svg", "export .pdf"):  # the same writer as .png, a second each
        del commands[slow]
    commands["import-metrics in place"][1] = in_place
    cases = [Case(n, a, 0, is_json(n)) for n, a in commands.items()]
    ran = run_all(cases, tmp_path)
    results = {c.name: r for c, r in ran}
    problems = breaches(ran)
    assert not problems, "\n".join(problems)
    assert results["validate"].stdout.startswith("m\\xff.cjo.json: ok (")
    assert "wrote o\\xff/x.png" in results["export .png"].stdout
    report = results["import-metrics -o"].stdout
    assert "import of s\\xff.csv (responses)" in report and "saved o\\xff/o.cjo.json" in report
    written = sorted(p.name for p in out.iterdir())
    suffixes = (".cjo.json", ".csv", ".graphml", ".mmd", ".png")
    assert written == sorted(["o.cjo.json", "r.pdf", *(f"x{s}" for s in suffixes)])
    assert "saved n\\xff.cjo.json" in results["import-metrics in place"].stdout
    assert (tmp_path / in_place).read_bytes() != shop.read_bytes()  # the snapshot is in


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000 anyway")
def test_an_unreadable_map_is_refused(tmp_path: Path, shop: Path) -> None:
    path = tmp_path / "locked.cjo.json"
    shutil.copy(shop, path)
    path.chmod(0)
    try:
        cases = [Case("info", ["info", path.name], 1), Case("metrics", ["metrics", path.name], 1)]
        problems = breaches(run_all(cases, tmp_path))
        assert not problems, "\n".join(problems)
    finally:
        path.chmod(0o644)


def test_outputs_that_are_not_regular_files_are_refused_and_kept(
    tmp_path: Path, shop: Path
) -> None:
    """A save renames a finished copy over its target: `cjo new /dev/full --force` replaced
    the device with a plain file. Pipes stand in for devices here."""
    shutil.copy(shop, tmp_path / "m.cjo.json")
    shutil.copy(SURVEY, tmp_path / "s.csv")
    for name in ("p.cjo.json", "p.csv", "p.png", "p.pdf"):
        os.mkfifo(tmp_path / name)
    (tmp_path / "d.cjo.json").mkdir()
    before = _snapshot(tmp_path)
    cases = [
        Case("new --force", ["new", "p.cjo.json", "--force"], 1),
        Case("new over a folder", ["new", "d.cjo.json", "--force"], 1),
        Case("export .csv", ["export", "m.cjo.json", "-o", "p.csv"], 1),
        Case("export .png", ["export", "m.cjo.json", "-o", "p.png"], 1),
        Case("report", ["report", "m.cjo.json", "-o", "p.pdf"], 1),
        Case("import -o", ["import-metrics", "m.cjo.json", "s.csv", "-o", "p.cjo.json"], 1),
    ]
    results = run_all(cases, tmp_path)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    assert all(r.stdout == "" for _, r in results)  # refused before the import report
    assert error_lines(results[0][1].stderr) == [
        "error: p.cjo.json: is not a regular file (a device, pipe or socket)"
    ]
    assert _snapshot(tmp_path) == before
    assert all(stat.S_ISFIFO((tmp_path / n).stat().st_mode) for n in ("p.cjo.json", "p.pdf"))
