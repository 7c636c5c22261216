"""Which badge of open comments each card and stage header shows: pure Python, no Qt.

A card's badge counts the open comments on the touchpoint and on what hangs on it (its
feelings, pain points and opportunities), since those are drawn on or beside the card; a
stage header counts those on the stage, a free card those on itself. Comments on flows and on
the map itself, and orphaned ones, have no badge: the Comments panel lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjo_desktop.domain import Journey
from cjo_desktop.domain.model import Emotion, FreeCard, Opportunity, PainPoint, Stage, Touchpoint

#: The most a badge spells out; more reads "99+".
MOST_SHOWN = 99


@dataclass(frozen=True, slots=True)
class CommentBadges:
    """Open comments by touchpoint id (``cards``), by stage id (``stages``) and by free card
    id (``free_cards``)."""

    cards: dict[str, int] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    free_cards: dict[str, int] = field(default_factory=dict)


def comment_badges(journey: Journey) -> CommentBadges:
    cards: dict[str, int] = {}
    stages: dict[str, int] = {}
    free: dict[str, int] = {}
    for target, count in journey.open_comments_by_target().items():
        if target not in journey:  # the map, a flow, or an element that is gone
            continue
        item = journey.item(target)
        if isinstance(item, Stage):
            stages[item.id] = stages.get(item.id, 0) + count
        elif isinstance(item, Touchpoint):
            cards[item.id] = cards.get(item.id, 0) + count
        elif isinstance(item, Emotion | PainPoint | Opportunity):
            cards[item.touchpoint_id] = cards.get(item.touchpoint_id, 0) + count
        elif isinstance(item, FreeCard):
            free[item.id] = count
    return CommentBadges(cards, stages, free)


def badge_text(count: int) -> str:
    return str(count) if count <= MOST_SHOWN else f"{MOST_SHOWN}+"


def badge_tooltip(count: int) -> str:
    return f"{count} open comment{'s' if count != 1 else ''} (View > Comments)"
