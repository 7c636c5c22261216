"""How much of a map is known: evidence coverage over cards (touchpoints and free cards),
feelings and manual pain points, for the whole map, per kind and per stage, and the items that
rest on assumptions.

``cjo info``, the report's page "What we know and what we assume" and the evidence view's
legend all count here, so they never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from cjo_desktop.domain import Emotion, Journey, PainPoint, Touchpoint
from cjo_desktop.domain.evidence import STATUSES, UNKNOWN_KEY, UNSTATED, Evidence, status_of
from cjo_desktop.domain.model import FreeCard

#: Coverage's columns: the three statuses, then items nobody has judged.
COLUMNS: tuple[str, ...] = (*STATUSES, UNSTATED)
#: The kinds of item that carry evidence, as ``cjo info --json`` (and the map file) names them.
KINDS: tuple[str, ...] = ("touchpoints", "emotions", "pain_points", "free_cards")

Backed = Touchpoint | Emotion | PainPoint | FreeCard


@dataclass(frozen=True)
class Coverage:
    """Counts of items by status (``COLUMNS``)."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, status: str) -> float | None:
        """The status's share of the items, 0..1; None when there are none."""
        return self.counts[status] / self.total if self.total else None

    def as_json(self) -> dict[str, Any]:
        """Counts and shares under ``cjo info``'s keys ("unknown" for not stated)."""
        key = {UNSTATED: UNKNOWN_KEY}
        out: dict[str, Any] = {key.get(s, s): self.counts[s] for s in COLUMNS}
        out["total"] = self.total
        out["shares"] = {
            key.get(s, s): None if (x := self.share(s)) is None else round(x, 4) for s in COLUMNS
        }
        return out


def _coverage(items: list[Backed]) -> Coverage:
    tally = Counter(status_of(i.evidence) for i in items)
    return Coverage({s: tally.get(s, 0) for s in COLUMNS})


def items_of(journey: Journey, stage_id: str | None = None) -> dict[str, list[Backed]]:
    """The items that carry evidence, by kind (all of the map, or of one stage)."""
    tps = journey.touchpoints(stage_id)
    emotions: list[Backed] = []
    pains: list[Backed] = []
    for tp in tps:
        emotions.extend(journey.emotions(tp.id))
        pains.extend(journey.pain_points(tp.id))
    free: list[Backed] = list(journey.free_cards(stage_id))
    return {
        "touchpoints": list(tps),
        "emotions": emotions,
        "pain_points": pains,
        "free_cards": free,
    }


def coverage_by_kind(journey: Journey) -> dict[str, Coverage]:
    """Per kind, and ``"all"`` over every kind."""
    by_kind = items_of(journey)
    out = {kind: _coverage(items) for kind, items in by_kind.items()}
    out["all"] = _coverage([i for items in by_kind.values() for i in items])
    return out


def coverage_by_stage(journey: Journey) -> list[tuple[str, Coverage]]:
    """(stage name, coverage of its cards, free cards, feelings and pain points), left to
    right."""
    out: list[tuple[str, Coverage]] = []
    for stage in journey.stages():
        items = [i for kind_items in items_of(journey, stage.id).values() for i in kind_items]
        out.append((stage.name, _coverage(items)))
    return out


def evidence_json(journey: Journey) -> dict[str, Any]:
    """``cjo info --json``'s ``evidence``: the issue's four counts over every item, their
    shares, and the same per kind."""
    cover = coverage_by_kind(journey)
    out = cover["all"].as_json()
    out["by_kind"] = {kind: cover[kind].as_json() for kind in KINDS}
    return out


@dataclass(frozen=True)
class Listed:
    """One item that is not observed, as the report lists it."""

    stage: str
    touchpoint: str  # for a free card: the touchpoints it supports ("" none)
    kind: str  # "touchpoint", "feeling", "pain point", "free card"
    what: str  # the card's name, the feeling in words, the pain point's description, a free
    # card's text and lane
    evidence: Evidence | None


def not_observed(journey: Journey, status: str) -> list[Listed]:
    """The items with ``status`` ('assumed', 'proposed' or 'not stated'), in journey order: a
    stage's touchpoints with what hangs on them, then its free cards."""
    out: list[Listed] = []
    names = {t.id: t.name for t in journey.touchpoints()}
    lanes = {lane.id: lane.name for lane in journey.lanes()}
    for stage in journey.stages():
        for tp in journey.touchpoints(stage.id):
            rows: list[tuple[str, str, Backed]] = [("touchpoint", tp.description, tp)]
            for e in journey.emotions(tp.id):
                who = "" if e.persona_id is None else f" ({journey.persona(e.persona_id).name})"
                valence = f"{e.valence:+d}" if e.valence else "0"
                rows.append(("feeling", f"{valence} {e.display_label}{who}", e))
            rows += [("pain point", p.description, p) for p in journey.pain_points(tp.id)]
            for kind, what, item in rows:
                if status_of(item.evidence) == status:
                    out.append(Listed(stage.name, tp.name, kind, what, item.evidence))
        for card in journey.free_cards(stage.id):
            if status_of(card.evidence) == status:
                supports = ", ".join(names[t] for t in card.supports if t in names)
                what = f"{card.text} ({lanes.get(card.lane_id, '')})"
                out.append(Listed(stage.name, supports, "free card", what, card.evidence))
    return out
