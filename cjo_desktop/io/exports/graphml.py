"""GraphML export: the whole map as one graph, so graph tools see structure and flows alike.

Nodes carry ``kind`` (stage, touchpoint, emotion, persona, free card, exit) and ``name``;
touchpoints carry ``stage`` (the stage's name) and ``channel``; emotions carry ``valence``; free
cards (the team's cards in a stage-by-lane cell) carry their text as ``name``, ``lane`` and
``stage`` (names), ``owner``, ``link`` and ``colour``. Edges carry ``kind`` (``flow``,
``dropoff``, ``contains``, ``emotion``, ``persona``, and ``supports`` from a free card to each
touchpoint it supports) and, on flows with a known volume, ``count``. Touchpoints carry one
``metric:<name>`` attribute per metric of the latest snapshot. Drop-offs point at one node of
kind ``exit`` whose id cannot clash with a map id. Touchpoints, free cards and emotions with
stated evidence carry ``evidence`` (observed, assumed or proposed) and, where given,
``evidence_source``; stages, touchpoints, free cards, emotions and flows with open comments
carry ``open_comments`` (their count; the texts stay in the native file).
Touchpoints used by some personas only carry ``personas``: their names, comma-joined (no
attribute: every persona uses it).

Given the map's drawing (:mod:`cjo_desktop.io.exports.yed`), every node and edge also carries
yEd's graphics, so yEd opens the map laid out as the editor draws it; the data stays the same.

Text is written as the map shows it (:func:`cjo_desktop.domain.shown.shown`): a control
character in a name, which XML 1.0 cannot hold, appears as its visible symbol, so the file is
always well-formed XML; tabs, line breaks and carriage returns come back exactly.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import flow_target
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.shown import shown
from cjo_desktop.io.exports.yed import GraphDrawing, add_drawing
from cjo_desktop.io.files import write_atomic

EXIT_NODE = "_dropoff"


def _evidence(item: object) -> dict[str, object]:
    """``evidence`` and ``evidence_source`` where the item states them."""
    stated: Evidence | None = getattr(item, "evidence", None)
    if stated is None:
        return {}
    out: dict[str, object] = {"evidence": stated.status}
    if stated.source_kind is not None:
        out["evidence_source"] = f"{stated.source_kind}: {stated.source}"
    return out


def to_graph(journey: Journey) -> nx.DiGraph:
    g = nx.DiGraph(title=journey.title)
    talk = journey.open_comments_by_target()

    def comments(target: str) -> dict[str, object]:
        return {"open_comments": talk[target]} if talk.get(target) else {}

    for persona in journey.personas():
        g.add_node(persona.id, kind="persona", name=persona.name, description=persona.description)
    stage_names = {}
    for order, stage in enumerate(journey.stages()):
        stage_names[stage.id] = stage.name
        g.add_node(
            stage.id,
            kind="stage",
            name=stage.name,
            description=stage.description,
            order=order,
            **comments(stage.id),
        )
    snapshots = journey.metric_snapshots()
    latest = snapshots[-1] if snapshots else None
    persona_names = {p.id: p.name for p in journey.personas()}
    for tp in journey.touchpoints():
        metrics = {}
        used_by = {"personas": ", ".join(persona_names[p] for p in tp.personas)}
        if latest is not None:  # one attribute per metric of the latest import
            for name, value in latest.values.get(tp.id, {}).items():
                if value.value is not None:
                    metrics[f"metric:{shown(name)}"] = float(value.value)
        g.add_node(
            tp.id,
            kind="touchpoint",
            name=tp.name,
            stage=stage_names[tp.stage_id],
            channel=tp.channel,
            description=tp.description,
            owner=tp.owner,
            tags=", ".join(tp.tags),
            **metrics,
            **(used_by if tp.personas else {}),
            **_evidence(tp),
            **comments(tp.id),
        )
        g.add_edge(tp.stage_id, tp.id, kind="contains")
    for emotion in journey.emotions():
        g.add_node(
            emotion.id,
            kind="emotion",
            name=emotion.display_label,
            valence=emotion.valence,
            touchpoint=emotion.touchpoint_id,
            **_evidence(emotion),
            **comments(emotion.id),
        )
        g.add_edge(emotion.touchpoint_id, emotion.id, kind="emotion")
        if emotion.persona_id is not None:
            g.add_edge(emotion.persona_id, emotion.id, kind="persona")
    lanes = {lane.id: lane.name for lane in journey.lanes()}
    for card in journey.free_cards():
        g.add_node(
            card.id,
            kind="free card",
            name=card.text,
            lane=lanes[card.lane_id],
            stage=stage_names[card.stage_id],
            owner=card.owner,
            link=card.link,
            colour=card.colour,
            **_evidence(card),
            **comments(card.id),
        )
        for tp_id in card.supports:
            g.add_edge(card.id, tp_id, kind="supports")
    for flow in journey.flows():
        target = flow.target
        if target is None:
            target = EXIT_NODE
            g.add_node(EXIT_NODE, kind="exit", name="Drop-off")
        attrs: dict[str, object] = {"kind": "dropoff" if flow.is_dropoff else "flow"}
        if flow.count is not None:
            attrs["count"] = flow.count
        if flow.label:
            attrs["label"] = flow.label
        attrs.update(comments(flow_target(flow.source, flow.target)))
        g.add_edge(flow.source, target, **attrs)
    _show_text(g)
    return g


def _show_text(g: nx.DiGraph) -> None:
    """Every text attribute as :func:`shown` draws it: nothing XML 1.0 cannot hold."""
    for attrs in [
        g.graph,
        *(a for _, a in g.nodes(data=True)),
        *(a for *_, a in g.edges(data=True)),
    ]:
        for key, value in attrs.items():
            if isinstance(value, str):
                attrs[key] = shown(value)


def graphml_bytes(journey: Journey, drawing: GraphDrawing | None = None) -> bytes:
    """The file's bytes; with ``drawing``, yEd's graphics too (the data keys do not change)."""
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)  # what nx.write_graphml uses
    writer.add_graph_element(to_graph(journey))
    if drawing is not None:
        add_drawing(writer.xml, drawing)
    buffer = io.BytesIO()
    writer.dump(buffer)
    # A raw CR in element text would be read back as LF (XML's end-of-line handling); as a
    # character reference it survives. Markup itself never holds a CR.
    return buffer.getvalue().replace(b"\r", b"&#13;")


def write_graphml(journey: Journey, path: Path, drawing: GraphDrawing | None = None) -> None:
    write_atomic(path, graphml_bytes(journey, drawing))
