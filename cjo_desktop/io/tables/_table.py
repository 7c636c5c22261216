"""What every table has, whatever the file: a checked header, then rows that know their line."""

from __future__ import annotations

import difflib
import hashlib
import io
import itertools
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Self

from cjo_desktop.domain.quoting import listed, quoted
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.tables.numbers import comma_only, detect_decimal_comma

#: Rows read when a table is opened: to refuse a header without rows, and to spot decimal commas.
LOOKAHEAD_ROWS = 200
#: Columns of a table at most: Excel's own limit (XFD). Every row is padded to the header.
MAX_COLUMNS = 16_384
_CHUNK = 1 << 20
_SHOWN_COLUMNS = 8


class TableError(MapFileError):
    """A table file that cannot be read as asked; ``str()`` is the one line shown to the user."""


class Row(NamedTuple):
    """A data row: ``line`` is where it starts (CSV line or sheet row, from 1); a cell a column."""

    line: int
    cells: list[str]


def open_binary(path: Path) -> io.BufferedReader:
    """The file opened for reading bytes, refusing folders, devices and what cannot be read."""
    source = str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise TableError(source, "", "is a folder, not a table file")
        if not stat.S_ISREG(mode):  # a pipe or a device could block forever
            raise TableError(source, "", "is not a regular file")
        return open(path, "rb")  # the table closes it
    except FileNotFoundError:
        raise TableError(source, "", "no such file") from None
    except IsADirectoryError:
        raise TableError(source, "", "is a folder, not a table file") from None
    except OSError as exc:
        raise TableError(source, "", f"cannot read the file ({exc.strerror})") from None


def column_index(
    header: list[str], wanted: str, *, source: str = "<table>", where: str = "header"
) -> int:
    """The position of column ``wanted`` (trimmed, any case), or a TableError suggesting one."""
    key = wanted.strip().casefold()
    folded = [name.strip().casefold() for name in header]
    if key in folded:
        return folded.index(key)
    shown = listed(header, _SHOWN_COLUMNS, quote=False, limit=30)
    message = f"no column {quoted(wanted.strip())} (columns: {shown})"
    close = difflib.get_close_matches(key, folded, n=1, cutoff=0.6)
    if not close and key:
        close = [name for name in folded if name and (key in name or name in key)][:1]
    if close:
        message += f"; did you mean {quoted(header[folded.index(close[0])].strip())}?"
    raise TableError(source, where, message)


class Table:
    """An open table file; use it in a ``with`` block and read :meth:`rows` once.

    Opening reads the header and the first rows, so a file without data fails at once. ``notes``
    lists what the import report must mention (an encoding guessed, decimal commas); reading rows
    may add to it. ``bytes_read`` of ``size_bytes`` drives a progress bar.
    """

    format = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.source = str(path)
        self.sheet = ""
        self.sheets: list[str] = []
        self.header: list[str] = []
        self.header_line = 0
        self.notes: list[str] = []
        self.encoding = ""
        self.delimiter = ""
        self.size_bytes = 0
        self.decimal_comma = False
        #: Whether a line is longer than a cell may be (CSV: known once the file is hashed).
        self.long_lines: bool | None = None
        self._ahead: list[Row] = []
        self._rest: Iterator[Row] = iter(())
        self._started = False
        self._sha256: str | None = None

    # What each kind of file provides.

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Every record with its starting line, blank ones included."""
        raise NotImplementedError

    def _place(self, line: int) -> str:
        return f"line {line}" if line > 0 else ""

    def _column_label(self, index: int) -> str:
        return str(index + 1)

    def _streamed_sha256(self) -> str | None:
        return None

    @property
    def bytes_read(self) -> int:
        return 0

    def close(self) -> None:
        """Release the file; rows can no longer be read."""

    # The same for every kind of file.

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def where(self, line: int, column: str | None = None) -> str:
        """The place to name in a message: "line 12, column 'nps'" (or "sheet 'Q3', row 12, …").

        Line 0 stands for no particular row: "column 'nps'" (or "sheet 'Q3', column 'nps'").
        """
        parts = [self._place(line), "" if column is None else f"column {quoted(column)}"]
        return ", ".join(part for part in parts if part)

    def error(self, line: int, column: str | None, message: str) -> TableError:
        """An error about one row or cell of this table, for an importer to raise."""
        return TableError(self.source, self.where(line, column), message)

    def column_index(self, wanted: str) -> int:
        where = f"{self._place(self.header_line)} (header)"
        return column_index(self.header, wanted, source=self.source, where=where)

    def rows(self) -> Iterator[Row]:
        """The data rows, in file order, each with exactly one cell per column; once only."""
        if self._started:
            raise RuntimeError("the rows of an open table can be read only once")
        self._started = True
        ahead, self._ahead = self._ahead, []
        return itertools.chain(ahead, self._rest)

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the file's bytes: hashed while reading rows, else read again in chunks."""
        if self._sha256 is None:
            self._sha256 = self._streamed_sha256() or self._hash_file()
        return self._sha256

    def _hash_file(self) -> str:
        digest = hashlib.sha256()
        with open_binary(self.path) as handle:
            try:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
            except OSError as exc:
                message = f"cannot read the file ({exc.strerror})"
                raise TableError(self.source, "", message) from None
        return digest.hexdigest()

    def _start(self) -> None:
        """Read the header and the first rows; subclasses call this once the file is open."""
        records = self._records()
        first = next((record for record in records if _filled(record[1])), None)
        if first is None:
            raise TableError(self.source, "", "the file has no data rows (it is empty)")
        self.header_line, cells = first
        self.header = self._check_header(cells)
        self._rest = self._fit(records)
        self._ahead = list(itertools.islice(self._rest, LOOKAHEAD_ROWS))
        if not self._ahead:
            raise TableError(
                self.source,
                self._place(self.header_line),
                "the file has no data rows, only a header",
            )
        samples = [cell for row in self._ahead for cell in row.cells]
        self.decimal_comma = detect_decimal_comma(samples, prefer_comma=self.delimiter == ";")
        if self.decimal_comma:
            example = next((cell.strip() for cell in samples if comma_only(cell)), None)
            self.notes.append(
                f"decimal commas (as in {quoted(example)})"
                if example is not None
                else "decimal commas (usual in semicolon-separated files)"
            )

    def _check_header(self, cells: list[str]) -> list[str]:
        names = [cell.strip() for cell in cells]
        names[0] = names[0].lstrip("\ufeff").strip()
        while not names[-1]:  # trailing empty cells: a trailing delimiter or a formatted column
            names.pop()
        where = self._place(self.header_line)
        if len(names) > MAX_COLUMNS:
            message = f"the header has {len(names):,} columns; a table may have {MAX_COLUMNS:,}"
            raise TableError(self.source, where, message)
        unnamed = [self._column_label(i) for i, name in enumerate(names) if not name]
        if unnamed:
            plural = "s" if len(unnamed) > 1 else ""
            message = f"the header has no name for column{plural} {listed(unnamed, quote=False)}"
            raise TableError(self.source, where, message)
        first: dict[str, int] = {}
        repeated: list[str] = []
        for i, name in enumerate(names):
            seen = first.setdefault(name.casefold(), i)
            if seen != i:
                labels = f"{self._column_label(seen)} and {self._column_label(i)}"
                repeated.append(f"{quoted(name)} (columns {labels})")
        if repeated:
            plural = "s" if len(repeated) > 1 else ""
            shown = listed(repeated, 4, quote=False, sep="; ", limit=100)
            message = f"duplicate column name{plural} in the header: {shown}"
            raise TableError(self.source, where, message)
        return names

    def _fit(self, records: Iterator[tuple[int, list[str]]]) -> Iterator[Row]:
        """Rows but blank ones, padded to the header; a value past the last column is an error."""
        width = len(self.header)
        new = tuple.__new__  # a Row without the Python-level NamedTuple.__new__: faster
        for line, cells in records:
            if not (cells and (cells[0].strip() or "".join(cells).strip())):  # _filled, inlined
                continue
            extra = len(cells) - width
            if extra < 0:
                cells.extend([""] * -extra)
            elif extra > 0:
                if any(cell.strip() for cell in cells[width:]):
                    used = max(i for i, cell in enumerate(cells) if cell.strip()) + 1
                    message = f"the row has {used:,} cells but the header has {width:,} columns"
                    raise TableError(self.source, self._place(line), message)
                del cells[width:]
            yield new(Row, (line, cells))


def _filled(cells: list[str]) -> bool:
    """Whether a record has any text: blank lines and rows of empty cells are skipped."""
    return bool(cells) and bool(cells[0].strip() or "".join(cells).strip())


def file_size(handle: io.BufferedReader) -> int:
    return os.fstat(handle.fileno()).st_size
