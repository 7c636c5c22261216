"""The map's rows follow its lanes: their order, hidden and collapsed lanes, free cards in their
cells, owners and metrics under their cards, and the blueprint's lines between its layers."""

from __future__ import annotations

import itertools

from cjo_desktop.domain import Journey
from cjo_desktop.domain.lanes import BLUEPRINT_LANES
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.drawing.layout import EMOTION_LANE, OWNERS_LANE, compute_layout
from cjo_desktop.drawing.style import METRICS as M


def _map() -> Journey:
    journey = Journey("Lanes")
    for s in ("Order", "Deliver"):
        stage = journey.add_stage(s, id=f"st-{s.lower()}")
        for i in range(2):
            journey.add_touchpoint(stage.id, f"{s} {i}", id=f"tp-{s.lower()}{i}", channel="web")
    journey.add_emotion("tp-order0", 1)
    journey.add_emotion("tp-deliver1", -2)
    return journey


def _blueprint() -> Journey:
    journey = _map()
    journey.clear_lanes()
    for lane_id, name, kind in BLUEPRINT_LANES:
        journey.add_item(Lane(lane_id, name, kind))
    return journey


def test_rows_follow_the_lane_order_and_move_with_it() -> None:
    journey = _map()
    before = compute_layout(journey)
    assert [lane.key for lane in before.lanes] == ["channel:web", "emotion", "pain", "opportunity"]
    journey.move_lane("ln-emotion", 0)
    after = compute_layout(journey)
    assert [lane.key for lane in after.lanes][:2] == ["emotion", "channel:web"]
    assert after.lane(EMOTION_LANE).y < after.cards["tp-order0"].y
    assert all(p.y < after.lane("channel:web").y for p in after.curve)


def test_a_hidden_lane_is_left_out_and_a_collapsed_one_is_a_strip_without_its_curve() -> None:
    journey = _map()
    journey.update("ln-pain-points", hidden=True)
    layout = compute_layout(journey)
    assert "pain" not in [lane.key for lane in layout.lanes]
    journey.update("ln-emotion", collapsed=True)
    layout = compute_layout(journey)
    emotion = layout.lane(EMOTION_LANE)
    assert emotion.collapsed and emotion.height == M.collapsed_lane_height
    assert layout.curve == []


def test_free_cards_sit_in_their_cell_in_rows_and_the_lane_grows_to_hold_them() -> None:
    journey = _blueprint()
    for i in range(5):
        journey.add_item(FreeCard(f"fc-{i}", "st-order", "ln-backstage", f"Step {i}"))
    journey.add_item(FreeCard("fc-d", "st-deliver", "ln-backstage", "Pick"))
    layout = compute_layout(journey)
    lane = layout.lane("lane:ln-backstage")
    order, deliver = layout.column("st-order"), layout.column("st-deliver")
    boxes = [layout.free_cards[f"fc-{i}"] for i in range(5)]
    for box in boxes:
        assert order.x <= box.x and box.right <= order.x + order.width
        assert lane.y <= box.y and box.bottom <= lane.y + lane.height
    for a, b in itertools.combinations(boxes, 2):
        assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
    assert deliver.x <= layout.free_cards["fc-d"].x < deliver.x + deliver.width
    rows = len({box.y for box in boxes})
    assert rows >= 2
    assert lane.height >= 2 * M.note_padding + rows * M.free_card_height


def test_the_blueprint_lines_run_along_the_tops_of_frontstage_backstage_and_support() -> None:
    layout = compute_layout(_blueprint())
    tops = {lane.kind: lane.y for lane in layout.lanes}
    assert layout.blueprint == [
        ("Line of interaction", tops["frontstage"]),
        ("Line of visibility", tops["backstage"]),
        ("Line of internal interaction", tops["support"]),
    ]
    assert compute_layout(_map()).blueprint == []


def test_owners_sit_under_their_cards() -> None:
    journey = _map()
    journey.update("tp-order1", owner="Web team")
    journey.add_item(Lane("ln-owners", "Owners", "owners"), 1)
    layout = compute_layout(journey)
    chip = layout.owner_chips["tp-order1"]
    assert chip.x == layout.cards["tp-order1"].x
    owners = layout.lane(OWNERS_LANE)
    assert owners.y <= chip.y and chip.bottom <= owners.y + owners.height
    assert list(layout.owner_chips) == ["tp-order1"]
