"""The scene's arrows are the routes and labels drawing/ computed: same corners, same label
boxes, arrowheads inside the boxes the label placement kept clear, and the card furniture
the placement avoids is the size the card draws. A label left out keeps its count in the
arrow's tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjo_desktop.canvas import card, painpoint_items
from cjo_desktop.canvas.export import scene_for
from cjo_desktop.canvas.flow_item import label_size
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.map_routes import BADGE_ROOM, OUTLINE, TAB_RIGHT, head_box, route_map
from cjo_desktop.drawing.routing import label_text
from cjo_desktop.io.files import load_map

ROOT = Path(__file__).parents[2] / "resources"
#: The example and every bundled template with cards (the start page offers each of them).
MAPS = [
    ROOT / "examples" / "outdoor-gear-shop.cjo.json",
    *sorted(p for p in (ROOT / "templates").glob("*.cjo.json") if p.name != "blank.cjo.json"),
]


def test_the_placement_avoids_the_furniture_the_card_draws() -> None:
    assert card.BADGE_HEIGHT + 4 == BADGE_ROOM
    assert card.TAB_RIGHT == TAB_RIGHT
    pen = max(painpoint_items.outline_pen(s).widthF() for s in ("high", "medium", "low"))
    assert painpoint_items.OUTLINE_GAP + pen / 2 <= OUTLINE


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name.split(".")[0])
def test_flow_items_draw_the_computed_routes_and_labels(path: Path) -> None:
    journey = load_map(path)
    scene = scene_for(journey)
    try:
        assert scene.layout is not None
        outlined = [k for k, mark in scene.pain.marks.items() if mark.severity]
        assert outlined  # every map has pain points: labels keep clear of their outlines
        drawn = route_map(journey, scene.layout, label_size, outlined)
        assert set(drawn) == set(scene.flows)
        for key, flow in drawn.items():
            item = scene.flows[key]
            qpath = item.path
            corners = [
                c
                for i in range(qpath.elementCount())
                for c in (qpath.elementAt(i).x, qpath.elementAt(i).y)
            ]
            assert corners == pytest.approx([c for p in flow.route.points for c in p]), key
            rect = item.label_rect
            if flow.label is None:
                assert rect.isEmpty(), key
            else:
                box = flow.label
                assert (rect.x(), rect.y(), rect.width(), rect.height()) == pytest.approx(
                    (box.x, box.y, box.w, box.h)
                )
            head = head_box(flow.route, flow.width)
            assert head is not None
            bounds = item._head.boundingRect()  # the drawn arrowhead
            assert head.x - 1e-6 <= bounds.left() and bounds.right() <= head.right + 1e-6
            assert head.y - 1e-6 <= bounds.top() and bounds.bottom() <= head.bottom + 1e-6
    finally:
        scene.set_journey(None)
        scene.deleteLater()


def test_a_label_without_room_is_not_drawn_but_its_count_stays_in_the_tooltip() -> None:
    journey = Journey("crowded")
    stage = journey.add_stage("Only").id
    a = journey.add_touchpoint(stage, "A", channel="web").id
    b = journey.add_touchpoint(stage, "B", channel="web").id
    journey.add_flow(a, b, count=123_456_789)  # far wider than the 60 px between the cards
    scene = scene_for(journey)
    try:
        item = scene.flows[(a, b)]
        assert item.label_rect.isEmpty()
        assert label_text(journey.flow(a, b)) in item.toolTip()
    finally:
        scene.set_journey(None)
        scene.deleteLater()
