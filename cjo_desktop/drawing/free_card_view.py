"""How a free card looks and what it says, in plain Python: its fill (its own colour, else its
lane kind's light tint; the evidence view's colour when cards are coloured by evidence), ink
that reads on that fill, the address its link mark opens, and its tooltip.

Colours leave here as ``#rrggbb`` text; the canvas turns them into Qt's.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cjo_desktop.domain import Journey
from cjo_desktop.domain.evidence import status_of
from cjo_desktop.domain.model import FreeCard
from cjo_desktop.palette import EVIDENCE_FILL, FREE_CARD_FILLS, FREE_CARD_SWATCHES, INK, ON_FILL

#: The fill of a card in a lane of a kind without a tint of its own.
PLAIN = FREE_CARD_SWATCHES["Grey"]
#: Addresses the link mark opens: the web and mail. A ``file:`` or ``javascript:`` link in a
#: map someone sent is shown, never opened from the map.
OPENED = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True, slots=True)
class FreeCardLook:
    fill: str
    ink: str


def default_fill(lane_kind: str) -> str:
    """The fill a lane of ``lane_kind`` gives cards without a colour of their own."""
    return FREE_CARD_FILLS.get(lane_kind, PLAIN)


def free_card_look(card: FreeCard, lane_kind: str, by_evidence: bool = False) -> FreeCardLook:
    """The card's fill and the ink (dark or white) that reads best on it."""
    if by_evidence:
        fill = EVIDENCE_FILL[status_of(card.evidence)]
    else:
        fill = card.colour or default_fill(lane_kind)
    return FreeCardLook(fill, ink_on(fill))


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(fill: str) -> str:
    """The map's ink, or white where a dark colour of the team's own would swallow it."""
    return INK if contrast(INK, fill) >= contrast(ON_FILL, fill) else ON_FILL


def openable(link: str) -> str | None:
    """The address the link mark opens (a bare ``www.example.com`` as https), or None when
    the link is not a web or mail address."""
    text = link.strip()
    if not text or any(c.isspace() for c in text):
        return None
    scheme = urlsplit(text).scheme.lower()
    if not scheme and "." in text.split("/")[0]:
        return f"https://{text}"
    if scheme in OPENED and (scheme == "mailto" or urlsplit(text).netloc):
        return text
    return None


def link_tooltip(link: str) -> str:
    """What the link mark says on hover: the address, and how to open it (or why not)."""
    if openable(link) is None:
        return f"{link}\n(not a web or mail address: not opened from the map)"
    return f"{link}\nClick to open (or Ctrl+click the card)"


def free_card_tooltip(journey: Journey, card: FreeCard) -> str:
    """The card's text, its lane and stage, owner, link, evidence and the touchpoints it
    supports, one per line."""
    lines = [card.text]
    if card.lane_id in journey and card.stage_id in journey:
        lines.append(f"{journey.lane(card.lane_id).name} in {journey.stage(card.stage_id).name}")
    if card.owner:
        lines.append(f"Owner: {card.owner}")
    if card.link:
        lines.append(f"Link: {card.link}")
    if card.evidence is not None:
        lines.append(f"Evidence: {card.evidence.words}")
    names = [journey.touchpoint(t).name for t in card.supports if t in journey]
    if names:
        lines.append("Supports: " + ", ".join(names))
    return "\n".join(lines)
