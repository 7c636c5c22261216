"""How arrows run, without Qt: forward flows edge to edge, around cards in the way, back
through the gutter below, a loop for a flow to itself; widths and labels by volume."""

from __future__ import annotations

import itertools
import math

import pytest

from cjo_desktop.domain import Flow
from cjo_desktop.drawing.layout import Rect
from cjo_desktop.drawing.map_routes import LabelPlacer, label_spots
from cjo_desktop.drawing.routing import (
    Route,
    Router,
    format_count,
    label_text,
    line_width,
    point_on,
)

GAP, GUTTER = 60.0, 44.0
A, B, C = Rect(0, 100, 100, 60), Rect(200, 100, 100, 60), Rect(400, 100, 100, 60)
BELOW = Rect(200, 300, 100, 60)
CARDS = {"a": A, "b": B, "c": C, "below": BELOW}


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def route(s: str, t: str, router: Router | None = None) -> Route:
    router = router or Router(CARDS, GAP, GUTTER)
    sr, tr = CARDS[s], CARDS[t]
    if t == s:
        return router.flow(s, t, (sr.x + 30, sr.bottom), (sr.x + 60, sr.bottom))
    if tr.x >= sr.right:
        return router.flow(s, t, (sr.right, sr.cy), (tr.x, tr.cy))
    return router.flow(s, t, (sr.cx, sr.bottom), (tr.cx, tr.bottom))


def test_a_forward_flow_runs_from_the_right_edge_to_the_left_edge() -> None:
    r = route("a", "b")
    assert r.points == ((A.right, A.cy), (B.x, B.cy))  # straight: nothing in the way


def test_a_card_in_the_way_sends_the_arrow_along_a_gutter_around_it() -> None:
    r = route("a", "c")
    assert r.points[0] == (A.right, A.cy) and r.points[-1] == (C.x, C.cy)
    ys = [y for _x, y in r.points[1:-1]]
    assert min(ys) < B.y or max(ys) > B.bottom  # over or under B, not through it
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(r.points))


def test_a_flow_back_runs_through_the_gutter_below() -> None:
    r = route("c", "a")
    assert r.points[0][1] == C.bottom and r.points[-1][1] == A.bottom
    assert max(y for _x, y in r.points) > C.bottom


def test_a_flow_to_itself_is_a_loop_under_the_card() -> None:
    r = route("b", "b")
    assert r.points[0][1] == r.points[-1][1] == B.bottom
    assert max(y for _x, y in r.points) > B.bottom


def test_runs_sharing_a_gutter_are_spread_apart() -> None:
    router = Router(CARDS, GAP, GUTTER)
    lows = {max(y for _x, y in route("c", "a", router).points) for _ in range(3)}
    assert len(lows) == 3 and max(lows) - min(lows) <= GUTTER / 2


@pytest.mark.parametrize("t", [0.0, 0.25, 0.5, 1.0])
def test_points_along_a_route_start_and_end_at_its_ends(t: float) -> None:
    r = route("a", "b")
    x, y = point_on(r, t)
    assert A.right <= x <= B.x and math.isfinite(y)
    if t in (0.0, 1.0):
        assert (x, y) == r.points[0 if t == 0 else -1]


def test_a_second_label_moves_along_the_route_clear_of_the_first_and_the_cards() -> None:
    placer = LabelPlacer([A, B])
    r = route("a", "b")
    first = placer.place(label_spots(r, 16, 12), 16, 12)
    second = placer.place(label_spots(r, 16, 12), 16, 12)
    assert first is not None and second is not None and first != second
    for box in (first, second):
        assert not any(overlap(box, card) for card in (A, B))
    assert not overlap(first, second)


def test_a_label_with_no_free_place_is_not_drawn() -> None:
    r = route("a", "b")
    placer = LabelPlacer([A, B, Rect(A.right, A.y - 40, B.x - A.right, A.h + 80)])
    assert placer.place(label_spots(r, 16, 12), 16, 12) is None


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
