"""Delimited text (CSV, TSV), streamed: a file of any size reads in constant memory.

Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM (or plainly recognisable without), and
Windows-1252 when the bytes are not UTF-8 - also when the first such byte comes late in the file.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from cjo_desktop.io.tables._table import Table, TableError, file_size, open_binary

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

#: Bytes read up front to choose the encoding and the delimiter.
SAMPLE_BYTES = 1 << 16
#: The longest line read, in bytes: the csv module holds a whole record in memory, so one line
#: of a billion commas would be a billion cells. Long free-text answers still fit many times.
MAX_LINE_BYTES = 4 * 1024 * 1024
_SNIFF_LINES = 20
_DELIMITERS = ",;\t"
_FALLBACK = "cjo_desktop.cp1252"
_CP1252 = tuple(bytes([i]).decode("cp1252", errors="ignore") or chr(i) for i in range(256))
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, after "surrogateescape"
_UNICODE = re.compile("[^\x00-\x7f\udc80-\udcff]")  # characters that are valid UTF-8


def _cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as Windows-1252 (its five unused bytes as Latin-1)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_FALLBACK, _cp1252)


class LineMeter:
    """Finds, chunk by chunk, the first line longer than ``limit`` bytes. It jumps from one
    line break to the last one within ``limit`` bytes after it, so a chunk of short lines
    costs a few searches, not one step per line."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.breaks = 0  # line feeds before the current chunk
        self.open = 0  # bytes of the line still open at the end of the last chunk
        self.long_line: int | None = None  # the first line that is too long

    def feed(self, data: bytes) -> bool:
        """Take the next chunk; True once a line longer than the limit has been seen."""
        if self.long_line is not None:
            return True
        start, end = -self.open, len(data)  # where the open line began, in this chunk
        while end - start > self.limit:
            low, high = max(start, 0), start + self.limit + 1
            last = max(data.rfind(b"\n", low, high), data.rfind(b"\r", low, high))
            if last < 0:  # no break within limit bytes of the line's start
                self.long_line = self.breaks + data.count(b"\n", 0, low) + 1
                return True
            start = last + 1
        low = max(start, 0)
        last = max(data.rfind(b"\n", low), data.rfind(b"\r", low))
        self.open = end - last - 1 if last >= 0 else end - start
        self.breaks += data.count(b"\n")
        return False


class _Tap(io.RawIOBase):
    """The file as read: counts and hashes its bytes, finds the first one that is not UTF-8,
    and stops at a line longer than MAX_LINE_BYTES (``on_long`` raises, given its number)."""

    def __init__(
        self,
        raw: io.BufferedReader,
        on_bad: Callable[[int, int, bool], None] | None,
        on_long: Callable[[int], None],
    ):
        super().__init__()
        self._raw = raw
        self.count = 0
        self.done = False
        self.digest = hashlib.sha256()
        self._on_bad = on_bad
        self._on_long = on_long
        self._utf8 = codecs.getincrementaldecoder("utf-8")() if on_bad else None
        self._lines = 0
        self._ascii = True
        self._meter = LineMeter(MAX_LINE_BYTES)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        n = self._raw.readinto(buffer)
        data = bytes(memoryview(buffer)[:n])
        self.digest.update(data)
        self.count += n
        self.done = n == 0
        if self._meter.feed(data):
            assert self._meter.long_line is not None
            self._on_long(self._meter.long_line)
        if self._utf8 is not None:
            self._check(data, final=self.done)
        return n

    def _check(self, data: bytes, final: bool) -> None:
        assert self._utf8 is not None and self._on_bad is not None
        pending = len(self._utf8.getstate()[0])
        try:
            self._utf8.decode(data, final)
        except UnicodeDecodeError as exc:  # exc.object is the pending bytes, then data
            before = data[: max(exc.start - pending, 0)]
            mixed = not (self._ascii and pending == 0 and before.isascii())
            self._utf8 = None
            self._on_bad(self._lines + before.count(b"\n") + 1, exc.object[exc.start], mixed)
            return
        self._lines += data.count(b"\n")
        self._ascii = self._ascii and data.isascii()

    def close(self) -> None:
        self._raw.close()
        super().close()


def _counts(sample: str) -> list[dict[str, int]]:
    """For each record of the sample, how often each delimiter occurs outside quotes."""
    records: list[dict[str, int]] = []
    current = dict.fromkeys(_DELIMITERS, 0)
    quoted = content = False
    for char in sample:
        if char == '"':
            quoted = not quoted
        elif quoted:
            pass
        elif char in "\r\n":
            if content:
                records.append(current)
                current, content = dict.fromkeys(_DELIMITERS, 0), False
            continue
        elif char in current:
            current[char] += 1
        content = True
    if content:
        records.append(current)
    return records


def _sniff(text: str, prefer_tab: bool) -> str:
    """The delimiter: csv.Sniffer's if the header has it, else the one the records agree on."""
    lines = text.splitlines(keepends=True)
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines.pop()  # cut off by the end of the sample
    sample = "".join(lines[:_SNIFF_LINES])
    order = "\t,;" if prefer_tab else _DELIMITERS
    records = _counts(sample)
    if not records:
        return order[0]
    header, rest = records[0], records[1:]
    try:
        found = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if prefer_tab and header["\t"]:
        return "\t"
    if found and header[found]:
        return found
    scored = [(sum(r[d] == header[d] for r in rest), header[d], d) for d in order if header[d]]
    if scored:
        return max(scored, key=lambda item: item[:2])[2]  # max keeps the first of equals
    return min(order, key=sample.count)  # one column: a delimiter it does not contain


class CsvTable(Table):
    format = "csv"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._raw = self._open_raw(path)
        self._tap: _Tap | None = None
        self._text: io.TextIOWrapper | None = None
        self._late_check = True
        try:
            self.size_bytes = file_size(self._raw)
            sample = self._raw.read(SAMPLE_BYTES)
            self._raw.seek(0)
            codec = self._choose_encoding(sample)
            errors = "strict" if codec.startswith("utf-16") else _FALLBACK
            check = self._not_utf8 if codec.startswith("utf-8") and self._late_check else None
            self._tap = _Tap(self._raw, check, self._long_line)
            buffered = io.BufferedReader(self._tap, buffer_size=1 << 16)
            self._text = io.TextIOWrapper(buffered, encoding=codec, errors=errors, newline="")
            try:
                text = codecs.getincrementaldecoder(codec)(errors).decode(sample, False)
            except UnicodeDecodeError as exc:
                raise self._decode_error(exc, 1) from None
            self.delimiter = _sniff(text.lstrip("\ufeff"), path.suffix.lower() == ".tsv")
            self._reader = csv.reader(self._text, delimiter=self.delimiter, strict=True)
            self._start()
        except OSError as exc:
            self.close()
            raise TableError(self.source, "", f"cannot read the file ({exc.strerror})") from None
        except BaseException:
            self.close()
            raise

    def _open_raw(self, path: Path) -> io.BufferedReader:
        """The file's bytes as the table reads them; a compressed file's reader unpacks here."""
        return open_binary(path)

    def _choose_encoding(self, sample: bytes) -> str:
        """The codec to read with; sets ``encoding`` and notes a guess."""
        if sample.startswith(codecs.BOM_UTF8):
            self.encoding = "utf-8-sig"
            return "utf-8-sig"
        if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding = "utf-16-le" if sample.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
            return "utf-16"
        if sample.startswith(b"PK\x03\x04"):
            raise TableError(
                self.source, "", "is a zip archive (an .xlsx workbook?), not text: check its suffix"
            )
        if sample.startswith(_OLE_MAGIC):
            raise TableError(
                self.source, "", "is an old Excel .xls workbook, not text: save it as .xlsx or CSV"
            )
        if b"\0" in sample:
            pairs = len(sample) // 2
            even, odd = sample[0::2].count(0), sample[1::2].count(0)
            if (even == 0 and odd > pairs * 0.3) or (odd == 0 and even > pairs * 0.3):
                self.encoding = "utf-16-le" if even == 0 else "utf-16-be"
                self.notes.append(f"read as {self.encoding.upper()} (no byte-order mark)")
                return self.encoding
            raise TableError(self.source, "", "holds binary data (NUL bytes), not text")
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        text = decoder.decode(sample, len(sample) < SAMPLE_BYTES)
        self.encoding = "utf-8"
        bad = _ESCAPED.search(text)
        if bad is not None:  # the sample is not all UTF-8
            self._late_check = False
            line = text.count("\n", 0, bad.start()) + 1
            mixed = _UNICODE.search(text) is not None
            self._not_utf8(line, ord(bad.group()) - 0xDC00, mixed)
        return self.encoding

    def _not_utf8(self, line: int, byte: int, mixed: bool) -> None:
        """A late byte that is not UTF-8: it and what follows are read as Windows-1252."""
        if mixed:
            self.notes.append(
                f"line {line} has bytes that are not UTF-8 (0x{byte:02X}), read as Windows-1252: "
                "the file mixes encodings"
            )
        else:
            self.encoding = "cp1252"
            self.notes.append(f"read as Windows-1252 (not UTF-8: byte 0x{byte:02X} on line {line})")

    def _long_line(self, line: int) -> None:
        message = f"the line is longer than {MAX_LINE_BYTES:,} bytes (is a line break missing?)"
        raise TableError(self.source, f"line {line}", message)

    def _decode_error(self, exc: UnicodeDecodeError, line: int) -> TableError:
        byte = exc.object[exc.start : exc.start + 2].hex(" ").upper()
        message = f"not valid {self.encoding.upper()} text (bytes {byte})"
        return TableError(self.source, f"near line {line}", message)

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        done = 0
        try:
            for cells in reader:
                line, done = done + 1, reader.line_num
                yield line, cells
        except csv.Error as exc:
            raise self._csv_error(str(exc), done + 1, reader.line_num) from None
        except UnicodeDecodeError as exc:
            raise self._decode_error(exc, done + 1) from None
        except OSError as exc:
            raise TableError(self.source, "", f"cannot read the file ({exc.strerror})") from None

    def _csv_error(self, text: str, start: int, current: int) -> TableError:
        if "unexpected end of data" in text:
            message = 'a quoted cell starts in this row but its closing quote (") is missing'
            return TableError(self.source, f"line {start}", message)
        if "field limit" in text:
            limit = csv.field_size_limit()
            message = f"a cell is longer than {limit:,} characters (is a closing quote missing?)"
            return TableError(self.source, f"line {start}", message)
        if "expected after" in text:
            message = 'text follows the closing quote of a cell (inside quotes, write " as "")'
            return TableError(self.source, f"line {current}", message)
        return TableError(self.source, f"line {current}", f"cannot read this line ({text})")

    @property
    def bytes_read(self) -> int:
        return 0 if self._tap is None else self._tap.count

    def _hash_file(self) -> str:
        """The file's hash; on the way, whether a line is longer than a cell may be, which a
        reader that does not go through the csv module (polars) must know."""
        digest, meter = hashlib.sha256(), LineMeter(csv.field_size_limit())
        with open_binary(self.path) as handle:
            try:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
                    meter.feed(chunk)
            except OSError as exc:
                message = f"cannot read the file ({exc.strerror})"
                raise TableError(self.source, "", message) from None
        self.long_lines = meter.long_line is not None
        return digest.hexdigest()

    def _streamed_sha256(self) -> str | None:
        if self._tap is None or not self._tap.done:
            return None
        return self._tap.digest.hexdigest()

    def close(self) -> None:
        if self._text is not None:
            self._text.close()
        self._raw.close()
