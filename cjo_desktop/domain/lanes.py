"""Lanes: the rows of a map, in the order the team chose, and the free cards that sit in them.

A map's rows are data: a list of lanes, each of one *kind*. Some kinds are filled by the
program from the journey itself (the touchpoint cards, one row per channel; the emotion curve;
pain points; opportunities; each card's owner; each card's headline metric), the others hold
*free cards* the team types into a stage-by-lane cell: customer actions, thoughts and quotes,
frontstage and backstage actions, support processes, systems, free text. A service blueprint is
such a list in a known order; its three lines (interaction, visibility, internal interaction)
are drawn between the lanes of its kinds (see :func:`blueprint_lines`).

A map made before lanes existed has the standard lanes: touchpoints, emotion, pain points,
opportunities.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from typing import Final, Literal, get_args

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError

LaneKind = Literal[
    "touchpoints",
    "customer_actions",
    "thoughts",
    "frontstage",
    "backstage",
    "support",
    "systems",
    "owners",
    "metrics",
    "emotion",
    "pain_points",
    "opportunities",
    "text",
]
LANE_KINDS: Final[tuple[LaneKind, ...]] = get_args(LaneKind)

#: Each kind in words, as menus and the file's documentation show it.
KIND_WORDS: Final[dict[LaneKind, str]] = {
    "touchpoints": "Touchpoints (one row per channel)",
    "customer_actions": "Customer actions",
    "thoughts": "Thoughts and quotes",
    "frontstage": "Frontstage actions",
    "backstage": "Backstage actions",
    "support": "Support processes",
    "systems": "Systems",
    "owners": "Owners",
    "metrics": "Metrics",
    "emotion": "Emotion",
    "pain_points": "Pain points",
    "opportunities": "Opportunities",
    "text": "Free text",
}

#: Kinds the program fills from the journey; every other kind holds free cards.
AUTOMATIC: Final[frozenset[LaneKind]] = frozenset(
    {"touchpoints", "owners", "metrics", "emotion", "pain_points", "opportunities"}
)
#: Kinds a map has at most one lane of (two emotion curves would be the same curve).
SINGLE: Final[frozenset[LaneKind]] = AUTOMATIC
#: The touchpoint cards live here: a map always has this lane, shown.
CARDS: Final[LaneKind] = "touchpoints"

#: The standard lanes (id, name, kind) of a map made before lanes existed, and of a new map.
STANDARD_LANES: Final[tuple[tuple[str, str, LaneKind], ...]] = (
    ("ln-touchpoints", "Touchpoints", "touchpoints"),
    ("ln-emotion", "Emotion", "emotion"),
    ("ln-pain-points", "Pain points", "pain_points"),
    ("ln-opportunities", "Opportunities", "opportunities"),
)

#: The service blueprint's lanes, top to bottom. The customer's feelings sit under the cards
#: and the customer's actions right above the line of interaction, so the line parts what the
#: customer does from what the staff do in front of them (the emotion curve between the two
#: would split the customer's side in half).
BLUEPRINT_LANES: Final[tuple[tuple[str, str, LaneKind], ...]] = (
    ("ln-touchpoints", "Touchpoints", "touchpoints"),
    ("ln-emotion", "Emotion", "emotion"),
    ("ln-customer", "Customer actions", "customer_actions"),
    ("ln-frontstage", "Frontstage actions", "frontstage"),
    ("ln-backstage", "Backstage actions", "backstage"),
    ("ln-support", "Support processes", "support"),
    ("ln-pain-points", "Pain points", "pain_points"),
    ("ln-opportunities", "Opportunities", "opportunities"),
)

#: The blueprint's lines: name, the kinds it separates above from below. A line is drawn at the
#: top of the first lane of a "below" kind that has a lane of an "above" kind over it.
BLUEPRINT_LINES: Final[tuple[tuple[str, frozenset[str], frozenset[str]], ...]] = (
    (
        "Line of interaction",
        frozenset({"customer_actions", "touchpoints", "thoughts"}),
        frozenset({"frontstage"}),
    ),
    ("Line of visibility", frozenset({"frontstage"}), frozenset({"backstage"})),
    (
        "Line of internal interaction",
        frozenset({"backstage"}),
        frozenset({"support", "systems"}),
    ),
)

#: Largest persona picture, in bytes: a face at a few hundred pixels, not a photo album.
MAX_PICTURE = 256 * 1024
_PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def lane_kind(value: object) -> LaneKind:
    if value not in LANE_KINDS:
        raise JourneyError(
            f"{check.excerpt(value)} is not a kind of lane; one of {', '.join(LANE_KINDS)}"
        )
    return value


def flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise JourneyError(f"{what} must be true or false, not {check.excerpt(value)}")
    return value


def colour(value: object) -> str:
    """Empty (the lane's colour) or ``#rrggbb``."""
    text = check.text(value, "a card's colour", 7)
    if text and not _COLOUR.fullmatch(text):
        raise JourneyError(f"a card's colour {check.excerpt(value)} is not #rrggbb")
    return text.lower()


def picture(value: object) -> str:
    """Empty or a PNG or JPEG as base64, at most :data:`MAX_PICTURE` bytes."""
    text = check.text(value, "a persona's picture", (MAX_PICTURE * 4) // 3 + 4)
    if not text:
        return text
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise JourneyError("a persona's picture is not base64 data") from None
    if len(data) > MAX_PICTURE:
        raise JourneyError(
            f"a persona's picture is {len(data):,} bytes; at most {MAX_PICTURE:,} fit"
        )
    if not data.startswith(_PICTURE_MAGIC):
        raise JourneyError("a persona's picture must be a PNG or JPEG image")
    return text


def id_list(value: object) -> tuple[str, ...]:
    """A tuple of distinct well-formed ids (whether they exist is the journey's question)."""
    if isinstance(value, str) or not isinstance(value, tuple | list):
        raise JourneyError(f"a list of ids is expected, not {check.excerpt(value)}")
    ids = tuple(check.identifier(v) for v in value)
    if len(set(ids)) != len(ids):
        raise JourneyError("the same id is listed twice")
    return ids


def blueprint_lines(kinds: Sequence[str]) -> list[tuple[str, int]]:
    """The blueprint lines to draw over lanes of ``kinds`` (the shown lanes, top to bottom):
    each line's name and the index of the lane it runs along the top of."""
    out: list[tuple[str, int]] = []
    for name, above, below in BLUEPRINT_LINES:
        seen_above = False
        for i, kind in enumerate(kinds):
            if kind in below and seen_above:
                out.append((name, i))
                break
            seen_above = seen_above or kind in above
    return out
