"""The per-segment table: the same survey computed for every value of a segment column.

Nothing is stored on the map: this answers "does the family camper feel the checkout the
way the weekend hiker does?" before anyone decides which segment to map.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from cjo_desktop.analysis.changes import compare, rest_value
from cjo_desktop.domain import Journey, MetricValue
from cjo_desktop.io.exports.metrics_table import CHANGE_KEYS, change_fields
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import open_table

MAX_SEGMENTS = 50


def segment_values(path: Path, column: str, sheet: str | None = None) -> list[str]:
    """The distinct values of a column, in order of first appearance (blank ones left out)."""
    seen: dict[str, None] = {}
    with open_table(path, sheet) as table:
        index = table.column_index(column)
        for row in table.rows():
            value = row.cells[index].strip()
            if value and value not in seen:
                seen[value] = None
                if len(seen) > MAX_SEGMENTS:
                    raise table.error(
                        row.line,
                        column,
                        f"more than {MAX_SEGMENTS} different "
                        "values: this does not look like a segment column",
                    )
    return list(seen)


SEGMENT_KEYS = (
    "segment",
    "touchpoint_id",
    "touchpoint",
    "metric",
    "value",
    "n",
    "ci_low",
    "ci_high",
    "rest_value",
    "rest_n",
    *CHANGE_KEYS,
)


def segment_records(
    journey: Journey, path: Path, spec: ImportSpec, column: str
) -> list[dict[str, Any]]:
    """One record per segment, touchpoint and metric (the journey is not changed), each
    compared with the rest of the responses: every answer at that touchpoint not in the
    segment, blank segments included, worked out from the whole file's counts. All rows of the
    table are one comparison, so their q-values correct for every segment tested at once."""
    names = {t.id: t.name for t in journey.touchpoints()}
    whole = run_import(journey, path, _one(spec, None)).snapshot
    found: list[tuple[str, str, str, MetricValue]] = []
    pairs: dict[int, tuple[str, MetricValue, MetricValue]] = {}
    rests: dict[int, MetricValue] = {}
    for value in segment_values(path, column, spec.sheet):
        result = run_import(journey, path, _one(spec, (column, value)))
        for tp in journey.touchpoints():
            for metric, v in result.snapshot.values.get(tp.id, {}).items():
                all_of = whole.value(tp.id, metric)
                rest = rest_value(metric, all_of, v) if all_of is not None else None
                if rest is not None:
                    rests[len(found)] = rest
                    pairs[len(found)] = (metric, rest, v)
                found.append((value, tp.id, metric, v))
    judged = compare(pairs)
    records: list[dict[str, Any]] = []
    for i, (value, tp_id, metric, v) in enumerate(found):
        rest = rests.get(i)
        records.append(
            {
                "segment": value,
                "touchpoint_id": tp_id,
                "touchpoint": names[tp_id],
                "metric": metric,
                "value": v.value,
                "n": v.n,
                "ci_low": v.ci_low,
                "ci_high": v.ci_high,
                "rest_value": None if rest is None or rest.value is None else round(rest.value, 6),
                "rest_n": None if rest is None else rest.n,
                **change_fields(judged.get(i)),
            }
        )
    return records


def _one(spec: ImportSpec, segment: tuple[str, str] | None) -> ImportSpec:
    """The spec for one run: only ``segment``'s rows (all rows for None), nothing added."""
    one = copy.copy(spec)
    one.options = copy.copy(spec.options)  # the guesses of one run stay in it
    one.segment, one.snapshot, one.add_missing = segment, segment[1] if segment else "all", False
    return one
