"""Semantic zoom: which drawing of a card a zoom calls for, and how big its title is then.

A card's full drawing has body text at ``CARD_TEXT_PX``; zoomed out, that text shrinks below
what anyone reads and the card would be a box of grey smudges. Below that zoom the editor draws
a simpler card whose title is sized in screen pixels, so a fitted map still says what each
card is. Exports always use the full drawing: paper is read up close.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from cjo_desktop.drawing.style import CARD_TEXT_PX

#: The smallest body text (screen px) a reader reads without leaning in.
MIN_BODY_PX = 7.0
#: The title's size on screen in the simple drawing: legible on a normal screen, and in the
#: regular weight, whose narrower letters let a far-out card show more of its name.
FAR_TITLE_PX = 9
#: A line of text is this much taller than its font's pixel size.
LINE_SPACING = 1.15
#: Room (screen px) left free around the title inside the card's rim.
TITLE_PAD = 1.5
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
    """The simple drawing's title: font size and box in screen pixels, and its line count."""

    pixel_size: int
    width: float
    height: float
    max_lines: int


def far_title(zoom: float, card_width: float, card_height: float, strip: float) -> FarTitle | None:
    """The title's box on screen for a card of ``card_width`` x ``card_height`` scene units,
    right of the channel strip (``strip`` scene units); None when not one line fits."""
    width = (card_width - strip) * zoom - 2 * TITLE_PAD
    height = card_height * zoom - 2 * TITLE_PAD
    line = FAR_TITLE_PX * LINE_SPACING
    lines = min(2, int(height // line))
    if lines < 1 or width < 2 * FAR_TITLE_PX:
        return None
    return FarTitle(FAR_TITLE_PX, width, height, lines)
