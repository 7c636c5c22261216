"""What a comment can be on, seen from the window: the choices the selection offers, the
canvas item that shows a target, and who the author is."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QGraphicsItem

from cjo_desktop.app.shell import preferences
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands.comments import describe_target
from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import MAP_TARGET, flow_of, flow_target
from cjo_desktop.domain.model import Emotion, Opportunity, PainPoint

#: Who wrote a comment when neither the preferences nor the system say.
NOBODY = "Anonymous"


def author_name() -> str:
    """The author preference (Edit > Preferences), else the name the user logged in with."""
    name = preferences.load().author.strip()
    if name:
        return name
    try:
        return getpass.getuser().strip() or NOBODY
    except (OSError, KeyError, ImportError):  # no login name (some containers and services)
        return NOBODY


def selection_targets(journey: Journey, scene: JourneyScene) -> list[tuple[str, str]]:
    """(target, its name) the selection offers, first the selected element itself; a card
    offers its feelings, pain points and opportunities too; the map comes last."""
    out: list[str] = []
    for tp in scene.selected_touchpoints():
        if tp in journey:
            out.append(tp)
            out += [e.id for e in journey.emotions(tp)]
            out += [p.id for p in journey.pain_points(tp)]
            out += [o.id for o in journey.opportunities(tp)]
    out += [s for s in scene.selected_stages() if s in journey]
    out += [n for n in scene.selected_notes() if n in journey]
    out += [c for c in scene.selected_free_cards() if c in journey]
    out += [flow_target(*key) for key in scene.selected_flows() if journey.has_flow(*key)]
    out.append(MAP_TARGET)
    unique = list(dict.fromkeys(out))
    return [(t, describe_target(journey, t)) for t in unique]


def canvas_item(journey: Journey, scene: JourneyScene, target: str) -> QGraphicsItem | None:
    """The item that shows ``target``: its card, header, note or arrow; a feeling's card, and
    a pain point's or opportunity's card when its note is not drawn. None: the map, or gone."""
    flow = flow_of(target)
    if flow is not None:
        return scene.flows.get(flow)
    if target == MAP_TARGET or target not in journey:
        return None
    item: QGraphicsItem | None = scene.cards.get(target) or scene.headers.get(target)
    item = item or scene.notes.get(target) or scene.free.cards.get(target)
    if item is not None:
        return item
    owner = journey.item(target)
    if isinstance(owner, Emotion | PainPoint | Opportunity):
        return scene.cards.get(owner.touchpoint_id)
    return None
