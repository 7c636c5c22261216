"""Scale without hangs, the tables: workbooks that unpack to too much and CSV lines too long
are refused before they are read whole, and every message about a hostile table is one line
under 500 characters however long its cells, names and lists."""

from __future__ import annotations

import random
import re
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest
import scale_maps
from cjo_command import run_cjo
from scale_support import (
    one_error_line,
    timed,
)

from cjo_desktop.domain import Journey
from cjo_desktop.io import MapFileError, loads_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import TableError, open_table
from cjo_desktop.io.tables._csv import MAX_LINE_BYTES, LineMeter
from cjo_desktop.io.tables._table import MAX_COLUMNS

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
        ("a score column named by a long flag", ["touchpoint", "nps"], spec_of(nps=HUGE)),
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
            spec_of(nps="nps"),
        ),
        (
            "a bad score under a header of 80,000 characters",
            _csv(folder / "head.csv", f"touchpoint,{HUGE}", "Cart,9", "Cart,ten"),
            spec_of(nps=HUGE),
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
            spec_of(nps="nps", segment=("segment", HUGE)),
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


@pytest.mark.slow
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


@pytest.mark.slow
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
    lines = ["touchpoint,nps", *["Touchpoint 1,9"] * 20_000, "9," * (MAX_LINE_BYTES // 2 + 1)]
    path = _csv(tmp_path / "late.csv", *lines)
    tracemalloc.start()
    try:
        with pytest.raises(TableError) as info:
            run_import(journey, path, spec_of(nps="nps"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(info.value) == (
        f"{path}: line 20002: the line is longer than {MAX_LINE_BYTES:,} bytes "
        "(is a line break missing?)"
    )
    # one line's cells at most (a pointer each: 8 bytes for every 2 of "9,"), not the file's
    assert peak < 10 * MAX_LINE_BYTES, f"{peak / 2**20:.0f} MiB"


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
            run_import(journey, path, spec_of(nps="nps"))
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


@pytest.mark.slow
def test_a_workbook_of_ordinary_size_still_imports(tmp_path: Path) -> None:
    journey = loads_map(scale_maps.text("cards", 5))
    fine = _workbook(tmp_path / "fine.xlsx", 4)  # 4 MiB of shared strings
    result = run_import(journey, fine, spec_of(nps="nps"))
    assert result.snapshot.value("t1", "nps") is not None


def _first_long_line(data: bytes, limit: int) -> int | None:
    """The oracle: split into lines at every \\n, \\r or \\r\\n, the first longer than limit."""
    number = 1
    for line in re.split(rb"\r\n|\r|\n", data):
        if len(line) > limit:
            return number
        number += 1
    return None


@pytest.mark.parametrize("seed", range(40))
def test_the_line_meter_finds_the_first_long_line_in_any_chunks(seed: int) -> None:
    rng = random.Random(seed)
    limit = rng.choice([1, 3, 10, 50])
    pieces = [rng.choice([b"a", b"bb", b"\n", b"\r\n", b"\r", b"x" * rng.randint(0, 80)])]
    pieces += [
        rng.choice([b"a", b"\n", b"\r", b"y" * rng.randint(0, 3 * limit)]) for _ in range(60)
    ]
    data = b"".join(pieces)
    expected = _first_long_line(data, limit)
    meter = LineMeter(limit)
    at = 0
    while at < len(data):
        size = rng.randint(1, 40)
        if meter.feed(data[at : at + size]):
            break
        at += size
    if re.search(rb"\r(?!\n)", data):  # a lone \r breaks a line, yet lines are numbered by \n
        assert (meter.long_line is None) == (expected is None)
    else:
        assert meter.long_line == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (200_000, "a cell is longer than 131,072 characters (is a closing quote missing?)"),
        (6_000_000, f"the line is longer than {MAX_LINE_BYTES:,} bytes (is a line break missing?)"),
    ],
)
def test_the_fast_survey_reader_refuses_what_the_exact_one_does(
    tmp_path: Path, cell: int, message: str
) -> None:
    """polars read a comment of any length that the csv module refuses: the same file gave a
    snapshot or an error depending on which reader ran."""
    journey = loads_map(scale_maps.text("cards", 5))
    rows = ["Touchpoint 1,9,fine"] * 1_000
    path = _csv(
        tmp_path / "long.csv", "touchpoint,nps,comment", *rows, "Touchpoint 1,9," + "c" * cell
    )
    for spec in (spec_of(nps="nps"), spec_of(nps="nps", skip_invalid=True)):
        with pytest.raises(TableError) as info:
            run_import(journey, path, spec)
        assert str(info.value) == f"{path}: line 1002: {message}"
