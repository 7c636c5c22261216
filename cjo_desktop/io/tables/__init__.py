"""Read tables of survey data, funnel counts and metrics from CSV and Excel (.xlsx) files.

``open_table`` streams: a CSV file of any size reads in constant memory, and nothing here writes
files. Bad input raises :class:`TableError`, one line naming the file, the place and the problem::

    with open_table(path) as table:
        nps = table.column_index("nps")
        for row in table.rows():
            value = parse_number(row.cells[nps], table.decimal_comma)
"""

from __future__ import annotations

import os
from pathlib import Path

from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.tables._csv import CsvTable
from cjo_desktop.io.tables._table import Row, Table, TableError, column_index
from cjo_desktop.io.tables._xlsx import XlsxTable, cell_text
from cjo_desktop.io.tables.numbers import detect_decimal_comma, parse_number

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

__all__ = [
    "CSV_SUFFIXES",
    "XLSX_SUFFIXES",
    "Row",
    "Table",
    "TableError",
    "cell_text",
    "column_index",
    "detect_decimal_comma",
    "open_table",
    "parse_number",
]


def open_table(path: str | os.PathLike[str], sheet: str | None = None) -> Table:
    """Open a table file chosen by its suffix; ``sheet`` picks a worksheet (default: the first)."""
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        if sheet:
            message = f"a {suffix} file has no sheets (asked for {quoted(sheet)})"
            raise TableError(source, "", message)
        return CsvTable(path)
    if suffix in XLSX_SUFFIXES:
        return XlsxTable(path, sheet)
    if suffix == ".xls":
        message = "old Excel .xls workbooks cannot be read: save it as .xlsx or as CSV"
        raise TableError(source, "", message)
    supported = ", ".join(CSV_SUFFIXES + XLSX_SUFFIXES)
    kind = f"{quoted(suffix)} files" if suffix else "files without a suffix"
    raise TableError(source, "", f"cannot read {kind} (supported: {supported})")
