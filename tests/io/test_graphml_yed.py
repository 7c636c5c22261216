"""GraphML with yEd's drawing: the same data as before for networkx and every graph tool, and
for yEd a node per card at its drawn rectangle and an edge per arrow along its drawn route."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.graph_drawing import Box, Line, map_drawing
from cjo_desktop.drawing.layout import compute_layout
from cjo_desktop.drawing.routing import label_text
from cjo_desktop.io.exports.graphml import EXIT_NODE, graphml_bytes, to_graph
from cjo_desktop.io.exports.yed import INVISIBLE, NS_Y
from cjo_desktop.io.files import load_map

ROOT = Path(__file__).parents[2] / "resources"
MAPS = [
    ROOT / "examples" / "outdoor-gear-shop.cjo.json",
    *sorted(ROOT.glob("templates/*.cjo.json")),
]
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{" + NS_Y + "}"
#: What networkx folds out of yEd's graphics into a node's or an edge's attributes.
YED_EXTRAS = {"x", "y", "label", "shape_type"}


@pytest.fixture(scope="module", params=MAPS, ids=lambda p: p.name.split(".")[0])
def journey(request: pytest.FixtureRequest) -> Journey:
    return load_map(request.param)


def drawn(journey: Journey) -> bytes:
    return graphml_bytes(journey, map_drawing(journey, EXIT_NODE))


def test_without_a_drawing_the_file_is_what_networkx_writes(journey: Journey) -> None:
    buffer = io.BytesIO()
    # the writer without lxml, which the export uses whether or not lxml is installed
    nx.write_graphml_xml(to_graph(journey), buffer, encoding="utf-8", prettyprint=True)
    assert graphml_bytes(journey) == buffer.getvalue().replace(b"\r", b"&#13;")


def test_networkx_reads_the_same_data_back(journey: Journey) -> None:
    plain = nx.read_graphml(io.BytesIO(graphml_bytes(journey)))
    both = nx.read_graphml(io.BytesIO(drawn(journey)))
    assert set(both.nodes) == set(plain.nodes) and set(both.edges) == set(plain.edges)
    assert both.graph == plain.graph
    for node, attrs in plain.nodes(data=True):
        got = both.nodes[node]
        assert {k: got[k] for k in attrs} == attrs  # every value as before, typed as before
        assert set(got) - set(attrs) <= YED_EXTRAS
    for u, v, attrs in plain.edges(data=True):
        got = both.edges[u, v]
        assert {k: got[k] for k in attrs} == attrs  # a flow's own label wins over yEd's
        assert set(got) - set(attrs) <= YED_EXTRAS


def test_the_file_declares_what_yed_expects(journey: Journey) -> None:
    text = drawn(journey)
    assert b'xmlns:y="http://www.yworks.com/xml/graphml"' in text
    root = ET.fromstring(text)
    assert root.tag == G + "graphml"
    keys = {k.get("id"): k for k in root.findall(G + "key")}
    kinds = {(k.get("for"), k.get("yfiles.type")) for k in keys.values()}
    assert {("node", "nodegraphics"), ("edge", "edgegraphics")} <= kinds
    assert len(keys) == len(root.findall(G + "key"))  # ids unique
    children = [child.tag for child in root]
    assert children.index(G + "graph") > max(i for i, t in enumerate(children) if t == G + "key")
    for data in root.iter(G + "data"):
        assert data.get("key") in keys
    graphics = {k for k, key in keys.items() if key.get("yfiles.type")}
    for element in [*root.iter(G + "node"), *root.iter(G + "edge")]:
        mine = [d for d in element.findall(G + "data") if d.get("key") in graphics]
        assert len(mine) == 1 and element.findall(G + "data")[0] is mine[0]


def test_every_card_is_a_node_at_its_drawn_rectangle_with_its_name(journey: Journey) -> None:
    layout = compute_layout(journey)
    root = ET.fromstring(drawn(journey))
    nodes = {n.get("id"): n for n in root.iter(G + "node")}
    for tp in journey.touchpoints():
        shape = nodes[tp.id].find(f"{G}data/{Y}ShapeNode")
        assert shape is not None
        geometry = shape.find(Y + "Geometry")
        assert geometry is not None
        got = tuple(float(geometry.get(k, "nan")) for k in ("x", "y", "width", "height"))
        card = layout.cards[tp.id]
        assert got == pytest.approx((card.x, card.y, card.w, card.h), abs=1e-3)
        label = shape.find(Y + "NodeLabel")
        assert label is not None and label.text == shown(tp.name)
    for node in nodes.values():  # every node of the graph has a place in yEd
        assert node.find(f"{G}data/{Y}ShapeNode/{Y}Geometry") is not None


def _ends(edge: ET.Element, boxes: dict[str, tuple[float, ...]]) -> list[tuple[float, float]]:
    """The edge's polyline in scene coordinates, as yEd reads it: ports relative to the
    node centres, bends absolute."""
    path = edge.find(f"{G}data/{Y}PolyLineEdge/{Y}Path")
    assert path is not None
    sx, sy, w, h = boxes[edge.get("source", "")]
    tx, ty, tw, th = boxes[edge.get("target", "")]
    start = (sx + w / 2 + float(path.get("sx", "nan")), sy + h / 2 + float(path.get("sy", "nan")))
    end = (tx + tw / 2 + float(path.get("tx", "nan")), ty + th / 2 + float(path.get("ty", "nan")))
    bends = [
        (float(p.get("x", "nan")), float(p.get("y", "nan"))) for p in path.findall(Y + "Point")
    ]
    return [start, *bends, end]


def test_every_edge_starts_and_ends_on_its_nodes_border_or_centre(journey: Journey) -> None:
    root = ET.fromstring(drawn(journey))
    boxes = {}
    for node in root.iter(G + "node"):
        g = node.find(f"{G}data/{Y}ShapeNode/{Y}Geometry")
        assert g is not None
        boxes[node.get("id", "")] = tuple(
            float(g.get(k, "nan")) for k in ("x", "y", "width", "height")
        )

    def on_box(p: tuple[float, float], box: tuple[float, ...]) -> bool:
        x, y, w, h = box
        if p == pytest.approx((x + w / 2, y + h / 2), abs=1e-3):
            return True
        inside = x - 1e-3 <= p[0] <= x + w + 1e-3 and y - 1e-3 <= p[1] <= y + h + 1e-3
        gap = min(abs(p[0] - x), abs(p[0] - x - w), abs(p[1] - y), abs(p[1] - y - h))
        return inside and gap <= 1e-3

    edges = root.findall(f"{G}graph/{G}edge")
    assert len(edges) == to_graph(journey).number_of_edges()
    for edge in edges:
        points = _ends(edge, boxes)
        assert on_box(points[0], boxes[edge.get("source", "")]), edge.attrib
        assert on_box(points[-1], boxes[edge.get("target", "")]), edge.attrib


def test_arrows_carry_the_editors_route_and_count(journey: Journey) -> None:
    drawing = map_drawing(journey, EXIT_NODE)
    root = ET.fromstring(graphml_bytes(journey, drawing))
    boxes = {k: (b.x, b.y, b.w, b.h) for k, b in drawing.nodes.items()}
    edges = {(e.get("source"), e.get("target")): e for e in root.iter(G + "edge")}
    for flow in journey.flows():
        key = (flow.source, flow.target or EXIT_NODE)
        edge = edges[key]
        flat = [c for point in _ends(edge, boxes) for c in point]
        want = [c for point in drawing.edges[key].points for c in point]
        assert flat == pytest.approx(want, abs=1e-3)
        label = edge.find(f"{G}data/{Y}PolyLineEdge/{Y}EdgeLabel")
        if label_text(flow):
            assert label is not None and label.text == label_text(flow)
        else:
            assert label is None
        style = edge.find(f"{G}data/{Y}PolyLineEdge/{Y}LineStyle")
        assert style is not None and style.get("color") != INVISIBLE
        assert style.get("type") == ("dashed" if flow.is_dropoff else "line")


@dataclass(frozen=True)
class Plain:
    """A drawing given as nothing but plain data, as any caller may pass it."""

    nodes: dict[str, Box]
    edges: dict[tuple[str, str], Line]


def test_names_yed_shows_are_xml_safe_and_line_breaks_survive() -> None:
    j = Journey("t")
    stage = j.add_stage("s\x01")
    a = j.add_touchpoint(stage.id, "a\r\nb\x07", id="tp-a")
    b = j.add_touchpoint(stage.id, "b", id="tp-b")
    j.add_flow(a.id, b.id, count=12345, label="x\x02")
    drawing = Plain(
        {
            stage.id: Box(0, 0, 10, 10, "s\x01"),
            a.id: Box(0, 20, 10, 10, "a\r\nb\x07"),
            b.id: Box(40, 20, 10, 10, "b"),
        },
        {(a.id, b.id): Line(((10, 25), (25, 5), (40, 25)), "12\N{THIN SPACE}345")},
    )
    text = graphml_bytes(j, drawing)
    root = ET.fromstring(text)  # well-formed, although the names hold control characters
    labels = [n.text for n in root.iter(Y + "NodeLabel")]
    assert shown("a\r\nb\x07") in labels and shown("s\x01") in labels
    edge = next(
        e for e in root.iter(G + "edge") if (e.get("source"), e.get("target")) == (a.id, b.id)
    )
    path = edge.find(f"{G}data/{Y}PolyLineEdge/{Y}Path")
    assert path is not None
    assert [path.get(k) for k in ("sx", "sy", "tx", "ty")] == ["5.0", "0.0", "-5.0", "0.0"]
    assert [(p.get("x"), p.get("y")) for p in path.findall(Y + "Point")] == [("25.0", "5.0")]
    # edges and nodes not in the drawing are written as before, without graphics
    contains = [e for e in root.iter(G + "edge") if e.get("target") == a.id]
    assert contains and contains[0].find(f"{G}data/{Y}PolyLineEdge") is None
    again = nx.read_graphml(io.BytesIO(text))
    assert again.nodes[a.id]["name"] == shown("a\r\nb\x07")
    assert again.edges[a.id, b.id]["label"] == shown("x\x02")
