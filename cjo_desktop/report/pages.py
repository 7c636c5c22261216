"""The report's own pages: title and contents, the map pages' frames, the ranked pain-point table,
and the footer every page carries. Charts come from :mod:`cjo_desktop.charts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from cjo_desktop.analysis.impact import Ranked, TouchpointRank, counted_once_text, money
from cjo_desktop.charts import style
from cjo_desktop.charts.style import CAPTION_PT, FOOTER_IN, INK, MARGIN_IN, MUTED, PAGE_SIZE

W, H = PAGE_SIZE
TABLE_PT = 7.5
LINE_PT = TABLE_PT * 1.32
ROW_PAD_PT = 7
#: (header, width in inches, characters per line when wrapped, alignment)
COLUMNS = (
    ("#", 0.35, 4, "left"),
    ("Touchpoint", 1.55, 22, "left"),
    ("Pain points", 2.45, 36, "left"),
    ("Impact", 1.2, 16, "right"),
    ("Explanation", 5.0, 86, "left"),
)
TABLE_TOP_IN = 1.15
#: The height rows may fill on a page (below the column headers, above the note and footer).
TABLE_HEIGHT_PT = (H - TABLE_TOP_IN - 0.3 - FOOTER_IN - 0.55) * 72
MAX_ROWS = 16
#: Characters of a map page's title per inch at TITLE_PT (measured with DejaVu Sans bold: 7.5,
#: rounded down for wider fonts): a longer title is set smaller to stay on the page.
TITLE_CHARS_PER_IN = 6.8


@dataclass(frozen=True)
class Entry:
    """A line of the contents: a section, its first page, or why it was left out."""

    title: str
    page: int | None
    note: str = ""


def footer(fig: Figure, title: str, date: dt.date, page: int, pages: int) -> None:
    """The page's footer, laid out for its own size (map pages may be portrait)."""
    w, h = fig.get_size_inches()
    y = (FOOTER_IN - 0.22) / h
    fig.text(
        MARGIN_IN / w,
        y,
        f"{style.shorten(title, 90 if w > h else 60)} · {date.isoformat()}",
        size=CAPTION_PT,
        color=MUTED,
        va="baseline",
    )
    fig.text(
        1 - MARGIN_IN / w,
        y,
        f"page {page} of {pages}",
        size=CAPTION_PT,
        color=MUTED,
        ha="right",
        va="baseline",
    )


def title_page(
    title: str,
    personas: Sequence[str],
    date: dt.date,
    data_words: str,
    contents: Sequence[Entry],
    value_words: str,
    author: str = "",
    summary: str = "",
) -> Figure:
    """``summary``: why this is a summary report (empty for a full one)."""
    fig = style.Page(figsize=PAGE_SIZE)
    x = MARGIN_IN / W + 0.02
    fig.text(x, 1 - 0.9 / H, "Customer journey report", size=12, color=MUTED, va="baseline")
    lines = style.wrap(title, 52)[:3]
    fig.text(
        x,
        1 - 1.45 / H,
        "\n".join(lines),
        size=26,
        weight="bold",
        color=INK,
        va="top",
        linespacing=1.15,
    )
    y = 1.45 + len(lines) * 26 * 1.2 / 72 + 0.35
    facts = [
        ("Personas", ", ".join(personas) if personas else "none named"),
        ("Date", date.strftime("%d %B %Y").lstrip("0")),
        ("Judged on", f"{data_words}: the pain points are ranked and the charts drawn from these"),
        ("Pricing", value_words),
    ]
    if author:
        facts.insert(2, ("Prepared by", author))
    if summary:
        facts.append(
            (
                "Summary",
                f"A summary report: {summary}. The stages at a glance stand in for the map.",
            )
        )
    for label, text in facts:
        wrapped = style.wrap(text, 110)[:3]
        fig.text(x, 1 - y / H, label, size=10, color=MUTED, va="top", weight="bold")
        fig.text(
            x + 1.2 / W,
            1 - y / H,
            "\n".join(wrapped),
            size=10,
            color=INK,
            va="top",
            linespacing=1.35,
        )
        y += 0.3 + (len(wrapped) - 1) * 10 * 1.35 / 72
    y += 0.25
    fig.text(x, 1 - y / H, "Contents", size=13, weight="bold", color=INK, va="top")
    y += 0.38
    for entry in contents:
        page = "" if entry.page is None else str(entry.page)
        colour = INK if entry.page is not None else MUTED
        fig.text(x, 1 - y / H, page, size=10, color=colour, va="top", ha="left")
        text = entry.title + (f": {entry.note}" if entry.note else "")
        fig.text(x + 0.45 / W, 1 - y / H, style.shorten(text, 130), size=10, color=colour, va="top")
        y += 0.25
    return fig


def map_page(title: str, subtitle: str, caption: str, portrait: bool = False) -> Figure:
    """A map page's title, subtitle and caption around an empty area: the map itself, vector
    PDF drawn by the editor's scene, is laid there afterwards (:mod:`cjo_desktop.report.stamp`).
    A portrait page holds a map too tall for landscape at 6 pt."""
    size = (PAGE_SIZE[1], PAGE_SIZE[0]) if portrait else PAGE_SIZE
    # bold title characters across the page, measured with DejaVu Sans, room to spare
    chars = (size[0] - 2 * MARGIN_IN) * TITLE_CHARS_PER_IN
    title_pt = min(style.TITLE_PT, style.TITLE_PT * chars / max(len(title), 1))
    return style.new_page(title, caption, subtitle=subtitle, size=size, title_pt=title_pt)


def impact_words(row: Ranked | TouchpointRank, currency: str, period: str) -> str:
    if row.basis == "revenue":
        return f"{money(currency, row.impact)}\na {period}"
    if row.basis == "customers":
        return f"{row.impact:,.0f} customers\na {period}"
    return "not priced\n(no counts)"


def _cells(
    rank: int, group: TouchpointRank, titles: Sequence[str], currency: str, period: str
) -> list[list[str]]:
    """A touchpoint's row: its pain points in words, one after the other, worth the largest;
    the costliest one's explanation, and why the rest are not added."""
    chars = [c for _, _, c, _ in COLUMNS]
    pains = [
        line
        for title, row in zip(titles, group.rows, strict=True)
        for line in style.wrap(f"{title} ({row.severity})", chars[2])
    ]
    explanation = " ".join(t for t in (group.top.explanation, counted_once_text(group)) if t)
    return [
        style.wrap(str(rank), chars[0]),
        style.wrap(group.touchpoint, chars[1]),
        pains,
        style.wrap(impact_words(group, currency, period), chars[3]),
        style.wrap(explanation, chars[4]),
    ]


def row_height(cells: list[list[str]]) -> float:
    return max(len(c) for c in cells) * LINE_PT + ROW_PAD_PT


def paginate(
    rows: Sequence[TouchpointRank], titles: Sequence[Sequence[str]], currency: str, period: str
) -> list[list[int]]:
    """Row indices per page: as many as fit in the page's height, at most MAX_ROWS, spread
    evenly over the pages needed (no last page with a single row). ``titles``: what found
    each touchpoint's pain points, in words."""
    pages = _fill(rows, titles, currency, period, MAX_ROWS)
    if len(pages) > 1:
        even = _fill(rows, titles, currency, period, -(-len(rows) // len(pages)))
        if len(even) == len(pages):
            return even
    return pages


def _fill(
    rows: Sequence[TouchpointRank],
    titles: Sequence[Sequence[str]],
    currency: str,
    period: str,
    most: int,
) -> list[list[int]]:
    pages: list[list[int]] = []
    used = TABLE_HEIGHT_PT + 1
    for i, row in enumerate(rows):
        h = row_height(_cells(i + 1, row, titles[i], currency, period))
        if not pages or used + h > TABLE_HEIGHT_PT or len(pages[-1]) >= most:
            pages.append([])
            used = 0.0
        pages[-1].append(i)
        used += h
    return pages


def table_page(
    rows: Sequence[TouchpointRank],
    indices: Sequence[int],
    *,
    titles: Sequence[Sequence[str]],
    title: str,
    subtitle: str,
    currency: str,
    period: str,
    note: str,
) -> Figure:
    """The touchpoints ``indices`` of the ranking (1-based ranks shown), with wrapped cells."""
    fig = style.Page(figsize=PAGE_SIZE)
    left = MARGIN_IN
    fig.text(left / W, 1 - 0.42 / H, title, size=style.TITLE_PT, weight="bold", va="baseline")
    fig.text(left / W, 1 - 0.68 / H, subtitle, size=style.SUBTITLE_PT, color=MUTED, va="baseline")
    xs = []
    x = left
    for _, width, _, _ in COLUMNS:
        xs.append(x)
        x += width
    y_in = TABLE_TOP_IN
    for (header, width, _, align), x0 in zip(COLUMNS, xs, strict=True):
        tx = x0 + width - 0.08 if align == "right" else x0
        fig.text(
            tx / W, 1 - y_in / H, header, size=8, weight="bold", color=MUTED, ha=align, va="bottom"
        )
    fig.add_artist(rule(left, x, y_in + 0.04))
    y_pt = (y_in + 0.04) * 72 + 3
    for k, i in enumerate(indices):
        cells = _cells(i + 1, rows[i], titles[i], currency, period)
        h = row_height(cells)
        if k % 2:
            fig.add_artist(band(left, x, y_pt / 72, h / 72))
        for lines, (_, width, _, align), x0 in zip(cells, COLUMNS, xs, strict=True):
            tx = x0 + width - 0.08 if align == "right" else x0 + 0.02
            fig.text(
                tx / W,
                1 - (y_pt + ROW_PAD_PT / 2) / 72 / H,
                "\n".join(lines),
                size=TABLE_PT,
                color=INK,
                ha=align,
                va="top",
                linespacing=1.32,
            )
        y_pt += h
    if note:
        fig.text(left / W, 1 - (y_pt + 10) / 72 / H, note, size=CAPTION_PT, color=MUTED, va="top")
    return fig


def rule(x0: float, x1: float, y: float) -> Line2D:
    return Line2D([x0 / W, x1 / W], [1 - y / H, 1 - y / H], color=style.GRID, lw=0.8)


def band(x0: float, x1: float, y: float, h: float) -> Rectangle:
    return Rectangle(
        (x0 / W, 1 - (y + h) / H), (x1 - x0) / W, h / H, color=style.LANE_FILL[1], lw=0, zorder=-1
    )
