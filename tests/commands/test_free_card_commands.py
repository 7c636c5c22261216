"""Free cards: add to a cell, edit, move to another cell, link to touchpoints and unlink, each
one undo step named in words; refusals before the push, no-ops obsolete; removing a stage or a
touchpoint takes its free cards or links along and undo gives them back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    AddFreeCard,
    EditFreeCard,
    LinkFreeCard,
    Macro,
    MoveFreeCard,
    RemoveItems,
    RemoveStage,
    RemoveTouchpoint,
    SetEvidence,
    UnlinkFreeCard,
)
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.model import FreeCard, Lane

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


@pytest.fixture
def backstage(journey: Journey) -> Journey:
    """The shop with Backstage and Systems lanes and a card that supports the checkout."""
    journey.add_item(Lane("back", "Backstage", "backstage"), 1)
    journey.add_item(Lane("sys", "Systems", "systems"))
    journey.add_item(FreeCard("pick", "buy", "back", "Pick the order", supports=("checkout",)))
    journey.add_item(FreeCard("index", "browse", "back", "Index products"))
    return journey


def supports(card_id: str, *touchpoints: str) -> Callable[[Journey], None]:
    def check(j: Journey) -> None:
        assert j.free_card(card_id).supports == touchpoints

    return check


def test_add_a_free_card_to_a_cell(backstage: Journey, roundtrip: RoundTrip) -> None:
    command = AddFreeCard(backstage, "buy", "sys", "Payment gateway", owner="IT")
    assert command.text() == 'Add card "Payment gateway" to "Systems"'
    new = command.card_id
    assert new.startswith("fc-") and new not in backstage

    def check(j: Journey) -> None:
        card = j.free_card(new)
        assert (card.stage_id, card.lane_id, card.text, card.owner) == (
            "buy",
            "sys",
            "Payment gateway",
            "IT",
        )
        assert j.free_cards()[-1] == card

    roundtrip(backstage, command, check)


@pytest.mark.parametrize(
    ("stage", "lane", "text", "why"),
    [
        ("buy", "ln-emotion", "x", "filled by the program"),
        ("buy", "nope", "x", "nope"),
        ("nope", "back", "x", "nope"),
        ("buy", "back", "   ", "text"),
    ],
)
def test_a_free_card_where_none_can_go_is_refused(
    backstage: Journey, stage: str, lane: str, text: str, why: str
) -> None:
    before = backstage.copy()
    with pytest.raises(JourneyError, match=why):
        AddFreeCard(backstage, stage, lane, text)
    assert backstage == before


def test_edit_text_colour_link_and_owner_in_one_step(
    backstage: Journey, roundtrip: RoundTrip
) -> None:
    changes = {"text": "Pick and pack", "colour": "#FBE7BF", "link": "https://wiki/pick"}
    command = EditFreeCard(backstage, "pick", owner="Warehouse", **changes)

    def check(j: Journey) -> None:
        card = j.free_card("pick")
        assert card.text == "Pick and pack" and card.colour == "#fbe7bf"
        assert card.link == "https://wiki/pick" and card.owner == "Warehouse"
        assert card.supports == ("checkout",)

    roundtrip(backstage, command, check)


def test_edit_refuses_the_cell_the_links_and_bad_colours(backstage: Journey) -> None:
    with pytest.raises(JourneyError, match="move or link"):
        EditFreeCard(backstage, "pick", lane_id="sys")
    with pytest.raises(JourneyError, match="move or link"):
        EditFreeCard(backstage, "pick", supports=())
    with pytest.raises(JourneyError, match="#rrggbb"):
        EditFreeCard(backstage, "pick", colour="orange")
    assert EditFreeCard(backstage, "pick", text="Pick the order").isObsolete()


def test_move_to_another_cell(backstage: Journey, roundtrip: RoundTrip) -> None:
    command = MoveFreeCard(backstage, "pick", "browse", "sys")
    assert command.text() == 'Move card "Pick the order" to "Browse" / "Systems"'

    def check(j: Journey) -> None:
        card = j.free_card("pick")
        assert (card.stage_id, card.lane_id) == ("browse", "sys")
        assert j.free_cards("browse", "sys") == [card]

    roundtrip(backstage, command, check)
    assert MoveFreeCard(backstage, "pick", "buy", "back").isObsolete()
    with pytest.raises(JourneyError, match="filled by the program"):
        MoveFreeCard(backstage, "pick", "buy", "ln-pain-points")


def test_link_and_unlink(backstage: Journey, roundtrip: RoundTrip) -> None:
    link = LinkFreeCard(backstage, "pick", "cart")
    assert link.text() == 'Link card "Pick the order" to "Cart"'
    roundtrip(backstage, link, supports("pick", "checkout", "cart"))
    unlink = UnlinkFreeCard(backstage, "pick", "checkout")
    assert unlink.text() == 'Unlink card "Pick the order" from "Checkout"'
    roundtrip(backstage, unlink, supports("pick"))


def test_links_made_one_after_another_in_a_macro_add_up(
    backstage: Journey, stack: QUndoStack
) -> None:
    before = backstage.copy()
    macro = Macro("Link")
    LinkFreeCard(backstage, "index", "search", parent=macro)
    LinkFreeCard(backstage, "index", "product", parent=macro)
    stack.push(macro)
    assert backstage.free_card("index").supports == ("search", "product")
    stack.undo()
    assert backstage == before


def test_a_link_twice_or_an_unlink_of_no_link_is_refused(backstage: Journey) -> None:
    with pytest.raises(JourneyError, match="already"):
        LinkFreeCard(backstage, "pick", "checkout")
    with pytest.raises(JourneyError, match="does not support"):
        UnlinkFreeCard(backstage, "pick", "cart")
    with pytest.raises(JourneyError):
        LinkFreeCard(backstage, "pick", "browse")  # a stage is not a touchpoint


def test_free_cards_carry_evidence(backstage: Journey, roundtrip: RoundTrip) -> None:
    command = SetEvidence(backstage, "pick", Evidence("assumed"))
    assert command.text() == 'Mark card "Pick the order" as assumed'

    def check(j: Journey) -> None:
        assert j.free_card("pick").evidence == Evidence("assumed")

    roundtrip(backstage, command, check)


def test_removing_a_supported_touchpoint_unlinks_and_undo_links_again(
    backstage: Journey, stack: QUndoStack
) -> None:
    backstage.update("index", supports=("checkout", "search"))
    before = backstage.copy()
    stack.push(RemoveItems(backstage, ["checkout", "search"]))
    assert backstage.free_card("pick").supports == ()
    assert backstage.free_card("index").supports == ()
    stack.undo()
    assert backstage == before
    stack.push(RemoveTouchpoint(backstage, "checkout"))
    assert backstage.free_card("index").supports == ("search",)
    stack.undo()
    assert backstage == before


def test_removing_a_stage_takes_its_free_cards_and_undo_brings_them_back(
    backstage: Journey, stack: QUndoStack
) -> None:
    before = backstage.copy()
    stack.push(RemoveStage(backstage, "buy"))
    assert [c.id for c in backstage.free_cards()] == ["index"]
    stack.undo()
    assert backstage == before
    assert [c.id for c in backstage.free_cards()] == ["pick", "index"]


def test_delete_of_a_selected_free_card(backstage: Journey, stack: QUndoStack) -> None:
    before = backstage.copy()
    command = RemoveItems(backstage, ["pick"])
    assert command.text() == 'Remove card "Pick the order"'
    stack.push(command)
    assert "pick" not in backstage
    stack.undo()
    assert backstage == before
