"""A deep copy of a journey built through its own API, so the copy is checked like any map."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from cjo_desktop.domain.metrics import Snapshot

if TYPE_CHECKING:
    from cjo_desktop.domain.journey import Journey


def clone(journey: Journey, snapshots: dict[str, Snapshot]) -> Journey:
    """``snapshots`` are passed whole (values of deleted touchpoints included) and shared:
    snapshots are immutable."""
    twin = type(journey)(journey.title, journey.description)
    for persona in journey.personas():
        twin.add_persona(persona.name, description=persona.description, id=persona.id)
    for stage in journey.stages():
        twin.add_stage(stage.name, description=stage.description, id=stage.id)
    for tp in journey.touchpoints():
        fields = {f.name: getattr(tp, f.name) for f in dataclasses.fields(tp)}
        twin.add_touchpoint(fields.pop("stage_id"), fields.pop("name"), **fields)
    for e in journey.emotions():
        twin.add_emotion(
            e.touchpoint_id, e.valence, label=e.label, persona_id=e.persona_id, id=e.id
        )
    for f in journey.flows():
        twin.add_flow(f.source, f.target, count=f.count, label=f.label)
    for snapshot in snapshots.values():
        twin.add_metric_snapshot(snapshot)
    for pain in journey.pain_points():
        twin.restore_note(pain)
    for idea in journey.opportunities():
        twin.restore_note(idea)
    twin.set_painpoint_settings(journey.painpoint_settings())
    return twin
