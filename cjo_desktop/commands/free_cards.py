"""Free cards, the team's own cards in stage-by-lane cells: add, edit, move to another cell,
link to the touchpoints they support and unlink, each one undo step.

Removing a free card is :class:`~cjo_desktop.commands.lanes.RemoveFreeCard` (Delete reaches it
through :class:`~cjo_desktop.commands.removal.RemoveItems`); a removed stage takes its free
cards along and a removed touchpoint unlinks the cards that support it (see
:mod:`cjo_desktop.commands.stages` and :mod:`cjo_desktop.commands.touchpoints`).
"""

from __future__ import annotations

from typing import Any

from cjo_desktop.commands import lanes
from cjo_desktop.commands._base import Composite, JourneyCommand, describe, quote
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.domain import Journey, JourneyError, Kind
from cjo_desktop.domain.fields import build
from cjo_desktop.domain.model import FreeCard

#: What EditFreeCard sets; the cell is MoveFreeCard's, the links Link/UnlinkFreeCard's.
EDITABLE = frozenset({"text", "colour", "link", "owner"})


class AddFreeCard(AddItem):
    """Add a free card with ``text`` to the cell of ``stage_id`` and ``lane_id``, last in its
    cell (``index`` places it in the order cards were made); its id is fixed when built.

    ``fields`` are any other fields of :class:`FreeCard`: colour, link, owner, supports...
    """

    def __init__(
        self,
        journey: Journey,
        stage_id: str,
        lane_id: str,
        text: str,
        index: int | None = None,
        card_id: str | None = None,
        parent: Composite | None = None,
        **fields: Any,
    ) -> None:
        if card_id is None:
            card_id = journey.new_id(Kind.FREE_CARD)
        values = {"id": card_id, "stage_id": stage_id, "lane_id": lane_id, "text": text}
        card = build(FreeCard, "free card", {**values, **fields})
        lane = journey.lane(lane_id)
        words = f"Add card {quote(card.text.strip())} to {quote(lane.name)}"
        super().__init__(journey, card, index, parent, text=words)
        self.card_id = card_id


class EditFreeCard(UpdateItem):
    """Set a free card's text, colour (``""``: its lane's), link or owner."""

    def __init__(
        self, journey: Journey, card_id: str, parent: Composite | None = None, **changes: Any
    ) -> None:
        journey.free_card(card_id)
        other = sorted(set(changes) - EDITABLE)
        if other:
            raise JourneyError(
                f"a free card's {other[0]!r} is not edited here; move or link the card instead"
            )
        super().__init__(journey, card_id, parent, **changes)


class MoveFreeCard(UpdateItem):
    """Move a free card to the cell of ``stage_id`` and ``lane_id`` (a drag to another cell);
    in its new cell it keeps its place in the order cards were made."""

    def __init__(
        self,
        journey: Journey,
        card_id: str,
        stage_id: str,
        lane_id: str,
        parent: Composite | None = None,
    ) -> None:
        card = journey.free_card(card_id)
        super().__init__(journey, card_id, parent, stage_id=stage_id, lane_id=lane_id)
        where = [journey.stage(stage_id).name] if stage_id != card.stage_id else []
        where += [journey.lane(lane_id).name] if lane_id != card.lane_id else []
        to = " / ".join(quote(w) for w in where)
        self.setText(f"Move {describe(journey, card_id)}" + (f" to {to}" if to else ""))


class LinkFreeCard(JourneyCommand):
    """Link a free card to a touchpoint it supports ("the warehouse pick supports Delivery
    tracking"); the map draws the link. What the card supports is read when the step runs,
    so links made one after another in a macro add up."""

    def __init__(
        self, journey: Journey, card_id: str, touchpoint_id: str, parent: Composite | None = None
    ) -> None:
        card = journey.free_card(card_id)
        tp = journey.touchpoint(touchpoint_id)
        if parent is None and touchpoint_id in card.supports:
            raise JourneyError(f"card {card.text!r} supports {tp.name!r} already")
        text = f"Link {describe(journey, card_id)} to {quote(tp.name)}"
        super().__init__(journey, text, parent)
        self.card_id, self.touchpoint_id = card_id, touchpoint_id
        self._old: tuple[str, ...] = card.supports

    def redo(self) -> None:
        self._old = self.journey.free_card(self.card_id).supports
        if self.touchpoint_id not in self._old:
            self.journey.update(self.card_id, supports=(*self._old, self.touchpoint_id))

    def undo(self) -> None:
        self.journey.update(self.card_id, supports=self._old)


class UnlinkFreeCard(lanes.UnlinkFreeCard):
    """The user's unlink: a free card stops supporting a touchpoint, which stays. Refused when
    the card does not support it; the history names both."""

    def __init__(
        self, journey: Journey, card_id: str, touchpoint_id: str, parent: Composite | None = None
    ) -> None:
        card = journey.free_card(card_id)
        if parent is None and touchpoint_id not in card.supports:
            raise JourneyError(f"card {card.text!r} does not support {touchpoint_id!r}")
        super().__init__(journey, card_id, touchpoint_id, parent)
        self.setText(f"Unlink {describe(journey, card_id)} from {describe(journey, touchpoint_id)}")
