"""The Journey: the stages, touchpoints, emotions, personas and flows of a map, over a graph.

Nodes of ``graph`` are the items (attribute ``kind`` and ``item``); edges are the flows between
touchpoints (attribute ``kind="flow"`` and ``item``). Orders that a graph cannot hold (stages
left to right, touchpoints within a stage, personas) live in lists beside it. Every mutation
checks its input, changes the model, then emits one :class:`Change` on ``changed``; nothing
else writes to the model.
"""

from __future__ import annotations

import dataclasses
import secrets
from typing import Any

import networkx as nx

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.comments import Comment
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal
from cjo_desktop.domain.fields import build
from cjo_desktop.domain.journey_checks import A, ChecksMixin, N
from cjo_desktop.domain.journey_comments import CommentsMixin
from cjo_desktop.domain.journey_lanes import LanesMixin
from cjo_desktop.domain.journey_metrics_painpoints import MetricsPainPointsMixin
from cjo_desktop.domain.metrics import Snapshot
from cjo_desktop.domain.model import (
    KIND_OF,
    Emotion,
    Flow,
    Item,
    Kind,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.painpoints import PainPointSettings

FlowKey = tuple[str, str | None]

_ID_PREFIX = {
    Kind.STAGE: "st",
    Kind.TOUCHPOINT: "tp",
    Kind.EMOTION: "em",
    Kind.PERSONA: "pe",
    Kind.PAIN_POINT: "pp",
    Kind.OPPORTUNITY: "op",
    Kind.LANE: "ln",
    Kind.FREE_CARD: "fc",
}


class Journey(MetricsPainPointsMixin, CommentsMixin, LanesMixin, ChecksMixin):
    """One journey map. Pure Python; safe to use from scripts and notebooks.

    The ``add_...`` methods take the item's required fields, ``id`` (a fresh one when
    ``None``) and any other field of the item class by name, e.g. ``owner=`` of a
    :class:`Touchpoint`; :meth:`add_item` adds an item built whole.
    """

    def __init__(self, title: str = "Untitled journey", description: str = "") -> None:
        self._graph: nx.DiGraph = nx.DiGraph()
        self._stage_order: list[str] = []
        self._touchpoint_order: dict[str, list[str]] = {}
        self._persona_order: list[str] = []
        self._emotions_of: dict[str, list[str]] = {}
        self._dropoffs: dict[str, Flow] = {}
        self._snapshots: dict[str, Snapshot] = {}
        self._notes_of: dict[str, list[str]] = {}  # touchpoint -> its pain points, opportunities
        self._settings = PainPointSettings()
        self._comments: dict[str, Comment] = {}
        self._lane_order: list[str] = []
        self._free_card_order: list[str] = []
        self._standard_lanes()
        self._title = self.check_title(title)
        self._description = self.check_description(description)
        self.changed: Signal[Change] = Signal()

    # ------------------------------------------------------------------ reading
    @property
    def title(self) -> str:
        return self._title

    @property
    def description(self) -> str:
        return self._description

    @property
    def graph(self) -> nx.DiGraph:
        """A read-only view of the graph: nodes are items, edges are flows."""
        return self._graph.copy(as_view=True)

    def flow_graph(self) -> nx.DiGraph:
        """Touchpoints and the flows between them, for path and cycle algorithms."""
        return self._graph.subgraph(t.id for t in self.touchpoints()).copy(as_view=True)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._graph

    def item(self, item_id: str) -> Item:
        try:
            item: Item = self._graph.nodes[item_id]["item"]
        except KeyError:
            raise JourneyError(f"no item with id {item_id!r}") from None
        return item

    def kind_of(self, item_id: str) -> Kind:
        return KIND_OF[type(self.item(item_id))]

    def stages(self) -> list[Stage]:
        return [self._graph.nodes[s]["item"] for s in self._stage_order]

    def stage(self, stage_id: str) -> Stage:
        return self._get(stage_id, Stage)

    def stage_index(self, stage_id: str) -> int:
        self.stage(stage_id)
        return self._stage_order.index(stage_id)

    def touchpoints(self, stage_id: str | None = None) -> list[Touchpoint]:
        """Touchpoints in journey order: stage by stage, each stage in its own order."""
        stage_ids = self._stage_order if stage_id is None else [self.stage(stage_id).id]
        nodes = self._graph.nodes
        return [nodes[t]["item"] for s in stage_ids for t in self._touchpoint_order[s]]

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        return self._get(touchpoint_id, Touchpoint)

    def touchpoint_index(self, touchpoint_id: str) -> int:
        """Position of the touchpoint within its stage."""
        tp = self.touchpoint(touchpoint_id)
        return self._touchpoint_order[tp.stage_id].index(tp.id)

    def emotions(self, touchpoint_id: str | None = None) -> list[Emotion]:
        """Emotions in journey order; at one touchpoint, by persona then id."""
        ids = [t.id for t in self.touchpoints()] if touchpoint_id is None else [touchpoint_id]
        nodes = self._graph.nodes
        out: list[Emotion] = []
        for tp in ids:
            self.touchpoint(tp)
            items = [nodes[e]["item"] for e in self._emotions_of.get(tp, [])]
            out.extend(sorted(items, key=lambda e: (e.persona_id or "", e.id)))
        return out

    def emotion(self, emotion_id: str) -> Emotion:
        return self._get(emotion_id, Emotion)

    def personas(self) -> list[Persona]:
        return [self._graph.nodes[p]["item"] for p in self._persona_order]

    def persona(self, persona_id: str) -> Persona:
        return self._get(persona_id, Persona)

    def flows(self) -> list[Flow]:
        """All flows and drop-offs, sorted by (source, target) with drop-offs last."""
        flows = [d["item"] for _, _, d in self._graph.edges(data=True)]
        flows.extend(self._dropoffs.values())
        return sorted(flows, key=_flow_sort_key)

    def flow(self, source: str, target: str | None) -> Flow:
        if target is None:
            if source in self._dropoffs:
                return self._dropoffs[source]
        elif self._graph.has_edge(source, target):
            flow: Flow = self._graph.edges[source, target]["item"]
            return flow
        raise JourneyError(f"no flow from {source!r} to {target!r}")

    def has_flow(self, source: str, target: str | None) -> bool:
        if target is None:
            return source in self._dropoffs
        return bool(self._graph.has_edge(source, target))

    def flows_of(self, touchpoint_id: str) -> list[Flow]:
        """Every flow into or out of a touchpoint, its drop-off included."""
        g = self._graph
        edges = list(g.in_edges(touchpoint_id, data="item"))
        edges += [e for e in g.out_edges(touchpoint_id, data="item") if e[0] != e[1]]
        flows = [item for _, _, item in edges]
        if touchpoint_id in self._dropoffs:
            flows.append(self._dropoffs[touchpoint_id])
        return sorted(flows, key=_flow_sort_key)

    def new_id(self, kind: Kind) -> str:
        """A fresh id such as ``tp-3f9a1c``; random so that two editors rarely collide on merge."""
        while True:
            candidate = f"{_ID_PREFIX[kind]}-{secrets.token_hex(3)}"
            if candidate not in self._graph:
                return candidate

    def state(self) -> tuple[Any, ...]:
        """Everything that defines the map, in canonical order: equal snapshots, equal maps."""
        return (
            self._title,
            self._description,
            tuple(self.personas()),
            tuple(self.stages()),
            tuple(self.touchpoints()),
            tuple(self.emotions()),
            tuple(self.flows()),
            tuple(self.metric_snapshots()),
            tuple(self.pain_points()),
            tuple(self.opportunities()),
            self._settings,
            tuple(self.comments()),
            tuple(self.lanes()),
            tuple(self.free_cards()),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Journey):
            return NotImplemented
        return self.state() == other.state()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (
            f"<Journey {self._title!r}: {len(self._stage_order)} stages, "
            f"{self._graph.number_of_nodes()} items, {len(self.flows())} flows>"
        )

    # ------------------------------------------------------------ journey fields
    def set_title(self, title: str) -> None:
        old, self._title = self._title, self.check_title(title)
        self.changed.emit(Change("update", "journey", "title", old, self._title))

    def set_description(self, description: str) -> None:
        old, self._description = self._description, self.check_description(description)
        self.changed.emit(Change("update", "journey", "description", old, self._description))

    # ------------------------------------------------------------- adding items
    def add_item(self, item: A, index: int | None = None) -> A:
        """Add an item built whole, id and all (undo, paste, loading, copies), at ``index`` in
        its order: stages, personas, the touchpoints of a stage (the end when ``None``)."""
        item, index = self._check_add(item, index)
        if isinstance(item, Flow):
            if item.target is None:
                self._dropoffs[item.source] = item
            else:
                self._graph.add_edge(item.source, item.target, kind="flow", item=item)
            self.changed.emit(Change("add", "flow", item.key, None, item))
            return item
        kind = KIND_OF[type(item)]
        if isinstance(item, PainPoint | Opportunity):
            self._attach(item, kind)
            return item
        self._graph.add_node(item.id, kind=kind.value, item=item)
        if isinstance(item, Emotion):
            self._emotions_of.setdefault(item.touchpoint_id, []).append(item.id)
        else:
            order = self._order_of(item)
            assert order is not None and index is not None
            order.insert(index, item.id)
            if isinstance(item, Stage):
                self._touchpoint_order[item.id] = []
        self.changed.emit(Change("add", kind, item.id, None, item, index))
        return item

    def _new(self, cls: type[N], item_id: str | None, **values: Any) -> N:
        """An item of ``cls`` with a fresh id when ``item_id`` is None; unchecked."""
        kind = KIND_OF[cls]
        item_id = self.new_id(kind) if item_id is None else item_id
        return build(cls, kind.value, {"id": item_id, **values})

    # -------------------------------------------------------------------- stages
    def add_stage(
        self, name: str, *, index: int | None = None, id: str | None = None, **fields: Any
    ) -> Stage:
        return self.add_item(self._new(Stage, id, name=name, **fields), index)

    def remove_stage(self, stage_id: str) -> Stage:
        """Remove an empty stage; move or remove its touchpoints first."""
        stage = self.stage(stage_id)
        if self._touchpoint_order[stage_id]:
            raise JourneyError(f"stage {stage.name!r} still has touchpoints")
        if self.free_cards(stage_id=stage_id):
            raise JourneyError(f"stage {stage.name!r} still has free cards")
        index = self._stage_order.index(stage_id)
        self._stage_order.pop(index)
        del self._touchpoint_order[stage_id]
        self._graph.remove_node(stage_id)
        self.changed.emit(Change("remove", Kind.STAGE, stage_id, stage, None, index))
        return stage

    def move_stage(self, stage_id: str, index: int) -> None:
        """Move a stage so that it ends at ``index`` in the stage order."""
        stage = self.stage(stage_id)
        index = check.insert_index(index, len(self._stage_order) - 1)
        self._stage_order.remove(stage_id)
        self._stage_order.insert(index, stage_id)
        self.changed.emit(Change("move", Kind.STAGE, stage_id, stage, stage, index))

    # --------------------------------------------------------------- touchpoints
    def add_touchpoint(
        self,
        stage_id: str,
        name: str,
        *,
        index: int | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> Touchpoint:
        tp = self._new(Touchpoint, id, name=name, stage_id=stage_id, **fields)
        return self.add_item(tp, index)

    def remove_touchpoint(self, touchpoint_id: str, *, cascade: bool = False) -> Touchpoint:
        """Remove a touchpoint. Its emotions, flows, pain points and opportunities go too with
        ``cascade``, free cards stop supporting it, and the pain-point goal is cleared if it is
        the goal; else they must be gone already (so an undo command can restore each one)."""
        tp = self.touchpoint(touchpoint_id)
        flows, emotions = self.flows_of(tp.id), self._emotions_of.get(tp.id, [])
        is_goal = self._settings.goal == tp.id
        supported = self.supporting(tp.id)
        if not cascade and (flows or emotions or self._notes_of.get(tp.id) or is_goal or supported):
            raise JourneyError(
                f"touchpoint {tp.name!r} still has emotions, flows, pain points or free cards "
                "supporting it, or is the goal"
            )
        for card in supported:
            self.update(card.id, supports=tuple(t for t in card.supports if t != tp.id))
        if is_goal:
            self.set_painpoint_settings(dataclasses.replace(self._settings, goal=None))
        for flow in flows:
            self.remove_flow(flow.source, flow.target)
        for emotion_id in list(emotions):
            self.remove_emotion(emotion_id)
        for opportunity in self.opportunities(tp.id):
            self.remove_opportunity(opportunity.id)
        for pain_point in self.pain_points(tp.id):
            self.remove_pain_point(pain_point.id)
        order = self._touchpoint_order[tp.stage_id]
        index = order.index(tp.id)
        order.pop(index)
        self._emotions_of.pop(tp.id, None)
        self._notes_of.pop(tp.id, None)
        self._graph.remove_node(tp.id)
        self.changed.emit(Change("remove", Kind.TOUCHPOINT, tp.id, tp, None, index))
        return tp

    def move_touchpoint(self, touchpoint_id: str, stage_id: str, index: int | None = None) -> None:
        """Move a touchpoint to ``index`` within ``stage_id`` (the end when ``None``)."""
        old = self.touchpoint(touchpoint_id)
        self.stage(stage_id)
        order = self._touchpoint_order[stage_id]
        index = check.insert_index(index, len(order) - (stage_id == old.stage_id))
        self._touchpoint_order[old.stage_id].remove(old.id)
        order.insert(index, old.id)
        new = dataclasses.replace(old, stage_id=stage_id)
        self._graph.nodes[old.id]["item"] = new
        self.changed.emit(Change("move", Kind.TOUCHPOINT, old.id, old, new, index))

    # ------------------------------------------------------------------ emotions
    def add_emotion(
        self, touchpoint_id: str, valence: int, *, id: str | None = None, **fields: Any
    ) -> Emotion:
        """``persona_id=None`` (the default) is how everyone feels."""
        emotion = self._new(Emotion, id, touchpoint_id=touchpoint_id, valence=valence, **fields)
        return self.add_item(emotion)

    def remove_emotion(self, emotion_id: str) -> Emotion:
        emotion = self.emotion(emotion_id)
        self._emotions_of[emotion.touchpoint_id].remove(emotion_id)
        self._graph.remove_node(emotion_id)
        self.changed.emit(Change("remove", Kind.EMOTION, emotion_id, emotion, None))
        return emotion

    # ------------------------------------------------------------------ personas
    def add_persona(
        self, name: str, *, id: str | None = None, index: int | None = None, **fields: Any
    ) -> Persona:
        return self.add_item(self._new(Persona, id, name=name, **fields), index)

    def remove_persona(self, persona_id: str) -> Persona:
        """Remove a persona that no emotion refers to."""
        persona = self.persona(persona_id)
        if any(e.persona_id == persona_id for e in self.emotions()):
            raise JourneyError(f"persona {persona.name!r} still has emotions")
        if any(persona_id in t.personas for t in self.touchpoints()):
            raise JourneyError(f"persona {persona.name!r} is still marked on touchpoints")
        index = self._persona_order.index(persona_id)
        self._persona_order.pop(index)
        self._graph.remove_node(persona_id)
        self.changed.emit(Change("remove", Kind.PERSONA, persona_id, persona, None, index))
        return persona

    # --------------------------------------------------------------------- flows
    def add_flow(self, source: str, target: str | None, **fields: Any) -> Flow:
        """Link two touchpoints (``target=None`` records a drop-off at ``source``)."""
        return self.add_item(build(Flow, "flow", {"source": source, "target": target, **fields}))

    def remove_flow(self, source: str, target: str | None) -> Flow:
        flow = self.flow(source, target)
        if target is None:
            del self._dropoffs[source]
        else:
            self._graph.remove_edge(source, target)
        self.changed.emit(Change("remove", "flow", flow.key, flow, None))
        return flow

    def update_flow(self, source: str, target: str | None, **changes: Any) -> Flow:
        """Change a flow's ``count`` or ``label``."""
        new = self.check_update_flow(source, target, **changes)
        old = self.flow(source, target)
        if target is None:
            self._dropoffs[source] = new
        else:
            self._graph.edges[source, target]["item"] = new
        self.changed.emit(Change("update", "flow", new.key, old, new))
        return new

    # ------------------------------------------------------------ generic edits
    def update(self, item_id: str, **changes: Any) -> Item:
        """Set fields of any item (``rename`` is ``name=``).

        Ids and containment (a touchpoint's stage, an emotion's touchpoint) are not fields:
        use :meth:`move_touchpoint`, or remove and add.
        """
        old = self.item(item_id)
        new = self.check_update(item_id, **changes)
        self._graph.nodes[item_id]["item"] = new
        self.changed.emit(Change("update", KIND_OF[type(new)], item_id, old, new))
        return new

    def rename(self, item_id: str, name: str) -> Item:
        return self.update(item_id, name=name)

    def copy(self) -> Journey:
        """An independent journey with the same content (no listeners)."""
        from cjo_desktop.domain.clone import clone

        return clone(self, dict(self._snapshots))

    # ------------------------------------------------------------------ helpers
    def _get(self, item_id: str, cls: type[N]) -> N:
        item = self.item(item_id)
        if not isinstance(item, cls):
            raise JourneyError(
                f"{item_id!r} is a {KIND_OF[type(item)].value}, not a {KIND_OF[cls].value}"
            )
        return item


def _flow_sort_key(flow: Flow) -> tuple[str, bool, str]:
    return (flow.source, flow.target is None, flow.target or "")
