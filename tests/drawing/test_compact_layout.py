"""The compact layout: cards of one stage share columns unless a flow within the stage orders
them, no two cards overlap, in-stage flows read left to right (bar the edges that break a
cycle), one edit moves as few other cards as possible, and lanes keep the channel's case."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjo_desktop.domain import Journey, Position
from cjo_desktop.drawing.layout import (
    CURVE_SPACING,
    EMOTION_LANE,
    Layout,
    Rect,
    channel_key,
    compute_layout,
)
from cjo_desktop.drawing.stage_grid import stage_grid
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path, new_from_template, templates


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def drawn_columns(journey: Journey, layout: Layout) -> int:
    """How many card columns the picture has: distinct card x's, stage by stage."""
    return sum(
        len({layout.cards[t.id].x for t in journey.touchpoints(s.id)}) for s in journey.stages()
    )


def back_edges(journey: Journey, stage_id: str) -> frozenset[tuple[str, str]]:
    members = journey.touchpoints(stage_id)
    successors: dict[str, list[str]] = {}
    for flow in journey.flows():
        if flow.target is not None:
            successors.setdefault(flow.source, []).append(flow.target)
    lanes = {t.id: channel_key(t.channel) for t in members}
    return stage_grid([t.id for t in members], lanes, successors).back_edges


def check_rules(journey: Journey) -> Layout:
    """Cards never overlap; every in-stage flow but the cycle-breaking ones goes left to right;
    emotion points never stack. (Cards placed by hand go where the user put them.)"""
    layout = compute_layout(journey)
    cards = layout.cards
    auto = [t.id for t in journey.touchpoints() if t.position is None]
    assert len(cards) == len(journey.touchpoints())
    assert not [(a, b) for a, b in itertools.combinations(auto, 2) if overlap(cards[a], cards[b])]
    for stage in journey.stages():
        back = back_edges(journey, stage.id)
        members = {t.id for t in journey.touchpoints(stage.id) if t.position is None}
        for flow in journey.flows():
            source, target = flow.source, flow.target
            if source in members and target in members and (source, target) not in back:
                assert cards[source].right < cards[target].x, flow
    xs = [p.x for p in layout.curve]
    assert all(b - a >= CURVE_SPACING - 1e-6 for a, b in itertools.pairwise(xs))
    return layout


def shipped_maps() -> list[tuple[str, Journey]]:
    maps = [("example", load_map(example_path()))]
    return maps + [(t.name, new_from_template(t.name)) for t in templates()]


def test_the_example_and_every_template_keep_the_rules() -> None:
    for name, journey in shipped_maps():
        layout = check_rules(journey)
        assert drawn_columns(journey, layout) <= len(journey.touchpoints()), name


def test_the_example_fits_in_at_most_19_columns() -> None:
    journey = load_map(example_path())
    layout = compute_layout(journey)
    assert len(journey.touchpoints()) == 23
    assert drawn_columns(journey, layout) <= 19  # a card per column was 23


CHANNELS = ["web", "Web", "email", "TV", "store", ""]


@st.composite
def generated_maps(draw: st.DrawFn) -> Journey:
    journey = Journey("Generated")
    stages = [journey.add_stage(f"S{i}").id for i in range(draw(st.integers(1, 3)))]
    ids = []
    for i in range(draw(st.integers(1, 14))):
        stage = draw(st.sampled_from(stages))
        channel = draw(st.sampled_from(CHANNELS))
        ids.append(journey.add_touchpoint(stage, f"T{i}", channel=channel).id)
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=30))
    for a, b in pairs:
        if a != b and not journey.has_flow(a, b):
            journey.add_flow(a, b)
    for tp in ids:
        feeling = draw(st.integers(-3, 2))
        if feeling > -3:
            journey.add_emotion(tp, feeling)
    return journey


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_maps())
def test_generated_maps_keep_the_rules(journey: Journey) -> None:
    check_rules(journey)


def chain_map() -> Journey:
    """Two stages; the first has a flow chain and a card in another lane beside it."""
    j = Journey("Stable")
    j.add_stage("One", id="one")
    j.add_stage("Two", id="two")
    j.add_touchpoint("one", "Ad", id="a", channel="social")
    j.add_touchpoint("one", "Site", id="b", channel="web")
    j.add_touchpoint("one", "Mail", id="c", channel="email")
    j.add_touchpoint("two", "Shop", id="d", channel="web")
    j.add_touchpoint("two", "Call", id="e", channel="phone")
    j.add_flow("a", "b")
    j.add_flow("b", "d")
    j.add_flow("d", "e")
    return j


def test_a_cycle_is_broken_by_the_map_order() -> None:
    j = Journey("Loop")
    j.add_stage("One", id="one")
    for tp in "xyz":
        j.add_touchpoint("one", tp.upper(), id=tp, channel="web")
    j.add_flow("x", "y")
    j.add_flow("y", "z")
    j.add_flow("z", "x")
    layout = check_rules(j)
    assert back_edges(j, "one") == {("z", "x")}
    assert layout.cards["x"].x < layout.cards["y"].x < layout.cards["z"].x


def test_cards_of_different_lanes_share_a_column_until_a_flow_orders_them() -> None:
    layout = compute_layout(chain_map())
    assert layout.cards["a"].x == layout.cards["c"].x  # no flow between them
    assert layout.cards["a"].right < layout.cards["b"].x  # a -> b


def test_a_rename_moves_no_card() -> None:
    j = chain_map()
    before = compute_layout(j)
    j.rename("b", "A much longer name for the site than before")
    after = compute_layout(j)
    assert after.cards == before.cards and after.width == before.width


def test_adding_a_card_moves_other_stages_only_by_the_width_change() -> None:
    j = chain_map()
    j.add_touchpoint("one", "Blog", id="blog", channel="web")  # fills the web lane's free cell
    before = compute_layout(j)
    j.add_touchpoint("one", "Store visit", id="new", channel="web")  # no free cell is left
    after = compute_layout(j)
    grow = after.column("one").width - before.column("one").width
    assert grow > 0
    for tp in ("d", "e"):  # the next stage shifts right by exactly the growth
        old, new = before.cards[tp], after.cards[tp]
        assert (new.x - old.x, new.y) == (grow, old.y)
    assert after.cards["a"] == before.cards["a"] and after.cards["c"] == before.cards["c"]
    assert not [b for b in ("b", "blog") if overlap(after.cards["new"], after.cards[b])]


def test_adding_a_card_in_a_free_cell_moves_nothing() -> None:
    j = chain_map()
    before = compute_layout(j)
    j.add_touchpoint("two", "Chat", channel="email")
    after = compute_layout(j)
    assert all(after.cards[tp] == rect for tp, rect in before.cards.items())


def test_moving_a_card_by_hand_moves_no_other_card() -> None:
    j = chain_map()
    before = compute_layout(j)
    column = before.column("one")
    rect = before.cards["a"]
    lane = before.lane(before.card_lane["a"])
    # Up and right: a card dropped lower would deepen its lane (that moves the lanes below).
    j.update("a", position=Position(rect.x - column.x + 30, rect.y - lane.y - 10))
    after = compute_layout(j)
    assert (after.cards["a"].x, after.cards["a"].y) == (rect.x + 30, rect.y - 10)
    assert all(after.cards[tp] == before.cards[tp] for tp in "bcde")


def test_a_moved_card_does_not_stack_its_emotion_point_on_another() -> None:
    j = chain_map()
    for tp in "abcde":
        j.add_emotion(tp, 1)
    layout = compute_layout(j)
    column, lane = layout.column("one"), layout.lane(layout.card_lane["a"])
    # Drop "a" right over "b" horizontally (one lane up), as a drag can.
    j.update("a", position=Position(layout.cards["b"].x - column.x, layout.cards["a"].y - lane.y))
    layout = check_rules(j)
    points = {p.touchpoint_id: p for p in layout.curve}
    assert abs(points["a"].x - points["b"].x) >= CURVE_SPACING
    emotion = layout.lane(EMOTION_LANE)
    assert all(emotion.y <= p.y <= emotion.y + emotion.height for p in layout.curve)


def test_lanes_keep_the_channel_case_and_group_case_insensitively() -> None:
    j = Journey("Case")
    j.add_stage("One", id="one")
    j.add_touchpoint("one", "TV ad", id="tv", channel="TV")
    j.add_touchpoint("one", "Site", id="w1", channel="web")
    j.add_touchpoint("one", "Shop", id="w2", channel="Web")
    layout = compute_layout(j)
    titles = [lane.title for lane in layout.lanes if lane.is_channel]
    assert titles == ["TV", "web"]
    assert layout.card_lane["w1"] == layout.card_lane["w2"]
