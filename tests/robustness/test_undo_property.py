"""Random edits through the undo commands only: undo and redo always give back exact states.

A Hypothesis state machine starts from the bundled example or the blank template and edits it
only by pushing commands on a QUndoStack: stages, touchpoints (one or many moves), renames and
other field edits (some merging), flows, emotions, personas (added with a picture, edited,
the touchpoints they use marked), lanes and free cards, deletes of mixed selections, paste
(also through the clipboard text) and duplicate, imports and metric snapshots, macros, and
undo / redo / jumps in the history. It checks after every step that

* a refused edit (JourneyError from the constructor) and a no-op (obsolete) leave the map as
  it was and the history unchanged;
* the map equals the state recorded for the stack's current index, and holds together: every
  reference points at something that exists;

at random points that save + load gives back an equal map (positions are stored to 0.01, so
the comparison rounds them: the one thing a save changes), and at the end that undoing
everything gives back the start, byte for byte, and redoing everything the last state.

``CJO_UNDO_EXAMPLES`` sets the number of edit sequences (10 here; the acceptance run uses 500)
and ``CJO_UNDO_STEPS`` the steps per sequence (50, or 200 when CJO_UNDO_EXAMPLES is set).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from undo_comment_rules import CommentRules
from undo_free_card_rules import FreeCardRules
from undo_history_rules import HistoryRules
from undo_lane_rules import LaneRules
from undo_metric_rules import MetricRules
from undo_painpoint_rules import PainPointRules
from undo_support import (
    EXAMPLES,
    STARTS,
    STEPS,
    counts,
    deterministic_ids,
    names,
    pictures,
    positions,
    rounded_state,
    tag_lists,
    texts,
    titles,
    valences,
)

from cjo_desktop.commands import (
    KEEP,
    AddEmotion,
    AddFlow,
    AddStage,
    AddTouchpoint,
    ClearEmotion,
    DuplicateItems,
    MoveStage,
    MoveTouchpoint,
    MoveTouchpoints,
    PasteFragment,
    RemoveEmotion,
    RemoveFlow,
    RemoveItems,
    RemoveStage,
    RemoveTouchpoint,
    SetDescription,
    SetEmotion,
    SetEvidence,
    SetTitle,
    UpdateFlow,
    UpdateItem,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import (
    Journey,
    JourneyError,
)
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.io import dumps_map, loads_map


class UndoMachine(
    MetricRules,
    PainPointRules,
    CommentRules,
    LaneRules,
    FreeCardRules,
    HistoryRules,
    RuleBasedStateMachine,
):
    def __init__(self) -> None:
        super().__init__()
        self.journey: Journey | None = None
        self.stack = QUndoStack()
        self.states: list[tuple[Any, ...]] = []
        self.labels = 0
        self.in_macro = False

    # ------------------------------------------------------------------ helpers
    @property
    def j(self) -> Journey:
        assert self.journey is not None
        return self.journey

    def pick(self, data: st.DataObject, choices: Sequence[Any], bogus: Any = None) -> Any:
        """One of ``choices``; now and then ``bogus`` (an unknown id), which must be refused."""
        if bogus is not None and (not choices or data.draw(st.integers(0, 24)) == 0):
            return bogus
        return data.draw(st.sampled_from(list(choices)))

    def push(self, build: Callable[[], QUndoCommand]) -> None:
        """Build a command (a refusal must change nothing) and push it, keeping the history."""
        before = self.j.state()
        try:
            command = build()
        except JourneyError:
            assert self.j.state() == before, "a refused command changed the map"
            event("refused")
            return
        assert self.j.state() == before, "building a command changed the map"
        event(f"pushed {type(command).__name__}")
        obsolete = command.isObsolete()  # the stack may delete it when pushed
        merges = command.id() != -1
        index = self.stack.index()
        self.stack.push(command)
        if obsolete:
            assert self.j.state() == before, "an obsolete command changed the map"
            event("obsolete")
        elif self.stack.index() == index + 1 and not merges:
            assert self.j.state() != before, "a pushed command changed nothing"
        if not self.in_macro:
            self.record(index)

    def record(self, before: int) -> None:
        """Remember the state at the stack's index; a push drops the redo tail. The index may
        stay (a merge, an obsolete command) or go back one (a merge that undid itself)."""
        index = self.stack.index()
        assert index == self.stack.count()
        assert before - 1 <= index <= before + 1
        if index == before - 1:
            assert self.j.state() == self.states[index]
            event("merged back to the start: step dropped")
        self.states = [*self.states[:index], self.j.state()]

    def any_ids(self) -> list[str]:
        j = self.j
        return (
            [s.id for s in j.stages()]
            + [t.id for t in j.touchpoints()]
            + [e.id for e in j.emotions()]
            + [p.id for p in j.personas()]
            + [p.id for p in j.pain_points()]
            + [o.id for o in j.opportunities()]
        )

    def selection(self, data: st.DataObject) -> list[Any]:
        keys: list[Any] = self.any_ids() + [f.key for f in self.j.flows()]
        if not keys:
            return []
        return data.draw(st.lists(st.sampled_from(keys), max_size=5))

    # ------------------------------------------------------------------- start
    @initialize(start=st.sampled_from(sorted(STARTS)))
    def start(self, start: str) -> None:
        event(f"start: {start}")
        self.journey = loads_map(STARTS[start])
        deterministic_ids(self.journey)
        self.start_text = STARTS[start] if start == "example" else dumps_map(self.journey)
        self.start_state = self.journey.state()
        self.states = [self.start_state]

    # ------------------------------------------------------------------ stages
    @rule(data=st.data(), name=names)
    def add_stage(self, data: st.DataObject, name: str) -> None:
        index = data.draw(st.one_of(st.none(), st.integers(-1, len(self.j.stages()) + 1)))
        self.push(lambda: AddStage(self.j, name, index, description=data.draw(texts)))

    @rule(data=st.data())
    def remove_stage(self, data: st.DataObject) -> None:
        stage = self.pick(data, [s.id for s in self.j.stages()], bogus="st-nope")
        self.push(lambda: RemoveStage(self.j, stage))

    @precondition(lambda self: self.journey is not None and self.journey.stages())
    @rule(data=st.data())
    def move_stage(self, data: st.DataObject) -> None:
        stages = [s.id for s in self.j.stages()]
        index = data.draw(st.integers(-1, len(stages)))
        self.push(lambda: MoveStage(self.j, self.pick(data, stages), index))

    # ------------------------------------------------------------- touchpoints
    @precondition(lambda self: self.journey is not None and self.journey.stages())
    @rule(data=st.data(), name=names)
    def add_touchpoint(self, data: st.DataObject, name: str) -> None:
        stage = self.pick(data, [s.id for s in self.j.stages()], bogus="st-nope")
        size = len(self.j.touchpoints(stage)) if stage in self.j else 0
        index = data.draw(st.one_of(st.none(), st.integers(-1, size + 1)))
        fields = {
            "channel": data.draw(texts),
            "owner": data.draw(texts),
            "tags": data.draw(tag_lists),
            "position": data.draw(positions),
        }
        self.push(lambda: AddTouchpoint(self.j, stage, name, index, **fields))

    @rule(data=st.data())
    def remove_touchpoint(self, data: st.DataObject) -> None:
        card = self.pick(data, [t.id for t in self.j.touchpoints()], bogus="tp-nope")
        self.push(lambda: RemoveTouchpoint(self.j, card))

    def draw_move(self, data: st.DataObject) -> tuple[str, str, int | None, Any]:
        card = self.pick(data, [t.id for t in self.j.touchpoints()])
        stage = self.pick(data, [s.id for s in self.j.stages()])
        size = len(self.j.touchpoints(stage))
        index = data.draw(st.one_of(st.none(), st.integers(-1, size + 1)))
        position = data.draw(st.one_of(st.just(KEEP), positions))
        return card, stage, index, position

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def move_touchpoint(self, data: st.DataObject) -> None:
        move = self.draw_move(data)
        self.push(lambda: MoveTouchpoint(self.j, *move))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def move_touchpoints(self, data: st.DataObject) -> None:
        moves = [self.draw_move(data) for _ in range(data.draw(st.integers(1, 4)))]
        self.push(lambda: MoveTouchpoints(self.j, moves))

    # ------------------------------------------------------------ field edits
    @precondition(lambda self: self.journey is not None and self.any_ids())
    @rule(data=st.data())
    def update_item(self, data: st.DataObject) -> None:
        item_id = self.pick(data, self.any_ids(), bogus="nope")
        fields = {"name": names, "description": texts}
        if item_id in self.j and self.j.kind_of(item_id).value == "touchpoint":
            some = st.lists(st.sampled_from([p.id for p in self.j.personas()] or ["pe-nope"]))
            fields = {
                **fields,
                "channel": texts,
                "owner": texts,
                "tags": tag_lists,
                "position": positions,
                "personas": some.map(tuple),  # a repeated or unknown id is refused
            }
        elif item_id in self.j and self.j.kind_of(item_id).value == "pain point":
            severities = st.sampled_from(["high", "medium", "low", "huge"])
            fields = {"description": names, "severity": severities, "strategy": texts}
        elif item_id in self.j and self.j.kind_of(item_id).value == "opportunity":
            efforts = st.sampled_from(["S", "M", "L", "XL"])
            fields = {**fields, "effort": efforts, "impact": st.integers(-1, 101)}
        elif item_id in self.j and self.j.kind_of(item_id).value == "persona":
            fields = {**fields, "picture": pictures}
        elif item_id in self.j and self.j.kind_of(item_id).value == "emotion":
            personas = [None, *[p.id for p in self.j.personas()]]
            fields = {"valence": valences, "label": texts, "persona_id": st.sampled_from(personas)}
        chosen = data.draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=3))
        changes = {key: data.draw(fields[key]) for key in chosen}
        if data.draw(st.integers(0, 30)) == 0:
            changes["stage_id"] = "st-nope"  # not a field update() may set
        merge = data.draw(st.booleans())
        self.push(lambda: UpdateItem(self.j, item_id, merge=merge, **changes))

    @rule(data=st.data())
    def set_title_or_description(self, data: st.DataObject) -> None:
        if data.draw(st.booleans()):
            title = data.draw(titles)
            self.push(lambda: SetTitle(self.j, title))
        else:
            description = data.draw(texts)
            self.push(lambda: SetDescription(self.j, description))

    # ------------------------------------------------------------------ flows
    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data(), count=counts, label=texts)
    def add_flow(self, data: st.DataObject, count: int | None, label: str) -> None:
        cards = [t.id for t in self.j.touchpoints()]
        source = self.pick(data, cards, bogus="tp-nope")
        target = self.pick(data, [None, *cards])
        self.push(lambda: AddFlow(self.j, source, target, count, label))

    @precondition(lambda self: self.journey is not None and self.journey.flows())
    @rule(data=st.data())
    def remove_flow(self, data: st.DataObject) -> None:
        source, target = self.pick(data, [f.key for f in self.j.flows()])
        self.push(lambda: RemoveFlow(self.j, source, target))

    @precondition(lambda self: self.journey is not None and self.journey.flows())
    @rule(data=st.data())
    def update_flow(self, data: st.DataObject) -> None:
        source, target = self.pick(data, [f.key for f in self.j.flows()])
        chosen = data.draw(st.lists(st.sampled_from(["count", "label"]), min_size=1, max_size=2))
        changes = {k: data.draw(counts if k == "count" else texts) for k in chosen}
        merge = data.draw(st.booleans())
        self.push(lambda: UpdateFlow(self.j, source, target, merge=merge, **changes))

    # --------------------------------------------------------------- emotions
    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data(), valence=valences, label=texts)
    def set_emotion(self, data: st.DataObject, valence: int, label: str) -> None:
        card = self.pick(data, [t.id for t in self.j.touchpoints()], bogus="tp-nope")
        persona = self.pick(data, [None, *[p.id for p in self.j.personas()]], bogus="pe-nope")
        self.push(lambda: SetEmotion(self.j, card, valence, label, persona))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def clear_emotion(self, data: st.DataObject) -> None:
        card = self.pick(data, [t.id for t in self.j.touchpoints()])
        persona = self.pick(data, [None, *[p.id for p in self.j.personas()]])
        self.push(lambda: ClearEmotion(self.j, card, persona))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data(), valence=valences, label=texts)
    def add_emotion(self, data: st.DataObject, valence: int, label: str) -> None:
        card = self.pick(data, [t.id for t in self.j.touchpoints()])
        persona = self.pick(data, [None, *[p.id for p in self.j.personas()]])
        self.push(lambda: AddEmotion(self.j, card, valence, label, persona))

    @precondition(lambda self: self.journey is not None and self.journey.emotions())
    @rule(data=st.data())
    def remove_emotion(self, data: st.DataObject) -> None:
        emotion = self.pick(data, [e.id for e in self.j.emotions()])
        self.push(lambda: RemoveEmotion(self.j, emotion))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def set_evidence(self, data: st.DataObject) -> None:
        items = [t.id for t in self.j.touchpoints()] + [e.id for e in self.j.emotions()]
        item = self.pick(data, items, bogus=self.j.stages()[0].id)
        choices = [
            None,
            Evidence("assumed"),
            Evidence("proposed"),
            observed("snapshot", "March"),
            observed("note", "seen in 5 of 8 interviews"),
            Evidence("observed", "file", ""),  # refused: a source kind needs its text
        ]
        evidence = data.draw(st.sampled_from(choices))
        self.push(lambda: SetEvidence(self.j, item, evidence))

    # ------------------------------------------------ selections and clipboard
    @rule(data=st.data())
    def remove_items(self, data: st.DataObject) -> None:
        keys = self.selection(data)
        self.push(lambda: RemoveItems(self.j, keys))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def paste(self, data: st.DataObject) -> None:
        fragment = fragment_of(self.j, self.selection(data))
        if data.draw(st.booleans()):
            fragment = from_json(to_json(fragment))  # through the clipboard's text
        stages = [s.id for s in self.j.stages()]
        target = self.pick(data, [None, *stages])
        size = len(self.j.touchpoints(target)) if target else 0
        index = data.draw(st.one_of(st.none(), st.integers(0, size))) if target else None
        stage_index = data.draw(st.one_of(st.none(), st.integers(0, len(stages))))
        offset = data.draw(st.sampled_from([(0.0, 0.0), (24.0, 24.0), (0.5, -3.25)]))
        self.push(lambda: PasteFragment(self.j, fragment, target, index, stage_index, offset))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def duplicate(self, data: st.DataObject) -> None:
        keys = self.selection(data)
        self.push(lambda: DuplicateItems(self.j, keys))

    # ------------------------------------------------------------ macros
    @rule(data=st.data())
    def macro(self, data: st.DataObject) -> None:
        """Several commands as one step, as a gesture the editor wraps in beginMacro/endMacro."""
        before = self.stack.index()
        self.stack.beginMacro("gesture")
        self.in_macro = True
        try:
            for _ in range(data.draw(st.integers(1, 3))):
                step = data.draw(
                    st.sampled_from(
                        [self.add_stage, self.set_title_or_description, self.remove_items]
                        + (
                            [self.move_touchpoint, self.set_emotion, self.add_flow]
                            if self.j.touchpoints()
                            else []
                        )
                    )
                )
                if step == self.add_stage:
                    step(data, data.draw(names))
                elif step in (self.set_emotion, self.add_flow):
                    step(
                        data,
                        data.draw(valences if step == self.set_emotion else counts),
                        data.draw(texts),
                    )
                else:
                    step(data)
        finally:
            self.in_macro = False
            self.stack.endMacro()
        self.record(before)

    # ------------------------------------------------------------ saving
    @rule()
    def save_and_load(self) -> None:
        text = dumps_map(self.j)
        again = loads_map(text)
        assert dumps_map(again) == text
        assert rounded_state(again) == rounded_state(self.j)
        if rounded_state(self.j) == self.j.state():
            assert again == self.j
        else:
            event("positions rounded by a save")

    # ------------------------------------------------------------ checks
    @invariant()
    def history_matches(self) -> None:
        if self.journey is None:
            return
        assert len(self.states) == self.stack.count() + 1
        assert self.j.state() == self.states[self.stack.index()]

    @invariant()
    def references_hold(self) -> None:
        if self.journey is None:
            return
        j = self.j
        stages = [s.id for s in j.stages()]
        cards = {t.id for t in j.touchpoints()}
        personas = {p.id for p in j.personas()}
        assert len(set(stages)) == len(stages)
        for stage in stages:
            assert all(t.stage_id == stage for t in j.touchpoints(stage))
        for e in j.emotions():
            assert e.touchpoint_id in cards
            assert e.persona_id is None or e.persona_id in personas
        for t in j.touchpoints():
            assert set(t.personas) <= personas
        for f in j.flows():
            assert f.source in cards and (f.target is None or f.target in cards)
        for note in [*j.pain_points(), *j.opportunities()]:
            assert note.touchpoint_id in cards
        pains = {p.id for p in j.pain_points()}
        assert all(o.pain_point not in j or o.pain_point in pains for o in j.opportunities())
        lanes = {lane.id for lane in j.lanes()}
        assert len(lanes) == len(j.lanes()) and j.lane_of_kind("touchpoints") is not None
        for free in j.free_cards():
            assert free.stage_id in stages and free.lane_id in lanes
            assert set(free.supports) <= cards
        items = len(stages) + len(cards) + len(j.emotions()) + len(personas)
        items += len(lanes) + len(j.free_cards())
        assert j.graph.number_of_nodes() == items + len(pains) + len(j.opportunities())

    def teardown(self) -> None:
        try:
            if self.journey is None:
                return
            final, at = self.j.state(), self.stack.index()
            self.stack.setIndex(0)
            assert self.j.state() == self.start_state
            assert dumps_map(self.j) == self.start_text
            self.stack.setIndex(self.stack.count())
            assert self.j.state() == self.states[-1]
            self.stack.setIndex(at)
            assert self.j.state() == final
            count = self.stack.count()
            event(f"history: {'0' if not count else '1-19' if count < 20 else '20+'} steps")
        finally:
            self.stack.clear()


UndoMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestUndoProperty = UndoMachine.TestCase
