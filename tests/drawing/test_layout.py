"""Where things go on the map, computed without Qt: columns follow the stages, lanes the
channels, cards never overlap, notes sit in their lanes under their cards, and a card dropped
between two others goes between them."""

from __future__ import annotations

import itertools

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.layout import (
    OPPORTUNITY_LANE,
    PAIN_LANE,
    Rect,
    compute_layout,
    insertion_index,
)
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.fixture
def journey() -> Journey:
    j = Journey("Car purchase")
    j.add_stage("Awareness", id="aw")
    j.add_stage("Decision", id="de")
    j.add_touchpoint("aw", "Social ad", id="ad", channel="social")
    j.add_touchpoint("de", "Website", id="web", channel="web")
    j.add_touchpoint("de", "Test drive", id="drive", channel="Store")
    j.add_touchpoint("de", "Brochure", id="leaflet", channel="store")  # same lane as "Store"
    return j


def test_columns_follow_the_stages_and_cards_sit_in_their_column(journey: Journey) -> None:
    layout = compute_layout(journey)
    assert [c.stage_id for c in layout.columns] == ["aw", "de"]
    assert layout.columns[0].x < layout.columns[1].x
    for tp in journey.touchpoints():
        card, column = layout.cards[tp.id], layout.column(tp.stage_id)
        assert column.x <= card.x and card.right <= column.x + column.width
        assert layout.column_at(card.cx) is column


def test_one_lane_per_channel_whatever_its_case(journey: Journey) -> None:
    layout = compute_layout(journey)
    assert layout.card_lane["drive"] == layout.card_lane["leaflet"]
    assert len({layout.card_lane[t] for t in ("ad", "web", "drive")}) == 3
    for tp_id, key in layout.card_lane.items():
        assert layout.lane_at(layout.cards[tp_id].cy) is layout.lane(key)


def test_no_two_cards_or_notes_of_the_example_overlap() -> None:
    journey = load_map(example_path())
    layout = compute_layout(journey)
    boxes = list(layout.cards.values()) + list(layout.notes.values())
    assert len(layout.cards) == len(journey.touchpoints())
    assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(a, b)]
    assert all(b.x >= 0 and b.right <= layout.width and b.bottom <= layout.height for b in boxes)


def test_notes_sit_in_their_lane_under_their_card() -> None:
    journey = load_map(example_path())
    layout = compute_layout(journey)
    items = [(p.id, p.touchpoint_id, PAIN_LANE) for p in journey.pain_points()]
    items += [(o.id, o.touchpoint_id, OPPORTUNITY_LANE) for o in journey.opportunities()]
    assert items
    for item_id, tp_id, lane_key in items:
        note, card, lane = layout.notes[item_id], layout.cards[tp_id], layout.lane(lane_key)
        assert layout.note_lane[item_id] == lane_key
        assert lane.y <= note.y and note.bottom <= lane.y + lane.height
        assert layout.column_at(note.cx) is layout.column_at(card.cx)


@pytest.mark.parametrize(("where", "index"), [("left", 0), ("middle", 2), ("right", 3)])
def test_a_card_dropped_between_two_goes_between_them(
    journey: Journey, where: str, index: int
) -> None:
    layout = compute_layout(journey)
    web, drive, leaflet = (layout.cards[t] for t in ("web", "drive", "leaflet"))
    assert web.cx == drive.cx < leaflet.cx  # different lanes share a column; one lane cannot
    x = {"left": web.x, "middle": (drive.cx + leaflet.cx) / 2, "right": 10_000.0}[where]
    assert insertion_index(journey, layout, "de", x) == index


def test_an_empty_map_has_a_size_and_no_cards() -> None:
    layout = compute_layout(Journey("Nothing yet"))
    assert layout.cards == {} and layout.width > 0 and layout.height > 0
