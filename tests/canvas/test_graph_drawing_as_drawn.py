"""The GraphML file's drawing is the editor's: its cards stand where the scene puts them and
its arrows follow the scene's paths, so a change to the scene's routing cannot leave the
export behind unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjo_desktop.canvas.export import scene_for
from cjo_desktop.drawing.graph_drawing import flow_routes, map_drawing
from cjo_desktop.drawing.layout import compute_layout
from cjo_desktop.io.exports.graphml import EXIT_NODE
from cjo_desktop.io.files import load_map

ROOT = Path(__file__).parents[2] / "resources"
#: The example and every bundled template (the start page offers each of them).
MAPS = [
    ROOT / "examples" / "outdoor-gear-shop.cjo.json",
    *sorted((ROOT / "templates").glob("*.cjo.json")),
]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name.split(".")[0])
def test_cards_and_arrows_are_where_the_scene_draws_them(path: Path) -> None:
    journey = load_map(path)
    scene = scene_for(journey)
    try:
        layout = compute_layout(journey)
        drawing = map_drawing(journey, EXIT_NODE, layout)
        for tp in journey.touchpoints():
            pos = scene.cards[tp.id].pos()
            box = drawing.nodes[tp.id]
            assert (pos.x(), pos.y()) == pytest.approx((box.x, box.y))
        routes = flow_routes(journey, layout)
        assert set(routes) == set(scene.flows)
        for key, route in routes.items():
            qpath = scene.flows[key].path
            drawn = [
                (qpath.elementAt(i).x, qpath.elementAt(i).y) for i in range(qpath.elementCount())
            ]
            want = [c for p in route.points for c in p]
            assert [c for p in drawn for c in p] == pytest.approx(want), key
    finally:
        scene.set_journey(None)
        scene.deleteLater()
