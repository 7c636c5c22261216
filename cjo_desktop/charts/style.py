"""The charts' look: the canvas's colours and type, on A4 landscape pages.

The colours and fonts shared with the map come from :mod:`cjo_desktop.palette`. matplotlib
is used through its object API only (``Figure``, no pyplot), so building charts in a worker
thread touches no global figure state; the defaults below are applied with
:func:`chart_style` while a figure is built and saved.

Every text on a page is somebody's words (a title "Upgrade from $5 to $10 plan", a currency
"$$"), never mathtext: :class:`Page` draws them literally, with control characters shown as the
map shows them, whoever saves the figure and under whichever rcParams.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text
from matplotlib.ticker import Formatter
from matplotlib.transforms import ScaledTranslation
from matplotlib.typing import RcKeyType

from cjo_desktop.domain.shown import shown
from cjo_desktop.palette import (
    BETTER as BETTER,
)
from cjo_desktop.palette import (
    FALLBACK_FAMILIES,
    OWN_SYMBOLS,
    text_face,
)

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
    ON_FILL as ON_FILL,
)
from cjo_desktop.palette import (
    PAPER as PAPER,
)
from cjo_desktop.palette import (
    UNCHANGED as UNCHANGED,
)
from cjo_desktop.palette import (
    VALENCE_COLOURS as VALENCE_COLOURS,
)
from cjo_desktop.palette import (
    WORSE as WORSE,
)

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
    return font_families()[0]


class _OneWeightFallbacks(logging.Filter):
    """Fallback faces often come in one weight (WenQuanYi, Symbola): matplotlib then draws
    bold words in them at 400 and says so once per text; expected, so not worth a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("findfont: Failed to find font weight")


logging.getLogger("matplotlib.font_manager").addFilter(_OneWeightFallbacks())


@cache
def font_families() -> list[str]:
    """The text face, then the installed fallbacks matplotlib can draw, tried per character
    (matplotlib >= 3.6): names in Arabic, Chinese or emoji come out as letters, not boxes."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FaceFlags, FT2Font

    manager = font_manager.fontManager
    names = frozenset(f.name for f in manager.ttflist)

    def font(family: str) -> FT2Font | None:
        """The family's regular face if installed and drawable (colour bitmap emoji fonts
        have no outlines to draw)."""
        if family not in names:
            return None
        try:
            face = FT2Font(manager.findfont(family, fallback_to_default=False))
        except (ValueError, OSError, RuntimeError):
            return None
        return face if face.face_flags & FaceFlags.SCALABLE else None

    def usable(family: str) -> bool:
        face = font(family)
        return face is not None and set(map(ord, OWN_SYMBOLS)) <= face.get_charmap().keys()

    face = text_face(usable)
    return [face, *(f for f in FALLBACK_FAMILIES if f != face and font(f) is not None)]


def rc() -> dict[RcKeyType, Any]:
    """matplotlib defaults in the canvas's style."""
    return {
        "font.family": font_families(),
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
        "figure.facecolor": PAPER,
        "savefig.facecolor": PAPER,
        "pdf.fonttype": 42,  # embed TrueType: text stays text (searchable, pdftotext)
        "svg.fonttype": "none",
        "text.parse_math": False,  # "$5 to $10" is money, not mathtext
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


class _ShownFormatter(Formatter):
    """Tick labels of another formatter, as :func:`shown` (category names, currencies)."""

    def __init__(self, inner: Formatter) -> None:
        self.inner = inner

    def set_axis(self, axis: Any) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return shown(self.inner(x, pos))

    def format_ticks(self, values: Any) -> list[str]:
        return [shown(s) for s in self.inner.format_ticks(values)]

    def format_data(self, value: float) -> str:
        return shown(self.inner.format_data(value))

    def format_data_short(self, value: float) -> str:
        return shown(self.inner.format_data_short(value))

    def get_offset(self) -> str:
        return shown(self.inner.get_offset())


def show_text(fig: Figure) -> None:
    """Every text of ``fig`` literal (no mathtext) and as :func:`shown`, tick labels too."""
    for text in fig.findobj(Text):
        assert isinstance(text, Text)
        text.set_parse_math(False)
        words = text.get_text()
        if words != shown(words):
            text.set_text(shown(words))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for ticker in (axis.major, axis.minor):
                inner = ticker.formatter
                if inner is not None and not isinstance(inner, _ShownFormatter):
                    # Direct, not set_major_formatter(): that would mark the axis's own
                    # formatter as chosen by us and stop unit conversion from updating it.
                    wrapped = _ShownFormatter(inner)
                    wrapped.set_axis(axis)
                    ticker.formatter = wrapped


class Page(Figure):
    """A report page: whoever saves it, its texts are drawn as the words they are."""

    def draw(self, renderer: RendererBase) -> None:
        show_text(self)
        # Tick labels are made while drawing: they must not parse math either.
        with matplotlib.rc_context({"text.parse_math": False}):
            super().draw(renderer)


def new_page(
    title: str,
    caption: str = "",
    subtitle: str = "",
    size: tuple[float, float] = PAGE_SIZE,
    title_pt: float = TITLE_PT,
) -> Figure:
    """A figure of ``size`` inches (A4 landscape unless told) with ``title`` at the top and
    ``caption`` at the bottom; its axes are laid out (constrained) in the band between, clear
    of the report's footer."""
    fig = Page(figsize=size)
    w, h = size
    fig.text(MARGIN_IN / w, 1 - 0.42 / h, title, size=title_pt, weight="bold", va="baseline")
    if subtitle:
        fig.text(
            MARGIN_IN / w, 1 - 0.68 / h, subtitle, size=SUBTITLE_PT, color=MUTED, va="baseline"
        )
    chars = int(CAPTION_CHARS * (w - 2 * MARGIN_IN) / (PAGE_SIZE[0] - 2 * MARGIN_IN))
    lines = wrap(caption, chars) if caption else []
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
