"""Persona curves computed without Qt: a curve per persona with feelings, its points at the
right height under their cards, told apart by colour and by shape, and a legend that stays in
the emotion lane's label column, clear of the lane title and of every curve point."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.layout import EMOTION_LANE, Layout, Rect, compute_layout
from cjo_desktop.drawing.persona_curves import (
    AXIS_MARKS,
    EVERYONE,
    MARKS_GAP,
    NUDGE,
    emotion_lane,
    legend_rows,
    nudges,
    persona_curves,
    persona_style,
    valence_y,
)
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path


@pytest.fixture
def journey() -> Journey:
    j = Journey("Gear")
    j.add_persona("Hiker", id="hiker")
    j.add_persona("Camper", id="camper")
    j.add_persona("Nobody yet", id="quiet")
    j.add_stage("Browse", id="browse")
    j.add_stage("Buy", id="buy")
    j.add_touchpoint("browse", "Search", id="search", channel="web")
    j.add_touchpoint("browse", "Product", id="product", channel="web")
    j.add_touchpoint("buy", "Cart", id="cart", channel="web")
    j.add_flow("search", "product")
    j.add_emotion("search", 0)
    j.add_emotion("product", 1)
    j.add_emotion("product", -2, persona_id="hiker")
    j.add_emotion("cart", 2, persona_id="hiker")
    j.add_emotion("search", 1, persona_id="camper")
    return j


def test_a_curve_per_persona_with_feelings_at_the_right_height(journey: Journey) -> None:
    layout = compute_layout(journey)
    curves = persona_curves(journey, layout)
    assert [c.persona_id for c in curves] == ["hiker", "camper"]  # "quiet" has no feeling
    lane = layout.lane(EMOTION_LANE)
    hiker = curves[0]
    assert [p.touchpoint_id for p in hiker.points] == ["product", "cart"]
    assert [p.valence for p in hiker.points] == [-2, 2]
    # +2 and -2 sit 22 units inside the lane's edges, as the map's own curve has them
    assert hiker.points[0].y == pytest.approx(lane.y + lane.height - 22)
    assert hiker.points[1].y == pytest.approx(lane.y + 22)
    everyone = {p.touchpoint_id: p for p in layout.curve}
    assert everyone["product"].y == pytest.approx(valence_y(lane, 1))
    for curve in curves:
        for p in curve.points:
            assert 0 < abs(p.x - everyone[p.touchpoint_id].x) <= NUDGE  # beside, not under
    # two personas at one touchpoint never share a point
    journey.add_emotion("search", 1, persona_id="hiker")
    at_search = [
        p.x
        for c in persona_curves(journey, compute_layout(journey))
        for p in c.points
        if p.touchpoint_id == "search"
    ]
    assert len(at_search) == len(set(at_search)) == 2


def test_the_cart_without_a_feeling_for_everyone_still_has_its_point(journey: Journey) -> None:
    layout = compute_layout(journey)
    cart = next(p for p in layout.curve if p.touchpoint_id == "cart")
    hiker = persona_curves(journey, layout)[0]
    assert hiker.points[1].x == pytest.approx(cart.x + nudges(3)[0])


def test_nudges_are_small_distinct_and_never_under_the_maps_dot() -> None:
    assert nudges(0) == []
    assert nudges(1) == [-NUDGE]
    assert nudges(2) == [-NUDGE, NUDGE]
    for n in range(1, 12):
        offsets = nudges(n)
        assert offsets == sorted(offsets) and len(set(offsets)) == n
        assert all(0 < abs(x) <= NUDGE for x in offsets)


def test_styles_tell_personas_apart_without_colour_alone() -> None:
    styles = [persona_style(i) for i in range(6)]
    assert len({s.colour for s in styles}) >= 5
    assert len({s.marker for s in styles}) == 6
    assert len({(s.colour, s.marker, s.dash) for s in map(persona_style, range(18))}) == 18


def test_no_emotion_lane_no_curves_and_no_legend(journey: Journey) -> None:
    layout = compute_layout(journey)
    gone = dataclasses.replace(layout, lanes=[ln for ln in layout.lanes if ln.key != EMOTION_LANE])
    assert emotion_lane(gone) is None
    assert persona_curves(journey, gone) == []
    assert legend_rows(gone, persona_curves(journey, layout)) == []
    low = [
        dataclasses.replace(ln, height=20) if ln.key == EMOTION_LANE else ln for ln in layout.lanes
    ]
    assert persona_curves(journey, dataclasses.replace(layout, lanes=low)) == []


def test_no_persona_feelings_no_curves_no_legend() -> None:
    journey = Journey("Plain")
    journey.add_persona("Hiker")
    journey.add_stage("S", id="s")
    journey.add_touchpoint("s", "T", id="t")
    journey.add_emotion("t", 1)
    layout = compute_layout(journey)
    assert persona_curves(journey, layout) == []
    assert legend_rows(layout, []) == []


def _clear(box: Rect, other: Rect) -> bool:
    return (
        box.right <= other.x
        or other.right <= box.x
        or box.bottom <= other.y
        or other.bottom <= box.y
    )


def check_legend(layout: Layout, rows: list, title: float) -> None:
    lane = layout.lane(EMOTION_LANE)
    mid = lane.y + lane.height / 2
    title_box = Rect(layout.metrics.margin, mid - title / 2, layout.metrics.label_width, title)
    for row in rows:
        box = row.box
        assert lane.y <= box.y and box.bottom <= lane.y + lane.height
        assert _clear(box, title_box)
        assert box.x >= layout.metrics.margin
        assert box.right <= layout.grid_left - AXIS_MARKS - MARKS_GAP
    for a, b in itertools.pairwise(rows):
        assert _clear(a.box, b.box)


def test_the_legend_sits_under_the_lane_title_clear_of_every_point(journey: Journey) -> None:
    layout = compute_layout(journey)
    curves = persona_curves(journey, layout)
    rows = legend_rows(layout, curves, title_height=18)
    assert [r.text for r in rows] == [EVERYONE, "Hiker", "Camper"]
    assert rows[0].style is None and rows[1].style == curves[0].style
    lane = layout.lane(EMOTION_LANE)
    assert rows[0].box.y > lane.y + lane.height / 2  # under the title
    check_legend(layout, rows, 18)
    points = [(p.x, p.y) for p in layout.curve] + [(p.x, p.y) for c in curves for p in c.points]
    for row in rows:
        assert all(x - 10 > row.box.right for x, _ in points)  # a point's mark is 10 wide


def test_many_personas_fill_the_column_then_say_how_many_more() -> None:
    journey = Journey("Crowd")
    journey.add_stage("S", id="s")
    journey.add_touchpoint("s", "T", id="t")
    for i in range(12):
        journey.add_persona(f"Persona {i}", id=f"p{i}")
        journey.add_emotion("t", i % 5 - 2, persona_id=f"p{i}")
    layout = compute_layout(journey)
    curves = persona_curves(journey, layout)
    assert len(curves) == 12
    rows = legend_rows(layout, curves, title_height=18)
    assert rows[0].box.y < layout.lane(EMOTION_LANE).y + 10  # from the top of the lane
    assert rows[-1].more and rows[-1].text == f"+{13 - len(rows) + 1} more"
    check_legend(layout, rows, 18)


def test_the_example_has_two_persona_curves_and_a_legend_of_three() -> None:
    journey = load_map(example_path())
    layout = compute_layout(journey)
    curves = persona_curves(journey, layout)
    assert [c.name for c in curves] == [p.name for p in journey.personas()]
    assert all(len(c.points) >= len(layout.curve) // 2 for c in curves)
    assert len(legend_rows(layout, curves)) == 3
