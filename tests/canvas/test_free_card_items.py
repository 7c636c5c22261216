"""A free card's item as the scene draws it: its text wrapped and cut to what fits (fewer lines
when the owner or an evidence tag takes the bottom row), its tooltip, the badge of open
comments on it, a bitmap far out as the cards are, and its links under every card."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands.comments import describe_target
from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import Comment
from cjo_desktop.domain.evidence import Evidence
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.editor.accessible import describe_selection

LONG = "Carrier API sends tracking events to the shop, to email and to the customer's phone"


def journey() -> Journey:
    j = Journey("Shop")
    j.add_stage("Delivery", id="get")
    j.add_touchpoint("get", "Tracking", id="track", channel="email")
    j.add_item(Lane("sys", "Systems", "systems"), 1)
    j.add_item(FreeCard("long", "get", "sys", LONG, supports=("track",)))
    j.add_item(FreeCard("owned", "get", "sys", LONG, owner="IT", evidence=Evidence("assumed")))
    return j


def test_text_wraps_into_what_the_card_holds(qtbot: QtBot) -> None:
    scene = JourneyScene()
    scene.set_journey(journey())
    long, owned = scene.free.cards["long"], scene.free.cards["owned"]
    assert len(long.lines) == 3 and long.lines[-1].endswith("\N{HORIZONTAL ELLIPSIS}")
    assert len(owned.lines) == 2  # the owner and the "assumed" tag share the bottom row
    assert "Owner: IT" in owned.toolTip() and "Evidence: assumed" in owned.toolTip()
    assert "Supports: Tracking" in long.toolTip() and "Systems in Delivery" in long.toolTip()
    scene.set_journey(None)


def test_comments_on_a_free_card_show_as_its_badge(qtbot: QtBot) -> None:
    j = journey()
    j.add_comment(Comment("c1", "long", "Ana", "Which API?", "2026-12-08T00:00:00Z"))
    scene = JourneyScene()
    scene.set_journey(j)
    assert scene.free.cards["long"].comments == 1
    assert "1 open comment" in scene.free.cards["long"].toolTip()
    assert scene.free.cards["owned"].comments == 0
    assert describe_target(j, "long").startswith('card "Carrier API')
    scene.set_comments_visible(False)
    assert scene.free.cards["long"].comments == 0
    scene.set_journey(None)


def test_far_out_a_free_card_is_a_bitmap_and_links_lie_under_the_cards(qtbot: QtBot) -> None:
    scene = JourneyScene()
    scene.set_journey(journey())
    item = scene.free.cards["long"]
    scene.set_far(True)
    assert item.cacheMode() == item.CacheMode.DeviceCoordinateCache
    scene.set_far(False)
    assert item.cacheMode() == item.CacheMode.NoCache
    link = scene.free.links[("long", "track")]
    card = scene.cards["track"]
    assert isinstance(card, TouchpointCard)
    assert link.zValue() < min(card.zValue(), item.zValue())
    assert not link.acceptedMouseButtons()  # a press there starts the rubber band
    exported = JourneyScene(cached=False)
    exported.set_journey(journey())
    assert exported.free.links[("long", "track")].for_export
    exported.set_journey(None)
    scene.set_journey(None)


def test_the_screen_reader_hears_the_selected_free_card(qtbot: QtBot) -> None:
    j = journey()
    scene = JourneyScene()
    scene.set_journey(j)
    scene.select_ids(["long"])
    said = describe_selection(j, scene.selectedItems())
    assert said.startswith("Card Carrier API") and "in Systems, stage Delivery" in said
    assert said.endswith("supports Tracking")
    scene.select_ids(["long", "owned", "track"])
    assert describe_selection(j, scene.selectedItems()) == (
        "1 touchpoint and 2 free cards selected"
    )
    scene.set_journey(None)


def test_far_out_the_links_are_one_picture_and_come_back_up_close(qtbot: QtBot) -> None:
    """As the flows: far out one item draws every link; a link added meanwhile joins it."""
    j = journey()
    scene = JourneyScene()
    scene.set_journey(j)
    link = scene.free.links[("long", "track")]
    scene.set_overview(True)
    assert not link.isVisible() and scene.free.overview.isVisible()
    assert scene.free.overview.boundingRect().contains(link.path.boundingRect().center())
    j.update("owned", supports=("track",))
    scene.flush()
    added = scene.free.links[("owned", "track")]
    assert not added.isVisible()
    assert scene.free.overview.boundingRect().contains(added.path.boundingRect().center())
    scene.set_overview(False)
    assert link.isVisible() and added.isVisible() and not scene.free.overview.isVisible()
    scene.set_journey(None)
