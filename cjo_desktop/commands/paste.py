"""Paste and Duplicate: add a copied fragment again, under fresh ids."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cjo_desktop.commands._base import (
    Composite,
    FlowKey,
    JourneyCommand,
    check_index,
    plural,
    quote,
)
from cjo_desktop.commands.fragment import Fragment, FragmentError, check_fragment, fragment_of
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain import Journey, JourneyError, Kind, Persona, Position, Stage
from cjo_desktop.domain.limits import MAX_COORDINATE

#: How far a duplicate of a hand-placed card lands from the original, in scene units.
DUPLICATE_OFFSET = (24.0, 24.0)


class PasteFragment(JourneyCommand):
    """Add the fragment's stages, cards, emotions and flows with fresh ids.

    Flows and emotions follow their cards to the new ids. Pasted stages go to ``stage_index``
    (the end when ``None``), each with its own cards. Loose cards (copied without their stage)
    go to ``target_stage_id`` at ``index`` (the end when ``None``) or, without a target, back
    to the stage they came from. A persona's emotion, and a card's mark that a persona uses it,
    are left out when this journey lacks the persona. ``offset`` shifts hand-placed cards.
    ``id_map`` maps fragment ids to new ones.
    """

    def __init__(
        self,
        journey: Journey,
        fragment: Fragment,
        target_stage_id: str | None = None,
        index: int | None = None,
        stage_index: int | None = None,
        offset: tuple[float, float] = (0.0, 0.0),
        parent: Composite | None = None,
    ) -> None:
        try:
            check_fragment(fragment)
        except FragmentError as error:
            raise JourneyError(str(error)) from error
        super().__init__(journey, f"Paste {_what(fragment)}", parent)
        check_index(stage_index, len(journey.stages()))
        if target_stage_id is not None:
            check_index(index, len(journey.touchpoints(target_stage_id)))
        elif index is not None:
            raise JourneyError("a paste index needs a target stage")
        self.id_map: dict[str, str] = {}
        taken: set[str] = set()

        def fresh(kind: Kind) -> str:
            while (new := journey.new_id(kind)) in taken:
                pass
            taken.add(new)
            return new

        for i, stage in enumerate(fragment.stages):
            self.id_map[stage.id] = fresh(Kind.STAGE)
            at = None if stage_index is None else stage_index + i
            AddItem(journey, replace(stage, id=self.id_map[stage.id]), at, self)
        placed = 0
        fragment_stages = {s.id for s in fragment.stages}
        for tp in fragment.touchpoints:
            self.id_map[tp.id] = fresh(Kind.TOUCHPOINT)
            at = None
            if tp.stage_id in fragment_stages:  # not any id of the fragment: a card is no stage
                stage_id = self.id_map[tp.stage_id]
            elif target_stage_id is not None:
                stage_id = target_stage_id
                at = None if index is None else index + placed
                placed += 1
            elif tp.stage_id in journey and isinstance(journey.item(tp.stage_id), Stage):
                stage_id = tp.stage_id
            else:
                raise JourneyError(f"choose a stage to paste {quote(tp.name)} into")
            position = _shift(tp.position, offset)
            # personas this map lacks (a card from another map) are dropped, as their feelings
            personas = tuple(p for p in tp.personas if _is_persona(journey, p))
            card = replace(
                tp, id=self.id_map[tp.id], stage_id=stage_id, position=position, personas=personas
            )
            AddItem(journey, card, at, self)
        for e in fragment.emotions:
            if e.persona_id is not None and not _is_persona(journey, e.persona_id):
                continue
            self.id_map[e.id] = fresh(Kind.EMOTION)
            moved = replace(e, id=self.id_map[e.id], touchpoint_id=self.id_map[e.touchpoint_id])
            AddItem(journey, moved, parent=self)
        for f in fragment.flows:
            target = None if f.target is None else self.id_map[f.target]
            AddItem(journey, replace(f, source=self.id_map[f.source], target=target), parent=self)
        #: New ids of the pasted stages and cards, e.g. to select them afterwards.
        self.new_ids = [self.id_map[s.id] for s in fragment.stages]
        self.new_ids += [self.id_map[t.id] for t in fragment.touchpoints]
        if self.standalone and fragment.is_empty:
            self.setObsolete(True)


class DuplicateItems(PasteFragment):
    """Paste a copy of the selection beside it: stages right after the last copied stage,
    cards at the end of their own stage, hand-placed cards a little offset."""

    def __init__(
        self,
        journey: Journey,
        item_ids: Iterable[str | FlowKey],
        parent: Composite | None = None,
    ) -> None:
        fragment = fragment_of(journey, item_ids)
        stage_index = None
        if fragment.stages:
            stage_index = max(journey.stage_index(s.id) for s in fragment.stages) + 1
        super().__init__(journey, fragment, None, None, stage_index, DUPLICATE_OFFSET, parent)
        self.setText(f"Duplicate {_what(fragment)}")


def _is_persona(journey: Journey, item_id: str) -> bool:
    return item_id in journey and isinstance(journey.item(item_id), Persona)


def _shift(position: Position | None, offset: tuple[float, float]) -> Position | None:
    if position is None or offset == (0.0, 0.0):
        return position
    limit = MAX_COORDINATE  # a copy of a card at the edge stays where a map can hold it
    x, y = position.x + offset[0], position.y + offset[1]
    return Position(min(max(x, -limit), limit), min(max(y, -limit), limit))


def _what(fragment: Fragment) -> str:
    stages, cards = fragment.stages, fragment.touchpoints
    if len(stages) == 1 and all(t.stage_id == stages[0].id for t in cards):
        return f"stage {quote(stages[0].name)}"
    if not stages and len(cards) == 1:
        return f"touchpoint {quote(cards[0].name)}"
    parts = [plural(len(stages), "stage")] if stages else []
    if cards or not stages:
        parts.append(plural(len(cards), "touchpoint"))
    return " and ".join(parts)
