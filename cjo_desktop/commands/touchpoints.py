"""Adding, removing and moving touchpoints (the cards), one or many in one gesture."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from cjo_desktop.commands._base import (
    KEEP,
    Composite,
    JourneyCommand,
    Keep,
    check_index,
    plural,
    quote,
)
from cjo_desktop.commands.emotions import RemoveEmotion
from cjo_desktop.commands.flows import RemoveFlow
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.commands.lanes import UnlinkFreeCard
from cjo_desktop.commands.painpoints import (
    RemoveOpportunity,
    RemovePainPoint,
    SetPainPointSettings,
)
from cjo_desktop.domain import Journey, JourneyError, Kind, Position, Touchpoint
from cjo_desktop.domain.fields import build

#: One card of a drag: ``(touchpoint_id, stage_id, index, position)``; see MoveTouchpoint.
Move = tuple[str, str, int | None, Position | Keep | None]


class AddTouchpoint(AddItem):
    """Add a touchpoint to a stage at ``index`` (the end when ``None``).

    ``fields`` are any other fields of :class:`Touchpoint`: description, owner, tags...
    """

    def __init__(
        self,
        journey: Journey,
        stage_id: str,
        name: str,
        index: int | None = None,
        touchpoint_id: str | None = None,
        channel: str = "",
        parent: Composite | None = None,
        **fields: Any,
    ) -> None:
        if touchpoint_id is None:
            touchpoint_id = journey.new_id(Kind.TOUCHPOINT)
        values = {"id": touchpoint_id, "name": name, "stage_id": stage_id, "channel": channel}
        tp = build(Touchpoint, "touchpoint", {**values, **fields})
        super().__init__(journey, tp, index, parent)
        self.touchpoint_id = touchpoint_id


class RemoveTouchpoint(JourneyCommand):
    """Remove a touchpoint: first its flows (drop-off included), emotions, opportunities and
    pain points, and the links of free cards that support it, then the card.

    ``removing`` holds ids and flow keys that sibling commands remove already, so a flow
    between two removed cards is removed once; it is updated in place.
    """

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        parent: Composite | None = None,
        *,
        removing: set[object] | None = None,
    ) -> None:
        tp = journey.touchpoint(touchpoint_id)
        super().__init__(journey, f"Remove touchpoint {quote(tp.name)}", parent)
        self.touchpoint_id = touchpoint_id
        self._touchpoint: Touchpoint = tp
        self._index = -1
        removing = set() if removing is None else removing
        removing.add(touchpoint_id)
        for flow in journey.flows_of(touchpoint_id):
            if flow.key not in removing:
                removing.add(flow.key)
                RemoveFlow(journey, flow.source, flow.target, parent=self)
        for emotion in journey.emotions(touchpoint_id):
            if emotion.id not in removing:
                removing.add(emotion.id)
                RemoveEmotion(journey, emotion.id, parent=self)
        for opportunity in journey.opportunities(touchpoint_id):
            if opportunity.id not in removing:
                removing.add(opportunity.id)
                RemoveOpportunity(journey, opportunity.id, parent=self)
        for pain_point in journey.pain_points(touchpoint_id):
            if pain_point.id not in removing:
                RemovePainPoint(journey, pain_point.id, parent=self, removing=removing)
        for card in journey.supporting(touchpoint_id):
            if card.id not in removing:
                UnlinkFreeCard(journey, card.id, touchpoint_id, parent=self)
        settings = journey.painpoint_settings()
        if settings.goal == touchpoint_id:
            no_goal = dataclasses.replace(settings, goal=None)
            SetPainPointSettings(journey, no_goal, "Clear the goal", parent=self)

    def redo(self) -> None:
        super().redo()
        self._index = self.journey.touchpoint_index(self.touchpoint_id)
        self._touchpoint = self.journey.remove_touchpoint(self.touchpoint_id)

    def undo(self) -> None:
        self.journey.add_item(self._touchpoint, self._index)
        super().undo()


class MoveTouchpoint(JourneyCommand):
    """Move a card to ``index`` in ``stage_id`` (the end when ``None``) and, when
    ``position`` is given, set its hand-placed position (``None``: back to auto-layout)."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        stage_id: str,
        index: int | None = None,
        position: Position | Keep | None = KEEP,
        parent: Composite | None = None,
    ) -> None:
        tp = journey.touchpoint(touchpoint_id)
        stage = journey.stage(stage_id)
        _check_position(journey, touchpoint_id, position)
        super().__init__(journey, _move_text(tp, stage_id, stage.name), parent)
        self.touchpoint_id = touchpoint_id
        self.stage_id = stage_id
        self.index = index
        self.position = position
        self._old: tuple[str, int, Position | None] = (tp.stage_id, -1, tp.position)
        self._moved = self._placed = False
        if self.standalone:
            orders = {stage_id: [t.id for t in journey.touchpoints(stage_id)]}
            orders.setdefault(tp.stage_id, [t.id for t in journey.touchpoints(tp.stage_id)])
            positions = {touchpoint_id: tp.position}
            if _simulate(orders, positions, (touchpoint_id, stage_id, index, position)):
                self.setObsolete(True)

    def redo(self) -> None:
        journey = self.journey
        tp = journey.touchpoint(self.touchpoint_id)
        old_index = journey.touchpoint_index(tp.id)
        self._old = (tp.stage_id, old_index, tp.position)
        same_stage = tp.stage_id == self.stage_id
        end = len(journey.touchpoints(self.stage_id)) - same_stage
        target = end if self.index is None else self.index
        self._moved = not (same_stage and target == old_index)
        if self._moved:
            journey.move_touchpoint(tp.id, self.stage_id, self.index)
        self._placed = not isinstance(self.position, Keep) and self.position != tp.position
        if self._placed:
            journey.update(tp.id, position=self.position)

    def undo(self) -> None:
        stage_id, index, position = self._old
        if self._placed:
            self.journey.update(self.touchpoint_id, position=position)
        if self._moved:
            self.journey.move_touchpoint(self.touchpoint_id, stage_id, index)


class MoveTouchpoints(JourneyCommand):
    """One drag of many cards as one undo step: each move in turn, as MoveTouchpoint does.

    Indices apply in the given order, each to the journey the moves before it leave behind.
    """

    def __init__(
        self, journey: Journey, moves: Sequence[Move], parent: Composite | None = None
    ) -> None:
        moves = list(moves)
        for move in moves:
            if not isinstance(move, tuple) or len(move) != 4:
                raise JourneyError(f"a move is (touchpoint, stage, index, position), not {move!r}")
        if len(moves) == 1:
            tp_id, stage_id = moves[0][:2]
            text = _move_text(journey.touchpoint(tp_id), stage_id, journey.stage(stage_id).name)
        else:
            text = f"Move {plural(len(moves), 'touchpoint')}"
        super().__init__(journey, text, parent)
        orders: dict[str, list[str]] = {}
        positions: dict[str, Position | None] = {}
        no_op = True
        for move in moves:
            tp_id, stage_id, _, position = move
            tp = journey.touchpoint(tp_id)
            journey.stage(stage_id)
            _check_position(journey, tp_id, position)
            for sid in (stage_id, tp.stage_id):
                orders.setdefault(sid, [t.id for t in journey.touchpoints(sid)])
            positions.setdefault(tp_id, tp.position)
            no_op &= _simulate(orders, positions, move)
        for tp_id, stage_id, index, position in moves:
            MoveTouchpoint(journey, tp_id, stage_id, index, position, parent=self)
        if self.standalone and no_op:
            self.setObsolete(True)


def _check_position(journey: Journey, touchpoint_id: str, position: object) -> None:
    if not isinstance(position, Keep):
        journey.check_update(touchpoint_id, position=position)


def _simulate(
    orders: dict[str, list[str]],
    positions: dict[str, Position | None],
    move: Move,
) -> bool:
    """Apply ``move`` to plain copies of the orders, checking its index; True if a no-op."""
    tp_id, stage_id, index, position = move
    source = next(sid for sid, order in orders.items() if tp_id in order)
    order = orders[stage_id]
    check_index(index, len(order) - (source == stage_id))
    old_index = orders[source].index(tp_id)
    orders[source].remove(tp_id)
    target = len(order) if index is None else index
    order.insert(target, tp_id)
    no_op = source == stage_id and target == old_index
    if not isinstance(position, Keep):
        no_op &= positions[tp_id] == position
        positions[tp_id] = position
    return no_op


def _move_text(tp: Touchpoint, stage_id: str, stage_name: str) -> str:
    if stage_id == tp.stage_id:
        return f"Move touchpoint {quote(tp.name)}"
    return f"Move touchpoint {quote(tp.name)} to {quote(stage_name)}"


class SetExpectedDropoff(UpdateItem):
    """Set the share (0..1) of people expected to leave the journey at a touchpoint, or clear
    it (``None``): the drop-off rule then compares with the stage's typical drop-off."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        share: float | None,
        parent: Composite | None = None,
    ) -> None:
        super().__init__(journey, touchpoint_id, parent, expected_dropoff=share)
        name = quote(journey.touchpoint(touchpoint_id).name)
        if share is None:
            self.setText(f"Clear the expected drop-off of {name}")
        else:
            self.setText(f"Expect {share:.1%} drop-off at {name}".replace(".0%", "%"))
