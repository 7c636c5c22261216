"""GraphML carries what its format can hold of the anatomy: evidence as data on touchpoints and
emotions, open comments as counts on their elements (the texts stay in the native file), and the
personas a touchpoint is used by."""

from __future__ import annotations

import io

import networkx as nx

from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import Comment, flow_target
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.io.exports.graphml import graphml_bytes


def _comment(i: int, target: str, resolved: bool = False) -> Comment:
    return Comment(f"c{i}", target, "Ana", f"note {i}", "2026-12-08T00:00:00Z", resolved)


def test_graphml_carries_evidence_and_open_comment_counts() -> None:
    j = Journey("Anatomy")
    stage = j.add_stage("Buy", id="s").id
    j.add_touchpoint(stage, "Cart", id="cart")
    j.add_touchpoint(stage, "Pay", id="pay")
    j.add_flow("cart", "pay", count=10)
    feeling = j.add_emotion("cart", -1)
    j.update("cart", evidence=Evidence("observed", "snapshot", "Q1 survey"))
    j.update(feeling.id, evidence=Evidence("assumed"))
    for i, target in enumerate(["cart", "cart", "s", flow_target("cart", "pay")]):
        j.add_comment(_comment(i, target))
    j.add_comment(_comment(9, "pay", resolved=True))  # resolved: not counted

    g = nx.read_graphml(io.BytesIO(graphml_bytes(j)))
    cart, pay = g.nodes["cart"], g.nodes["pay"]
    assert (cart["evidence"], cart["evidence_source"]) == ("observed", "snapshot: Q1 survey")
    assert g.nodes[feeling.id]["evidence"] == "assumed"
    assert "evidence" not in pay  # not stated
    assert cart["open_comments"] == 2 and g.nodes["s"]["open_comments"] == 1
    assert "open_comments" not in pay
    assert g.edges["cart", "pay"]["open_comments"] == 1
    assert "note 0" not in graphml_bytes(j).decode()  # the texts stay in the map file


def test_graphml_names_the_personas_a_card_is_used_by() -> None:
    j = Journey("Personas")
    j.add_persona("Weekend hiker", id="hiker")
    j.add_persona("Family camper", id="camper")
    stage = j.add_stage("Buy", id="s").id
    j.add_touchpoint(stage, "Trail blog", id="blog", personas=("hiker",))
    j.add_touchpoint(stage, "Return", id="return", personas=("hiker", "camper"))
    j.add_touchpoint(stage, "Cart", id="cart")

    g = nx.read_graphml(io.BytesIO(graphml_bytes(j)))
    assert g.nodes["blog"]["personas"] == "Weekend hiker"
    assert g.nodes["return"]["personas"] == "Weekend hiker, Family camper"
    assert "personas" not in g.nodes["cart"]  # everyone's
