"""Lanes, the rows of a map: add, rename, move, hide, collapse and remove, each one undo step.

A lane's fields change through :class:`UpdateItem` (the journey checks that the touchpoint
lane stays shown); these classes give each verb its own name in the history ("Hide lane
"Systems"", "Move lane "Emotion" up"). Removing a lane takes its free cards with it, each
through :class:`RemoveFreeCard`, and undo puts them back where they were.
"""

from __future__ import annotations

from typing import Any

from cjo_desktop.commands._base import Composite, JourneyCommand, plural, quote
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.domain import Journey, Kind
from cjo_desktop.domain.fields import checked
from cjo_desktop.domain.lanes import CARDS, LaneKind, lane_kind
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.domain.validate import insert_index


class AddLane(AddItem):
    """Add a lane of ``kind`` at ``index`` (the end when ``None``); its id is fixed when built.

    A second lane of a kind the program fills (emotion, pain points...) is refused with the
    journey's reason.
    """

    def __init__(
        self,
        journey: Journey,
        name: str,
        kind: LaneKind,
        index: int | None = None,
        lane_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        if lane_id is None:
            lane_id = journey.new_id(Kind.LANE)
        lane = checked(Lane(lane_id, name, lane_kind(kind)))
        super().__init__(journey, lane, index, parent, text=f"Add lane {quote(lane.name)}")
        self.lane_id = lane_id


class _LaneEdit(UpdateItem):
    """One field of a lane, named in the history as "<verb> lane "<name>"<after>"; obsolete
    when the lane is so already."""

    def __init__(
        self,
        journey: Journey,
        lane_id: str,
        verb: str,
        parent: Composite | None,
        after: str = "",
        **change: Any,
    ) -> None:
        lane = journey.lane(lane_id)
        super().__init__(journey, lane_id, parent, **change)
        self.setText(f"{verb} lane {quote(lane.name)}{after}")
        if self.standalone:
            self.setObsolete(journey.check_update(lane_id, **change) == lane)


class RenameLane(_LaneEdit):
    def __init__(
        self, journey: Journey, lane_id: str, name: str, parent: Composite | None = None
    ) -> None:
        journey.lane(lane_id)
        new = journey.check_update(lane_id, name=name)
        assert isinstance(new, Lane)
        after = f" to {quote(new.name)}"
        super().__init__(journey, lane_id, "Rename", parent, after, name=name)


class SetLaneHidden(_LaneEdit):
    """Hide a lane (the map leaves it out; its cards stay in the file) or show it again."""

    def __init__(
        self, journey: Journey, lane_id: str, hidden: bool, parent: Composite | None = None
    ) -> None:
        super().__init__(journey, lane_id, "Hide" if hidden else "Show", parent, hidden=hidden)


class SetLaneCollapsed(_LaneEdit):
    """Collapse a lane to a thin strip with its title, or expand it again."""

    def __init__(
        self, journey: Journey, lane_id: str, collapsed: bool, parent: Composite | None = None
    ) -> None:
        verb = "Collapse" if collapsed else "Expand"
        super().__init__(journey, lane_id, verb, parent, collapsed=collapsed)


class MoveLane(JourneyCommand):
    """Move a lane so that it ends at ``index`` in the lane order (top is 0)."""

    def __init__(
        self, journey: Journey, lane_id: str, index: int, parent: Composite | None = None
    ) -> None:
        lane = journey.lane(lane_id)
        now = journey.lane_index(lane_id)
        index = insert_index(index, len(journey.lanes()) - 1)
        way = "up" if index < now else "down"
        super().__init__(journey, f"Move lane {quote(lane.name)} {way}", parent)
        if self.standalone and index == now:
            self.setObsolete(True)
        self.lane_id = lane_id
        self.index = index
        self._old = now

    def redo(self) -> None:
        self._old = self.journey.lane_index(self.lane_id)
        self.journey.move_lane(self.lane_id, self.index)

    def undo(self) -> None:
        self.journey.move_lane(self.lane_id, self._old)


class RemoveFreeCard(JourneyCommand):
    """Remove a free card; undo puts it back at its place in the order cards were made."""

    def __init__(self, journey: Journey, card_id: str, parent: Composite | None = None) -> None:
        card = journey.free_card(card_id)
        super().__init__(journey, f"Remove card {quote(card.text)}", parent)
        self.card_id = card_id
        self._card: FreeCard = card
        self._index = -1

    def redo(self) -> None:
        self._index = self.journey.free_card_index(self.card_id)
        self._card = self.journey.remove_free_card(self.card_id)

    def undo(self) -> None:
        self.journey.add_item(self._card, self._index)


class UnlinkFreeCard(JourneyCommand):
    """A free card stops supporting a touchpoint that is being removed; undo links it again.

    What the card supports is read when the step runs, so several removed touchpoints of one
    card unlink one after the other and undo in reverse gives each link back.
    """

    def __init__(
        self, journey: Journey, card_id: str, touchpoint_id: str, parent: Composite | None = None
    ) -> None:
        card = journey.free_card(card_id)
        super().__init__(journey, f"Unlink card {quote(card.text)}", parent)
        self.card_id, self.touchpoint_id = card_id, touchpoint_id
        self._old: tuple[str, ...] = card.supports

    def redo(self) -> None:
        self._old = self.journey.free_card(self.card_id).supports
        kept = tuple(t for t in self._old if t != self.touchpoint_id)
        self.journey.update(self.card_id, supports=kept)

    def undo(self) -> None:
        self.journey.update(self.card_id, supports=self._old)


class RemoveLane(JourneyCommand):
    """Remove a lane and the free cards in it; the touchpoint lane is refused.

    ``removing`` holds the ids that sibling commands remove already (see
    :class:`~cjo_desktop.commands.removal.RemoveItems`); it is updated in place.
    """

    def __init__(
        self,
        journey: Journey,
        lane_id: str,
        parent: Composite | None = None,
        *,
        removing: set[object] | None = None,
    ) -> None:
        lane = journey.lane(lane_id)
        if lane.kind == CARDS:
            journey.check_remove_lane(lane_id)  # raises: the map keeps the lane of its cards
        cards = journey.free_cards(lane_id=lane_id)
        text = f"Remove lane {quote(lane.name)}"
        if cards:
            text += f" and its {plural(len(cards), 'card')}"
        super().__init__(journey, text, parent)
        self.lane_id = lane_id
        self._lane: Lane = lane
        self._index = -1
        removing = set() if removing is None else removing
        removing.add(lane_id)
        for card in cards:
            if card.id not in removing:
                removing.add(card.id)
                RemoveFreeCard(journey, card.id, parent=self)

    def redo(self) -> None:
        super().redo()
        self._index = self.journey.lane_index(self.lane_id)
        self._lane = self.journey.remove_lane(self.lane_id)

    def undo(self) -> None:
        self.journey.add_item(self._lane, self._index)
        super().undo()
