"""The lanes and free cards of a journey: a mixin of :class:`~cjo_desktop.domain.journey.Journey`.

Lanes and free cards are nodes of the graph like every item, ordered by lists beside it: the
lanes top to bottom, the free cards in the order they were made (a cell shows its cards in that
order). Adding, updating and moving them uses the journey's generic edits; what is special is
said here: a map keeps its touchpoint lane, shown, and has one lane of each automatic kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal
from cjo_desktop.domain.lanes import CARDS, SINGLE, STANDARD_LANES
from cjo_desktop.domain.model import FreeCard, Kind, Lane

if TYPE_CHECKING:
    from cjo_desktop.domain.journey_checks import N
    from cjo_desktop.domain.model import Item


class LanesMixin:
    """Reading, checking, moving and removing lanes and free cards."""

    _graph: nx.DiGraph
    _lane_order: list[str]
    _free_card_order: list[str]
    changed: Signal[Change]

    if TYPE_CHECKING:

        def _get(self, item_id: str, cls: type[N]) -> N: ...
        def item(self, item_id: str) -> Item: ...

    def _standard_lanes(self) -> None:
        """A new map's lanes: touchpoints, emotion, pain points, opportunities."""
        for lane_id, name, kind in STANDARD_LANES:
            lane = Lane(lane_id, name, kind)
            self._graph.add_node(lane_id, kind=Kind.LANE.value, item=lane)
            self._lane_order.append(lane_id)

    # ------------------------------------------------------------------ reading
    def lanes(self) -> list[Lane]:
        """Every lane, top to bottom, hidden ones included."""
        return [self._graph.nodes[i]["item"] for i in self._lane_order]

    def lane(self, lane_id: str) -> Lane:
        return self._get(lane_id, Lane)

    def lane_index(self, lane_id: str) -> int:
        self.lane(lane_id)
        return self._lane_order.index(lane_id)

    def lane_of_kind(self, kind: str) -> Lane | None:
        """The first lane of ``kind``, or None when the map has none."""
        return next((lane for lane in self.lanes() if lane.kind == kind), None)

    def free_cards(self, stage_id: str | None = None, lane_id: str | None = None) -> list[FreeCard]:
        """Free cards in the order they were made; only a stage's or a lane's when asked."""
        nodes = self._graph.nodes
        cards: list[FreeCard] = [nodes[i]["item"] for i in self._free_card_order]
        return [
            c
            for c in cards
            if (stage_id is None or c.stage_id == stage_id)
            and (lane_id is None or c.lane_id == lane_id)
        ]

    def free_card(self, card_id: str) -> FreeCard:
        return self._get(card_id, FreeCard)

    def supporting(self, touchpoint_id: str) -> list[FreeCard]:
        """The free cards linked to a touchpoint."""
        return [c for c in self.free_cards() if touchpoint_id in c.supports]

    def free_card_index(self, card_id: str) -> int:
        self.free_card(card_id)
        return self._free_card_order.index(card_id)

    # -------------------------------------------------------------------- checks
    def check_lane_add(self, lane: Lane) -> None:
        """A lane of an automatic kind is the map's only one of that kind."""
        if lane.kind in SINGLE and self.lane_of_kind(lane.kind) is not None:
            raise JourneyError(f"the map has its {lane.kind.replace('_', ' ')} lane already")
        if lane.kind == CARDS and (lane.hidden or lane.collapsed):
            raise JourneyError(
                "the touchpoint lane holds the cards; it cannot be hidden or collapsed"
            )

    def check_lane_update(self, old: Lane, changes: dict[str, Any]) -> None:
        if old.kind == CARDS and (changes.get("hidden") or changes.get("collapsed")):
            raise JourneyError(
                "the touchpoint lane holds the cards; it cannot be hidden or collapsed"
            )

    def check_free_card_cell(self, lane_id: str) -> None:
        """Free cards go in lanes that hold free cards, not in automatic ones."""
        lane = self.lane(lane_id)
        if lane.kind in SINGLE:
            raise JourneyError(
                f"lane {lane.name!r} is filled by the program; put free cards in a lane of "
                "customer actions, backstage, systems or free text"
            )

    def check_remove_lane(self, lane_id: str) -> Lane:
        lane = self.lane(lane_id)
        if lane.kind == CARDS:
            raise JourneyError("the touchpoint lane holds the cards; it cannot be removed")
        if self.free_cards(lane_id=lane_id):
            raise JourneyError(f"lane {lane.name!r} still has cards")
        return lane

    # ------------------------------------------------------------------ editing
    def remove_lane(self, lane_id: str) -> Lane:
        """Remove a lane without free cards (remove or move them first)."""
        lane = self.check_remove_lane(lane_id)
        index = self._lane_order.index(lane_id)
        self._lane_order.pop(index)
        self._graph.remove_node(lane_id)
        self.changed.emit(Change("remove", Kind.LANE, lane_id, lane, None, index))
        return lane

    def move_lane(self, lane_id: str, index: int) -> None:
        """Move a lane so that it ends at ``index`` in the lane order."""
        lane = self.lane(lane_id)
        index = check.insert_index(index, len(self._lane_order) - 1)
        self._lane_order.remove(lane_id)
        self._lane_order.insert(index, lane_id)
        self.changed.emit(Change("move", Kind.LANE, lane_id, lane, lane, index))

    def remove_free_card(self, card_id: str) -> FreeCard:
        card = self.free_card(card_id)
        index = self._free_card_order.index(card_id)
        self._free_card_order.pop(index)
        self._graph.remove_node(card_id)
        self.changed.emit(Change("remove", Kind.FREE_CARD, card_id, card, None, index))
        return card

    def clear_lanes(self) -> None:
        """Remove every lane and free card: only for building a map whose file lists its
        lanes (loading, copying), before anything else is added."""
        for card_id in list(self._free_card_order):
            self.remove_free_card(card_id)
        for lane_id in list(self._lane_order):
            self._lane_order.remove(lane_id)
            self._graph.remove_node(lane_id)
