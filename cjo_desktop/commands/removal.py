"""Delete of a mixed selection: flows, emotions, cards, stages, personas, free cards and lanes
in one step."""

from __future__ import annotations

from collections.abc import Iterable

from cjo_desktop.commands._base import Composite, FlowKey, JourneyCommand, describe, plural
from cjo_desktop.commands.emotions import RemoveEmotion
from cjo_desktop.commands.flows import RemoveFlow
from cjo_desktop.commands.lanes import RemoveFreeCard, RemoveLane
from cjo_desktop.commands.painpoints import RemoveOpportunity, RemovePainPoint
from cjo_desktop.commands.personas import RemovePersona
from cjo_desktop.commands.stages import RemoveStage
from cjo_desktop.commands.touchpoints import RemoveTouchpoint
from cjo_desktop.domain import (
    Emotion,
    Journey,
    JourneyError,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.model import FreeCard, Lane


class RemoveItems(JourneyCommand):
    """Remove everything selected: flows first, then emotions, opportunities, pain points,
    free cards, touchpoints, stages, personas, lanes.

    A flow or emotion that a removed card takes along anyway is removed once only; a card in
    a removed stage goes with its stage, a free card in a removed lane with its lane. ``keys``
    are item ids and flow keys ``(source, target)``.
    """

    def __init__(
        self,
        journey: Journey,
        keys: Iterable[str | FlowKey],
        parent: Composite | None = None,
    ) -> None:
        flows: dict[FlowKey, None] = {}
        items: dict[str, None] = {}
        for key in keys:
            if isinstance(key, tuple) and len(key) == 2:
                flow = journey.flow(*key)
                flows[flow.key] = None
            elif isinstance(key, str):
                journey.item(key)
                items[key] = None
            else:
                raise JourneyError(f"{key!r} is neither an item id nor a flow key")
        found = [journey.item(i) for i in items]
        stages = [i.id for i in found if isinstance(i, Stage)]
        cards = [i for i in found if isinstance(i, Touchpoint)]
        emotions = [i for i in found if isinstance(i, Emotion)]
        personas = [i.id for i in found if isinstance(i, Persona)]
        pains = [i for i in found if isinstance(i, PainPoint)]
        ideas = [i for i in found if isinstance(i, Opportunity)]
        free = [i for i in found if isinstance(i, FreeCard)]
        lanes = [i.id for i in found if isinstance(i, Lane)]
        super().__init__(journey, _text(journey, list(flows), list(items)), parent)
        removing: set[object] = set()
        for source, target in flows:
            removing.add((source, target))
            RemoveFlow(journey, source, target, parent=self)
        gone_cards = {t.id for t in cards} | {t.id for s in stages for t in journey.touchpoints(s)}
        for emotion in emotions:
            if emotion.touchpoint_id not in gone_cards:
                removing.add(emotion.id)
                RemoveEmotion(journey, emotion.id, parent=self)
        gone_pains = {p.id for p in pains}
        for idea in ideas:
            if idea.touchpoint_id not in gone_cards and idea.pain_point not in gone_pains:
                removing.add(idea.id)
                RemoveOpportunity(journey, idea.id, parent=self)
        for pain in pains:
            if pain.touchpoint_id not in gone_cards:
                RemovePainPoint(journey, pain.id, parent=self, removing=removing)
        for note in free:
            if note.lane_id not in lanes:
                removing.add(note.id)
                RemoveFreeCard(journey, note.id, parent=self)
        for card in cards:
            if card.stage_id not in stages:
                RemoveTouchpoint(journey, card.id, parent=self, removing=removing)
        for stage_id in stages:
            RemoveStage(journey, stage_id, parent=self, removing=removing)
        for persona_id in personas:
            RemovePersona(journey, persona_id, parent=self, removing=removing)
        for lane_id in lanes:
            RemoveLane(journey, lane_id, parent=self, removing=removing)
        self.keys: list[str | FlowKey] = [*flows, *items]
        if len(self.keys) == 1 and lanes:  # "Remove lane "Systems" and its 3 cards"
            self.setText(self.children()[-1].text())
        if self.standalone and not self.keys:
            self.setObsolete(True)


def _text(journey: Journey, flows: list[FlowKey], items: list[str]) -> str:
    words = ["flow" if t else "drop-off" for _, t in flows]
    words += [_WORDS.get(k := journey.kind_of(i).value, k) for i in items]
    if len(words) != 1:
        word = words[0] if len(set(words)) == 1 else "item"  # also when nothing
        return f"Remove {plural(len(words), word)}"
    if flows:
        source, target = flows[0]
        if target is None:
            return f"Remove drop-off at {describe(journey, source)}"
        return f"Disconnect {describe(journey, source)} from {describe(journey, target)}"
    if words[0] in ("feeling", "card"):  # describe says "card "Pick the order""
        return f"Remove {describe(journey, items[0])}"
    return f"Remove {words[0]} {describe(journey, items[0])}"


#: Kinds the history names in other words: an emotion is a feeling, a free card a card.
_WORDS = {"emotion": "feeling", "free card": "card"}
