"""How evidence shows on the map: assumed and proposed cards get a dashed or dotted edge and
a tag saying so, on screen and in every export; an assumed feeling is a hollow dot on the
curve; and the evidence view colours every card by its status with a legend.

Colours leave here as RGB fractions (see ``metric_view``); the canvas turns them into Qt's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjo_desktop.analysis.evidence import COLUMNS, coverage_by_kind
from cjo_desktop.domain import Journey
from cjo_desktop.domain.evidence import Evidence, status_of
from cjo_desktop.drawing.metric_view import Rgb, rgb
from cjo_desktop.palette import EVIDENCE_FILL, EVIDENCE_MARK

#: The statuses drawn differently from a plain card, and the tag each card shows.
MARKED: dict[str, str] = {"assumed": "assumed", "proposed": "proposed"}
#: The edge's dash pattern (in pen widths, as Qt's setDashPattern takes it).
DASHES: dict[str, tuple[float, ...]] = {"assumed": (5.0, 3.0), "proposed": (1.0, 2.5)}


@dataclass(frozen=True)
class CardEvidence:
    """What a card draws for its evidence: the tag ('' none), its dashes, their colour."""

    tag: str
    dashes: tuple[float, ...]
    colour: Rgb | None


def card_evidence(evidence: Evidence | None) -> CardEvidence:
    status = status_of(evidence)
    if status not in MARKED:
        return CardEvidence("", (), None)
    return CardEvidence(MARKED[status], DASHES[status], rgb(EVIDENCE_MARK[status]))


def evidence_fill(evidence: Evidence | None) -> Rgb:
    """The card's fill in the evidence view."""
    return rgb(EVIDENCE_FILL[status_of(evidence)])


def assumed_feelings(journey: Journey) -> set[str]:
    """Touchpoints whose point on the curve is drawn hollow: a feeling there is assumed or
    proposed and none is observed (what is seen outweighs a guess beside it)."""
    out: set[str] = set()
    for tp in journey.touchpoints():
        statuses = {status_of(e.evidence) for e in journey.emotions(tp.id)}
        if "observed" not in statuses and statuses & set(MARKED):
            out.add(tp.id)
    return out


@dataclass(frozen=True)
class LegendEntry:
    status: str
    fill: Rgb
    count: int


def evidence_legend(journey: Journey) -> list[LegendEntry]:
    """Each status with its colour and how many cards (touchpoints and free cards) have it."""
    cover = coverage_by_kind(journey)
    cards, free = cover["touchpoints"], cover["free_cards"]
    return [
        LegendEntry(s, rgb(EVIDENCE_FILL[s]), cards.counts[s] + free.counts[s]) for s in COLUMNS
    ]
