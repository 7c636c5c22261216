"""The expected drop-off column of a funnel table: one share (0..1) per touchpoint.

A column holds shares ("0.12") or percentages ("12%"), never both: its first value decides,
and a value written the other way is an error, because "12" in a column of shares and "0.5%"
in a column of percentages are the typing slips that would otherwise pass silently. A blank
cell leaves the touchpoint's expected drop-off as it is. In flow rows the value belongs to the
row's "from" touchpoint; rows of one touchpoint that give it twice must agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.tables import Row, Table, TableError, detect_decimal_comma, parse_number

#: Shares are rounded to this many decimals: "33.3%" is 0.333, not 0.33299999999999996.
DECIMALS = 10
SAME_WAY = "write every value of the column the same way (0.12 or 12%)"


def percent_text(share: float) -> str:
    """0.125 -> "12.5%", as the drop-off rule's explanation writes a rate."""
    return f"{round(100 * share, 1):g}%"


@dataclass
class ExpectedDropoffs:
    """Reads the column cell by cell and keeps what it found, touchpoint id -> share."""

    table: Table
    index: int
    percent: bool  # the column holds percentages (its first value has a percent sign)
    first_line: int
    decimal_comma: bool
    shares: dict[str, float] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # touchpoint id -> line that set it

    @classmethod
    def of(cls, table: Table, column: str, rows: list[Row]) -> ExpectedDropoffs:
        index = table.column_index(column)
        given = [(r.line, r.cells[index].strip()) for r in rows if r.cells[index].strip()]
        first_line, first = given[0] if given else (0, "")
        numbers = [text.removesuffix("%").strip() for _, text in given[:200]]
        return cls(table, index, first.endswith("%"), first_line, detect_decimal_comma(numbers))

    @property
    def column(self) -> str:
        return self.table.header[self.index]

    def read(self, row: Row) -> float | None:
        """The share ``row`` gives, None for a blank cell; TableError naming the cell."""
        text = row.cells[self.index].strip()
        if not text:
            return None
        if text.endswith("%") != self.percent:
            found, first = ("no", "a percentage") if self.percent else ("a", "a share")
            raise self._error(
                row,
                f"{quoted(text)} has {found} percent sign, but the column's first value "
                f"(line {self.first_line}) is {first}: {SAME_WAY}",
            )
        try:
            x = parse_number(text.removesuffix("%"), self.decimal_comma)
        except ValueError:
            raise self._error(
                row,
                f"{quoted(text)} is not an expected drop-off "
                "(a share such as 0.12 or a percentage such as 12%)",
            ) from None
        if self.percent:
            if not 0 <= x <= 100:
                raise self._error(row, f"{quoted(text)} is not a percentage from 0% to 100%")
            return abs(round(x / 100, DECIMALS))  # abs: "-0%" is 0
        if not 0 <= x <= 1:
            hint = f" (a percentage needs its percent sign: {text}%)" if 1 < x <= 100 else ""
            raise self._error(row, f"{quoted(text)} is not a share from 0 to 1{hint}")
        return abs(x)

    def keep(self, touchpoint: str, share: float, row: Row) -> None:
        """Record ``share`` for ``touchpoint``; a different one given before is an error."""
        before = self.shares.get(touchpoint)
        if before is not None and before != share:
            raise self._error(
                row,
                f"{quoted(row.cells[self.index].strip())} differs from the "
                f"{percent_text(before)} given for the same touchpoint on line "
                f"{self.lines[touchpoint]}",
            )
        self.shares.setdefault(touchpoint, share)
        self.lines.setdefault(touchpoint, row.line)

    def _error(self, row: Row, message: str) -> TableError:
        return self.table.error(row.line, self.column, message)
