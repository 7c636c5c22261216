"""The map's drawing for graph files, without Qt: every node a box where the editor draws it,
every arrow a polyline that follows its drawn route (a curve within 2 px), every edge ending
on the boxes it joins."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import numpy as np
import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.graph_drawing import (
    TOLERANCE,
    Line,
    flatten,
    flow_routes,
    map_drawing,
    snap_to_border,
)
from cjo_desktop.drawing.layout import Rect, compute_layout
from cjo_desktop.drawing.routing import Point, Route, label_text, point_on
from cjo_desktop.io.exports.graphml import EXIT_NODE, to_graph
from cjo_desktop.io.files import load_map

ROOT = Path(__file__).parents[2] / "resources"
MAPS = [
    ROOT / "examples" / "outdoor-gear-shop.cjo.json",
    *sorted(ROOT.glob("templates/*.cjo.json")),
]


def distances(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Each point's distance to the polyline ``line`` (arrays of x, y rows)."""
    a, b = line[:-1][None, :, :], line[1:][None, :, :]
    p = points[:, None, :]
    d = b - a
    length2 = (d**2).sum(axis=2)
    t = np.where(length2 > 0, ((p - a) * d).sum(axis=2) / np.maximum(length2, 1e-12), 0.0)
    nearest = a + np.clip(t, 0.0, 1.0)[:, :, None] * d
    return np.sqrt(((p - nearest) ** 2).sum(axis=2)).min(axis=1)


def on_border(p: Point, r: Rect, slack: float = 1e-6) -> bool:
    inside = r.x - slack <= p[0] <= r.right + slack and r.y - slack <= p[1] <= r.bottom + slack
    edge = min(abs(p[0] - r.x), abs(p[0] - r.right), abs(p[1] - r.y), abs(p[1] - r.bottom))
    return inside and edge <= slack


def curve_gap(route: Route, line: tuple[Point, ...]) -> float:
    """Both ways: how far the curve strays from the polyline and the polyline from the curve
    (the curve sampled every 1/2000 of its parameter, a fraction of a pixel on these maps)."""
    curve = np.array([point_on(route, i / 2000) for i in range(2001)])
    poly = np.array(line, dtype=float)
    along = np.concatenate(
        [a + (b - a) * k / 10 for a, b in itertools.pairwise(poly) for k in range(10)]
    ).reshape(-1, 2)
    return float(max(distances(curve, poly).max(), distances(along, curve).max()))


@pytest.fixture(scope="module", params=MAPS, ids=lambda p: p.name.split(".")[0])
def journey(request: pytest.FixtureRequest) -> Journey:
    return load_map(request.param)


def test_every_node_and_edge_of_the_graph_file_is_drawn(journey: Journey) -> None:
    graph = to_graph(journey)
    drawing = map_drawing(journey, EXIT_NODE)
    assert set(drawing.nodes) == set(graph.nodes)
    assert set(drawing.edges) == set(graph.edges)


def test_cards_and_stage_headers_are_where_the_editor_draws_them(journey: Journey) -> None:
    layout = compute_layout(journey)
    drawing = map_drawing(journey, EXIT_NODE, layout)
    for tp in journey.touchpoints():
        box = drawing.nodes[tp.id]
        assert box.rect == layout.cards[tp.id]
        assert box.label == tp.name
    for column, stage in zip(layout.columns, journey.stages(), strict=True):
        header = drawing.nodes[stage.id].rect
        assert column.x <= header.x and header.right <= column.x + column.width
        assert layout.header_top <= header.y and header.bottom <= layout.lanes_top
        assert drawing.nodes[stage.id].label == stage.name


def test_every_edge_starts_and_ends_on_its_boxes(journey: Journey) -> None:
    drawing = map_drawing(journey, EXIT_NODE)
    for (source, target), line in drawing.edges.items():
        s, t = drawing.nodes[source].rect, drawing.nodes[target].rect
        first, last = line.points[0], line.points[-1]
        if line.colour is None:  # not drawn: centre to centre
            assert first == (s.cx, s.cy) and last == (t.cx, t.cy)
        else:
            assert on_border(first, s), (source, target, first)
            assert on_border(last, t), (source, target, last)


def test_arrows_follow_their_drawn_routes(journey: Journey) -> None:
    layout = compute_layout(journey)
    drawing = map_drawing(journey, EXIT_NODE, layout)
    routes = flow_routes(journey, layout)
    curved = 0
    for flow in journey.flows():
        route = routes[flow.key]
        line = drawing.edges[(flow.source, flow.target or EXIT_NODE)]
        assert line.label == label_text(flow)
        if flow.target is None:  # the drawn stub, then along the gutter to the strip
            assert line.points[:2] == route.points and line.dashed
            assert line.points[2][1] == route.points[1][1]
        elif route.kind == "cubic":
            curved += 1
            assert line.points[0] == route.points[0] and line.points[-1] == route.points[-1]
            assert curve_gap(route, line.points) <= 2.0
        else:
            assert line.points == route.points
    # The editor draws every arrow as an orthogonal polyline, which the file carries exactly
    # (flattening curves is tested on its own below).
    assert curved == 0


def test_a_curve_becomes_a_polyline_within_two_pixels_with_few_points() -> None:
    rng = random.Random(13)
    for _ in range(40):
        pts = tuple((rng.uniform(0, 2000), rng.uniform(0, 800)) for _ in range(4))
        route = Route("cubic", pts, pts[0])
        line = flatten(route)
        assert line[0] == pts[0] and line[-1] == pts[-1]
        assert curve_gap(route, line) <= 2.0
        # adaptive: a gentle curve needs a handful of points, not one per pixel
        assert len(line) <= 80
    gentle = Route("cubic", ((0, 0), (100, 0), (300, 100), (400, 100)), (0, 0))
    assert len(flatten(gentle)) <= 12
    straight = Route("cubic", ((0, 0), (100, 0), (200, 0), (300, 0)), (0, 0))
    assert flatten(straight) == ((0, 0), (300, 0))
    assert TOLERANCE <= 2.0


def test_drop_offs_run_to_one_strip_right_of_every_card() -> None:
    journey = load_map(MAPS[0])
    drawing = map_drawing(journey, EXIT_NODE)
    strip = drawing.nodes[EXIT_NODE]
    assert strip.label == "Drop-off"
    assert strip.x > max(drawing.nodes[tp.id].rect.right for tp in journey.touchpoints())
    dropoffs = [f for f in journey.flows() if f.is_dropoff]
    assert dropoffs
    for flow in dropoffs:
        line = drawing.edges[(flow.source, EXIT_NODE)]
        card = drawing.nodes[flow.source].rect
        assert line.points[0][1] == card.bottom  # out of the card's bottom edge, as drawn
        assert line.points[-1][0] == strip.x and strip.y < line.points[-1][1] < strip.rect.bottom


def test_a_map_without_drop_offs_has_no_strip_and_a_loop_ends_on_its_card() -> None:
    j = Journey("loop")
    stage = j.add_stage("s")
    a = j.add_touchpoint(stage.id, "a", id="tp-a")
    j.add_flow(a.id, a.id, count=3)
    drawing = map_drawing(j, EXIT_NODE)
    assert EXIT_NODE not in drawing.nodes
    card = drawing.nodes[a.id].rect
    line = drawing.edges[(a.id, a.id)]
    assert on_border(line.points[0], card) and on_border(line.points[-1], card)
    assert line == Line(line.points, "3", line.colour, line.width)


def test_snap_to_border_keeps_border_points_and_moves_others_to_the_nearest() -> None:
    r = Rect(0, 0, 100, 50)
    assert snap_to_border((100, 20), r) == (100, 20)
    assert snap_to_border((112, 0), r) == (100, 0)
    assert snap_to_border((50, 5), r) == (50, 0)
    assert snap_to_border((-5, 60), r) == (0, 50)
