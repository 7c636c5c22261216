"""The undo state machine's lane rules: add (any kind, a second automatic one refused), rename,
move, hide, collapse and remove lanes; add free cards (linked to touchpoints or not) and delete
selections of lanes, free cards and other items.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick`` and
``push``; Hypothesis collects rules from every base class.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from cjo_desktop.commands import (
    AddLane,
    MoveLane,
    RemoveItems,
    RemoveLane,
    RenameLane,
    SetLaneCollapsed,
    SetLaneHidden,
)
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain import Kind
from cjo_desktop.domain.lanes import AUTOMATIC, LANE_KINDS
from cjo_desktop.domain.model import FreeCard

words = st.text(max_size=12)
#: Mostly kinds that hold free cards (so cards get somewhere to go), any kind, a bogus one.
kinds = st.one_of(
    st.sampled_from([k for k in LANE_KINDS if k not in AUTOMATIC]),
    st.sampled_from(LANE_KINDS),
    st.just("sideways"),
)


class LaneRules:
    journey: Any
    j: Any
    pick: Any
    push: Any

    def _lanes(self) -> list[str]:
        return [lane.id for lane in self.j.lanes()]

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data(), name=words, kind=kinds)
    def add_lane(self, data: st.DataObject, name: str, kind: str) -> None:
        index = data.draw(st.one_of(st.none(), st.integers(-1, len(self._lanes()) + 1)))
        self.push(lambda: AddLane(self.j, name, kind, index))  # type: ignore[arg-type]

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data(), name=words)
    def rename_lane(self, data: st.DataObject, name: str) -> None:
        lane = self.pick(data, self._lanes(), bogus="ln-nope")
        self.push(lambda: RenameLane(self.j, lane, name))

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data())
    def move_lane(self, data: st.DataObject) -> None:
        lane = self.pick(data, self._lanes(), bogus="ln-nope")
        index = data.draw(st.integers(-1, len(self._lanes())))
        self.push(lambda: MoveLane(self.j, lane, index))

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data(), on=st.booleans(), hide=st.booleans())
    def hide_or_collapse_lane(self, data: st.DataObject, on: bool, hide: bool) -> None:
        lane = self.pick(data, self._lanes(), bogus="ln-nope")  # touchpoints: refused
        cls = SetLaneHidden if hide else SetLaneCollapsed
        self.push(lambda: cls(self.j, lane, on))

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data())
    def remove_lane(self, data: st.DataObject) -> None:
        lane = self.pick(data, self._lanes(), bogus="ln-nope")
        self.push(lambda: RemoveLane(self.j, lane))

    @precondition(lambda self: self.journey is not None and self.journey.stages())
    @rule(data=st.data(), text=words)
    def add_free_card(self, data: st.DataObject, text: str) -> None:
        """A card in a lane that holds free cards (now and then an automatic one: refused)."""
        free = [lane.id for lane in self.j.lanes() if lane.kind not in AUTOMATIC]
        if not free or data.draw(st.integers(0, 9)) == 0:
            free = self._lanes()
        stage = self.pick(data, [s.id for s in self.j.stages()])
        cards = [t.id for t in self.j.touchpoints()]
        links = st.lists(st.sampled_from(cards), unique=True, max_size=2) if cards else st.just([])
        supports = tuple(data.draw(links))
        card_id = self.j.new_id(Kind.FREE_CARD)
        card = FreeCard(card_id, stage, self.pick(data, free), text or "x", supports=supports)
        index = data.draw(st.one_of(st.none(), st.integers(0, len(self.j.free_cards()))))
        self.push(lambda: AddItem(self.j, card, index))

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data())
    def remove_lanes_and_cards(self, data: st.DataObject) -> None:
        """Delete on a selection of lanes and free cards, with stages and touchpoints."""
        keys = self._lanes() + [c.id for c in self.j.free_cards()]
        keys += [s.id for s in self.j.stages()] + [t.id for t in self.j.touchpoints()]
        chosen = data.draw(st.lists(st.sampled_from(keys), max_size=4))
        self.push(lambda: RemoveItems(self.j, chosen))
