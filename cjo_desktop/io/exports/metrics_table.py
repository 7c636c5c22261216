"""Metrics as flat records and CSV: for ``cjo metrics``, the CSV export and spreadsheets.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) are neutralized with a leading apostrophe; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cjo_desktop.domain import Journey, JourneyError, Snapshot
from cjo_desktop.domain.metrics import higher_is_better
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.files import write_atomic

RECORD_KEYS = (
    "touchpoint_id",
    "touchpoint",
    "snapshot",
    "metric",
    "value",
    "n",
    "ci_low",
    "ci_high",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would execute becomes plain text; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def pasted_cell(text: str) -> str:
    """One cell of tab-separated text for the clipboard: tabs and line breaks (which would start
    another cell or row) become spaces, and text a spreadsheet would run as a formula gets a
    leading apostrophe, while a number such as -12.5 stays a number."""
    text = " ".join(text.replace("\t", " ").splitlines())
    try:
        float(text.replace(",", ""))
    except ValueError:
        return str(safe_cell(text))
    return text


def chosen_snapshot(journey: Journey, label: str | None) -> Snapshot | None:
    """The named snapshot, or the latest import when no label is given (None if none)."""
    if label is not None:
        return journey.metric_snapshot(label)
    snapshots = journey.metric_snapshots()
    return snapshots[-1] if snapshots else None


def metric_records(journey: Journey, label: str | None = None) -> list[dict[str, Any]]:
    """One record per touchpoint and metric, in journey order (each touchpoint's metrics in
    the snapshot's order). What the snapshot holds is sorted: looking up every metric at every
    touchpoint took 178 s for 20,000 cards with a metric each."""
    snap = chosen_snapshot(journey, label)
    if snap is None:
        return []
    rank = {name: i for i, name in enumerate(snap.metric_names())}
    records = []
    for tp in journey.touchpoints():
        held = snap.values.get(tp.id, {})
        for metric, v in sorted(held.items(), key=lambda pair: rank[pair[0]]):
            records.append(
                dict(
                    zip(
                        RECORD_KEYS,
                        (tp.id, tp.name, snap.label, metric, v.value, v.n, v.ci_low, v.ci_high),
                        strict=True,
                    )
                )
            )
    return records


COMPARE_KEYS = ("baseline", "baseline_value", "delta", "change")


def compare_records(journey: Journey, label: str | None, baseline: str) -> list[dict[str, Any]]:
    """The records of ``label`` with the ``baseline`` value beside each, the difference and
    whether it is an improvement ("better", "worse", "same"; "" when the direction of the
    metric is unknown or a value is missing)."""
    before = journey.metric_snapshot(baseline)
    records = metric_records(journey, label)
    snap = chosen_snapshot(journey, label)
    for r in records:
        old = before.value(r["touchpoint_id"], r["metric"])
        r["baseline"] = baseline
        r["baseline_value"] = None if old is None else old.value
        r["delta"] = r["change"] = None
        if old is not None and old.value is not None and r["value"] is not None:
            delta = round(r["value"] - old.value, 6)
            r["delta"] = delta
            value = snap.value(r["touchpoint_id"], r["metric"]) if snap else None
            up = higher_is_better(r["metric"], value) if value else None
            if delta == 0:
                r["change"] = "same"
            elif up is not None:
                r["change"] = "better" if (delta > 0) == up else "worse"
    return records


def records_csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    keys = list(records[0]) if records else list(RECORD_KEYS)
    writer.writerow(keys)
    for r in records:
        writer.writerow([safe_cell("" if r[k] is None else r[k]) for k in keys])
    return out.getvalue()


#: Cells of the one-row-per-touchpoint table at most: its rows times its columns grow as the
#: product of cards and metrics (20,000 cards with a metric each made 800 MB of mostly empty
#: cells in 135 s and 2.2 GB); ``cjo metrics --format csv`` writes one row per value instead.
MAX_TABLE_CELLS = 10_000_000


def touchpoint_table(journey: Journey, label: str | None = None, source: str = "<csv>") -> str:
    """One row per touchpoint: its stage, channel and every metric (value and n) as CSV;
    MapFileError naming ``source`` when the table would pass MAX_TABLE_CELLS."""
    try:
        snap = chosen_snapshot(journey, label)
    except JourneyError:
        snap = None
    metrics = snap.metric_names() if snap else []
    stage = {s.id: s.name for s in journey.stages()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["touchpoint_id", "touchpoint", "stage", "channel", "snapshot"]
    header += [c for m in metrics for c in (m, f"{m} n")]  # metric names come from the data
    rows = len(journey.touchpoints())
    if rows * len(header) > MAX_TABLE_CELLS:
        message = (
            f"the table would have {rows:,} rows of {len(header):,} columns, more than "
            f"{MAX_TABLE_CELLS:,} cells: `cjo metrics MAP --format csv` writes one row per value"
        )
        raise MapFileError(source, "", message)
    writer.writerow([safe_cell(c) for c in header])
    for tp in journey.touchpoints():
        row: list[object] = [
            tp.id,
            tp.name,
            stage[tp.stage_id],
            tp.channel,
            snap.label if snap else "",
        ]
        for m in metrics:
            v = snap.value(tp.id, m) if snap else None
            row += [
                "" if v is None or v.value is None else v.value,
                "" if v is None or v.n is None else v.n,
            ]
        writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()


def write_metrics_csv(journey: Journey, path: Path) -> None:
    write_atomic(path, touchpoint_table(journey, source=str(path)).encode("utf-8"))
