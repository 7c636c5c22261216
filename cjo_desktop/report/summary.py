"""Stages at a glance: what a summary report shows instead of the map pages of a large map.

One row per stage: its touchpoints, the mean of their feelings, the survey values pooled over
them, the people who left there and the pain points ranked there. Everything is counted in
one pass over the map, so a map of 40,000 cards is summed up in seconds; at most MAX_ROWS
stages are listed and the last page says how many more there are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from matplotlib.figure import Figure

from cjo_desktop.analysis.painpoints import valences
from cjo_desktop.charts.stage_metrics import stage_values
from cjo_desktop.domain.metrics import CSAT_TOP2, METRIC_NAMES, NPS
from cjo_desktop.report.data import ReportData
from cjo_desktop.report.line_table import line_table_page

TITLE = "Stages at a glance"
#: (header, width in inches, characters that fit, alignment)
COLUMNS = (
    ("Stage", 3.3, 60, "left"),
    ("Touchpoints", 1.0, 14, "right"),
    ("Feeling", 0.9, 12, "right"),
    (METRIC_NAMES[NPS].short, 1.2, 16, "right"),
    (METRIC_NAMES[CSAT_TOP2].short, 1.2, 16, "right"),
    ("Left here", 1.3, 18, "right"),
    ("Pain points", 1.2, 16, "right"),
)
ROW_PT = 15.0
NONE = "\N{EN DASH}"  # no value
ROWS_PER_PAGE = 26
#: Stages listed at most (five pages); the rest are counted in a note.
MAX_ROWS = 5 * ROWS_PER_PAGE


@dataclass(frozen=True, slots=True)
class StageRow:
    name: str
    touchpoints: int
    feeling: float | None  # mean of the touchpoints' feelings (-2..+2)
    nps: float | None
    csat_top2: float | None
    left: int  # people who left the journey at the stage's touchpoints (drop-off counts)
    pain_points: int  # ranked rows: rules that fire and pain points flagged by hand


def stage_rows(data: ReportData) -> list[StageRow]:
    """Every stage of the map, in order, with its numbers."""
    journey = data.journey
    stage_of = {tp.id: tp.stage_id for tp in journey.touchpoints()}
    feelings: dict[str, list[float]] = {}
    for tp_id, valence in valences(journey).items():
        feelings.setdefault(stage_of[tp_id], []).append(valence)
    left: Counter[str] = Counter()
    for flow in journey.flows():
        if flow.target is None and flow.count is not None and flow.source in stage_of:
            left[stage_of[flow.source]] += flow.count
    pains = Counter(stage_of[r.touchpoint_id] for r in data.ranked if r.touchpoint_id in stage_of)
    pooled = stage_values(journey, data.snapshot, (NPS, CSAT_TOP2))
    counts = Counter(stage_of.values())
    rows = []
    for stage in journey.stages():
        values = pooled.get(stage.id, {})
        mean = feelings.get(stage.id)
        rows.append(
            StageRow(
                stage.name,
                counts[stage.id],
                sum(mean) / len(mean) if mean else None,
                values[NPS].value if NPS in values else None,
                values[CSAT_TOP2].value if CSAT_TOP2 in values else None,
                left[stage.id],
                pains[stage.id],
            )
        )
    return rows


def _cells(row: StageRow) -> list[str]:
    def number(x: float | None, fmt: str) -> str:
        return NONE if x is None else format(x, fmt)

    return [
        row.name,
        f"{row.touchpoints:,}",
        number(row.feeling, "+.1f"),
        number(row.nps, "+.0f"),
        NONE if row.csat_top2 is None else f"{row.csat_top2:.0f}%",
        f"{row.left:,}",
        f"{row.pain_points:,}",
    ]


def stage_pages(rows: list[StageRow]) -> list[tuple[list[StageRow], str]]:
    """The rows of each page and the note under it (on the last page: the stages left out)."""
    shown = rows[:MAX_ROWS]
    pages = [shown[i : i + ROWS_PER_PAGE] for i in range(0, len(shown), ROWS_PER_PAGE)]
    more = len(rows) - len(shown)
    notes = [""] * len(pages)
    if pages and more:
        notes[-1] = f"{more:,} more stages are not listed here."
    return list(zip(pages, notes, strict=True))


def stage_page(rows: list[StageRow], *, title: str, subtitle: str, why: str, note: str) -> Figure:
    """One page of the stage table; ``why`` says why the report is a summary."""
    words = (
        f"A summary report: {why}. Feeling: the mean of the touchpoints' feelings (-2..+2); "
        "NPS and CSAT top-2: pooled over the stage's answers; left here: the drop-off counts of "
        "its touchpoints; pain points: the ranked rows at its touchpoints."
    )
    return line_table_page(
        COLUMNS,
        [_cells(row) for row in rows],
        title=title,
        subtitle=subtitle,
        note=f"{note} {words}" if note else words,
        row_pt=ROW_PT,
    )
