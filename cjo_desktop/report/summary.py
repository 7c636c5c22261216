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
from cjo_desktop.charts import style
from cjo_desktop.charts.stage_metrics import stage_values
from cjo_desktop.domain.metrics import CSAT_TOP2, METRIC_NAMES, NPS
from cjo_desktop.report.data import ReportData
from cjo_desktop.report.pages import TABLE_TOP_IN, H, W, band, rule

TITLE = "Stages at a glance"
#: (header, width in inches, alignment)
COLUMNS = (
    ("Stage", 3.3, "left"),
    ("Touchpoints", 1.0, "right"),
    ("Feeling", 0.9, "right"),
    (METRIC_NAMES[NPS].short, 1.2, "right"),
    (METRIC_NAMES[CSAT_TOP2].short, 1.2, "right"),
    ("Left here", 1.3, "right"),
    ("Pain points", 1.2, "right"),
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
        style.shorten(row.name, 60),
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
    fig = style.Page(figsize=style.PAGE_SIZE)
    left = style.MARGIN_IN
    fig.text(left / W, 1 - 0.42 / H, title, size=style.TITLE_PT, weight="bold", va="baseline")
    fig.text(left / W, 1 - 0.68 / H, subtitle, size=style.SUBTITLE_PT, color=style.MUTED)
    xs, x = [], left
    for _, width, _ in COLUMNS:
        xs.append(x)
        x += width
    for (header, width, align), x0 in zip(COLUMNS, xs, strict=True):
        tx = x0 + width - 0.08 if align == "right" else x0
        fig.text(
            tx / W,
            1 - TABLE_TOP_IN / H,
            header,
            size=8,
            weight="bold",
            color=style.MUTED,
            ha=align,
            va="bottom",
        )
    fig.add_artist(rule(left, x, TABLE_TOP_IN + 0.04))
    y_pt = (TABLE_TOP_IN + 0.04) * 72 + 3
    for k, row in enumerate(rows):
        if k % 2:
            fig.add_artist(band(left, x, y_pt / 72, ROW_PT / 72))
        for text, (_, width, align), x0 in zip(_cells(row), COLUMNS, xs, strict=True):
            tx = x0 + width - 0.08 if align == "right" else x0 + 0.02
            fig.text(
                tx / W,
                1 - (y_pt + ROW_PT / 2) / 72 / H,
                text,
                size=8.5,
                color=style.INK,
                ha=align,
                va="center",
            )
        y_pt += ROW_PT
    words = (
        f"A summary report: {why}. Feeling: the mean of the touchpoints' feelings (-2..+2); "
        "NPS and CSAT top-2: pooled over the stage's answers; left here: the drop-off counts of "
        "its touchpoints; pain points: the ranked rows at its touchpoints."
    )
    if note:
        words = f"{note} {words}"
    lines = style.wrap(words, style.CAPTION_CHARS)
    fig.text(
        left / W,
        1 - (y_pt + 12) / 72 / H,
        "\n".join(lines),
        size=style.CAPTION_PT,
        color=style.MUTED,
        va="top",
        linespacing=1.35,
    )
    return fig
