"""The appendix of a long ranking: every pain point of the touchpoints after the ones the
ranked table explains, one line each (the touchpoint's rank, the touchpoint, what found it,
severity, and the touchpoint's impact on its first line only: it counts once), so the report
lists them all and a client never needs another tool to see the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

from cjo_desktop.analysis.impact import TouchpointRank
from cjo_desktop.report.line_table import line_table_page
from cjo_desktop.report.pages import impact_words

TITLE = "Appendix: the rest of the ranking"
#: (header, width in inches, characters that fit at 8.5 pt, alignment)
COLUMNS = (
    ("#", 0.45, 5, "left"),
    ("Touchpoint", 2.9, 44, "left"),
    ("Pain point", 4.3, 66, "left"),
    ("Severity", 0.9, 10, "left"),
    ("Impact", 2.0, 28, "right"),
)
ROW_PT = 15.5
#: Lines per page between the column headers and the footer, at ROW_PT.
ROWS_PER_PAGE = 26
#: Pain points a report lists at most (about 75 appendix pages): a map the report draws has
#: fewer (300 touchpoints, a handful of rules); a summary report of a huge map lists the
#: costliest this many and says how many smaller ones follow.
MAX_LISTED = 2_000


def appendix_pages(first: int, count: int) -> list[range]:
    """Row indices (0-based, from ``first``) per appendix page, spread evenly so the last
    page is not a single line; at most up to MAX_LISTED."""
    count = min(count, MAX_LISTED)
    if count <= first:
        return []
    rows = count - first
    pages = -(-rows // ROWS_PER_PAGE)
    per = -(-rows // pages)
    return [range(first + k * per, min(first + (k + 1) * per, count)) for k in range(pages)]


@dataclass(frozen=True)
class Line:
    """One pain point in the appendix, in words."""

    rank: str
    touchpoint: str
    title: str
    severity: str
    impact: str


def lines_of(
    groups: Sequence[TouchpointRank],
    first_rank: int,
    titles: Sequence[Sequence[str]],
    currency: str,
    period: str,
) -> list[Line]:
    """The pain points of ``groups`` (ranked from ``first_rank``), a line each, at most
    MAX_LISTED; the touchpoint's rank and impact on its first line."""
    out: list[Line] = []
    for n, (group, words) in enumerate(zip(groups, titles, strict=True), first_rank):
        for k, (row, title) in enumerate(zip(group.rows, words, strict=True)):
            impact = impact_words(group, currency, period).replace("\n", " ") if k == 0 else ""
            out.append(
                Line(
                    str(n) if k == 0 else "",
                    group.touchpoint if k == 0 else "",
                    title,
                    row.severity,
                    impact,
                )
            )
            if len(out) >= MAX_LISTED:
                return out
    return out


def appendix_page(
    lines: Sequence[Line],
    indices: range,
    *,
    title: str,
    subtitle: str,
    note: str = "",
) -> Figure:
    """The ``lines`` at ``indices``, one pain point each."""
    rows = [
        (line.rank, line.touchpoint, line.title, line.severity, line.impact)
        for line in (lines[i] for i in indices)
    ]
    return line_table_page(COLUMNS, rows, title=title, subtitle=subtitle, note=note, row_pt=ROW_PT)
