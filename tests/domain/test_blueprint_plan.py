"""Turning a map into a service blueprint: the lanes it lacks go in at their places, its other
lanes stay where they are, hidden blueprint lanes show again, and a blueprint needs nothing."""

from __future__ import annotations

from cjo_desktop.domain import Journey
from cjo_desktop.domain.blueprint import blueprint_plan
from cjo_desktop.domain.lanes import BLUEPRINT_LANES, blueprint_lines
from cjo_desktop.domain.model import Lane


def applied(journey: Journey) -> Journey:
    plan = blueprint_plan(journey)
    for lane, index in plan.add:
        journey.add_item(lane, index)
    for lane_id in plan.show:
        journey.update(lane_id, hidden=False)
    return journey


def kinds(journey: Journey) -> list[str]:
    return [lane.kind for lane in journey.lanes()]


def test_a_standard_map_becomes_the_blueprint_in_its_order_with_the_three_lines() -> None:
    journey = applied(Journey("Stay"))
    assert [(lane.id, lane.name, lane.kind) for lane in journey.lanes()] == list(BLUEPRINT_LANES)
    names = [name for name, _ in blueprint_lines(kinds(journey))]
    assert names == ["Line of interaction", "Line of visibility", "Line of internal interaction"]
    assert not blueprint_plan(journey)  # a blueprint needs nothing more


def test_other_lanes_keep_their_places_and_a_removed_standard_lane_comes_back() -> None:
    journey = Journey("Stay")
    journey.remove_lane("ln-opportunities")
    journey.add_item(Lane("ln-quotes", "What they say", "thoughts"), 1)  # under the cards
    journey.add_item(Lane("ln-notes", "Notes", "text"))  # at the bottom
    applied(journey)
    assert kinds(journey) == [
        "touchpoints",
        "thoughts",
        "emotion",
        "customer_actions",
        "frontstage",
        "backstage",
        "support",
        "pain_points",
        "opportunities",
        "text",
    ]
    assert journey.lanes()[1].name == "What they say" and journey.lanes()[-1].name == "Notes"


def test_a_lane_of_a_kind_the_map_has_is_not_added_twice_and_ids_stay_free() -> None:
    journey = Journey("Stay")
    journey.add_item(Lane("ln-backstage", "Kitchen", "customer_actions"), 1)  # the id taken
    plan = blueprint_plan(journey)
    added = {lane.kind: lane for lane, _ in plan.add}
    assert set(added) == {"frontstage", "backstage", "support"}
    assert added["backstage"].id != "ln-backstage" and added["backstage"].id not in journey
    applied(journey)
    assert [lane.kind for lane in journey.lanes()].count("customer_actions") == 1


def test_hidden_blueprint_lanes_show_again_but_other_hidden_lanes_stay_hidden() -> None:
    journey = applied(Journey("Stay"))
    journey.update("ln-frontstage", hidden=True)
    journey.update("ln-opportunities", hidden=True)
    assert blueprint_plan(journey).show == ("ln-frontstage",)
    applied(journey)
    assert not journey.lane("ln-frontstage").hidden and journey.lane("ln-opportunities").hidden
