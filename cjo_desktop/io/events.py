"""Read an event log (CSV, plain or gzip-compressed): one row per event, grouped into cases.

The CSV is read by the house table reader (io.tables: encodings, delimiter sniffing, line
limits, one-line errors naming the file, line and column). Each case keeps only its events'
times, file order and activities until the end, when they are sorted by time, ties kept in file
order, as process-mining tools order them. Discovery (analysis.discovery) reads the result.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cjo_desktop.domain import validate
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.tables import Table, TableError
from cjo_desktop.io.tables._csv import CsvTable
from cjo_desktop.io.tables._table import open_binary

#: Column names tried, in order, when the user names none (any case, trimmed).
CASE_GUESSES = ("case", "case_id", "case:concept:name", "case id", "caseid")
ACTIVITY_GUESSES = ("activity", "concept:name", "event", "activity_name")
TIME_GUESSES = ("timestamp", "time:timestamp", "time", "date")
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class EventLog:
    """The cases of a log, each its activities in time order, and each activity's channel."""

    source: str
    #: Case id -> its activities in time order (ties in file order), cases in first-seen order.
    traces: dict[str, list[str]] = field(default_factory=dict)
    #: Activity -> the channel most of its events name ("" when none does).
    channels: dict[str, str] = field(default_factory=dict)
    events: int = 0


def read_event_log(
    path: str | os.PathLike[str],
    *,
    case: str | None = None,
    activity: str | None = None,
    time: str | None = None,
    channel: str | None = None,
) -> EventLog:
    """Read ``path`` (``.csv``, ``.tsv``, ``.txt``, each optionally ``.gz``); a column left None
    is guessed from its usual names. Bad input raises a MapFileError naming file, line, column."""
    path = Path(path)
    source = str(path)
    try:
        with _open(path) as table:
            return _read(table, case, activity, time, channel)
    except (EOFError, zlib.error) as exc:
        raise MapFileError(source, "", f"the gzip data is damaged or cut short ({exc})") from None


def _open(path: Path) -> Table:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        inner = suffixes[0] if len(suffixes) == 2 else ""
        if inner not in (".csv", ".tsv", ".txt"):
            shown = quoted(inner) if inner else "no suffix"
            message = f"a .gz event log must be a compressed .csv, .tsv or .txt (found {shown})"
            raise TableError(str(path), "", message)
        return _GzipCsvTable(path)
    if suffixes and suffixes[-1] in (".csv", ".tsv", ".txt"):
        return CsvTable(path)
    kind = quoted(suffixes[-1]) if suffixes else "no suffix"
    message = f"cannot read event logs with {kind} (supported: .csv, .tsv, .txt, and these .gz)"
    raise TableError(str(path), "", message)


class _GzipCsvTable(CsvTable):
    """A CSV table read through gzip: the sniffing, encodings and errors are the same."""

    def _open_raw(self, path: Path) -> io.BufferedReader:
        handle = open_binary(path)
        self._compressed = handle
        if handle.read(2) != _GZIP_MAGIC:
            handle.close()
            raise TableError(str(path), "", "is not gzip-compressed, although it ends in .gz")
        handle.seek(0)
        unpacked = gzip.GzipFile(fileobj=handle, mode="rb")
        return io.BufferedReader(unpacked)

    def close(self) -> None:
        super().close()
        self._compressed.close()


def _column(table: Table, given: str | None, guesses: tuple[str, ...], what: str) -> int:
    """The column named ``given``, else the first of ``guesses`` the header has."""
    if given is not None:
        return table.column_index(given)
    folded = [name.strip().casefold() for name in table.header]
    for guess in guesses:
        if guess in folded:
            return folded.index(guess)
    names = ", ".join(guesses[:3])
    message = f"no {what} column found (tried {names}); name it with --{what}"
    raise TableError(table.source, f"{table.where(table.header_line)} (header)", message)


def _read(
    table: Table, case: str | None, activity: str | None, time: str | None, channel: str | None
) -> EventLog:
    at_case = _column(table, case, CASE_GUESSES, "case")
    at_activity = _column(table, activity, ACTIVITY_GUESSES, "activity")
    at_time = _column(table, time, TIME_GUESSES, "time")
    at_channel = None if channel is None else table.column_index(channel)
    names = [table.header[i].strip() for i in (at_case, at_activity, at_time)]
    timed: dict[str, list[tuple[datetime, int, str]]] = {}
    channel_counts: dict[str, Counter[str]] = {}
    log = EventLog(table.source)
    for row in table.rows():
        cells = row.cells
        if not any(cell.strip() for cell in cells):
            continue
        case_id, name, stamp = (cells[i].strip() for i in (at_case, at_activity, at_time))
        for value, column in ((case_id, names[0]), (name, names[1]), (stamp, names[2])):
            if not value:
                raise table.error(row.line, column, "is empty: every event needs it")
        when = _time(stamp, table, row.line, names[2])
        if name not in channel_counts:  # first seen: it must fit a touchpoint's name
            try:
                validate.name(name, "an activity's name")
            except JourneyError as exc:
                raise table.error(row.line, names[1], str(exc)) from None
            channel_counts[name] = Counter()
        timed.setdefault(case_id, []).append((when, log.events, name))
        if at_channel is not None and (said := cells[at_channel].strip()):
            channel_counts[name][said] += 1
        log.events += 1
    for case_id, events in timed.items():
        events.sort()
        log.traces[case_id] = [name for _, _, name in events]
    log.channels = {
        name: counts.most_common(1)[0][0] for name, counts in channel_counts.items() if counts
    }
    return log


def _time(value: str, table: Table, line: int, column: str) -> datetime:
    """An ISO 8601 time; one with a zone is compared in UTC, one without is taken as UTC."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        message = (
            f"cannot read {quoted(value)} as a time (expected ISO 8601, "
            "e.g. 2024-05-01T09:30:00 or 2024-05-01 09:30:00+02:00)"
        )
        raise table.error(line, column, message) from None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when
