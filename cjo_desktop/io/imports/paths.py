"""Read marketing path files in ChannelAttribution's layout for attribution.

A row is one path: ``path`` lists the channels in order, split on ``>`` and trimmed
("email > search > direct"), ``total_conversions`` how many took it and converted,
``total_null`` how many took it and did not (optional: none when absent), and the optional
``total_conversion_value`` what the conversions were worth (blank is 0 on a path without
conversions). The delimiter and decimal mark are
sniffed as for every table (io.tables). Bad input raises a TableError naming the file, the line
and the column.
"""

from __future__ import annotations

import os

from cjo_desktop.analysis.attribution import MarketingPath
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.tables import Table, TableError, open_table, parse_number

PATH, CONVERSIONS, VALUE, NULLS = (
    "path",
    "total_conversions",
    "total_conversion_value",
    "total_null",
)
#: What separates the channels of a path.
SEPARATOR = ">"


def read_paths(source: str | os.PathLike[str]) -> list[MarketingPath]:
    """Every path of the file, in file order."""
    with open_table(source) as table:
        path = table.column_index(PATH)
        conversions = table.column_index(CONVERSIONS)
        value = _optional(table, VALUE)
        nulls = _optional(table, NULLS)
        found = []
        for row in table.rows():
            cells = row.cells
            converted = _count(table, row.line, CONVERSIONS, cells[conversions])
            found.append(
                MarketingPath(
                    channels=_channels(table, row.line, cells[path]),
                    conversions=converted,
                    nulls=0.0 if nulls is None else _count(table, row.line, NULLS, cells[nulls]),
                    value=None
                    if value is None
                    else _value(table, row.line, cells[value], converted),
                )
            )
        return found


def _value(table: Table, line: int, text: str, conversions: float) -> float:
    """The conversions' value; a blank cell is 0 on a path without conversions (exports often
    leave it empty there), and an error where conversions need a value."""
    if not text.strip() and conversions == 0:
        return 0.0
    return _count(table, line, VALUE, text)


def _optional(table: Table, name: str) -> int | None:
    try:
        return table.column_index(name)
    except TableError:
        return None


def _channels(table: Table, line: int, text: str) -> tuple[str, ...]:
    channels = tuple(part.strip() for part in text.split(SEPARATOR))
    if not text.strip():
        raise table.error(line, PATH, "the path is empty: list its channels, split by '>'")
    if not all(channels):
        message = (
            f"a channel of {quoted(text.strip())} is empty (two '>' in a row, or one at an end)"
        )
        raise table.error(line, PATH, message)
    return channels


def _count(table: Table, line: int, column: str, text: str) -> float:
    try:
        number = parse_number(text, table.decimal_comma)
    except ValueError as exc:
        raise table.error(line, column, str(exc)) from None
    if number < 0:
        raise table.error(line, column, f"{quoted(text.strip())} is negative")
    return number
