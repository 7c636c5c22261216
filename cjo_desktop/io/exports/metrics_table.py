"""Metrics as flat records and CSV: for ``cjo metrics``, the CSV export and spreadsheets.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) are neutralized with a leading apostrophe; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cjo_desktop.analysis.changes import Change, compare_snapshots
from cjo_desktop.domain import Journey, JourneyError, Snapshot
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


#: What a comparison adds to each row: the change, its 95% interval, p, the Benjamini-Hochberg
#: q over the whole comparison, the answers per group a planned survey needs, and the verdict
#: ("better", "worse", "no significant change", or "not testable" with the reason).
CHANGE_KEYS = (
    "delta",
    "delta_ci_low",
    "delta_ci_high",
    "p_value",
    "q_value",
    "n_needed",
    "change",
    "change_reason",
)
COMPARE_KEYS = ("baseline", "baseline_value", *CHANGE_KEYS)


def _number(x: float | None) -> float | None:
    """Rounded as the file stores numbers, and never -0.0 (which printed as "-0.0 worse")."""
    return None if x is None else round(x, 6) + 0.0


def change_fields(change: Change | None) -> dict[str, Any]:
    """The CHANGE_KEYS of one row; all None where a value is missing on either side."""
    if change is None:
        return dict.fromkeys(CHANGE_KEYS)
    return {
        "delta": _number(change.delta),
        "delta_ci_low": _number(change.ci_low),
        "delta_ci_high": _number(change.ci_high),
        "p_value": change.p_value,
        "q_value": change.q_value,
        "n_needed": change.n_needed,
        "change": change.verdict,
        "change_reason": change.reason,
    }


def compare_records(journey: Journey, label: str | None, baseline: str) -> list[dict[str, Any]]:
    """The records of ``label`` with the ``baseline`` value beside each and the change, tested
    as one comparison over every value the two snapshots share
    (:func:`cjo_desktop.analysis.changes.compare_snapshots`)."""
    before = journey.metric_snapshot(baseline)
    records = metric_records(journey, label)
    snap = chosen_snapshot(journey, label)
    judged = (
        compare_snapshots(before, snap, [tp.id for tp in journey.touchpoints()]) if snap else {}
    )
    for r in records:
        old = before.value(r["touchpoint_id"], r["metric"])
        r["baseline"] = baseline
        r["baseline_value"] = None if old is None else old.value
        r.update(change_fields(judged.get((r["touchpoint_id"], r["metric"]))))
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
