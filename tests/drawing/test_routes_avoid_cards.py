"""No arrow is drawn through a card, and no label on top of anything (issue 13 point 2).

Checked without Qt on the example, every template, the workshop case that used to cross two
cards, cards placed by hand, and a few hundred generated maps: every route (as the GraphML
file writes it) keeps out of every card shrunk by 1 px, its own two cards included, and starts
and ends on its cards' borders; label boxes are pairwise disjoint, and disjoint from every
card with its badge and pain-tab band and from every arrowhead.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey, Position
from cjo_desktop.drawing.graph_drawing import flatten
from cjo_desktop.drawing.layout import Layout, Rect, compute_layout
from cjo_desktop.drawing.map_routes import (
    BADGE_ROOM,
    OUTLINE,
    TAB_RIGHT,
    DrawnFlow,
    head_box,
    route_map,
)
from cjo_desktop.drawing.painpoint_view import pain_view
from cjo_desktop.io.files import load_map

ROOT = Path(__file__).parents[2] / "resources"
MAPS = [
    ROOT / "examples" / "outdoor-gear-shop.cjo.json",
    *sorted(ROOT.glob("templates/*.cjo.json")),
]
CHANNELS = ["web", "email", "store", "TV", "phone"]


def measure(text: str) -> tuple[float, float]:
    """About the canvas's 12 px bold label ("4 800" is 45.5 x 16 px there); the rules are
    checked for whatever size comes out."""
    return 7.0 * len(text) + 8, 16.0


def crosses(a: tuple[float, float], b: tuple[float, float], r: Rect) -> bool:
    """Does the segment a-b meet the open rectangle ``r`` (clipping, any slope)?"""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - r.x), (dx, r.right - a[0]), (-dy, a[1] - r.y), (dy, r.bottom - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    return t1 - t0 > 1e-9


def shrunk(r: Rect, by: float = 1.0) -> Rect:
    return Rect(r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by)


def on_border(p: tuple[float, float], r: Rect) -> bool:
    inside = r.x - 1e-6 <= p[0] <= r.right + 1e-6 and r.y - 1e-6 <= p[1] <= r.bottom + 1e-6
    edge = min(abs(p[0] - r.x), abs(p[0] - r.right), abs(p[1] - r.y), abs(p[1] - r.bottom))
    return inside and edge <= 1e-6


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def furniture(card: Rect, outlined: bool) -> list[Rect]:
    """The card (with its pain outline's ring, if it has one), and the band above it where
    the badge and the pain tab are drawn."""
    g = OUTLINE if outlined else 0.0
    ring = Rect(card.x - g, card.y - g, card.w + 2 * g, card.h + 2 * g)
    return [ring, Rect(card.x, card.y - BADGE_ROOM, card.w + TAB_RIGHT, BADGE_ROOM)]


def check(
    journey: Journey,
    layout: Layout,
    drawn: dict[tuple[str, str | None], DrawnFlow],
    outlined: frozenset[str] = frozenset(),
) -> int:
    """Assert the rules; return how many labels were left out."""
    cards = layout.cards
    assert set(drawn) == {f.key for f in journey.flows()}
    for (source, target), flow in drawn.items():
        points = flatten(flow.route)
        assert on_border(points[0], cards[source]), (source, target, points[0])
        if target is not None:
            assert on_border(points[-1], cards[target]), (source, target, points[-1])
        for a, b in itertools.pairwise(points):
            for key, card in cards.items():
                assert not crosses(a, b, shrunk(card)), (source, target, "through", key)
    labels = [f.label for f in drawn.values() if f.label is not None]
    for one, other in itertools.combinations(labels, 2):
        assert not overlap(one, other), (one, other)
    blocks = [area for key, card in cards.items() for area in furniture(card, key in outlined)]
    blocks += [h for f in drawn.values() if (h := head_box(f.route, f.width)) is not None]
    for label in labels:
        for block in blocks:
            assert not overlap(label, block), (label, block)
    return sum(1 for f in drawn.values() if f.text and f.label is None)


def routed(
    journey: Journey, outlined: frozenset[str] = frozenset()
) -> tuple[Layout, dict[tuple[str, str | None], DrawnFlow]]:
    layout = compute_layout(journey)
    return layout, route_map(journey, layout, measure, outlined)


def outlined_cards(journey: Journey) -> frozenset[str]:
    """The cards the editor draws with a pain outline."""
    return frozenset(k for k, mark in pain_view(journey).marks.items() if mark.severity)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name.split(".")[0])
def test_bundled_maps_route_around_cards_with_clear_labels(path: Path) -> None:
    journey = load_map(path)
    outlined = outlined_cards(journey)
    dropped = check(journey, *routed(journey, outlined), outlined)
    labelled = sum(1 for f in journey.flows() if f.count is not None)
    assert dropped <= labelled // 10  # a few may go; the map stays labelled


def test_a_workshop_flow_across_rows_goes_around_the_cards_between() -> None:
    """The workshop case: a new TV card early on, a flow to a website card far to the right
    and in another lane, with cards of both lanes in between."""
    journey = load_map(ROOT / "templates" / "car-purchase.cjo.json")
    stages = journey.stages()
    tv = journey.add_touchpoint(stages[0].id, "TV ad", channel="TV")
    site = journey.add_touchpoint(stages[2].id, "Manufacturer website", channel="web")
    journey.add_flow(tv.id, site.id, count=4800)
    first = journey.touchpoints()[0]
    journey.add_flow(tv.id, first.id, count=2490)
    journey.add_flow(tv.id, None, count=70)
    outlined = outlined_cards(journey)
    layout, drawn = routed(journey, outlined)
    assert check(journey, layout, drawn, outlined) == 0
    path = flatten(drawn[(tv.id, site.id)].route)
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(path))


def test_cards_placed_by_hand_are_routed_around_too() -> None:
    journey = load_map(ROOT / "templates" / "car-purchase.cjo.json")
    tps = journey.touchpoints()
    # Put a card right in the way of its neighbours' flow, and one off its grid cell.
    for tp, (x, y) in zip(tps[1:4], [(300.0, 30.0), (20.0, 160.0), (250.0, 100.0)], strict=True):
        journey.update(tp.id, position=Position(x, y))
    layout, drawn = routed(journey)
    check(journey, layout, drawn)


def random_map(rng: random.Random) -> Journey:
    journey = Journey("generated")
    stages = [journey.add_stage(f"S{i}").id for i in range(rng.randint(1, 4))]
    tps = [
        journey.add_touchpoint(rng.choice(stages), f"T{i}", channel=rng.choice(CHANNELS)).id
        for i in range(rng.randint(2, 12))
    ]
    for _ in range(rng.randint(0, 3 * len(tps))):
        a = rng.choice(tps)
        b = None if rng.random() < 0.15 else rng.choice(tps)
        if not journey.has_flow(a, b):
            count = None if rng.random() < 0.2 else rng.randint(1, 99_999)
            journey.add_flow(a, b, count=count)
    return journey


def place_some_by_hand(journey: Journey, rng: random.Random) -> None:
    """Move a few cards to random spots of their cells that keep clear of other cards
    (cards on top of each other cannot be routed around)."""
    for tp in rng.sample(journey.touchpoints(), k=min(2, len(journey.touchpoints()))):
        before = compute_layout(journey).cards
        journey.update(tp.id, position=Position(rng.uniform(0, 500), rng.uniform(0, 200)))
        cards = compute_layout(journey).cards
        mine = cards[tp.id]
        room = Rect(mine.x - 12, mine.y - 12 - BADGE_ROOM, mine.w + 24, mine.h + 24 + BADGE_ROOM)
        if any(overlap(room, r) for k, r in cards.items() if k != tp.id):
            journey.update(tp.id, position=tp.position)
            assert compute_layout(journey).cards == before


@pytest.mark.parametrize("seed", range(6))
def test_generated_maps_route_around_cards_with_clear_labels(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        journey = random_map(rng)
        if rng.random() < 0.4:
            place_some_by_hand(journey, rng)
        outlined = frozenset(rng.sample([t.id for t in journey.touchpoints()], k=1))
        check(journey, *routed(journey, outlined), outlined)


def test_arrows_into_one_card_arrive_at_distinct_points() -> None:
    journey = load_map(MAPS[0])
    _layout, drawn = routed(journey)
    ends: dict[str, list[tuple[float, float]]] = {}
    for (_source, target), flow in drawn.items():
        if target is not None:
            ends.setdefault(target, []).append(flow.route.points[-1])
    busy = [points for points in ends.values() if len(points) > 1]
    assert busy
    for points in busy:
        assert len(set(points)) == len(points)


def test_a_map_with_many_cards_placed_by_hand_is_routed_around_all_of_them() -> None:
    """Where the grid's channels are blocked everywhere, the search finds the way."""
    rng = random.Random(3)
    journey = Journey("hand-placed")
    stages = [journey.add_stage(f"S{i}").id for i in range(3)]
    tps = [
        journey.add_touchpoint(stages[i * 3 // 60], f"T{i}", channel=rng.choice(CHANNELS)).id
        for i in range(60)
    ]
    for _ in range(120):
        a, b = rng.choice(tps), rng.choice(tps)
        if not journey.has_flow(a, b):
            journey.add_flow(a, b, count=rng.randint(1, 9_999))
    for _ in range(40):
        place_some_by_hand(journey, rng)
    assert sum(1 for t in journey.touchpoints() if t.position is not None) >= 10
    check(journey, *routed(journey))
