"""What the canvas says to a screen reader: the selection in words, since the items of a
QGraphicsScene are not accessible objects of their own."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.flow_item import FlowItem
from cjo_desktop.canvas.free_card_item import FreeCardItem
from cjo_desktop.canvas.stage_header import StageHeader
from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Journey


def describe_selection(journey: Journey | None, items: list[QGraphicsItem]) -> str:
    if journey is None:
        return "No map"
    cards = [i for i in items if isinstance(i, TouchpointCard)]
    flows = [i for i in items if isinstance(i, FlowItem)]
    headers = [i for i in items if isinstance(i, StageHeader)]
    free = [i for i in items if isinstance(i, FreeCardItem)]
    if len(free) == 1 and not (cards or flows or headers):
        return describe_free_card(journey, free[0].card_id)
    if len(cards) == 1 and not (flows or headers or free):
        return describe_touchpoint(journey, cards[0].touchpoint.id)
    if len(headers) == 1 and not (cards or flows or free):
        stage = headers[0].stage
        count = len(journey.touchpoints(stage.id)) if stage.id in journey else 0
        return f"Stage {stage.name}, {count} touchpoints"
    parts = [
        f"{len(group)} {word}{'' if len(group) == 1 else 's'}"
        for group, word in (
            (cards, "touchpoint"),
            (flows, "flow"),
            (headers, "stage"),
            (free, "free card"),
        )
        if group
    ]
    if not parts:
        return f"{journey.title}: nothing selected. Arrow keys and Tab move between cards."
    return " and ".join(parts) + " selected"


def describe_touchpoint(journey: Journey, touchpoint_id: str) -> str:
    """One sentence with what the card shows: stage, channel, feeling, pain points."""
    if touchpoint_id not in journey:
        return ""
    tp = journey.touchpoint(touchpoint_id)
    words = [f"Touchpoint {tp.name}, in stage {journey.stage(tp.stage_id).name}"]
    if tp.channel:
        words.append(f"channel {tp.channel}")
    general = [e for e in journey.emotions(tp.id) if e.persona_id is None]
    if general:
        e = general[0]
        words.append(f"feeling {e.valence:+d} ({e.label or DEFAULT_EMOTION_LABELS[e.valence]})")
    pains = journey.pain_points(tp.id)
    if pains:
        worst = min(pains, key=lambda p: ("high", "medium", "low").index(p.severity))
        words.append(f"{len(pains)} flagged pain point(s), worst {worst.severity}")
    out = len([f for f in journey.flows_of(tp.id) if f.source == tp.id])
    words.append(f"{out} flow(s) out")
    return ", ".join(words)


def describe_free_card(journey: Journey, card_id: str) -> str:
    """The card's text, its lane and stage, and what it supports."""
    if card_id not in journey:
        return ""
    card = journey.free_card(card_id)
    lane, stage = journey.lane(card.lane_id).name, journey.stage(card.stage_id).name
    words = [f"Card {card.text}, in {lane}, stage {stage}"]
    if card.owner:
        words.append(f"owner {card.owner}")
    names = [journey.touchpoint(t).name for t in card.supports if t in journey]
    if names:
        words.append("supports " + " and ".join(names))
    return ", ".join(words)
