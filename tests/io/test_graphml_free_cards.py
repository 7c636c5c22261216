"""Free cards in the exports: GraphML carries each as a node of kind "free card" (its text as
the name, its lane, stage, owner and link) with a "supports" edge to each touchpoint it
supports, and yEd draws them as the editor does (dotted links without arrowheads); Mermaid's
journey diagram has no place for them and leaves them out."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx

from cjo_desktop.domain import Journey
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.drawing.graph_drawing import map_drawing
from cjo_desktop.drawing.layout import compute_layout
from cjo_desktop.io.exports.graphml import EXIT_NODE, graphml_bytes
from cjo_desktop.io.exports.mermaid import to_mermaid
from cjo_desktop.io.exports.yed import NS_Y
from cjo_desktop.palette import SUPPORT_LINK

G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{" + NS_Y + "}"


def shop() -> Journey:
    j = Journey("Shop")
    j.add_stage("Buy", id="buy")
    j.add_stage("Delivery", id="get")
    j.add_touchpoint("buy", "Checkout", id="checkout", channel="web")
    j.add_touchpoint("get", "Delivery tracking", id="track", channel="email")
    j.add_item(Lane("back", "Backstage actions", "backstage"), 1)
    j.add_item(Lane("old", "Old notes", "text", hidden=True))
    j.add_item(
        FreeCard(
            "pick",
            "get",
            "back",
            "Warehouse pick",
            owner="Warehouse",
            link="https://wiki.example.com/pick",
            supports=("track", "checkout"),
            evidence=Evidence("assumed"),
        )
    )
    j.add_item(FreeCard("note", "buy", "old", "Hidden note", supports=("checkout",)))
    return j


def test_free_cards_are_nodes_with_supports_edges() -> None:
    g = nx.read_graphml(io.BytesIO(graphml_bytes(shop())))
    pick = g.nodes["pick"]
    assert pick["kind"] == "free card" and pick["name"] == "Warehouse pick"
    assert (pick["lane"], pick["stage"]) == ("Backstage actions", "Delivery")
    assert (pick["owner"], pick["link"]) == ("Warehouse", "https://wiki.example.com/pick")
    assert pick["evidence"] == "assumed"
    assert g.edges["pick", "track"]["kind"] == "supports"
    assert g.edges["pick", "checkout"]["kind"] == "supports"
    assert g.nodes["note"]["lane"] == "Old notes"  # a hidden lane's card is in the data too
    assert g.edges["note", "checkout"]["kind"] == "supports"


def test_yed_draws_them_as_the_editor_does() -> None:
    j = shop()
    layout = compute_layout(j)
    root = ET.fromstring(graphml_bytes(j, map_drawing(j, EXIT_NODE, layout)))
    nodes = {n.get("id"): n for n in root.iter(G + "node")}
    geometry = nodes["pick"].find(f"{G}data/{Y}ShapeNode/{Y}Geometry")
    assert geometry is not None
    box = layout.free_cards["pick"]
    assert [float(geometry.get(k, "nan")) for k in ("x", "y", "width", "height")] == [
        box.x,
        box.y,
        box.w,
        box.h,
    ]
    assert nodes["note"].find(f"{G}data/{Y}ShapeNode") is not None  # placed under the map
    edges = {(e.get("source"), e.get("target")): e for e in root.iter(G + "edge")}
    line = edges[("pick", "track")].find(f"{G}data/{Y}PolyLineEdge")
    assert line is not None
    style, arrows = line.find(Y + "LineStyle"), line.find(Y + "Arrows")
    assert style is not None and arrows is not None
    assert (style.get("color"), style.get("type")) == (SUPPORT_LINK, "dashed")
    assert arrows.get("target") == "none"  # never read as customers moving
    flow_free = edges[("note", "checkout")].find(f"{G}data/{Y}PolyLineEdge/{Y}Arrows")
    assert flow_free is not None and flow_free.get("target") == "none"


def test_mermaid_leaves_free_cards_out() -> None:
    j = shop()
    text = to_mermaid(j)
    assert "Warehouse pick" not in text and "Checkout" in text
