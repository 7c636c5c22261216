"""A report page of one-line rows: title, subtitle, an optional lead sentence, column headers,
banded rows shortened to their column, and a note below. The stage summary, the appendix of
the ranking and the evidence pages share it.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from cjo_desktop.charts import style
from cjo_desktop.report.pages import TABLE_TOP_IN, H, W, band, rule

#: (header, width in inches, characters that fit, alignment)
Column = tuple[str, float, int, str]
CELL_PT = 8.5


def line_table_page(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    title: str,
    subtitle: str,
    lead: str = "",
    note: str = "",
    bold_last: bool = False,
    row_pt: float = 15.5,
) -> Figure:
    """The page; ``lead`` goes above the table, ``note`` (wrapped) below it."""
    fig = style.Page(figsize=style.PAGE_SIZE)
    left = style.MARGIN_IN
    fig.text(left / W, 1 - 0.42 / H, title, size=style.TITLE_PT, weight="bold", va="baseline")
    fig.text(left / W, 1 - 0.68 / H, subtitle, size=style.SUBTITLE_PT, color=style.MUTED)
    top = TABLE_TOP_IN
    if lead:
        fig.text(left / W, 1 - 0.95 / H, lead, size=9.5, color=style.INK, va="baseline")
        top += 0.25
    xs, x = [], left
    for _, width, _, _ in columns:
        xs.append(x)
        x += width
    for (header, width, _, align), x0 in zip(columns, xs, strict=True):
        tx = x0 + width - 0.08 if align == "right" else x0
        fig.text(tx / W, 1 - top / H, header, size=8, weight="bold", color=style.MUTED,
                 ha=align, va="bottom")  # fmt: skip
    fig.add_artist(rule(left, x, top + 0.04))
    y_pt = (top + 0.04) * 72 + 3
    for k, row in enumerate(rows):
        if k % 2:
            fig.add_artist(band(left, x, y_pt / 72, row_pt / 72))
        bold = bold_last and k == len(rows) - 1
        for text, (_, width, chars, align), x0 in zip(row, columns, xs, strict=True):
            tx = x0 + width - 0.08 if align == "right" else x0 + 0.02
            fig.text(tx / W, 1 - (y_pt + row_pt / 2) / 72 / H, style.shorten(text, chars),
                     size=CELL_PT, color=style.INK, ha=align, va="center",
                     weight="bold" if bold else "normal")  # fmt: skip
        y_pt += row_pt
    if note:
        fig.text(left / W, 1 - (y_pt + 12) / 72 / H,
                 "\n".join(style.wrap(note, style.CAPTION_CHARS)), size=style.CAPTION_PT,
                 color=style.MUTED, va="top", linespacing=1.35)  # fmt: skip
    return fig
