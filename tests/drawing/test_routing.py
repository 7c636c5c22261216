"""How arrows run, without Qt: forward flows edge to edge, around cards in the way, back
through the gutter below, a loop for a flow to itself; widths and labels by volume."""

from __future__ import annotations

import math

import pytest

from cjo_desktop.domain import Flow
from cjo_desktop.drawing.layout import Rect
from cjo_desktop.drawing.routing import (
    LabelPlacer,
    Router,
    RowIndex,
    format_count,
    label_text,
    line_width,
    point_on,
    route_flow,
)

GUTTER = 40.0
A, B, C = Rect(0, 100, 100, 60), Rect(200, 100, 100, 60), Rect(400, 100, 100, 60)
BELOW = Rect(200, 300, 100, 60)


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_a_forward_flow_runs_from_the_right_edge_to_the_left_edge() -> None:
    route = route_flow(A, B, RowIndex([A, B, C]), GUTTER)
    assert route.kind == "cubic"
    assert route.points[0] == (A.right, A.cy) and route.points[-1] == (B.x, B.cy)


def test_a_card_in_the_way_lifts_the_arrow_into_the_gutter_above() -> None:
    route = route_flow(A, C, RowIndex([A, B, C]), GUTTER)
    assert route.kind == "poly"
    assert all(y <= A.y for _x, y in route.points[1:3])  # over B, not through it
    assert route_flow(A, C, RowIndex([A, C]), GUTTER).kind == "cubic"  # nothing in the way


def test_a_flow_back_runs_through_the_gutter_below() -> None:
    route = route_flow(C, A, RowIndex([A, B, C]), GUTTER)
    assert route.kind == "poly" and route.points[1][1] > C.bottom


def test_a_flow_to_itself_is_a_loop_over_the_card() -> None:
    route = route_flow(B, B, RowIndex([B]), GUTTER)
    assert route.kind == "poly" and route.points[0][1] == route.points[-1][1] == B.y
    assert min(y for _x, y in route.points) < B.y  # up into the gutter and back


def test_runs_sharing_a_gutter_are_spread_apart() -> None:
    router = Router(RowIndex([A, B, C, BELOW]), GUTTER)
    lows = {router.flow(C, A).points[1][1] for _ in range(3)}
    assert len(lows) == 3 and max(lows) - min(lows) <= 2 * Router.MAX_SHIFT


@pytest.mark.parametrize("t", [0.0, 0.25, 0.5, 1.0])
def test_points_along_a_route_start_and_end_at_its_ends(t: float) -> None:
    route = route_flow(A, B, RowIndex([A, B]), GUTTER)
    x, y = point_on(route, t)
    assert A.right <= x <= B.x and math.isfinite(y)
    if t in (0.0, 1.0):
        assert (x, y) == route.points[0 if t == 0 else -1]


def test_a_second_label_moves_along_the_route_clear_of_the_first_and_the_cards() -> None:
    placer = LabelPlacer([A, B])
    route = route_flow(A, B, RowIndex([A, B]), GUTTER)
    first, second = placer.place(route, 16, 12), placer.place(route, 16, 12)
    assert first == route.label and second != first
    boxes = [Rect(x - 8, y - 6, 16, 12) for x, y in (first, second)]
    for box in boxes:
        assert not any(overlap(box, card) for card in (A, B))
    assert not overlap(*boxes)


def test_width_grows_with_volume_by_square_root() -> None:
    assert line_width(None, 100) == 1.5 and line_width(5, 0) == 1.5
    assert line_width(100, 100) == 8.0
    assert line_width(25, 100) == pytest.approx(1.5 + 6.5 * 0.5)


@pytest.mark.parametrize(
    ("count", "dropoff", "text"),
    [
        (None, False, ""),
        (7, False, "7"),
        (12_345, False, "12\N{THIN SPACE}345"),
        (1_000_000, True, "1\N{THIN SPACE}000\N{THIN SPACE}000 left"),
    ],
)
def test_the_label_says_the_count_with_thin_spaces(
    count: int | None, dropoff: bool, text: str
) -> None:
    flow = Flow("a", None if dropoff else "b", count, "")
    assert label_text(flow) == text
    if count is not None:
        assert format_count(count) == text.removesuffix(" left")
