"""What turning a map into a service blueprint takes: the blueprint's lanes it lacks, each at its
place among the lanes it has, and its hidden blueprint lanes shown again.

Plain data out, so the undo command (``commands.lanes.ApplyBlueprintPreset``) and a script that
builds a template ask the same question and get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjo_desktop.domain.journey import Journey
from cjo_desktop.domain.lanes import BLUEPRINT_LANES, BLUEPRINT_LINES
from cjo_desktop.domain.model import Kind, Lane

#: The kinds the blueprint's lines run between that a blueprint lane has (customer actions,
#: frontstage, backstage, support): hidden, the lines would not show, so the preset shows them.
_BLUEPRINT_KINDS = frozenset(kind for _, _, kind in BLUEPRINT_LANES)
LINE_KINDS = frozenset(
    kind
    for _, above, below in BLUEPRINT_LINES
    for kind in above | below
    if kind in _BLUEPRINT_KINDS and kind != "touchpoints"
)


@dataclass(frozen=True, slots=True)
class BlueprintPlan:
    """Lanes to add, each with its index in the lane order once the ones before it are in;
    lanes to show again (their ids)."""

    add: tuple[tuple[Lane, int], ...]
    show: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.add or self.show)


def blueprint_plan(journey: Journey) -> BlueprintPlan:
    """The lanes of :data:`BLUEPRINT_LANES` whose kind the map has no lane of, each placed
    right after the last lane of the nearest kind above it in the blueprint (a map's other
    lanes keep their places), and the hidden lanes of :data:`LINE_KINDS`."""
    order: list[tuple[str, str]] = [(lane.id, lane.kind) for lane in journey.lanes()]
    taken = {lane_id for lane_id, _ in order}
    added: list[tuple[Lane, int]] = []
    for position, (lane_id, name, kind) in enumerate(BLUEPRINT_LANES):
        if any(k == kind for _, k in order):
            continue
        index = 0
        for _, _, earlier in reversed(BLUEPRINT_LANES[:position]):
            at = [i for i, (_, k) in enumerate(order) if k == earlier]
            if at:
                index = at[-1] + 1
                break
        if lane_id in taken or lane_id in journey:
            lane_id = journey.new_id(Kind.LANE)
        lane = Lane(lane_id, name, kind)
        order.insert(index, (lane.id, kind))
        taken.add(lane.id)
        added.append((lane, index))
    show = tuple(lane.id for lane in journey.lanes() if lane.hidden and lane.kind in LINE_KINDS)
    return BlueprintPlan(tuple(added), show)
