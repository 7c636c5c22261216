"""The report as one multi-page PDF (A4 landscape), built with matplotlib's PdfPages.

Two steps, because Qt's scene must stay on the GUI thread: :func:`render_map` (in
:mod:`cjo_desktop.report.map_pages`) draws the map's pages as vector PDF on the calling
thread, then :func:`build_pdf` builds every page from plain data and may run in a worker,
laying the map's pages onto theirs at the end (:mod:`cjo_desktop.report.stamp`). It reports
progress page by page to ``progress(done, total, what)``; a False answer cancels the build
(:class:`ReportCanceled`) before anything is written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from cjo_desktop.analysis.impact import TouchpointRank, by_touchpoint, money
from cjo_desktop.analysis.opportunities import OpportunityValue, opportunity_values
from cjo_desktop.analysis.sources import source_words
from cjo_desktop.charts import matrix, style
from cjo_desktop.charts.comparison import comparison_chart
from cjo_desktop.charts.emotion import emotion_chart
from cjo_desktop.charts.funnel import funnel_chart, funnel_steps
from cjo_desktop.charts.matrix import matrix_chart, matrix_points
from cjo_desktop.charts.stage_metrics import stage_chart, stage_values
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.print_pages import MAX_PAGES, MIN_NAME_PT
from cjo_desktop.report import appendix, evidence_page, pages, persona_pages
from cjo_desktop.report.data import DRAWN_AT_MOST, ReportData
from cjo_desktop.report.stamp import Place, stamp_maps

if TYPE_CHECKING:  # the map's pages are drawn on the GUI thread; building needs no Qt
    from cjo_desktop.report.map_pages import MapPage, MapPages

Progress = Callable[[int, int, str], bool]
#: Opportunities drawn on the value-by-effort page at most: its numbered list holds no more.
MATRIX_POINTS = 25


class ReportCanceled(Exception):
    """The progress callback asked to stop."""


@dataclass(frozen=True)
class Page:
    section: str
    what: str  # for progress messages
    draw: Callable[[], Figure]
    map_page: int | None = None  # the page of the map's PDF laid onto this one


def _order(data: ReportData) -> list[str]:
    """Touchpoints as the map shows them: stage by stage, ordered by the flows."""
    from cjo_desktop.drawing.layout import stage_sequence

    journey = data.journey
    return [tp.id for s in journey.stages() for tp in stage_sequence(journey, s.id)]


def _map_title(page: MapPage, k: int, count: int) -> str:
    names = page.stages[0] if len(page.stages) == 1 else f"{page.stages[0]} to {page.stages[-1]}"
    where = []
    if page.pieces > 1:  # a last slice may share its page with the stages after it
        sliced = "" if len(page.stages) == 1 else f"{page.stages[0]} "
        where.append(f"{sliced}slice {page.piece} of {page.pieces}")
    if page.lanes:
        where.append(page.lanes)
    return f"The map, part {k} of {count}: {names}" + (f" ({', '.join(where)})" if where else "")


def _map_caption(maps: MapPages, first: bool) -> str:
    size = f"card names at {maps.name_pt:.1f} pt"
    if not maps.split and maps.name_pt < MIN_NAME_PT:
        return (
            f"The whole map as the editor draws it, {size}: printing them at "
            f"{MIN_NAME_PT:g} pt would take more than {MAX_PAGES} pages."
        )
    if not maps.split:
        return f"The whole map as the editor draws it, {size}."
    if not first:
        return "The lane names are repeated at the left of every part."
    whole = all(p.pieces == 1 for p in maps.pages)
    parts = f"{len(maps.pages)} parts" + (" of whole stages" if whole else "")
    return (
        f"The map is too large to read on one page: it is shown in {parts}, {size}. "
        "The lane names are repeated at the left of every part."
    )


def plan(data: ReportData, pictures: MapPages | None) -> tuple[list[Page], list[pages.Entry]]:
    """Every page after the title page, and the contents (skipped sections with why)."""
    journey = data.journey
    settings = journey.painpoint_settings()
    subtitle = journey.title
    out: list[Page] = []
    skipped: dict[str, str] = {}

    def add(section: str, what: str, draw: Callable[[], Figure]) -> None:
        out.append(Page(section, what, draw))

    if pictures is not None:
        count = len(pictures.pages)
        for k, page in enumerate(pictures.pages, 1):
            title = "The map" if count == 1 else _map_title(page, k, count)
            caption = _map_caption(pictures, k == 1)
            draw = partial(pages.map_page, title, subtitle, caption, page.portrait)
            out.append(Page("The map", "the map" if count == 1 else f"map part {k}", draw, k - 1))
    elif data.summary:
        skipped["The map"] = f"not drawn: {data.summary}"
        _add_summary(data, add)
    else:
        skipped["The map"] = "not drawn (no picture of the map was made)"
    summary = "not drawn in a summary report"
    if data.summary:
        skipped["Emotion curve"] = skipped[persona_pages.TITLE] = summary
    else:
        add(
            "Emotion curve",
            "the emotion curve",
            lambda: emotion_chart(journey, data.snapshot, _order(data)),
        )
        why = persona_pages.add_pages(journey, partial(_order, data), add)
        if why is not None:
            skipped[persona_pages.TITLE] = why
    stages, most = len(journey.stages()), DRAWN_AT_MOST["stages"]
    if stages > most:
        skipped["Metrics by stage"] = f"not drawn: {stages:,} stages, more than the {most} it shows"
    elif stage_values(journey, data.snapshot):
        add("Metrics by stage", "metrics by stage", lambda: stage_chart(journey, data.snapshot))
    else:
        skipped["Metrics by stage"] = "no survey metrics"
    if data.summary:
        skipped["Funnel"] = summary
    elif funnel_steps(journey, data.snapshot, settings.goal):
        add("Funnel", "the funnel", lambda: funnel_chart(journey, data.snapshot, settings.goal))
    else:
        skipped["Funnel"] = "no visitor or flow counts"
    _add_ranking(data, add, skipped)
    drawn, matrix_title = _matrix_points(data)
    if drawn:
        add(
            "Value by effort",
            "the value-by-effort matrix",
            lambda: matrix_chart(
                drawn,
                currency=settings.currency,
                period=settings.period,
                subtitle=subtitle,
                title=matrix_title,
            ),
        )
    else:
        skipped["Value by effort"] = "no opportunity is linked to a ranked pain point"
    if data.summary:
        skipped["Baseline against latest"] = summary
    elif data.baseline is not None and data.latest is not None:
        base, late = data.baseline, data.latest
        add(
            "Baseline against latest",
            "the comparison",
            lambda: comparison_chart(
                journey, base, late, title=f"Baseline against latest: {base.label} → {late.label}"
            ),
        )
    else:
        skipped["Baseline against latest"] = "fewer than two snapshots to compare"
    why = evidence_page.add_pages(journey, add)
    if why is not None:
        skipped[evidence_page.TITLE] = why
    _add_appendix(data, add)
    entries: list[pages.Entry] = []
    sections = [
        "The map",
        *(["Stages at a glance"] if data.summary else []),
        "Emotion curve",
        persona_pages.TITLE,
        "Metrics by stage",
        "Funnel",
        "Ranked pain points",
        "Value by effort",
        "Baseline against latest",
        evidence_page.TITLE,
        *([appendix.TITLE] if len(by_touchpoint(data.ranked)) > data.top_rows else []),
    ]
    for section in sections:
        first = next((i for i, p in enumerate(out) if p.section == section), None)
        if first is not None:
            entries.append(pages.Entry(section, first + 2))
        else:
            entries.append(pages.Entry(section, None, skipped.get(section, "")))
    return out, entries


def _add_ranking(
    data: ReportData,
    add: Callable[[str, str, Callable[[], Figure]], None],
    skipped: dict[str, str],
) -> None:
    """The ranked table, a row per touchpoint (each counts once, as in the editor's panel)
    with explanations for the costliest, then every further pain point in the appendix
    (added last, after the other sections), so the report lists all."""
    settings = data.journey.painpoint_settings()
    if not data.ranked:
        skipped["Ranked pain points"] = "no rule fires and none was flagged" + (
            f". {data.unchecked}" if data.unchecked else ""
        )
        return
    groups = by_touchpoint(data.ranked)
    shown = groups[: data.top_rows]
    titles = _titles(data.journey, shown)
    chunks = pages.paginate(shown, titles, settings.currency, settings.period)
    more = len(groups) - len(shown)
    for k, chunk in enumerate(chunks, 1):
        note = ""
        if k == len(chunks):
            further = (
                f"The pain points of the {more:,} further touchpoints are listed in the "
                "appendix, by rank."
                if more
                else ""
            )
            note = " ".join(t for t in (further, data.unchecked) if t)
        add(
            "Ranked pain points",
            f"pain points {k}",
            partial(
                pages.table_page,
                shown,
                chunk,
                titles=titles,
                title="Ranked pain points"
                + (f" ({k} of {len(chunks)})" if len(chunks) > 1 else ""),
                subtitle=f"Costliest first, each touchpoint once, judged on {data.snapshot_words}",
                currency=settings.currency,
                period=settings.period,
                note=note,
            ),
        )


def _titles(journey: Journey, groups: Sequence[TouchpointRank]) -> list[list[str]]:
    """What found each pain point of each touchpoint, in words."""
    return [[source_words(journey, r.source, r.key) for r in g.rows] for g in groups]


def _add_appendix(data: ReportData, add: Callable[[str, str, Callable[[], Figure]], None]) -> None:
    settings = data.journey.painpoint_settings()
    groups = by_touchpoint(data.ranked)
    rest: list[TouchpointRank] = []
    listed = 0
    for group in groups[data.top_rows :]:  # the titles of at most MAX_LISTED pain points
        if listed >= appendix.MAX_LISTED:
            break
        rest.append(group)
        listed += len(group.rows)
    lines = appendix.lines_of(
        rest, data.top_rows + 1, _titles(data.journey, rest), settings.currency, settings.period
    )
    parts = appendix.appendix_pages(0, len(lines))
    total = sum(len(g.rows) for g in groups[data.top_rows :])
    unlisted = total - len(lines)
    for k, indices in enumerate(parts, 1):
        note = ""
        if unlisted and k == len(parts):
            note = (
                f"{unlisted:,} smaller pain points follow; the report lists the "
                f"{appendix.MAX_LISTED:,} costliest."
            )
        add(
            appendix.TITLE,
            f"appendix {k}",
            partial(
                appendix.appendix_page,
                lines,
                indices,
                title=appendix.TITLE + (f" ({k} of {len(parts)})" if len(parts) > 1 else ""),
                subtitle=f"Touchpoints from #{data.top_rows + 1:,} on, costliest first, judged "
                "as the ranking; each counts once, with its impact on its first line",
                note=note,
            ),
        )


def _personas(journey: Journey) -> list[str]:
    """The personas the title page names: twelve at most, then how many more."""
    names = [p.name for p in journey.personas()]
    return names if len(names) <= 12 else [*names[:12], f"and {len(names) - 12:,} more"]


def _add_summary(data: ReportData, add: Callable[[str, str, Callable[[], Figure]], None]) -> None:
    """The stage table pages that stand in for the map pages of a summary report."""
    from cjo_desktop.report.summary import TITLE, stage_page, stage_pages, stage_rows

    chunks = stage_pages(stage_rows(data))
    for k, (rows, note) in enumerate(chunks, 1):
        title = TITLE + (f" ({k} of {len(chunks)})" if len(chunks) > 1 else "")
        add(
            TITLE,
            f"stages {k}",
            partial(
                stage_page,
                rows,
                title=title,
                subtitle=data.journey.title,
                why=data.summary,
                note=note,
            ),
        )


def _matrix_points(data: ReportData) -> tuple[list[OpportunityValue], str]:
    """The opportunities the value-by-effort page draws, valued as the pain-point dock values
    them: all of them, or the MATRIX_POINTS worth most when there are more (each is a
    numbered point and a line of its list), and the page's title, which then says so."""
    opportunities = data.journey.opportunities()
    settings = data.journey.painpoint_settings()
    values = opportunity_values(
        opportunities, data.ranked, currency=settings.currency, period=settings.period
    )
    points, missing, _ = matrix_points(values)
    if len(points) + len(missing) <= MATRIX_POINTS:
        return (values if points else []), matrix.TITLE
    worth_most = {id(p.opportunity) for p in points[:MATRIX_POINTS]}
    drawn = [v for v in values if id(v.opportunity) in worth_most]
    title = f"{matrix.TITLE}: the {len(drawn):,} worth most of {len(opportunities):,}"
    return drawn, title


def build_pdf(
    data: ReportData, pictures: MapPages | None, progress: Progress | None = None
) -> bytes:
    """The PDF's bytes; raises ReportCanceled when ``progress`` answers False."""
    journey = data.journey
    settings = journey.painpoint_settings()
    body, contents = plan(data, pictures)
    total = len(body) + 1
    value = settings.value_per_customer
    value_words = (
        f"{money(settings.currency, value)} per customer; visitor counts are per {settings.period}"
        if value is not None
        else "no value per customer: pain points are ranked by customers lost"
    )
    stamp = dt.datetime.combine(data.date, dt.time(0, 0), tzinfo=dt.UTC)
    buffer = io.BytesIO()
    metadata = {
        "Title": f"{journey.title}: customer journey report",
        "Subject": "Customer journey report",
        "Creator": "cjo-desktop",
        "CreationDate": stamp,
    }
    if data.author:
        metadata["Author"] = data.author
    with style.chart_style(), PdfPages(buffer, metadata=metadata) as pdf:
        steps: list[tuple[str, Callable[[], Figure]]] = [
            (
                "the title page",
                lambda: pages.title_page(
                    journey.title,
                    _personas(journey),
                    data.date,
                    data.snapshot_words,
                    contents,
                    value_words,
                    data.author,
                    data.summary,
                ),
            )
        ]
        steps += [(p.what, p.draw) for p in body]
        for number, (what, draw) in enumerate(steps, 1):
            if progress is not None and not progress(number - 1, total, what):
                raise ReportCanceled
            fig = draw()
            pages.footer(fig, journey.title, data.date, number, total)
            pdf.savefig(fig)
            fig.clear()  # its artists now, not whenever the garbage collector finds the figure
    report = buffer.getvalue()
    if pictures is not None:
        places = [
            Place(
                number,
                p.map_page,
                pictures.pages[p.map_page].size,
                pictures.pages[p.map_page].portrait,
            )
            for number, p in enumerate(body, 1)  # page 0 is the title page
            if p.map_page is not None
        ]
        report = stamp_maps(report, pictures.pdf, places)
    if progress is not None and not progress(total, total, "done"):
        raise ReportCanceled
    return report


def write_report(path: Path, pdf: bytes) -> None:
    """Replace ``path`` atomically: the old file or the whole report, never half of one."""
    from cjo_desktop.io.files import write_atomic

    write_atomic(path, pdf)
