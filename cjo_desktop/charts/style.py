"""The charts' look: the canvas's colours and type, on A4 landscape pages.

The colours and fonts shared with the map come from :mod:`cjo_desktop.palette`. matplotlib
is used through its object API only (``Figure``, no pyplot), so building charts in a worker
thread touches no global figure state; the defaults below are applied with
:func:`chart_style` while a figure is built and saved.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import ScaledTranslation

# Shared with the report's charts; re-exported so callers keep reading them here.
from cjo_desktop.palette import (
    FONT_FAMILIES as FONT_FAMILIES,
)
from cjo_desktop.palette import (
    GRID as GRID,
)
from cjo_desktop.palette import (
    HEADER_FILL as HEADER_FILL,
)
from cjo_desktop.palette import (
    INK as INK,
)
from cjo_desktop.palette import (
    LANE_FILL as LANE_FILL,
)
from cjo_desktop.palette import (
    MUTED as MUTED,
)
from cjo_desktop.palette import (
    OKABE_ITO as OKABE_ITO,
)
from cjo_desktop.palette import (
    VALENCE_COLOURS as VALENCE_COLOURS,
)

#: As the metric view colours cards: blue better, vermillion worse.
BETTER = OKABE_ITO["blue"]
WORSE = OKABE_ITO["vermillion"]
NEUTRAL = OKABE_ITO["grey"]

#: A4 landscape in inches, and the bands every page keeps free for its title and footer.
PAGE_SIZE = (11.69, 8.27)
MARGIN_IN = 0.55
HEADER_IN = 0.95
FOOTER_IN = 0.55
TITLE_PT = 17
SUBTITLE_PT = 10
BODY_PT = 9
SMALL_PT = 8
CAPTION_PT = 8
#: Characters of caption per line at CAPTION_PT across the page (measured with DejaVu Sans,
#: with room to spare: wider fonts would still fit).
CAPTION_CHARS = 165
LINE_IN = 1.45 / 72  # line height per point of type, in inches


@cache
def font_family() -> str:
    """The canvas's first font that is installed here (DejaVu Sans ships with matplotlib)."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in FONT_FAMILIES if f in names), "DejaVu Sans")


def rc() -> dict[str, Any]:
    """matplotlib defaults in the canvas's style."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [font_family(), "DejaVu Sans"],
        "font.size": BODY_PT,
        "text.color": INK,
        "axes.edgecolor": GRID,
        "axes.labelcolor": INK,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
        "axes.titlecolor": INK,
        "axes.titlelocation": "left",
        "axes.labelsize": BODY_PT,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "grid.color": GRID,
        "grid.linewidth": 0.6,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "xtick.labelsize": SMALL_PT,
        "ytick.labelsize": SMALL_PT,
        "legend.fontsize": SMALL_PT,
        "legend.frameon": False,
        "figure.facecolor": "#FFFFFF",
        "savefig.facecolor": "#FFFFFF",
        "pdf.fonttype": 42,  # embed TrueType: text stays text (searchable, pdftotext)
        "svg.fonttype": "none",
    }


@contextmanager
def chart_style() -> Iterator[None]:
    """Apply :func:`rc` while a figure is built or saved."""
    with matplotlib.rc_context(rc()):
        yield


def wrap(text: str, width: int) -> list[str]:
    """Lines of ``text`` at most ``width`` characters (paragraphs kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return lines


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def new_page(title: str, caption: str = "", subtitle: str = "") -> Figure:
    """An A4 landscape figure with ``title`` at the top and ``caption`` at the bottom; its
    axes are laid out (constrained) in the band between, clear of the report's footer."""
    fig = Figure(figsize=PAGE_SIZE)
    w, h = PAGE_SIZE
    fig.text(MARGIN_IN / w, 1 - 0.42 / h, title, size=TITLE_PT, weight="bold", va="baseline")
    if subtitle:
        fig.text(
            MARGIN_IN / w, 1 - 0.68 / h, subtitle, size=SUBTITLE_PT, color=MUTED, va="baseline"
        )
    lines = wrap(caption, CAPTION_CHARS) if caption else []
    caption_in = len(lines) * CAPTION_PT * LINE_IN
    if lines:
        fig.text(
            MARGIN_IN / w,
            (FOOTER_IN + 0.1) / h,
            "\n".join(lines),
            size=CAPTION_PT,
            color=MUTED,
            va="bottom",
            linespacing=1.35,
        )
    bottom = (FOOTER_IN + 0.2 + caption_in + (0.12 if lines else 0)) / h
    top = 1 - HEADER_IN / h
    rect = (MARGIN_IN / w, bottom, 1 - 2 * MARGIN_IN / w, top - bottom)
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=rect, w_pad=0.06, h_pad=0.06))
    return fig


def legend_above(ax: Axes, handles: list[Any], ncols: int | None = None) -> None:
    """A one-row legend above the axes (left-aligned), inside the page's layout."""
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        # 17 points up: clear of labels just above the axes (stage names)
        bbox_transform=ax.transAxes + ScaledTranslation(0, 17 / 72, ax.figure.dpi_scale_trans),
        ncols=ncols or len(handles),
        borderaxespad=0,
        handlelength=2.2,
        columnspacing=2.2,
    )


def panels_with_legend(fig: Figure, count: int, handles: list[Any]) -> list[Axes]:
    """``count`` panels side by side sharing y, under a legend row that spans them all."""
    grid = fig.add_gridspec(2, count, height_ratios=[0.045, 1])
    legend_ax = fig.add_subplot(grid[0, :])
    legend_ax.set_axis_off()
    legend_ax.legend(
        handles=handles,
        loc="center left",
        ncols=len(handles),
        borderaxespad=0,
        handlelength=2.2,
        columnspacing=2.2,
    )
    first = fig.add_subplot(grid[1, 0])
    return [first] + [fig.add_subplot(grid[1, i], sharey=first) for i in range(1, count)]


def message_axes(fig: Figure, text: str) -> None:
    """A page body that only says why there is nothing to draw."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", color=MUTED, size=11, wrap=True)


def money(currency: str, x: float) -> str:
    """``€1,200`` for a symbol, ``1,200 USD`` for a code (as the ranking writes it)."""
    if len(currency) > 1 and currency.isalpha():
        return f"{x:,.0f} {currency}"
    return f"{currency}{x:,.0f}"
