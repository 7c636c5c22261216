"""Scale without hangs: huge maps load, save, open and report in bounded time and memory, or
are refused at once with one clear line; the file is never changed.

Each shape of :mod:`scale_maps` piles items into one part of a map where a check comparing
every item with every other once hid (300,000 rules hung ``cjo validate``; 10,000 snapshots took
30 s to load; 8,000 cards with a metric each took 11 s to save and 16 GB to open). The bounds
below only tell "finishes" from "hangs": the benchmark ``tests/bench/bench_scale.py`` shows
the times growing in step with the size.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import scale_maps
from cjo_command import run_cjo

from cjo_desktop.analysis.impact import chosen_snapshot, rank_map
from cjo_desktop.analysis.reach import reach_probabilities
from cjo_desktop.domain import Journey, JourneyError, PainPointSettings, Rule
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, MAX_RULES
from cjo_desktop.io import MapFileError, dumps_map, files, loads_map
from cjo_desktop.io.exports.metrics_table import MAX_TABLE_CELLS, compare_records, metric_records
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import TableError, open_table
from cjo_desktop.io.tables._csv import MAX_LINE_BYTES
from cjo_desktop.io.tables._table import MAX_COLUMNS
from cjo_desktop.report.build import build_pdf, plan
from cjo_desktop.report.data import ReportOptions, gather
from cjo_desktop.report.summary import stage_pages, stage_rows

T = TypeVar("T")
NOT_HANGING = 60.0  # seconds: what took minutes or hours now takes a few seconds


def timed(work: Callable[[], T], seconds: float = NOT_HANGING) -> T:
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"took {elapsed:.0f} s"
    return result


def refusal(text: str, source: str = "<big>") -> str:
    with pytest.raises(MapFileError) as info:
        timed(lambda: loads_map(text, source))
    message = str(info.value)
    assert len(message.splitlines()) == 1 and message.isprintable() and len(message) < 500
    assert message.startswith(f"{source}: ")
    return message


def one_error_line(result: Any) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and len(lines[0]) < 500
    return str(lines[0])


# ------------------------------------------------------------------------- the item limit


def test_300000_rules_are_refused_by_the_item_limit_and_validate_says_so(tmp_path: Path) -> None:
    path = tmp_path / "rules.cjo.json"
    path.write_text(scale_maps.text("rules", 300_000), encoding="utf-8")
    before = path.read_bytes()
    message = refusal(path.read_text(encoding="utf-8"))
    assert message.endswith(f"the map has 300,002 items; the limit is {files.MAX_ITEMS:,}")
    line = one_error_line(run_cjo("validate", path))
    assert line == f"error: {path}: the map has 300,002 items; the limit is {files.MAX_ITEMS:,}"
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ("rules", 250_000),
        ("tags", 250_000),
        ("detail", 250_000),
        ("notes", 250_000),
        ("metrics", 125_000),  # as many values and journey-wide values
        ("snapshots", 250_000),
        ("emotions", 200_000),  # and half as many personas
    ],
)
def test_every_list_of_the_file_counts_against_the_item_limit(shape: str, size: int) -> None:
    data = scale_maps.build(shape, size)
    counted = files.count_items(data)
    assert counted > files.MAX_ITEMS
    assert refusal(json.dumps(data)).endswith(
        f"the map has {counted:,} items; the limit is 200,000"
    )


def test_unknown_fields_by_the_million_count_too() -> None:
    """A record with a million keys the schema does not know once took 16 s and 700 MB to
    refuse one unknown field at a time; they count as items now."""
    data = scale_maps.build("cards", 10)
    data["touchpoints"][3].update({f"k{i}": i for i in range(1_000_000)})
    message = refusal(json.dumps(data))
    assert message.endswith(f"the limit is {files.MAX_ITEMS:,}")
    data["touchpoints"][3] = {f"k{i}": i for i in range(100)}  # a few: validation names them
    assert "touchpoints[3]" in refusal(json.dumps(data))


# ----------------------------------------------------------------- checks that are linear


def test_rules_over_the_rule_limit_are_refused_with_their_place() -> None:
    message = refusal(scale_maps.text("rules", 150_000))
    assert message == (
        f"<big>: painpoint_settings.rules: a map may have at most {MAX_RULES:,} rules, not 150,000"
    )
    data = scale_maps.build("rules", 1_000)
    data["painpoint_settings"]["rules"][-1]["name"] = "r0"
    assert refusal(json.dumps(data)).endswith("a second rule named 'r0' (first at rules[0])")
    loads_map(scale_maps.text("rules", MAX_RULES))


def test_rules_times_touchpoints_are_bounded_where_every_rule_is_checked() -> None:
    data = scale_maps.build("rules", 200)
    cards = MAX_RULE_CHECKS // 200 + 1
    data["touchpoints"] = [{"id": f"t{i}", "name": f"T{i}", "stage": "s0"} for i in range(cards)]
    message = refusal(json.dumps(data))
    assert message == (
        f"<big>: painpoint_settings.rules: 200 rules checked at each of {cards:,} touchpoints "
        f"make {200 * cards:,} checks; the limit is {MAX_RULE_CHECKS:,}: use fewer rules"
    )
    journey = Journey("Rules")
    stage = journey.add_stage("S").id
    for i in range(cards):
        journey.add_touchpoint(stage, f"T{i}")
    rules = tuple(Rule(f"r{i}", "nps", "<", 0.0, "high") for i in range(200))
    with pytest.raises(JourneyError, match="use fewer rules"):
        journey.set_painpoint_settings(PainPointSettings(rules))


def test_the_domain_finds_a_repeated_rule_name_among_many_in_one_pass() -> None:
    rules = [Rule(f"r{i}", "nps", "<", 0.0, "high") for i in range(MAX_RULES)]
    settings = timed(lambda: PainPointSettings(tuple(rules)), 5)
    assert settings.rule("r999") is rules[-1] and settings.rule("nope") is None
    with pytest.raises(JourneyError, match="two rules are named 'r7'"):
        PainPointSettings((*rules[:-1], rules[7]))
    with pytest.raises(JourneyError, match=f"at most {MAX_RULES:,} rules, not 1,001"):
        PainPointSettings((*rules, Rule("one more", "nps", "<", 0.0, "high")))


@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ("snapshots", 20_000),  # 10,000 took 30 s to load: each one copied all before it
        ("card_metrics", 24_000),  # a metric of its own on each card: 8,000 took 11 s to save
        ("card_snapshots", 40_000),  # a snapshot per card: 20,000 by 20,000 lookups to save
        ("stages", 20_000),
        ("cards", 10_000),
        ("notes", 50_000),
        ("flows", 50_000),
    ],
)
def test_large_valid_maps_load_and_save_back_unchanged(shape: str, size: int) -> None:
    text = json.dumps(scale_maps.build(shape, size))
    journey = timed(lambda: loads_map(text, "<big>"))
    saved = timed(lambda: dumps_map(journey))
    assert timed(lambda: loads_map(saved)) == journey
    assert timed(journey.copy) == journey


def test_a_long_loop_is_priced_by_its_settled_chance_in_little_time() -> None:
    """Walking every touchpoint in file order took a round per step: 10,000 cards in a loop
    ran 500 rounds (10 s) and still priced the first card at a chance of 0."""
    cards = 10_000
    data = scale_maps.build("cards", cards)
    data["flows"] = [f for f in data["flows"] if f["target"] is not None]
    last = data["flows"][-1]
    onward = last["count"]
    data["flows"][-1:] = [
        {"source": last["source"], "target": "t0", "count": 500},
        last,
        {"source": last["source"], "target": None, "count": 500},
    ]
    journey = loads_map(json.dumps(data))
    chance = timed(lambda: reach_probabilities(journey, f"t{cards - 1}"), 30)
    assert chance["t0"] == pytest.approx(onward / (onward + 500), rel=1e-6)
    assert chance[f"t{cards // 2}"] == pytest.approx(chance["t0"], rel=1e-6)
    data["painpoint_settings"] = {"goal": f"t{cards - 1}", "value_per_customer": 80.0}
    journey = loads_map(json.dumps(data))
    rows = timed(lambda: rank_map(journey, chosen_snapshot(journey)))
    words = f"x {onward / (onward + 500):.0%} who would have bought"
    priced = [r for r in rows if r.basis == "revenue"]
    assert len(priced) > 1000
    assert sum(words not in r.explanation for r in priced) <= 1  # the card before the goal


def test_metrics_of_cards_with_a_metric_each_are_listed_in_one_pass() -> None:
    """``cjo metrics`` looked up every metric at every card: 20,000 such cards took 178 s."""
    journey = loads_map(scale_maps.text("card_metrics", 20_000))
    records = timed(lambda: metric_records(journey))
    assert [(r["touchpoint_id"], r["metric"]) for r in records[:3]] == [
        ("t0", "m0"),
        ("t1", "m1"),
        ("t2", "m2"),
    ]
    assert len(records) == 20_000
    assert len(timed(lambda: compare_records(journey, None, "one each"))) == 20_000


def test_a_csv_table_of_cards_by_metrics_too_large_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    """One row per card and two columns per metric: 20,000 cards with a metric each made an
    800 MB file of empty cells in 135 s and 2.2 GB."""
    path = tmp_path / "wide.cjo.json"
    path.write_text(scale_maps.text("card_metrics", 5_000), encoding="utf-8")
    before = path.read_bytes()
    out = tmp_path / "wide.csv"
    line = one_error_line(run_cjo("export", path, "-o", out))
    assert line == (
        f"error: {out}: the table would have 5,000 rows of 10,005 columns, more than "
        f"{MAX_TABLE_CELLS:,} cells: `cjo metrics MAP --format csv` writes one row per value"
    )
    assert not out.exists() and path.read_bytes() == before
    result = run_cjo("metrics", path, "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("\n") == 5_001


class _Passes(list[T]):
    """A list that counts the passes made over it."""

    passes = 0

    def __iter__(self) -> Iterator[T]:
        self.passes += 1
        return super().__iter__()


def test_the_opportunity_table_finds_each_row_of_the_ranking_at_once() -> None:
    """The pain-point dock scanned the whole ranking for every opportunity: opening a map of
    20,000 cards spent 12 s there. One pass over the ranking now, whatever the numbers."""
    from PySide6.QtWidgets import QApplication

    from cjo_desktop.app.painpoint_tables import opportunity_model

    app = QApplication.instance() or QApplication([])
    data = scale_maps.build("notes", 4_000)  # 2,000 pain points on one card, a fix each
    journey = loads_map(json.dumps(data))
    rows = _Passes(rank_map(journey, None))
    assert len(rows) == 2_000
    model = opportunity_model(journey, rows, journey.painpoint_settings(), app)
    assert rows.passes == 1
    assert model.rowCount() == 2_000
    tips = {model.item(r, 5).toolTip() for r in range(2_000)}
    assert tips == {"No volumes at this touchpoint: nothing to price."}  # each found its row
    model.deleteLater()


# ------------------------------------------------------------------------------ the report

POPPLER = shutil.which("pdftotext") is not None


#: ``cjo`` in a child that writes its peak memory down as it ends. The kernel's max RSS of a
#: child counts the parent's memory from before the exec, and this test process grows big.
_MEASURED = """
import sys
from cjo_desktop.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open("/proc/self/status") as status_file:
        peak = next(line.split()[1] for line in status_file if line.startswith("VmHWM:"))
    with open(sys.argv[1], "w") as out:
        out.write(peak)
sys.exit(status)
"""


def run_measured(args: list[str], timeout: float) -> tuple[int, str, str, float]:
    """``cjo ARGS`` in its own process: exit status, stdout, stderr and its peak memory in MiB
    (VmHWM: the most it held resident)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc")
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        result = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(peak_file), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUTF8": "1"},
            timeout=timeout,
            check=False,
        )
        peak = int(peak_file.read_text()) / 1024
    return result.returncode, result.stdout, result.stderr, peak


def pdf_text(path: Path, first: int = 1, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last or first)]
    args = ["pdftotext", "-layout", *pages, str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_the_report_of_40000_cards_is_a_summary_in_seconds_and_little_memory(
    tmp_path: Path,
) -> None:
    """It ran past 400 s at 1.3 GB drawing map pages no one could read."""
    path = tmp_path / "big.cjo.json"
    path.write_text(scale_maps.text("cards", 40_000), encoding="utf-8")
    before = path.read_bytes()
    out = tmp_path / "big.pdf"
    status, stdout, stderr, peak = run_measured(["report", str(path), "-o", str(out)], 240)
    assert status == 0, stderr
    assert stdout.startswith(f"wrote {out} (") and "Traceback" not in stderr
    assert peak < 1024, f"{peak:.0f} MiB"  # measured: 311 MiB
    assert path.read_bytes() == before
    if POPPLER:
        title = " ".join(pdf_text(out).split())
        assert "A summary report: the map has 40,000 touchpoints, more than the 300" in title
        assert re.search(r"2 Stages at a glance", title)
        assert "Emotion curve: not drawn in a summary report" in title
        stages = " ".join(pdf_text(out, 2).split())
        assert "Stage 7 5,000" in stages
        ranked = pdf_text(out, 1, 99)
        assert re.search(r"\d,\d{3} more in `cjo painpoints`", ranked)


def test_a_summary_lists_at_most_130_stages_and_says_how_many_more() -> None:
    journey = loads_map(scale_maps.text("stages", 5_000))
    data = gather(journey, ReportOptions())
    assert (
        data.summary == "the map has 5,000 touchpoints, more than the 300 a report draws one by one"
    )
    chunks = stage_pages(stage_rows(data))
    assert [len(rows) for rows, _ in chunks] == [26] * 5
    assert chunks[-1][1] == "4,870 more stages are not listed: `cjo info MAP` names them all."
    assert [note for _, note in chunks[:-1]] == [""] * 4
    body, contents = plan(data, None)
    assert [p.section for p in body].count("Stages at a glance") == 5
    entry = {e.title: e for e in contents}["Metrics by stage"]
    assert entry.page is None and entry.note == "not drawn: 5,000 stages, more than the 40 it shows"


def test_the_value_by_effort_page_draws_the_25_opportunities_worth_most(tmp_path: Path) -> None:
    data = scale_maps.build("notes", 400)  # 200 pain points on one card, a fix for each
    for i, fix in enumerate(data["opportunities"]):
        fix["impact"] = i % 101
    journey = loads_map(json.dumps(data))
    report = gather(journey, ReportOptions())
    assert report.summary == ""
    pdf = tmp_path / "fixes.pdf"
    pdf.write_bytes(timed(lambda: build_pdf(report, None)))
    if POPPLER:
        text = pdf_text(pdf, 1, 99)
        assert "Value by effort: the 25 worth most of 200" in text
        assert re.search(r"\bFix 100\b", text) and re.search(r"\bFix 98\b", text)  # 100%, 98%
        assert not re.search(r"\bFix 50\b", text)  # 50%: not among the 25 worth most


def test_a_full_report_of_many_map_parts_keeps_its_pictures_small(tmp_path: Path) -> None:
    """40 map parts held 1.7 GB of pixels (the PDF writer keeps every picture to the end);
    their pixels together are bounded now."""
    data = scale_maps.build("stages", 1)
    data.update(scale_maps._base(300, 40))
    data["flows"] = [{"source": f"t{i}", "target": f"t{i + 1}", "count": 9} for i in range(299)]
    path = tmp_path / "wide.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "wide.pdf"
    status, _, stderr, peak = run_measured(["report", str(path), "-o", str(out)], 240)
    assert status == 0, stderr
    assert peak < 600, f"{peak:.0f} MiB"  # measured: 345 MiB, 764 before
    if POPPLER:
        assert "The map, part 40 of 40" in pdf_text(out, 1, 99)


# -------------------------------------------------------------------- bounded tables

WIDE = 100_000
HUGE = "x" * 80_000  # one header cell made an 81 KB error line


def _csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(header: str, row: str, count: int = 3) -> list[str]:
    return [header, *[row] * count]


def _sheets(path: Path, names: list[str]) -> Path:
    """A workbook with a sheet of each name (Excel stops at 31 characters; the format does
    not), each holding a touchpoint and an NPS."""
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Title is more than 31 characters"
        for i, name in enumerate(names):
            sheet = book.active if i == 0 else book.create_sheet()
            sheet.title = name
            sheet.append(["touchpoint", "nps"])
            sheet.append(["Touchpoint 1", 9])
    book.save(path)
    return path


def worst_tables(folder: Path) -> list[tuple[str, Path, ImportSpec]]:
    """Files (and flags) whose error or import report once quoted whole cells, names or
    column lists: each entry is (what, file, spec)."""
    many = ",".join(f"column {i}" for i in range(16_000))
    cases = [
        ("a header cell of 80,000 characters, no key column", ["a", HUGE, "nps"], ImportSpec()),
        ("a key column of 80,000 characters named", ["a", "nps"], ImportSpec(key=HUGE)),
        ("16,000 columns, none says touchpoint", [many], ImportSpec()),
        ("a score column named by a long flag", ["touchpoint", "nps"], ImportSpec(nps=HUGE)),
        (
            "a segment column named by a long flag",
            ["touchpoint", "nps"],
            ImportSpec(segment=(HUGE, HUGE)),
        ),
    ]
    out = []
    for i, (what, header, spec) in enumerate(cases):
        cells = ",".join(header)
        path = _csv(folder / f"case{i}.csv", *_rows(cells, ",".join("9" for _ in header)))
        out.append((what, path, spec))
    out += [
        (
            "a cell of 100,000 characters where a score belongs",
            _csv(folder / "cell.csv", "touchpoint,nps", "Cart,9", "Cart," + "y" * WIDE),
            ImportSpec(nps="nps"),
        ),
        (
            "a bad score under a header of 80,000 characters",
            _csv(folder / "head.csv", f"touchpoint,{HUGE}", "Cart,9", "Cart,ten"),
            ImportSpec(nps=HUGE),
        ),
        (
            "1,000 repeated long column names",
            _csv(
                folder / "twice.csv",
                ",".join([f"{i}{HUGE[:500]}" for i in range(1_000)] * 2) + ",touchpoint",
                "1",
            ),
            ImportSpec(),
        ),
        (
            "rows outside a segment named by a long value",
            _csv(folder / "segment.csv", "touchpoint,nps,segment", "Cart,9,a", "Cart,8,b"),
            ImportSpec(nps="nps", segment=("segment", HUGE)),
        ),
        (
            "1,000 sheets of long names, and another asked for",
            _sheets(folder / "sheets.xlsx", [f"{i} {HUGE[:300]}" for i in range(1_000)]),
            ImportSpec(sheet=HUGE),
        ),
        (
            "1,000 sheets of long names, and one of them read",
            folder / "sheets.xlsx",
            ImportSpec(),
        ),
        (
            "10,000 columns without a name",
            _csv(
                folder / "unnamed.csv", "touchpoint" + "," * 10_000 + "nps", "Cart" + ",1" * 10_001
            ),
            ImportSpec(),
        ),
        (
            f"{WIDE:,} columns",
            _csv(folder / "wide.csv", ",".join(f"c{i}" for i in range(WIDE)), "1"),
            ImportSpec(),
        ),
        (
            "one line of 10,000,000 commas",
            _csv(folder / "commas.csv", "touchpoint,nps", "Cart,9", "," * 10_000_000),
            ImportSpec(),
        ),
        (
            "one quoted cell of 1,000,000 characters over many lines",
            _csv(folder / "quoted.csv", "touchpoint,nps", 'Cart,"' + "z\n" * 500_000 + '"'),
            ImportSpec(),
        ),
        (
            "2,000 long keys that match no touchpoint, and cards without data",
            _csv(
                folder / "keys.csv",
                "touchpoint,nps",
                *[f"{i}{HUGE[:2_000]},9" for i in range(2_000)],
            ),
            ImportSpec(add_missing=False),
        ),
        (
            "2,000 long keys added as new touchpoints",
            _csv(
                folder / "new.csv", "touchpoint,nps", *[f"{i} {HUGE[:400]},9" for i in range(2_000)]
            ),
            ImportSpec(add_missing=True, snapshot=HUGE[:400]),
        ),
    ]
    return out


def test_every_message_about_a_hostile_table_is_one_short_line(tmp_path: Path) -> None:
    journey = loads_map(scale_maps.text("cards", 50))
    seen = []
    for what, path, spec in worst_tables(tmp_path):
        try:
            result = timed(lambda p=path, s=spec: run_import(journey, p, s), 30)
        except MapFileError as exc:
            lines = [str(exc)]
        else:
            assert result.report is not None
            lines = result.report.lines()
        for line in lines:
            seen.append(len(line))
            assert "\n" not in line and line.isprintable(), what
            assert len(line) < 500, f"{what}: {len(line):,} characters: {line[:200]}"
    assert max(seen) > 200  # the cases do quote what they meet


def test_the_key_flag_lists_columns_briefly_on_the_command_line(tmp_path: Path) -> None:
    """'choose one with --key (columns: ...)' listed all 100,000 columns: 789 KB."""
    path = tmp_path / "map.cjo.json"
    path.write_text(scale_maps.text("cards", 5), encoding="utf-8")
    before = path.read_bytes()
    data = _csv(tmp_path / "many.csv", ",".join(f"score {i}" for i in range(16_000)), "1")
    line = one_error_line(run_cjo("import-metrics", path, data))
    assert "choose one with --key (columns: score 0, score 1," in line
    assert line.endswith("score 7 and 15,992 more)")
    line = one_error_line(run_cjo("import-metrics", path, data, "--key", HUGE))
    assert f"no column '{'x' * 57}…'" in line
    assert path.read_bytes() == before


def test_a_line_longer_than_the_limit_is_refused_where_it_is(tmp_path: Path) -> None:
    journey = loads_map(scale_maps.text("cards", 5))
    lines = ["touchpoint,nps", *["Touchpoint 1,9"] * 300_000, "9," * (MAX_LINE_BYTES // 2 + 1)]
    path = _csv(tmp_path / "late.csv", *lines)
    tracemalloc.start()
    try:
        with pytest.raises(TableError) as info:
            run_import(journey, path, ImportSpec(nps="nps"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(info.value) == (
        f"{path}: line 300002: the line is longer than {MAX_LINE_BYTES:,} bytes "
        "(is a line break missing?)"
    )
    assert peak < 4 * MAX_LINE_BYTES, f"{peak / 2**20:.0f} MiB"


def test_a_table_of_too_many_columns_is_refused_for_csv_and_xlsx(tmp_path: Path) -> None:
    header = [f"c{i}" for i in range(MAX_COLUMNS + 1)]
    path = _csv(tmp_path / "wide.csv", ",".join(header), "1")
    with pytest.raises(
        TableError, match=r"the header has 16,385 columns; a table may have 16,384$"
    ):
        open_table(path)
    _csv(tmp_path / "fits.csv", ",".join(header[:-1]), "1")
    with open_table(tmp_path / "fits.csv") as table:
        assert len(table.header) == MAX_COLUMNS


_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
    'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
    'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
    '+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
    '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http:'
    '//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
    't="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v>'
    '</c><c r="B2"><v>9</v></c></row></sheetData></worksheet>',
}


def _workbook(path: Path, shared_mib: float, *, claimed: int | None = None) -> Path:
    """A small valid workbook (touchpoint, nps; Touchpoint 1, 9) whose shared strings are
    padded to ``shared_mib`` MiB of short strings; ``claimed`` makes the zip directory lie
    about their unpacked size."""
    filler = b"<si><t>answer</t></si>"
    count = int(shared_mib * 2**20 / len(filler))
    shared = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><si><t>touchpoint</t></si><si><t>nps</t></si>'
        b"<si><t>Touchpoint 1</t></si>" + filler * count + b"</sst>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/sharedStrings.xml", shared)
    if claimed is not None:  # the unpacked size in the local header and the directory
        data = bytearray(path.read_bytes())
        name = b"xl/sharedStrings.xml"
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            start = data.find(signature)
            while data[start + (30 if signature == b"PK\x03\x04" else 46) :].find(name) != 0:
                start = data.find(signature, start + 1)
            data[start + offset : start + offset + 4] = claimed.to_bytes(4, "little")
        path.write_bytes(bytes(data))
    return path


def _import_peak(journey: Journey, path: Path) -> tuple[str, float]:
    """The one line an import of ``path`` ends with, and its peak of Python memory in MiB."""
    tracemalloc.start()
    try:
        try:
            run_import(journey, path, ImportSpec(nps="nps"))
            line = "imported"
        except MapFileError as exc:
            line = str(exc)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return line, peak / 2**20


def test_shared_strings_that_unpack_to_too_much_are_refused_before_reading(tmp_path: Path) -> None:
    """A 1.2 MB workbook whose shared strings unpacked to 330 MB took 863 MB to import."""
    journey = loads_map(scale_maps.text("cards", 5))
    big = _workbook(tmp_path / "big.xlsx", 70)
    assert big.stat().st_size < 2**20
    line, peak = timed(lambda: _import_peak(journey, big), 10)
    assert line == (
        f"{big}: not read: a workbook part may unpack to at most 64 MiB; its part "
        "'xl/sharedStrings.xml' unpacks to 70 MiB"
    )
    assert peak < 20, f"{peak:.0f} MiB"
    bomb = _workbook(tmp_path / "bomb.xlsx", 30)  # within the size, not the ratio
    line, peak = _import_peak(journey, bomb)
    assert re.fullmatch(
        rf"{re.escape(str(bomb))}: not read: its part 'xl/sharedStrings\.xml' would unpack "
        r"from 0\.\d MiB to 30 MiB, more than 100 times \(a zip bomb\?\)",
        line,
    )
    assert peak < 20, f"{peak:.0f} MiB"


def test_a_zip_directory_that_lies_about_sizes_is_caught_while_reading(tmp_path: Path) -> None:
    journey = loads_map(scale_maps.text("cards", 5))
    liar = _workbook(tmp_path / "liar.xlsx", 70, claimed=10_000)
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size == 10_000
    line, peak = timed(lambda: _import_peak(journey, liar), 10)
    assert line == f"{liar}: not an Excel workbook (a damaged zip archive)"
    assert peak < 20, f"{peak:.0f} MiB"


def test_a_workbook_of_ordinary_size_still_imports(tmp_path: Path) -> None:
    journey = loads_map(scale_maps.text("cards", 5))
    fine = _workbook(tmp_path / "fine.xlsx", 4)  # 4 MiB of shared strings
    result = run_import(journey, fine, ImportSpec(nps="nps"))
    assert result.snapshot.value("t1", "nps") is not None
