"""The undo state machine's free-card rules: add a free card to a cell (now and then to a lane
the program fills, or with a bad colour: refused), edit its text, colour, link and owner, move
it to another cell, link it to a touchpoint and unlink it, mark its evidence. A map without a
lane of free cards (both starts) first gets one, as a step of its own.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick`` and
``push``; Hypothesis collects rules from every base class. Removing free cards (Delete, and
with their stage or lane) is the lane rules' and the mixed deletes'.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from cjo_desktop.commands import (
    AddFreeCard,
    AddLane,
    EditFreeCard,
    LinkFreeCard,
    MoveFreeCard,
    SetEvidence,
    UnlinkFreeCard,
)
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.lanes import AUTOMATIC

words = st.text(max_size=12)
colours = st.sampled_from(["", "#F9E7BF", "#bfdcec", "#000000", "orange", "#12345"])
links = st.sampled_from(["", "https://wiki.example.com/pick", "www.example.com", "file:///x"])


class FreeCardRules:
    journey: Any
    j: Any
    pick: Any
    push: Any

    def _cells(self, data: st.DataObject) -> tuple[str, str]:
        """A stage and a lane that holds free cards; now and then one the program fills."""
        lanes = [lane.id for lane in self.j.lanes() if lane.kind not in AUTOMATIC]
        if not lanes or data.draw(st.integers(0, 9)) == 0:
            lanes = [lane.id for lane in self.j.lanes()]
        stage = self.pick(data, [s.id for s in self.j.stages()], bogus="st-nope")
        return stage, self.pick(data, lanes, bogus="ln-nope")

    def _free(self, data: st.DataObject) -> str:
        return str(self.pick(data, [c.id for c in self.j.free_cards()], bogus="fc-nope"))

    @precondition(lambda self: self.journey is not None and self.journey.stages())
    @rule(data=st.data(), text=words, colour=colours, link=links, owner=words)
    def add_free_card_command(
        self, data: st.DataObject, text: str, colour: str, link: str, owner: str
    ) -> None:
        self._add_free_card(data, text, colour, link, owner)

    def _add_free_card(
        self, data: st.DataObject, text: str, colour: str, link: str, owner: str
    ) -> None:
        if all(lane.kind in AUTOMATIC for lane in self.j.lanes()):  # the starts have none
            kind = data.draw(st.sampled_from(["backstage", "systems", "customer_actions"]))
            self.push(lambda: AddLane(self.j, kind.capitalize(), kind))
        stage, lane = self._cells(data)
        fields = {"colour": colour, "link": link, "owner": owner}
        self.push(lambda: AddFreeCard(self.j, stage, lane, text, **fields))

    @precondition(lambda self: self.journey is not None and self.journey.free_cards())
    @rule(data=st.data())
    def edit_free_card(self, data: st.DataObject) -> None:
        self._edit_free_card(data)

    def _edit_free_card(self, data: st.DataObject) -> None:
        card = self._free(data)
        values = {"text": words, "colour": colours, "link": links, "owner": words}
        chosen = data.draw(st.lists(st.sampled_from(sorted(values)), min_size=1, max_size=3))
        changes = {key: data.draw(values[key]) for key in chosen}
        if data.draw(st.integers(0, 20)) == 0:
            changes["lane_id"] = "ln-touchpoints"  # not EditFreeCard's to set
        self.push(lambda: EditFreeCard(self.j, card, **changes))

    @precondition(lambda self: self.journey is not None and self.journey.free_cards())
    @rule(data=st.data())
    def move_free_card(self, data: st.DataObject) -> None:
        self._move_free_card(data)

    def _move_free_card(self, data: st.DataObject) -> None:
        card = self._free(data)
        stage, lane = self._cells(data)
        self.push(lambda: MoveFreeCard(self.j, card, stage, lane))

    @precondition(
        lambda self: (
            self.journey is not None and self.journey.free_cards() and self.journey.touchpoints()
        )
    )
    @rule(data=st.data(), link=st.booleans())
    def link_or_unlink_free_card(self, data: st.DataObject, link: bool) -> None:
        self._link_free_card(data, link)

    def _link_free_card(self, data: st.DataObject, link: bool) -> None:
        card = self._free(data)
        tps = [t.id for t in self.j.touchpoints()]
        if not link and card in self.j and self.j.free_card(card).supports:
            tps = list(self.j.free_card(card).supports)  # mostly one it supports
        tp = self.pick(data, tps, bogus="tp-nope")
        cls = LinkFreeCard if link else UnlinkFreeCard
        self.push(lambda: cls(self.j, card, tp))

    @precondition(lambda self: self.journey is not None and self.journey.free_cards())
    @rule(data=st.data())
    def free_card_evidence(self, data: st.DataObject) -> None:
        self._free_card_evidence(data)

    def _free_card_evidence(self, data: st.DataObject) -> None:
        card = self._free(data)
        evidence = data.draw(st.sampled_from([None, Evidence("assumed"), Evidence("proposed")]))
        self.push(lambda: SetEvidence(self.j, card, evidence))

    @precondition(lambda self: self.journey is not None and self.journey.stages())
    @rule(data=st.data(), text=words)
    def free_card_workout(self, data: st.DataObject, text: str) -> None:
        """A card added and linked, then a few edits of the map's free cards in a row, each
        its own step: free cards are rare among random edits, and undo and jumps take them
        away."""
        self._add_free_card(data, text or "Pick", "", "", "")
        if self.j.free_cards() and self.j.touchpoints():
            self._link_free_card(data, True)
        steps = [self._edit_free_card, self._move_free_card, self._free_card_evidence]
        for _ in range(data.draw(st.integers(1, 4))):
            if not self.j.free_cards():
                return
            if self.j.touchpoints() and data.draw(st.booleans()):
                self._link_free_card(data, data.draw(st.booleans()))
            else:
                data.draw(st.sampled_from(steps))(data)
