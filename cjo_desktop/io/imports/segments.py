"""The per-segment table: the same survey computed for every value of a segment column.

Nothing is stored on the map: this answers "does the family camper feel the checkout the
way the weekend hiker does?" before anyone decides which segment to map.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from cjo_desktop.domain import Journey
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


def segment_records(
    journey: Journey, path: Path, spec: ImportSpec, column: str
) -> list[dict[str, Any]]:
    """One record per segment, touchpoint and metric (the journey is not changed)."""
    records: list[dict[str, Any]] = []
    names = {t.id: t.name for t in journey.touchpoints()}
    for value in segment_values(path, column, spec.sheet):
        one = copy.copy(spec)
        one.options = copy.copy(spec.options)  # the guesses of one run stay in it
        one.segment, one.snapshot, one.add_missing = (column, value), value, False
        result = run_import(journey, path, one)
        for tp in journey.touchpoints():
            for metric, v in result.snapshot.values.get(tp.id, {}).items():
                records.append(
                    {
                        "segment": value,
                        "touchpoint_id": tp.id,
                        "touchpoint": names[tp.id],
                        "metric": metric,
                        "value": v.value,
                        "n": v.n,
                        "ci_low": v.ci_low,
                        "ci_high": v.ci_high,
                    }
                )
    return records
