"""What the canvas says to a screen reader: the selection in words, since the items of a
QGraphicsScene are not accessible objects of their own."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.flow_item import FlowItem
from cjo_desktop.canvas.stage_header import StageHeader
from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Journey


def describe_selection(journey: Journey | None, items: list[QGraphicsItem]) -> str:
    if journey is None:
        return "No map"
    cards = [i for i in items if isinstance(i, TouchpointCard)]
    flows = [i for i in items if isinstance(i, FlowItem)]
    headers = [i for i in items if isinstance(i, StageHeader)]
    if len(cards) == 1 and not flows and not headers:
        return describe_touchpoint(journey, cards[0].touchpoint.id)
    if len(headers) == 1 and not cards and not flows:
        stage = headers[0].stage
        count = len(journey.touchpoints(stage.id)) if stage.id in journey else 0
        return f"Stage {stage.name}, {count} touchpoints"
    parts = [
        f"{len(group)} {word}{'' if len(group) == 1 else 's'}"
        for group, word in ((cards, "touchpoint"), (flows, "flow"), (headers, "stage"))
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
