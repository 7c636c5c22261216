"""Reading CSV and XLSX tables: sniffing, encodings, line numbers, streaming, and bad files.

Every file is generated in ``tmp_path``; workbooks are written with openpyxl in the test.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import random
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from cjo_desktop.io import MapFileError
from cjo_desktop.io.tables import (
    Row,
    Table,
    TableError,
    cell_text,
    column_index,
    detect_decimal_comma,
    open_table,
    parse_number,
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path: Path, sheet: str | None = None) -> tuple[Table, list[Row]]:
    with open_table(path, sheet) as table:
        return table, list(table.rows())


def refused(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(TableError) as caught:
        read(path, sheet)
    assert isinstance(caught.value, MapFileError)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


# --- CSV: delimiters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "text"),
    [
        (",", 'stage,touchpoint,nps\nBuy,"Checkout, web",40\nUse,App,12\n'),
        (";", "stage;touchpoint;nps\nBuy;Checkout, web;4,5\nUse;App;3,25\n"),
        ("\t", "stage\ttouchpoint\tnps\nBuy\tCheckout; web, app\t40\nUse\tApp\t12\n"),
    ],
)
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str, text: str) -> None:
    table, rows = read(write(tmp_path, "data.csv", text))
    assert table.delimiter == delimiter
    assert table.header == ["stage", "touchpoint", "nps"]
    assert [row.cells[0] for row in rows] == ["Buy", "Use"]
    assert len(rows[0].cells) == 3


def test_delimiter_heuristic_when_the_sniffer_gives_up(tmp_path: Path) -> None:
    # Short rows and decimal commas: csv.Sniffer cannot decide.
    text = "a;b;c\n1,5;2\n3\n4;5,5;6\n"
    with pytest.raises(csv.Error):
        csv.Sniffer().sniff(text, delimiters=",;\t")
    table, rows = read(write(tmp_path, "data.csv", text))
    assert table.delimiter == ";"
    assert [row.cells for row in rows] == [["1,5", "2", ""], ["3", "", ""], ["4", "5,5", "6"]]
    text = 'a,b;c\n"x, y, z";"1,2"\n"p; q";\n'  # quoted delimiters do not count
    table, rows = read(write(tmp_path, "other.csv", text))
    assert table.delimiter == ";"
    assert [row.cells for row in rows] == [["x, y, z", "1,2"], ["p; q", ""]]


def test_one_column_file(tmp_path: Path) -> None:
    table, rows = read(write(tmp_path, "scores.csv", "score\n4,5\n3,0\n"))
    assert table.header == ["score"]
    assert [row.cells for row in rows] == [["4,5"], ["3,0"]]
    assert table.decimal_comma


def test_tsv_suffix_prefers_tabs(tmp_path: Path) -> None:
    table, rows = read(write(tmp_path, "data.tsv", "a,1\tb\nx,2\ty\n"))
    assert table.delimiter == "\t"
    assert table.header == ["a,1", "b"]
    assert rows[0].cells == ["x,2", "y"]


# --- CSV: encodings --------------------------------------------------------------------------

TEXT = "touchpoint,note\nCafé,ünïcödé ☕\nKasse,€ 5\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_unicode_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    table, rows = read(write(tmp_path, "data.csv", data))
    assert table.encoding == encoding
    assert table.header == ["touchpoint", "note"]  # no BOM left on the first name
    assert [row.cells for row in rows] == [["Café", "ünïcödé ☕"], ["Kasse", "€ 5"]]
    assert [row.line for row in rows] == [2, 3]
    assert all("Windows-1252" not in note for note in table.notes)


def test_cp1252_fallback_is_noted(tmp_path: Path) -> None:
    data = "name;city\nRené;Besançon\nZoë;€uro\n".encode("cp1252")
    assert data.count(b"\xe9") == 1
    table, rows = read(write(tmp_path, "data.csv", data))
    assert table.encoding == "cp1252"
    assert rows[0].cells == ["René", "Besançon"]
    assert rows[1].cells == ["Zoë", "€uro"]
    assert "read as Windows-1252 (not UTF-8: byte 0xE9 on line 2)" in table.notes


def test_cp1252_byte_after_the_sample_is_found_while_streaming(tmp_path: Path) -> None:
    lines = ["id,name"] + [f"{i},plain ascii name" for i in range(1, 5000)] + ["5000,Zoë"]
    data = ("\n".join(lines) + "\n").encode("cp1252")
    assert len(data) > 70_000
    with open_table(write(tmp_path, "late.csv", data)) as table:
        assert table.encoding == "utf-8" and table.notes == []
        rows = list(table.rows())
        assert rows[-1] == Row(5001, ["5000", "Zoë"])
        assert table.encoding == "cp1252"
        assert table.notes == ["read as Windows-1252 (not UTF-8: byte 0xEB on line 5001)"]


@pytest.mark.parametrize("count", [5000, 20000], ids=["in-sample", "after-sample"])
def test_mixed_encodings_are_noted(tmp_path: Path, count: int) -> None:
    lines = ["id,name", "1,Zoë"] + [f"{i},ascii" for i in range(2, count)] + [f"{count},Zo\xeb"]
    data = "\n".join(lines[:-1]).encode("utf-8") + "\n".join(["", lines[-1], ""]).encode("cp1252")
    table, rows = read(write(tmp_path, "mixed.csv", data))
    assert rows[0].cells[1] == "Zoë" and rows[-1].cells[1] == "Zoë"
    assert table.encoding == "utf-8"
    assert table.notes == [
        f"line {count + 1} has bytes that are not UTF-8 (0xEB), read as Windows-1252: "
        "the file mixes encodings"
    ]


def test_bad_utf16_is_refused_with_a_line(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "a,b\n1,2\n".encode("utf-16-le") + b"\x00\xdc" + b"x\x00\n\x00"
    assert "not valid UTF-16-LE text" in refused(write(tmp_path, "bad.csv", data))


# --- CSV: numbers, quoting, line numbers -----------------------------------------------------


def test_decimal_commas_are_detected_and_noted(tmp_path: Path) -> None:
    table, _ = read(write(tmp_path, "data.csv", "stage;nps;share\nBuy;12;1.234,5\nUse;-3;0,25\n"))
    assert table.decimal_comma
    assert table.notes == ["decimal commas (as in '1.234,5')"]
    table, _ = read(write(tmp_path, "points.csv", "stage,nps\nBuy,4.5\nUse,3\n"))
    assert not table.decimal_comma and table.notes == []
    table, _ = read(write(tmp_path, "semi.csv", "stage;nps\nBuy;12\n"))
    assert table.decimal_comma  # no evidence: semicolons make decimal commas likely
    assert table.notes == ["decimal commas (usual in semicolon-separated files)"]


def test_multiline_cells_and_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    text = (
        "touchpoint,comment,nps\r\n"  # line 1
        'Ad,"first\r\nsecond\r\n""third""",9\r\n'  # lines 2-4
        "\r\n"  # line 5: blank
        "  ,  ,  \r\n"  # line 6: blank cells only
        'App,"a\n\nb",7\r\n'  # lines 7-9
        "Shop,plain,8"  # line 10, no final line break
    )
    table, rows = read(write(tmp_path, "data.csv", text))
    assert table.header_line == 1
    assert rows == [
        Row(2, ["Ad", 'first\r\nsecond\r\n"third"', "9"]),
        Row(7, ["App", "a\n\nb", "7"]),
        Row(10, ["Shop", "plain", "8"]),
    ]


def test_header_after_blank_lines(tmp_path: Path) -> None:
    table, rows = read(write(tmp_path, "data.csv", "\n\n a , b \n1,2\n"))
    assert (table.header_line, table.header) == (3, ["a", "b"])
    assert rows == [Row(4, ["1", "2"])]


def test_ragged_rows(tmp_path: Path) -> None:
    text = "a,b,c,\n1\n2,3,4,,,\n"  # trailing empty header cell and empty extra cells are fine
    table, rows = read(write(tmp_path, "data.csv", text))
    assert table.header == ["a", "b", "c"]
    assert [row.cells for row in rows] == [["1", "", ""], ["2", "3", "4"]]
    message = refused(write(tmp_path, "long.csv", "a,b\n1,2\n3,4,5\n"))
    assert message.endswith("long.csv: line 3: the row has 3 cells but the header has 2 columns")


def test_unclosed_quote_names_the_line_it_starts_on(tmp_path: Path) -> None:
    text = 'a,b\n1,2\n3,"never closed\n4,5\n'
    assert "line 3: a quoted cell starts in this row" in refused(write(tmp_path, "q.csv", text))
    text = 'a,b\n1,"x"y\n'
    assert "line 2: text follows the closing quote" in refused(write(tmp_path, "t.csv", text))


# --- CSV: streaming --------------------------------------------------------------------------


def test_50_mb_csv_streams_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    line = ",".join(["touchpoint-with-a-long-name", "12345", '"6,5"', "x" * 160]) + "\n"
    lines = (50 * 2**20) // len(line) + 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("touchpoint,count,score,comment\n")
        chunk = line * 1000
        for _ in range(lines // 1000 + 1):
            handle.write(chunk)
    size = path.stat().st_size
    assert size > 50 * 2**20
    tracemalloc.start()
    try:
        count = 0
        with open_table(path) as table:
            for row in table.rows():
                count += 1
                last = row
            peak = tracemalloc.get_traced_memory()[1]
            assert table.bytes_read == table.size_bytes == size
            digest = table.sha256
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20, f"peak {peak / 2**20:.1f} MiB"
    assert count == (lines // 1000 + 1) * 1000
    assert last.line == count + 1
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()


def test_sha256_without_reading_the_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "data.csv", "a,b\n1,2\n3,4\n")
    with open_table(path) as table:
        assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert 0 < table.bytes_read <= table.size_bytes


# --- Files that are no tables ----------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n", codecs.BOM_UTF8, b",,,\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    message = refused(write(tmp_path, "empty.csv", data))
    assert message.endswith("empty.csv: the file has no data rows (it is empty)")


@pytest.mark.parametrize("text", ["a,b,c\n", "a,b,c", "a,b,c\n\n,,\n"])
def test_header_only(tmp_path: Path, text: str) -> None:
    message = refused(write(tmp_path, "head.csv", text))
    assert message.endswith("head.csv: line 1: the file has no data rows, only a header")


def test_duplicate_and_empty_header_names(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "dup.csv", "nps,stage,NPS ,x,stage\n1,2,3,4,5\n"))
    assert message.endswith(
        "line 1: duplicate column names in the header: 'NPS' (columns 1 and 3); "
        "'stage' (columns 2 and 5)"
    )
    message = refused(write(tmp_path, "gap.csv", "a,,c, ,e\n1,2,3,4,5\n"))
    assert message.endswith("line 1: the header has no name for columns 2, 4")


def test_missing_column_suggests_a_close_name(tmp_path: Path) -> None:
    path = write(tmp_path, "data.csv", "Touchpoint,nps_score,csat\nAd,9,4\n")
    with open_table(path) as table:
        assert table.column_index("  TOUCHPOINT ") == 0
        assert table.column_index("CSAT") == 2
        with pytest.raises(TableError) as caught:
            table.column_index("NPS score")
    assert str(caught.value) == (
        f"{path}: line 1 (header): no column 'NPS score' (columns: Touchpoint, nps_score, csat); "
        "did you mean 'nps_score'?"
    )


def test_column_index_lists_few_columns_and_suggests_by_containment() -> None:
    header = [f"col{i}" for i in range(10)] + ["nps score"]
    with pytest.raises(TableError) as caught:
        column_index(header, "NPS")
    assert str(caught.value) == (
        "<table>: header: no column 'NPS' (columns: col0, col1, col2, col3, col4, col5, col6, "
        "col7, …); did you mean 'nps score'?"
    )
    with pytest.raises(TableError, match=r"no column 'zzz' \(columns: a\)$"):
        column_index(["a"], "zzz")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("book.xlsx", b"touchpoint,nps\nAd,9\n", "not an Excel workbook (an .xlsx file is a zip"),
        ("book.xlsx", b"", "not an Excel workbook (the file is empty)"),
        ("book.xlsx", b"PK\x03\x04 truncated", "not an Excel workbook (a damaged zip archive)"),
        ("book.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "an old .xls one"),
        ("book.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "save it as .xlsx or as CSV"),
        ("data.csv", b"PK\x03\x04" + bytes(100), "is a zip archive (an .xlsx workbook?)"),
        ("data.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel .xls workbook"),
        ("data.csv", b"a,b\n\x00\x01\x02\xff\x00\x00\x00\x00", "binary data (NUL bytes)"),
        ("data.ods", b"", "cannot read '.ods' files (supported: .csv, .tsv, .txt, .xlsx, .xlsm)"),
        ("data", b"", "cannot read files without a suffix (supported: .csv"),
    ],
)
def test_files_that_are_not_tables(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    assert expected in refused(write(tmp_path, name, data))


def test_zip_that_is_no_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    message = refused(write(tmp_path, "letter.xlsx", buffer.getvalue()))
    assert "not an Excel workbook (a zip archive without a workbook)" in message


def test_missing_file_folder_and_sheet_for_csv(tmp_path: Path) -> None:
    assert refused(tmp_path / "nope.csv").endswith("nope.csv: no such file")
    (tmp_path / "dir.csv").mkdir()
    assert refused(tmp_path / "dir.csv").endswith("dir.csv: is a folder, not a table file")
    path = write(tmp_path, "data.csv", "a\n1\n")
    assert "a .csv file has no sheets (asked for 'Q3')" in refused(path, "Q3")


def test_rows_are_read_once_and_errors_name_the_place(tmp_path: Path) -> None:
    with open_table(write(tmp_path, "data.csv", "a,nps\n1,45%\n")) as table:
        rows = list(table.rows())
        with pytest.raises(RuntimeError):
            table.rows()
        with pytest.raises(ValueError, match="percentage") as caught:
            parse_number(rows[0].cells[1], table.decimal_comma)
        error = table.error(rows[0].line, "nps", str(caught.value))
        assert table.where(0, "nps") == "column 'nps'"
        assert table.where(0) == ""
    assert str(error).endswith(
        "data.csv: line 2, column 'nps': '45%' is a percentage, not a number (write it without '%')"
    )


# --- XLSX ------------------------------------------------------------------------------------


def workbook(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


SURVEY: list[list[Any]] = [
    ["touchpoint", "count", "nps", "when", "at", "done"],
    ["Ad", 120, 4.5, dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 14, 30), True],
    ["Shop", 7.0, 1 / 3, None, dt.datetime(2024, 3, 2), False],
    [None, None, None, None, None, None],
    ["App", -3, 1e-7, dt.datetime(2023, 12, 31, 23, 59, 58), None, None],
]


def test_xlsx_values_read_as_the_user_sees_them(tmp_path: Path) -> None:
    path = workbook(tmp_path / "survey.xlsx", {"Survey": SURVEY, "Other": [["x"], [1]]})
    table, rows = read(path)
    assert (table.format, table.sheet, table.sheets) == ("xlsx", "Survey", ["Survey", "Other"])
    assert table.header == SURVEY[0]
    assert table.where(3, "nps") == "sheet 'Survey', row 3, column 'nps'"
    assert table.where(0, "nps") == "sheet 'Survey', column 'nps'"
    assert table.notes == ["read sheet 'Survey' of 2: 'Survey', 'Other'"]
    assert rows == [
        Row(2, ["Ad", "120", "4.5", "2024-03-01", "2024-03-01T14:30:00", "TRUE"]),
        Row(3, ["Shop", "7", "0.3333333333333333", "", "2024-03-02", "FALSE"]),
        Row(5, ["App", "-3", "1e-07", "2023-12-31T23:59:58", "", ""]),
    ]
    assert table.bytes_read == table.size_bytes == path.stat().st_size
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert not table.decimal_comma


def test_xlsx_sheet_choice(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "book.xlsx",
        {"Notes": [["text"], ["hi"]], "Funnel": [["step", "count"], ["Visit", 100]]},
        hidden=("Notes",),
    )
    table, rows = read(path)
    assert table.sheet == "Funnel"  # the first visible sheet
    table, rows = read(path, "Notes")
    assert (table.sheet, table.notes, rows) == ("Notes", [], [Row(2, ["hi"])])
    table, rows = read(path, " funnel ")
    assert (table.sheet, rows) == ("Funnel", [Row(2, ["Visit", "100"])])
    message = refused(path, "Funel")
    assert message.endswith(
        "book.xlsx: no sheet 'Funel' (sheets: 'Notes', 'Funnel'); did you mean 'Funnel'?"
    )


def test_xlsx_header_errors_and_places(tmp_path: Path) -> None:
    rows: list[list[Any]] = [[], [], [None, "a", "b", "A"], [1, 2, 3, 4]]
    message = refused(workbook(tmp_path / "gap.xlsx", {"S": rows}))
    assert message.endswith("gap.xlsx: sheet 'S', row 3: the header has no name for column A")
    rows = [[], ["a", "b", "A"], [1, 2, 3]]
    message = refused(workbook(tmp_path / "dup.xlsx", {"S": rows}))
    assert message.endswith(
        "sheet 'S', row 2: duplicate column name in the header: 'A' (columns A and C)"
    )
    message = refused(workbook(tmp_path / "head.xlsx", {"S": [["a", "b"], [None, " "]]}))
    assert message.endswith("sheet 'S', row 1: the file has no data rows, only a header")
    message = refused(workbook(tmp_path / "empty.xlsx", {"S": []}))
    assert message.endswith("empty.xlsx: the file has no data rows (it is empty)")
    message = refused(workbook(tmp_path / "long.xlsx", {"S": [["a"], [1, None, 3]]}))
    assert message.endswith("sheet 'S', row 2: the row has 3 cells but the header has 1 columns")


def test_xlsx_wrong_dimension_does_not_cut_rows(tmp_path: Path) -> None:
    path = workbook(tmp_path / "book.xlsx", {"S": [["a", "b"]] + [[i, i * 2] for i in range(9)]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:B10" />' in data
                data = data.replace(b'<dimension ref="A1:B10" />', b'<dimension ref="A1:A2" />')
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    _, rows = read(path)
    assert [row.cells for row in rows] == [[str(i), str(i * 2)] for i in range(9)]


def test_cell_text() -> None:
    assert cell_text(dt.time(8, 5)) == "08:05:00"
    assert cell_text(dt.timedelta(hours=30, minutes=2, seconds=3)) == "30:02:03"
    assert cell_text(dt.timedelta(seconds=-90)) == "-0:01:30"
    assert cell_text(2.0**60) == "1.152921504606847e+18"
    assert cell_text(-0.0) == "0"


# --- Numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "decimal_comma", "value"),
    [
        ("42", False, 42.0),
        (" 4.5 ", False, 4.5),
        ("4,5", True, 4.5),
        ("1 234,5", True, 1234.5),
        ("1\u00a0234,5", True, 1234.5),
        ("1\u202f234\u202f567", False, 1234567.0),
        ("1\u2009234.5", False, 1234.5),
        ("1.234,5", True, 1234.5),
        ("1.234.567", True, 1234567.0),
        ("1,234.5", False, 1234.5),
        ("1,234", False, 1234.0),
        ("1,234", True, 1.234),
        ("1.234", True, 1234.0),
        ("1'234.50", False, 1234.5),
        ("+3", False, 3.0),
        ("-0,25", True, -0.25),
        ("\u22127", False, -7.0),
        (".5", False, 0.5),
        ("1E+3", False, 1000.0),
        ("2.5e-3", False, 0.0025),
        ("007", False, 7.0),
    ],
)
def test_parse_number(text: str, decimal_comma: bool, value: float) -> None:
    assert parse_number(text, decimal_comma) == value


@pytest.mark.parametrize(
    ("text", "decimal_comma", "reason"),
    [
        ("", False, "empty"),
        ("   ", True, "empty"),
        ("45%", False, "percentage"),
        ("NaN", False, "not a number"),
        ("-inf", False, "not a number"),
        ("Infinity", True, "not a number"),
        ("1e999", False, "too large"),
        ("4,5", False, "decimal comma"),
        ("4.5", True, "decimal point"),
        ("1,23", False, "decimal comma"),
        ("1.234.567", False, "decimal comma"),
        ("1 234.567,8", True, "not a number"),
        ("12 34", False, "not a number"),
        ("- 5", False, "not a number"),
        ("5-", False, "not a number"),
        ("$5", False, "not a number"),
        ("(5)", False, "not a number"),
        (".", False, "not a number"),
        ("e5", False, "not a number"),
        ("#DIV/0!", False, "not a number"),
        ("\u0663", False, "not a number"),  # an Arabic-Indic digit
    ],
)
def test_parse_number_refuses(text: str, decimal_comma: bool, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_number(text, decimal_comma)


def test_detect_decimal_comma() -> None:
    assert detect_decimal_comma(["4,5", "Ad", "12", ""])
    assert detect_decimal_comma(["1.234,5", "0,1"])
    assert not detect_decimal_comma(["4.5", "Ad", "12"])
    assert not detect_decimal_comma(["1,234.5", "4,5", "0.5"])
    assert not detect_decimal_comma(["12", "1,234", "1.234", "text, more"])
    assert detect_decimal_comma(["12", "1,234"], prefer_comma=True)
    assert not detect_decimal_comma(["4.5"], prefer_comma=True)


# --- Speed (informative) ---------------------------------------------------------------------


def test_read_speed_is_reasonable(tmp_path: Path) -> None:
    path = tmp_path / "speed.csv"
    row = "Checkout,Buy,web,412,8.5,2024-03-01\n"
    path.write_text("touchpoint,stage,channel,count,score,date\n" + row * 100_000)
    start = time.perf_counter()
    with open_table(path) as table:
        count = sum(1 for _ in table.rows())
    seconds = time.perf_counter() - start
    assert count == 100_000
    assert seconds < 5, f"{count / seconds:,.0f} rows/s"


# --- Junk never escapes as anything but TableError -------------------------------------------


def test_damaged_files_fail_with_table_errors_only(tmp_path: Path) -> None:
    rng = random.Random(20241128)
    good_csv = ("a;b;c\n" + "".join(f'{i};"x\n{i}";{i},5\n' for i in range(300))).encode()
    book = workbook(tmp_path / "good.xlsx", {"S": [["a", "b"]] + [[i, i / 3] for i in range(200)]})
    good_xlsx = book.read_bytes()
    cases: list[tuple[str, bytes]] = []
    for _ in range(60):
        damaged = bytearray(good_csv)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.choice(b'"\n;\xe9\x00\r' + rng.randbytes(1))
        cases.append(("damaged.csv", bytes(damaged)))
        cases.append(("random.csv", rng.randbytes(rng.randint(0, 3000))))
        damaged = bytearray(good_xlsx)
        for _ in range(rng.randint(1, 5)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        cases.append(("damaged.xlsx", bytes(damaged)))
        cases.append(("cut.xlsx", good_xlsx[: rng.randrange(len(good_xlsx))]))
    for name, data in cases:
        path = write(tmp_path, name, data)
        try:
            with open_table(path) as table:
                for row in table.rows():
                    assert len(row.cells) == len(table.header)
        except TableError as exc:
            assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
