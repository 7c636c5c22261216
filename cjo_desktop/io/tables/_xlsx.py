"""Excel workbooks (.xlsx, .xlsm) through openpyxl in read-only mode: values as the user sees them.

Cached values are read, never formulas, and links to other workbooks are never followed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cjo_desktop.domain.quoting import listed, quoted
from cjo_desktop.io.tables._table import Table, TableError, file_size, open_binary

_BATCH = 512
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MIB = 2**20
#: What a part of a workbook may unpack to. openpyxl reads every part but the worksheets whole
#: into memory, the shared strings as one Python string each: 330 MB of them (from a 1.2 MB
#: file) took 863 MB. A million different answers take about 40 MB.
MAX_PART_BYTES = 64 * _MIB
#: Worksheets are streamed, row by row; a full sheet of 1,048,576 rows by 10 columns of numbers
#: is about 450 MB.
MAX_SHEET_BYTES = 1024 * _MIB
#: Ordinary workbook XML packs 5 to 30 times; a part above RATIO_FROM that unpacks to more
#: than MAX_RATIO times its packed size is a zip bomb, not a survey.
MAX_RATIO = 100
RATIO_FROM = 16 * _MIB
_CHUNK = _MIB


def cell_text(value: object) -> str:
    """A cell as Excel shows it, roughly: "" when empty, 12 not 12.0, dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # a duration, shown as [h]:mm:ss
        seconds = round(value.total_seconds())
        hours, rest = divmod(abs(seconds), 3600)
        return f"{'-' if seconds < 0 else ''}{hours}:{rest // 60:02}:{rest % 60:02}"
    return str(value)


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


class XlsxTable(Table):
    format = "xlsx"

    def __init__(self, path: Path, sheet: str | None) -> None:
        super().__init__(path)
        self._handle = open_binary(path)
        self._book: Any = None
        self._line = 0
        self._max_row = 0
        self._done = False
        try:
            self.size_bytes = file_size(self._handle)
            self._check_archive()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # unsupported extensions, default styles
                    import openpyxl  # type: ignore[import-untyped]  # here: slow to import

                    self._book = openpyxl.load_workbook(
                        self._handle, read_only=True, data_only=True, keep_links=False
                    )
            except OSError:
                raise
            except Exception as exc:  # openpyxl fails on broken parts in many ways
                raise TableError(
                    self.source, "", f"cannot read the workbook ({_reason(exc)})"
                ) from None
            self.sheets = [str(name) for name in self._book.sheetnames]
            self._sheet = self._choose(sheet)
            self.sheet = str(self._sheet.title)
            self._max_row = self._sheet.max_row or 0
            self._sheet.reset_dimensions()  # a wrong <dimension> would cut rows off
            self._start()
        except OSError as exc:
            self.close()
            raise TableError(self.source, "", f"cannot read the file ({exc.strerror})") from None
        except BaseException:
            self.close()
            raise

    def _check_archive(self) -> None:
        """Refuse what is no .xlsx workbook, saying what it is if that is clear."""
        head = self._handle.read(8)
        self._handle.seek(0)
        if not head:
            raise TableError(self.source, "", "not an Excel workbook (the file is empty)")
        if head.startswith(_OLE_MAGIC):
            message = (
                "not an .xlsx workbook but an old .xls one, or one protected by a password: "
                "save it as .xlsx (without a password) or as CSV"
            )
            raise TableError(self.source, "", message)
        if not head.startswith(b"PK\x03\x04"):
            message = "not an Excel workbook (an .xlsx file is a zip archive; this is not one)"
            raise TableError(self.source, "", message)
        try:
            with zipfile.ZipFile(self._handle) as archive:
                names = archive.namelist()
                if any(name.startswith("xl/") for name in names):
                    self._check_sizes(archive)
        except (OSError, TableError):
            raise
        except Exception:  # BadZipFile, EOFError, NotImplementedError, ...
            message = "not an Excel workbook (a damaged zip archive)"
            raise TableError(self.source, "", message) from None
        self._handle.seek(0)
        if "xl/workbook.bin" in names:
            kind = "an .xlsb binary workbook"
        elif "content.xml" in names:
            kind = "an OpenDocument file"
        elif not any(name.startswith("xl/") for name in names):
            kind = "a zip archive without a workbook"
        else:
            return
        message = f"not an Excel workbook ({kind}): save it as .xlsx or CSV"
        raise TableError(self.source, "", message)

    def _check_sizes(self, archive: zipfile.ZipFile) -> None:
        """Refuse a part that would unpack to too much (see MAX_PART_BYTES): first as the
        zip directory says, then, for the parts openpyxl reads whole, by unpacking them here
        a chunk at a time and counting, since a directory can lie."""
        for info in archive.infolist():
            streamed = info.filename.startswith("xl/worksheets/")
            limit = MAX_SHEET_BYTES if streamed else MAX_PART_BYTES
            size, packed = info.file_size, max(info.compress_size, 1)
            if size > limit:
                raise self._too_large(info.filename, f"{size / _MIB:,.0f} MiB", limit)
            if size > RATIO_FROM and size > MAX_RATIO * packed:
                message = (
                    f"not read: its part {quoted(info.filename)} would unpack from "
                    f"{packed / _MIB:.1f} MiB to {size / _MIB:,.0f} MiB, more than {MAX_RATIO} "
                    "times (a zip bomb?)"
                )
                raise TableError(self.source, "", message)
            if streamed or info.is_dir():
                continue
            unpacked = 0
            with archive.open(info) as part:
                while chunk := part.read(_CHUNK):
                    unpacked += len(chunk)
                    if unpacked > limit:  # the directory said less
                        raise self._too_large(info.filename, "more than that", limit)

    def _too_large(self, part: str, size: str, limit: int) -> TableError:
        message = (
            f"not read: a workbook part may unpack to at most {limit // _MIB:,} MiB; "
            f"its part {quoted(part)} unpacks to {size}"
        )
        return TableError(self.source, "", message)

    def _choose(self, wanted: str | None) -> Any:
        if not wanted:
            sheets = self._book.worksheets
            if not sheets:
                raise TableError(self.source, "", "the workbook has no worksheets, only charts")
            chosen = next((ws for ws in sheets if ws.sheet_state == "visible"), sheets[0])
            if len(self.sheets) > 1:
                title, listing = quoted(chosen.title, 40), listed(self.sheets, 6, limit=40)
                self.notes.append(f"read sheet {title} of {len(self.sheets)}: {listing}")
            return chosen
        folded = {name.strip().casefold(): name for name in reversed(self.sheets)}
        name = wanted if wanted in self.sheets else folded.get(wanted.strip().casefold())
        if name is None:
            message = f"no sheet {quoted(wanted)} (sheets: {listed(self.sheets, 6, limit=40)})"
            close = difflib.get_close_matches(wanted.strip().casefold(), list(folded), n=1)
            if close:
                message += f"; did you mean {quoted(folded[close[0]])}?"
            raise TableError(self.source, "", message)
        chosen = self._book[name]
        if not hasattr(chosen, "iter_rows"):
            raise TableError(self.source, f"sheet {quoted(name)}", "is a chart, not a table")
        return chosen

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        rows = self._sheet.iter_rows(values_only=True)  # from row 1; missing rows come empty
        line = 0
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    batch = list(itertools.islice(rows, _BATCH))
            except Exception as exc:
                where = f"{self._place(line + 1)} or below"
                raise TableError(
                    self.source, where, f"cannot read the sheet ({_reason(exc)})"
                ) from None
            if not batch:
                self._done = True
                return
            for values in batch:
                line += 1
                self._line = line
                yield line, [cell_text(value) for value in values]

    def _place(self, line: int) -> str:
        sheet = f"sheet {quoted(self.sheet)}"
        return f"{sheet}, row {line}" if line > 0 else sheet

    def _column_label(self, index: int) -> str:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        return str(get_column_letter(index + 1))

    @property
    def bytes_read(self) -> int:
        if self._done:
            return self.size_bytes
        if not self._max_row:
            return 0
        return min(self.size_bytes, self.size_bytes * self._line // self._max_row)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
        self._handle.close()
