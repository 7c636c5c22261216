"""Reading CSV and XLSX tables: sniffing, encodings, line numbers, streaming, and bad files.

Every file is generated in ``tmp_path``; workbooks are written with openpyxl in the test.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from table_files import read, refused, write

from cjo_desktop.io.tables import (
    Row,
    TableError,
    column_index,
    open_table,
    parse_number,
)

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
        "col7 and 3 more); did you mean 'nps score'?"
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
