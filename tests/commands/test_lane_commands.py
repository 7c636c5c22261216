"""Lanes: add, rename, move, hide, collapse and remove (with their free cards), each one undo
step named in words; refusals before the push, no-ops obsolete."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    AddLane,
    MoveLane,
    RemoveItems,
    RemoveLane,
    RemoveStage,
    RenameLane,
    SetLaneCollapsed,
    SetLaneHidden,
)
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.model import FreeCard, Lane

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]
STANDARD = ["ln-touchpoints", "ln-emotion", "ln-pain-points", "ln-opportunities"]


def lane_ids(j: Journey) -> list[str]:
    return [lane.id for lane in j.lanes()]


@pytest.fixture
def backstage(journey: Journey) -> Journey:
    """The shop with a backstage lane under the touchpoints and three free cards in it (and
    one in a systems lane at the bottom)."""
    journey.add_item(Lane("back", "Backstage", "backstage"), 1)
    journey.add_item(Lane("sys", "Systems", "systems"))
    journey.add_item(FreeCard("fc-1", "browse", "back", "Index products"))
    journey.add_item(FreeCard("fc-2", "buy", "sys", "Payment gateway"))
    journey.add_item(FreeCard("fc-3", "buy", "back", "Pick the order"))
    journey.add_item(FreeCard("fc-4", "browse", "back", "Tag photos"))
    return journey


def test_add_lane_at_an_index(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddLane(journey, "Backstage", "backstage", index=1)
    assert command.text() == 'Add lane "Backstage"'
    new = command.lane_id
    assert new.startswith("ln-") and new not in journey

    def check(j: Journey) -> None:
        assert lane_ids(j) == ["ln-touchpoints", new, *STANDARD[1:]]
        assert j.lane(new).kind == "backstage"

    roundtrip(journey, command, check)


def test_a_second_lane_of_an_automatic_kind_is_refused_in_the_journeys_words(
    journey: Journey, stack: QUndoStack
) -> None:
    with pytest.raises(JourneyError, match="has a emotion lane already"):
        AddLane(journey, "Feelings again", "emotion")
    with pytest.raises(JourneyError, match="not a kind of lane"):
        AddLane(journey, "Odd", "sideways")  # type: ignore[arg-type]
    with pytest.raises(JourneyError):
        AddLane(journey, "  ", "systems")
    assert stack.count() == 0 and lane_ids(journey) == STANDARD
    AddLane(journey, "Owners", "owners")  # a kind the map does not have yet is fine


def test_rename_hide_collapse_each_named_and_undone(journey: Journey, roundtrip: RoundTrip) -> None:
    rename = RenameLane(journey, "ln-emotion", "Feelings")
    assert rename.text() == 'Rename lane "Emotion" to "Feelings"'
    roundtrip(journey, rename, lambda j: assert_equal(j.lane("ln-emotion").name, "Feelings"))
    hide = SetLaneHidden(journey, "ln-pain-points", True)
    assert hide.text() == 'Hide lane "Pain points"'
    roundtrip(journey, hide, lambda j: assert_equal(j.lane("ln-pain-points").hidden, True))
    fold = SetLaneCollapsed(journey, "ln-opportunities", True)
    assert fold.text() == 'Collapse lane "Opportunities"'
    roundtrip(journey, fold, lambda j: assert_equal(j.lane("ln-opportunities").collapsed, True))
    journey.update("ln-emotion", hidden=True, collapsed=True)
    assert SetLaneHidden(journey, "ln-emotion", False).text() == 'Show lane "Emotion"'
    assert SetLaneCollapsed(journey, "ln-emotion", False).text() == 'Expand lane "Emotion"'


def assert_equal(a: object, b: object) -> None:
    assert a == b


def test_edits_that_change_nothing_are_obsolete(journey: Journey, stack: QUndoStack) -> None:
    before = journey.copy()
    for command in (
        RenameLane(journey, "ln-emotion", "Emotion"),
        SetLaneHidden(journey, "ln-emotion", False),
        SetLaneCollapsed(journey, "ln-emotion", False),
        SetLaneHidden(journey, "ln-touchpoints", False),
        MoveLane(journey, "ln-emotion", 1),
    ):
        assert command.isObsolete(), command.text()
        stack.push(command)
    assert stack.count() == 0 and journey == before


def test_the_touchpoint_lane_cannot_be_hidden_collapsed_or_removed(journey: Journey) -> None:
    for build in (
        lambda: SetLaneHidden(journey, "ln-touchpoints", True),
        lambda: SetLaneCollapsed(journey, "ln-touchpoints", True),
        lambda: RemoveLane(journey, "ln-touchpoints"),
        lambda: RemoveItems(journey, ["ln-emotion", "ln-touchpoints"]),
    ):
        with pytest.raises(JourneyError, match="touchpoint lane holds the cards"):
            build()
    with pytest.raises(JourneyError):
        SetLaneHidden(journey, "browse", True)  # a stage is not a lane
    with pytest.raises(JourneyError):
        SetLaneHidden(journey, "ln-emotion", 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lane", "index", "text", "order"),
    [
        ("ln-opportunities", 1, 'Move lane "Opportunities" up', [0, 3, 1, 2]),
        ("ln-touchpoints", 3, 'Move lane "Touchpoints" down', [1, 2, 3, 0]),
        ("ln-emotion", 2, 'Move lane "Emotion" down', [0, 2, 1, 3]),
    ],
)
def test_move_lane(
    journey: Journey, roundtrip: RoundTrip, lane: str, index: int, text: str, order: list[int]
) -> None:
    command = MoveLane(journey, lane, index)
    assert command.text() == text
    roundtrip(journey, command, lambda j: assert_equal(lane_ids(j), [STANDARD[i] for i in order]))


@pytest.mark.parametrize("index", [-1, 4, None, 1.5, True])
def test_move_lane_refuses_an_index_outside_the_lanes(journey: Journey, index: object) -> None:
    if index is None:
        assert MoveLane(journey, "ln-emotion", index).index == 3  # type: ignore[arg-type]
        return
    with pytest.raises(JourneyError):
        MoveLane(journey, "ln-emotion", index)  # type: ignore[arg-type]


def test_remove_lane_takes_its_free_cards_and_undo_restores_them_in_order(
    backstage: Journey, roundtrip: RoundTrip
) -> None:
    command = RemoveLane(backstage, "back")
    assert command.text() == 'Remove lane "Backstage" and its 3 cards'
    assert [c.text() for c in command.children()] == [
        'Remove card "Index products"',
        'Remove card "Pick the order"',
        'Remove card "Tag photos"',
    ]

    def check(j: Journey) -> None:
        assert "back" not in j and lane_ids(j) == [*STANDARD, "sys"]
        assert [c.id for c in j.free_cards()] == ["fc-2"]

    roundtrip(backstage, command, check)
    assert RemoveLane(backstage, "ln-emotion").text() == 'Remove lane "Emotion"'


def test_delete_a_selection_of_lanes_and_free_cards(
    backstage: Journey, roundtrip: RoundTrip
) -> None:
    assert RemoveItems(backstage, ["fc-2"]).text() == 'Remove card "Payment gateway"'
    assert RemoveItems(backstage, ["fc-2", "fc-3"]).text() == "Remove 2 cards"
    assert RemoveItems(backstage, ["back"]).text() == 'Remove lane "Backstage" and its 3 cards'
    command = RemoveItems(backstage, ["fc-1", "back", "fc-2", "ln-emotion"])
    assert command.text() == "Remove 4 items"

    def check(j: Journey) -> None:
        assert lane_ids(j) == ["ln-touchpoints", "ln-pain-points", "ln-opportunities", "sys"]
        assert j.free_cards() == []

    roundtrip(backstage, command, check)


def test_removing_a_stage_takes_its_free_cards(backstage: Journey, roundtrip: RoundTrip) -> None:
    command = RemoveStage(backstage, "browse")

    def check(j: Journey) -> None:
        assert [c.id for c in j.free_cards()] == ["fc-2", "fc-3"]

    roundtrip(backstage, command, check)
    both = RemoveItems(backstage, ["browse", "back", "fc-4"])

    def check_both(j: Journey) -> None:
        assert [c.id for c in j.free_cards()] == ["fc-2"]

    roundtrip(backstage, both, check_both)


def test_removing_touchpoints_unlinks_the_free_cards_that_support_them(
    backstage: Journey, roundtrip: RoundTrip
) -> None:
    backstage.update("fc-3", supports=("cart", "search", "checkout"))
    backstage.update("fc-2", supports=("cart",))

    def check(j: Journey) -> None:
        assert j.free_card("fc-3").supports == ("search",)
        assert j.free_card("fc-2").supports == ()

    roundtrip(backstage, RemoveItems(backstage, ["checkout", "cart"]), check)
    roundtrip(
        backstage,
        RemoveItems(backstage, ["fc-3", "cart"]),
        lambda j: assert_equal(j.free_card("fc-2").supports, ()),
    )
