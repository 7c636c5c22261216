"""Semantic zoom: which drawing of a card a zoom calls for, and how big its title is then.

A card's full drawing has body text at ``CARD_TEXT_PX``; zoomed out, that text shrinks below
what anyone reads and the card would be a box of grey smudges. Below that zoom the editor draws
a simpler card whose title is sized in screen pixels, so a fitted map still says what each
card is. Exports always use the full drawing: paper is read up close.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from cjo_desktop.drawing.style import CARD_TEXT_PX, METRICS

#: The smallest body text (screen px) a reader reads without leaning in.
MIN_BODY_PX = 7.0
#: The title's size on screen in the simple drawing: legible on a normal screen, and in the
#: regular weight, whose narrower letters let a far-out card show more of its name.
FAR_TITLE_PX = 9
#: From one line of the far title to the next, in screen px: tight, as on a label.
FAR_LINE_STEP = FAR_TITLE_PX + 1
#: Lines of a far title at most: three lines of about 12 letters hold every bundled card name.
FAR_MAX_LINES = 3
#: Room (screen px) left free around the title inside its card.
TITLE_PAD = 1.5
#: How far (scene units) a far card may grow past its own rectangle on each side to hold its
#: name: into the gaps between columns and between lanes, but not across them. A fitted map is
#: too small for a name inside a 184 x 72 card; it is not too small for a name in the card's
#: cell of the grid. Sideways it leaves 40% of the gap, so an arrow to the next card still shows.
ROOM_X = METRICS.slot_gap * 0.3
ROOM_Y = METRICS.lane_padding - 2
#: Below this scale an export draws blocks (unchanged from before the simple drawing).
EXPORT_BLOCK_SCALE = 0.4


class CardDrawing(Enum):
    FULL = "full"  # title, channel, badge, feeling: every word at its own size
    SIMPLE = "simple"  # fill, rim, channel colour and the title in screen pixels
    BLOCK = "block"  # fill, rim and channel colour only (exports scaled far down)


def body_legible(zoom: float) -> bool:
    """Whether a card's body text is readable on screen at ``zoom`` (1.0 = 100%)."""
    return CARD_TEXT_PX * zoom >= MIN_BODY_PX


#: The lowest zoom at which the editor draws cards in full.
FULL_ZOOM = MIN_BODY_PX / CARD_TEXT_PX


def card_drawing(zoom: float, on_screen: bool) -> CardDrawing:
    """The drawing for a card at ``zoom``; ``on_screen`` is False for picture exports, which
    keep the full drawing (and their old blocks only when scaled below ``EXPORT_BLOCK_SCALE``)."""
    if not on_screen:
        return CardDrawing.FULL if zoom >= EXPORT_BLOCK_SCALE else CardDrawing.BLOCK
    return CardDrawing.FULL if body_legible(zoom) else CardDrawing.SIMPLE


@dataclass(frozen=True)
class FarTitle:
    """The simple drawing's title, in screen px: its font size, the card's own text width
    (``min_width``), the widest and tallest it may grow to, and its line count at most."""

    pixel_size: int
    min_width: float
    max_width: float
    max_height: float
    max_lines: int


def far_title(zoom: float, card_width: float, card_height: float, strip: float) -> FarTitle | None:
    """The title's room on screen for a card of ``card_width`` x ``card_height`` scene units
    with a channel strip of ``strip`` units; None when not one line of a short word fits."""
    min_width = (card_width - strip) * zoom - 2 * TITLE_PAD
    max_width = (card_width + 2 * ROOM_X - strip) * zoom - 2 * TITLE_PAD
    max_height = (card_height + 2 * ROOM_Y) * zoom - 2 * TITLE_PAD
    lines = min(FAR_MAX_LINES, int(max_height // FAR_LINE_STEP))
    if lines < 1 or max_width < 3 * FAR_TITLE_PX:
        return None
    return FarTitle(FAR_TITLE_PX, max(0.0, min_width), max_width, max_height, lines)


def far_text(base_px: float, zoom: float, on_screen: bool) -> bool:
    """Whether text of ``base_px`` scene px is drawn at ``FAR_TITLE_PX`` screen px instead:
    on screen, once it would be smaller than that (stage names, lane names)."""
    return on_screen and base_px * zoom < FAR_TITLE_PX
