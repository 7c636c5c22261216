"""Check field values by trying them on a tiny scratch journey.

The domain's rules (a name cannot be blank, valence is -2..2, a count is a whole number...) then
live in one place, and a command learns about a bad value before it is pushed, at the cost of a
journey of one or two items rather than a copy of the real one.
"""

from __future__ import annotations

from typing import Any

from cjo_desktop.domain import (
    Emotion,
    Journey,
    JourneyError,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.model import Item

#: Fields of a touchpoint beyond its name and stage, as AddTouchpoint accepts them.
TOUCHPOINT_FIELDS = frozenset({"channel", "description", "owner", "tags", "position"})

_STAGE, _TP = "probe-stage", "probe-touchpoint"
TP = _TP  # the scratch touchpoint of _with_touchpoint()


def _with_touchpoint() -> Journey:
    scratch = Journey()
    scratch.add_stage("probe", id=_STAGE)
    scratch.add_touchpoint(_STAGE, "probe", id=_TP)
    return scratch


def check_stage(name: str, description: str) -> None:
    Journey().add_stage(name, description=description)


def check_touchpoint(name: str, fields: dict[str, Any]) -> None:
    unknown = set(fields) - TOUCHPOINT_FIELDS
    if unknown:
        raise JourneyError(f"a touchpoint has no field {sorted(unknown)[0]!r}")
    scratch = Journey()
    scratch.add_stage("probe", id=_STAGE)
    scratch.add_touchpoint(_STAGE, name, **fields)


def check_emotion(valence: int, label: str) -> None:
    _with_touchpoint().add_emotion(_TP, valence, label=label)


def check_persona(name: str, description: str) -> None:
    Journey().add_persona(name, description=description)


def check_flow_fields(changes: dict[str, Any]) -> None:
    scratch = _with_touchpoint()
    scratch.add_flow(_TP, None)
    scratch.update_flow(_TP, None, **changes)


def check_update(journey: Journey, item: Item, changes: dict[str, Any]) -> None:
    """Would ``journey.update(item.id, **changes)`` succeed? Raises JourneyError if not."""
    scratch = Journey()
    # Helper ids that can never clash with the item's own id.
    stage_id = "probe-stage" if item.id != "probe-stage" else "probe-stage-2"
    tp_id = "probe-touchpoint" if item.id != "probe-touchpoint" else "probe-touchpoint-2"
    if isinstance(item, Stage):
        scratch.add_stage(item.name, id=item.id, description=item.description)
    elif isinstance(item, Persona):
        scratch.add_persona(item.name, id=item.id, description=item.description)
    elif isinstance(item, Touchpoint):
        scratch.add_stage("probe", id=stage_id)
        scratch.add_touchpoint(stage_id, item.name, id=item.id)
    elif isinstance(item, Emotion):
        persona_id = changes.get("persona_id")
        if isinstance(persona_id, str):
            journey.persona(persona_id)  # the one check that needs the real journey
            scratch.add_persona("probe", id=persona_id)
        scratch.add_stage("probe", id=stage_id)
        scratch.add_touchpoint(stage_id, "probe", id=tp_id)
        scratch.add_emotion(tp_id, item.valence, id=item.id)
    elif isinstance(item, PainPoint):
        scratch.add_stage("probe", id=stage_id)
        scratch.add_touchpoint(stage_id, "probe", id=tp_id)
        scratch.add_pain_point(tp_id, item.severity, item.description, id=item.id)
    elif isinstance(item, Opportunity):
        scratch.add_stage("probe", id=stage_id)
        scratch.add_touchpoint(stage_id, "probe", id=tp_id)
        target = changes.get("pain_point")
        if isinstance(target, str) and target in journey:
            journey._check_answers(item.touchpoint_id, target)  # needs the real journey
        else:
            target = "probe-rule"
        scratch.add_opportunity(tp_id, "probe-rule", item.name, id=item.id)
        if target != "probe-rule":
            scratch.add_pain_point(tp_id, "low", "probe", id=target)
    scratch.update(item.id, **changes)
