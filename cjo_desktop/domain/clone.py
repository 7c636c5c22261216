"""A deep copy of a journey built through its own API, so the copy is checked like any map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjo_desktop.domain.metrics import Snapshot

if TYPE_CHECKING:
    from cjo_desktop.domain.journey import Journey
    from cjo_desktop.domain.journey_checks import Addable


def clone(journey: Journey, snapshots: dict[str, Snapshot]) -> Journey:
    """``snapshots`` are passed whole (values of deleted touchpoints included) and shared:
    snapshots are immutable. Items are added whole, in an order that has each item's
    references there before it."""
    twin = type(journey)(journey.title, journey.description)
    twin.clear_lanes()
    drawn: list[Addable] = [
        *journey.personas(),
        *journey.lanes(),
        *journey.stages(),
        *journey.touchpoints(),
        *journey.free_cards(),
        *journey.emotions(),
        *journey.flows(),
    ]
    for item in drawn:
        twin.add_item(item)
    for snapshot in snapshots.values():
        twin.add_metric_snapshot(snapshot)
    notes: list[Addable] = [*journey.pain_points(), *journey.opportunities()]
    for note in notes:
        twin.add_item(note)
    twin.set_painpoint_settings(journey.painpoint_settings())
    for comment in journey.comments():
        twin.add_comment(comment)
    return twin
