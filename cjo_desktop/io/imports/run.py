"""One import from start to finish: read, match, compute, report.

``run_import`` never changes the journey, so a failed or cancelled import leaves the map as it
was; ``plan.apply_import`` then adds the result in one go (the editor applies the same plan as
one undoable command). What is particular to a kind of data comes from its registered entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cjo_desktop.domain import Journey, JourneyError, Provenance, Snapshot
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.metrics import rounded
from cjo_desktop.domain.quoting import listed, quoted
from cjo_desktop.io.imports.expected import percent_text
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.kinds.base import ImportKind, Progress, Reading
from cjo_desktop.io.imports.kinds.registry import all_guesses, kind_of
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.spec import ImportSpec, guess_roles
from cjo_desktop.io.tables import Table, TableError, open_table

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class ImportResult:
    snapshot: Snapshot
    new_touchpoints: dict[str, str] = field(default_factory=dict)  # id -> name
    flow_counts: dict[tuple[str, str | None], int] = field(default_factory=dict)
    report: ImportReport | None = None
    expected_dropoffs: dict[str, float] = field(default_factory=dict)  # touchpoint id -> share


def _fill_guesses(table: Table, spec: ImportSpec, kind: ImportKind[Any]) -> None:
    """Columns the user did not name are taken from header names that say what they hold."""
    guesses = guess_roles(table.header, all_guesses())
    if not kind.fill(spec.options, guesses):
        return  # the rows name their touchpoints in columns of the kind's own
    if spec.key is None:
        if "key" not in guesses:
            raise TableError(
                table.source,
                "",
                "cannot tell which column names the touchpoint; "
                f"choose one with --key (columns: {listed(table.header, quote=False, limit=30)})",
            )
        spec.key = guesses["key"]


def run_import(
    journey: Journey, path: Path, spec: ImportSpec, progress: Progress | None = None
) -> ImportResult:
    """Read ``path`` as ``spec`` says; raises TableError on bad input, Cancelled if stopped."""
    kind = kind_of(spec.kind)
    keys = KeyResolver(journey, spec.match, spec.add_missing)
    report = ImportReport(str(path), kind.id)
    with open_table(path, spec.sheet) as table:
        _fill_guesses(table, spec, kind)
        if kind.settle is not None:
            try:
                kind.settle(spec.options, journey)
            except ValueError as exc:
                raise TableError(table.source, "", str(exc)) from None
        segment = spec.segment[0] if spec.segment else None
        for column in (spec.key, *kind.columns(spec.options), spec.date, segment):
            if column:
                table.column_index(column)  # a misspelt column fails before any work
        order = [t.id for t in journey.touchpoints()]
        rows = kind.read(Reading(path, table, spec, keys, report, order, progress), spec.options)
        sha, sheet = table.sha256, table.sheet
        report.notes[:0] = [n for n in table.notes if n not in report.notes]  # after the rows:
        # a reader may learn mid-file that it is not UTF-8
    period = rows.period
    if period[0] and not all(ISO_DAY.fullmatch(day) for day in period):
        # first and last are text minima and maxima: right only for YYYY-MM-DD
        example = next(day for day in period if not ISO_DAY.fullmatch(day))
        report.notes.append(
            f"dates in {quoted(spec.date)} are not written YYYY-MM-DD (as in {quoted(example)}): "
            "the snapshot has no period"
        )
        period = ("", "")
    values, flow_counts = rows.values, rows.flow_counts

    report.unmatched = dict(keys.unmatched)
    report.ambiguous = dict(keys.shared)
    report.added_touchpoints = list(keys.new_touchpoints.values())
    names = {t.id: t.name for t in journey.touchpoints()} | keys.new_touchpoints
    report.added_flows = [
        f"{names[a]} -> {names[b] if b is not None else 'drop-off'}"
        for a, b in flow_counts
        if not journey.has_flow(a, b)
    ]
    report.without_data = [t.name for t in journey.touchpoints() if t.id not in values]
    expected = rows.expected_dropoffs
    report.expected_dropoffs = [f"{names[tp]} {percent_text(s)}" for tp, s in expected.items()]
    report.expected_unchanged = sum(
        tp not in keys.new_touchpoints and journey.touchpoint(tp).expected_dropoff == share
        for tp, share in expected.items()
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # a file name that is not UTF-8 still names the snapshot, its odd bytes written as \xff
    name = os.fsencode(path.name).decode("utf-8", "backslashreplace")
    label = spec.snapshot or f"{name} {now:%Y-%m-%d %H:%M}"
    report.snapshot = label
    provenance = Provenance(
        source=name,
        sha256=sha,
        sheet=sheet,
        imported_at=now.isoformat(),
        method=kind.method(spec.options),
        segment=f"{spec.segment[0]} = {spec.segment[1]}" if spec.segment else "",
        period=f"{period[0]}..{period[1]}" if period[0] else "",
    )
    snapshot = rounded(Snapshot(label, provenance, values, rows.summary))
    try:  # the same ranges the map file holds, checked before the map is touched
        check.snapshot_numbers(snapshot)
    except JourneyError as exc:
        raise TableError(str(path), "", f"cannot be imported: {exc}") from None
    return ImportResult(snapshot, dict(keys.new_touchpoints), flow_counts, report, expected)
