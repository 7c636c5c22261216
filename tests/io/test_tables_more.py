"""Reading tables, continued: workbooks, numbers, speed, and damaged files of any kind.

Every file is generated in ``tmp_path``; workbooks are written with openpyxl in the test.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from table_files import read, refused, write

from cjo_desktop.io.tables import (
    Row,
    TableError,
    cell_text,
    detect_decimal_comma,
    open_table,
    parse_number,
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
                # openpyxl writes '<dimension ref="A1:B10" />', or without the space through
                # lxml when that is installed (pm4py, a test oracle, brings it)
                data, found = re.subn(
                    rb'<dimension ref="A1:B10"\s*/>', b'<dimension ref="A1:A2" />', data
                )
                assert found == 1
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


# --- Many rows (speed is measured by tests/bench/bench_import.py) -----------------------------


def test_every_row_of_a_long_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    row = "Checkout,Buy,web,412,8.5,2024-03-01\n"
    path.write_text("touchpoint,stage,channel,count,score,date\n" + row * 100_000)
    with open_table(path) as table:
        count = sum(1 for _ in table.rows())
    assert count == 100_000


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
