"""Free cards' links to the touchpoints they support, without Qt: each link runs from the free
card's edge to the touchpoint card's edge at right angles, straight where the two share a
column, and never behind another card, note or chip (a line that did would seem to come out
of it); links of hidden or collapsed lanes are not drawn."""

from __future__ import annotations

import itertools

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.drawing.free_card_view import (
    contrast,
    default_fill,
    free_card_look,
    ink_on,
    openable,
)
from cjo_desktop.drawing.free_links import Point, support_links
from cjo_desktop.drawing.layout import Layout, Rect, compute_layout
from cjo_desktop.io.templates import new_from_template
from cjo_desktop.palette import EVIDENCE_FILL, FREE_CARD_SWATCHES, INK, ON_FILL


def order_map() -> Journey:
    """Cards over Customer, Frontstage, Backstage and Systems lanes; free cards stacked in one
    column so that straight lines would pass behind one another."""
    j = Journey("Order")
    for stage_id in ("browse", "buy", "get"):
        j.add_stage(stage_id.capitalize(), id=stage_id)
    j.add_touchpoint("browse", "Product page", id="pdp", channel="web")
    j.add_touchpoint("buy", "Checkout", id="checkout", channel="web")
    j.add_touchpoint("get", "Tracking", id="track", channel="email")
    j.add_touchpoint("get", "Parcel", id="parcel", channel="delivery")
    j.add_flow("checkout", "track")
    j.add_flow("track", "parcel")
    for i, (lane_id, kind) in enumerate(
        (("cust", "customer_actions"), ("front", "frontstage"), ("back", "backstage")), 1
    ):
        j.add_item(Lane(lane_id, lane_id.capitalize(), kind), i)
    j.add_item(Lane("sys", "Systems", "systems"))
    cards = [
        ("compare", "browse", "cust", ("pdp",)),
        ("pays", "buy", "cust", ()),
        ("call", "get", "front", ("parcel",)),
        ("fraud", "buy", "back", ("checkout",)),
        ("pick", "get", "back", ("track",)),
        ("label", "get", "back", ("track",)),
        ("gateway", "buy", "sys", ("checkout",)),
        ("carrier", "get", "sys", ("track", "checkout")),
    ]
    for card_id, stage, lane, supports in cards:
        j.add_item(FreeCard(card_id, stage, lane, card_id.capitalize(), supports=supports))
    return j


def segments(points: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    return list(itertools.pairwise(points))


def crosses(a: Point, b: Point, box: Rect) -> bool:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return x0 < box.right and x1 > box.x and y0 < box.bottom and y1 > box.y


def on_edge(p: Point, r: Rect) -> bool:
    inside = r.x - 1e-6 <= p[0] <= r.right + 1e-6 and r.y - 1e-6 <= p[1] <= r.bottom + 1e-6
    return inside and min(abs(p[1] - r.y), abs(p[1] - r.bottom)) < 1e-6


@pytest.fixture
def drawn() -> tuple[Journey, Layout]:
    j = order_map()
    return j, compute_layout(j)


def test_a_link_per_shown_card_and_touchpoint_it_supports(drawn: tuple[Journey, Layout]) -> None:
    j, layout = drawn
    links = support_links(j, layout)
    expected = [(c.id, t) for c in j.free_cards() for t in c.supports]
    assert [(s.card_id, s.touchpoint_id) for s in links] == expected


def test_links_run_edge_to_edge_at_right_angles(drawn: tuple[Journey, Layout]) -> None:
    j, layout = drawn
    for link in support_links(j, layout):
        assert on_edge(link.points[0], layout.free_cards[link.card_id])
        assert on_edge(link.points[-1], layout.cards[link.touchpoint_id])
        for a, b in segments(link.points):
            assert a[0] == b[0] or a[1] == b[1], link


def test_no_link_passes_behind_another_card_note_or_chip(drawn: tuple[Journey, Layout]) -> None:
    j, layout = drawn
    boxes = {**layout.cards, **layout.free_cards, **layout.notes}
    for link in support_links(j, layout):
        for key, box in boxes.items():
            if key in (link.card_id, link.touchpoint_id):
                continue
            for a, b in segments(link.points):
                assert not crosses(a, b, box), (link.card_id, link.touchpoint_id, key)


def test_a_card_under_its_touchpoint_links_straight_up(drawn: tuple[Journey, Layout]) -> None:
    j, layout = drawn
    links = {(s.card_id, s.touchpoint_id): s for s in support_links(j, layout)}
    straight = links[("compare", "pdp")].points
    assert len(straight) == 2 and straight[0][0] == straight[1][0]
    assert straight[0][1] == layout.free_cards["compare"].y
    assert straight[1][1] == layout.cards["pdp"].bottom
    # the payment gateway sits under the fraud check and the customer's payment: round them
    assert len(links[("gateway", "checkout")].points) > 2


def test_hidden_and_collapsed_lanes_draw_no_links(drawn: tuple[Journey, Layout]) -> None:
    j, _ = drawn
    j.update("back", hidden=True)
    j.update("sys", collapsed=True)
    links = support_links(j, compute_layout(j))
    assert {s.card_id for s in links} == {"compare", "call"}


def test_free_card_colours_read_and_follow_their_lane() -> None:
    card = FreeCard("c", "s", "l", "Pick")
    assert free_card_look(card, "backstage").fill == default_fill("backstage")
    assert default_fill("backstage") != default_fill("systems")
    assert free_card_look(card, "text").fill == FREE_CARD_SWATCHES["Grey"]
    own = FreeCard("c", "s", "l", "Pick", colour="#1f1f7a")
    assert free_card_look(own, "backstage").ink == ON_FILL  # white on a dark colour of its own
    for fill in FREE_CARD_SWATCHES.values():
        assert ink_on(fill) == INK and contrast(INK, fill) >= 7  # AAA on every swatch
    look = free_card_look(card, "backstage", by_evidence=True)
    assert look.fill == EVIDENCE_FILL["not stated"]


@pytest.mark.parametrize(
    ("link", "opened"),
    [
        ("https://wiki.example.com/pick", "https://wiki.example.com/pick"),
        ("www.example.com/a b", None),
        ("wiki.example.com/pick", "https://wiki.example.com/pick"),
        ("mailto:ops@example.com", "mailto:ops@example.com"),
        ("file:///etc/passwd", None),
        ("javascript:alert(1)", None),
        ("see the runbook", None),
        ("https://", None),
        ("", None),
    ],
)
def test_only_web_and_mail_addresses_open(link: str, opened: str | None) -> None:
    assert openable(link) == opened


def test_links_into_one_touchpoint_enter_it_apart(drawn: tuple[Journey, Layout]) -> None:
    j, layout = drawn
    into = [s.points[-1] for s in support_links(j, layout) if s.touchpoint_id == "track"]
    assert len(into) == 3  # the pick, the label and the carrier's API
    xs = sorted(p[0] for p in into)
    assert all(b - a >= 10 for a, b in itertools.pairwise(xs))
    card = layout.cards["track"]
    assert all(card.x < x < card.right for x in xs)


def test_no_link_runs_along_a_blueprint_line() -> None:
    """The blueprint's lines are 3 units thick along their lanes' tops: a link turning there
    would read as part of the line."""
    journey = new_from_template("service-blueprint")
    layout = compute_layout(journey)
    lines = [y for _, y in layout.blueprint]
    assert len(lines) == 3
    runs = 0
    for link in support_links(journey, layout):
        for (x0, y0), (x1, y1) in itertools.pairwise(link.points):
            if y0 == y1 and x0 != x1:
                runs += 1
                assert all(not (y <= y0 <= y + 4.5) for y in lines), (link, y0)
    assert runs > 0
