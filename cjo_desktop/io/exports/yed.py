"""yEd's GraphML extension: the map's drawing next to its data, so yEd opens it as drawn.

The writer takes the drawing as plain data (boxes, polylines, label texts and colours) through
the protocols below, so io never needs to know how the map is laid out: the caller that has
the drawing (``cjo export``) computes it with :mod:`cjo_desktop.drawing` and passes it in.

Each node gets a ``y:ShapeNode`` with its ``y:Geometry`` and ``y:NodeLabel``; each edge a
``y:PolyLineEdge`` whose ``y:Path`` holds the end points relative to the node centres
(``sx sy tx ty``) and one ``y:Point`` per bend. The graphics ``<data>`` comes first in every
element, so a reader that folds yEd's label into a ``label`` attribute (networkx does) still
ends with the map's own ``label`` where there is one.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Protocol
from xml.etree.ElementTree import Element, SubElement

from cjo_desktop.domain.shown import shown
from cjo_desktop.palette import PAPER, UNSEEN

NS_Y = "http://www.yworks.com/xml/graphml"
YED_SCHEMA = (
    "http://graphml.graphdrawing.org/xmlns "
    "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
)
#: A line yEd keeps but does not show: data edges the editor does not draw either.
INVISIBLE = UNSEEN

Point = tuple[float, float]


class NodeGraphics(Protocol):
    """A node as drawn: its box, its text and its colours."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def w(self) -> float: ...
    @property
    def h(self) -> float: ...
    @property
    def label(self) -> str: ...
    @property
    def shape(self) -> str: ...  # yEd's shape type: rectangle, roundrectangle, ellipse
    @property
    def fill(self) -> str: ...
    @property
    def border(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def font_px(self) -> int: ...


class EdgeGraphics(Protocol):
    """An edge as drawn: its polyline (first and last point on its end nodes), its text."""

    @property
    def points(self) -> Sequence[Point]: ...
    @property
    def label(self) -> str: ...
    @property
    def colour(self) -> str | None: ...  # None: kept but not shown
    @property
    def width(self) -> float: ...
    @property
    def dashed(self) -> bool: ...
    @property
    def label_near_source(self) -> bool: ...
    @property
    def arrow(self) -> bool: ...  # an arrowhead at the target (flows); none on a free card's link


class GraphDrawing(Protocol):
    @property
    def nodes(self) -> Mapping[str, NodeGraphics]: ...
    @property
    def edges(self) -> Mapping[tuple[str, str], EdgeGraphics]: ...


def _num(value: float) -> str:
    return repr(round(float(value), 3))


def add_drawing(root: Element, drawing: GraphDrawing) -> None:
    """Add yEd's keys and one graphics ``<data>`` per drawn node and edge to the GraphML tree
    ``root`` as networkx builds it (plain tag names, namespaces as attributes)."""
    graph = root.find("graph")
    if graph is None:
        raise ValueError("no graph element to draw")
    root.set("xmlns:y", NS_Y)
    root.set("xsi:schemaLocation", YED_SCHEMA)
    taken = {key.get("id") for key in root.findall("key")}
    free = (f"d{n}" for n in itertools.count() if f"d{n}" not in taken)
    node_key, edge_key = next(free), next(free)
    at = list(root).index(graph)
    root.insert(at, Element("key", {"for": "node", "id": node_key, "yfiles.type": "nodegraphics"}))
    root.insert(
        at + 1, Element("key", {"for": "edge", "id": edge_key, "yfiles.type": "edgegraphics"})
    )
    boxes: dict[str, NodeGraphics] = {}
    for node in graph.findall("node"):
        box = drawing.nodes.get(node.get("id", ""))
        if box is not None:
            boxes[node.get("id", "")] = box
            node.insert(0, _node_data(node_key, box))
    for edge in graph.findall("edge"):
        ends = (edge.get("source", ""), edge.get("target", ""))
        line = drawing.edges.get(ends)
        if line is not None and ends[0] in boxes and ends[1] in boxes:
            edge.insert(0, _edge_data(edge_key, line, boxes[ends[0]], boxes[ends[1]]))


def _node_data(key: str, box: NodeGraphics) -> Element:
    data = Element("data", key=key)
    node = SubElement(data, "y:ShapeNode")
    SubElement(
        node, "y:Geometry", x=_num(box.x), y=_num(box.y), width=_num(box.w), height=_num(box.h)
    )
    SubElement(node, "y:Fill", color=box.fill, transparent="false")
    SubElement(node, "y:BorderStyle", color=box.border, type="line", width="1.0")
    if box.label:
        label = SubElement(
            node,
            "y:NodeLabel",
            alignment="center",
            autoSizePolicy="content",
            fontFamily="Dialog",
            fontSize=str(box.font_px),
            fontStyle="plain",
            modelName="internal",
            modelPosition="c",
            textColor=box.text,
            visible="true",
        )
        label.text = shown(box.label)
    SubElement(node, "y:Shape", type=box.shape)
    return data


def _edge_data(key: str, line: EdgeGraphics, source: NodeGraphics, target: NodeGraphics) -> Element:
    (x0, y0), (x1, y1) = line.points[0], line.points[-1]
    data = Element("data", key=key)
    edge = SubElement(data, "y:PolyLineEdge")
    path = SubElement(
        edge,
        "y:Path",
        sx=_num(x0 - (source.x + source.w / 2)),
        sy=_num(y0 - (source.y + source.h / 2)),
        tx=_num(x1 - (target.x + target.w / 2)),
        ty=_num(y1 - (target.y + target.h / 2)),
    )
    for x, y in line.points[1:-1]:
        SubElement(path, "y:Point", x=_num(x), y=_num(y))
    colour = line.colour if line.colour is not None else INVISIBLE
    dash = "dashed" if line.dashed else "line"
    SubElement(edge, "y:LineStyle", color=colour, type=dash, width=_num(line.width))
    head = "standard" if line.colour is not None and line.arrow else "none"
    SubElement(edge, "y:Arrows", source="none", target=head)
    if line.label and line.colour is not None:
        label = SubElement(
            edge,
            "y:EdgeLabel",
            alignment="center",
            backgroundColor=PAPER,
            fontFamily="Dialog",
            fontSize="12",
            fontStyle="bold",
            modelName="six_pos" if line.label_near_source else "centered",
            modelPosition="tail" if line.label_near_source else "center",
            preferredPlacement="anywhere",
            textColor=colour,
            visible="true",
        )
        label.text = shown(line.label)
    SubElement(edge, "y:BendStyle", smoothed="false")
    return data
