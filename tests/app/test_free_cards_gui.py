"""Free cards as a user meets them, in the window: double-click a Backstage cell, type, Enter
(one undo step); link the card to a touchpoint in the Inspector and see the link drawn between
the two; export SVG and PNG with the card in them; drag the card to another cell (undo puts it
back); delete the touchpoint (the link goes, undo brings it back) and the stage (the card
goes, undo brings it back)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mouse import click, double_click, drag
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cjo_desktop.app.export.dialog import ExportOptions
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas import free_card_item
from cjo_desktop.domain import Journey
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.io import save_map

OUT = Path("/tmp/h15/freecards")


def blueprint_map() -> Journey:
    """Three stages of cards with Backstage and Systems lanes under the touchpoints."""
    j = Journey("Gear order")
    for stage_id, name in (("browse", "Browse"), ("buy", "Buy"), ("get", "Delivery")):
        j.add_stage(name, id=stage_id)
    j.add_touchpoint("browse", "Product page", id="pdp", channel="web")
    j.add_touchpoint("buy", "Checkout", id="checkout", channel="web")
    j.add_touchpoint("get", "Delivery tracking", id="track", channel="email")
    j.add_flow("pdp", "checkout")
    j.add_flow("checkout", "track")
    j.add_item(Lane("back", "Backstage actions", "backstage"), 1)
    j.add_item(Lane("sys", "Systems", "systems"), 2)
    j.add_item(FreeCard("gateway", "buy", "sys", "Payment gateway", supports=("checkout",)))
    return j


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, window: MainWindow) -> Iterator[MainWindow]:
    """The window on the blueprint map, at 100%, the Backstage lane in view."""
    path = tmp_path / "gear.cjo.json"
    save_map(blueprint_map(), path)
    assert window.open_file(path)
    window.view.set_zoom(1.0)
    window.scene.flush()
    window.view.centerOn(cell(window, "get", "back").center())
    yield window


def cell(window: MainWindow, stage_id: str, lane_id: str) -> QRectF:
    layout = window.scene.layout
    assert layout is not None
    column = layout.column(stage_id)
    lane = layout.lane(f"lane:{lane_id}")
    return QRectF(column.x, lane.y, column.width, lane.height)


def new_card(window: MainWindow, qtbot: QtBot, stage_id: str, text: str) -> str:
    """Double-click an empty spot of the stage's Backstage cell, type, press Enter."""
    spot = cell(window, stage_id, "back")
    window.view.centerOn(spot.center())
    double_click(window.view, QPointF(spot.right() - 12, spot.bottom() - 6))
    edit = window.controller.inline.line_edit
    assert edit is not None, "a double-click in the cell starts typing the new card"
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.scene.flush()
    added = [c for c in window.document.journey.free_cards(stage_id, "back") if c.text == text]
    assert len(added) == 1
    return added[0].id


def test_double_click_a_cell_type_and_enter_adds_a_free_card_in_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    before = journey.copy()
    card_id = new_card(window, qtbot, "get", "Warehouse pick")
    assert stack.count() == 1
    assert stack.undoText() == 'Add card "Warehouse pick" to "Backstage actions"'
    item = window.scene.free.cards[card_id]
    assert item.isSelected()
    assert cell(window, "get", "back").contains(item.footprint())
    assert item.lines == ["Warehouse pick"]
    stack.undo()
    assert journey == before
    window.scene.flush()
    assert card_id not in window.scene.free.cards


def test_link_in_the_inspector_draws_a_link_between_the_two_cards(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    card_id = new_card(window, qtbot, "get", "Warehouse pick")
    click(window.view, window.scene.free.cards[card_id].footprint().center())
    qtbot.waitUntil(lambda: window.inspector.target == ("free card", card_id))
    page = window.inspector.free_card
    page.choice.setFocus()
    qtbot.keyClicks(page.choice, "delivery tr")  # a user types the start of the name
    qtbot.mouseClick(page.add, Qt.MouseButton.LeftButton)
    assert journey.free_card(card_id).supports == ("track",)
    assert stack.undoText() == 'Link card "Warehouse pick" to "Delivery tracking"'
    window.scene.flush()
    link = window.scene.free.links[(card_id, "track")]
    card = window.scene.free.cards[card_id].footprint()
    target = window.scene.cards["track"].sceneBoundingRect()
    start, end = QPointF(*link.points[0]), link.end()
    assert abs(start.y() - card.top()) < 1 and card.left() <= start.x() <= card.right()
    assert abs(end.y() - window.scene.layout.cards["track"].bottom) < 1  # type: ignore[union-attr]
    assert target.left() <= end.x() <= target.right()
    qtbot.waitUntil(lambda: page.supports.count() == 1)  # the Inspector follows the map
    assert page.supports.item(0).text() == "Delivery tracking (Delivery)"
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "window-linked.png"))
    stack.undo()
    window.scene.flush()
    assert (card_id, "track") not in window.scene.free.links


def test_exports_hold_the_free_card_and_its_link(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    card_id = new_card(window, qtbot, "get", "Warehouse pick")
    window.scene.select_ids([card_id, "track"])
    window.link_card.trigger()  # Map > Link Card to Touchpoint
    assert window.document.journey.free_card(card_id).supports == ("track",)
    for name, kind in (("map.svg", "SVG"), ("map.png", "PNG")):
        with qtbot.waitSignal(window.exporter.exported, timeout=10_000):
            assert window.exporter.export(ExportOptions(tmp_path / name, kind, scale=1))
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "Warehouse pick" in svg and "Payment gateway" in svg
    picture = QImage(str(tmp_path / "map.png"))
    layout = window.scene.layout
    assert layout is not None and picture.width() >= round(layout.width)
    box = layout.free_cards[card_id]
    fill = picture.pixelColor(round(box.x + box.w - 12), round(box.y + box.h - 10))
    assert fill.name() == window.scene.free.cards[card_id].look.fill.lower()
    OUT.mkdir(parents=True, exist_ok=True)
    picture.save(str(OUT / "export.png"))


def test_drag_to_another_cell_moves_the_card_and_undo_returns_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    card_id = new_card(window, qtbot, "get", "Warehouse pick")
    item = window.scene.free.cards[card_id]
    target = cell(window, "buy", "sys")
    window.view.centerOn(QPointF(target.right(), target.top()))
    start = item.footprint().center()
    drag(window.view, start, QPointF(target.center().x(), target.bottom() - 16))
    card = journey.free_card(card_id)
    assert (card.stage_id, card.lane_id) == ("buy", "sys")
    assert stack.count() == 2
    assert stack.undoText() == 'Move card "Warehouse pick" to "Buy" / "Systems"'
    window.scene.flush()  # the cell grows a row for it, under the payment gateway
    assert cell(window, "buy", "sys").contains(window.scene.free.cards[card_id].footprint())
    stack.undo()
    window.scene.flush()
    assert (journey.free_card(card_id).stage_id, journey.free_card(card_id).lane_id) == (
        "get",
        "back",
    )
    assert cell(window, "get", "back").contains(window.scene.free.cards[card_id].footprint())


def test_a_card_dropped_outside_any_free_card_cell_goes_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    card_id = new_card(window, qtbot, "get", "Warehouse pick")
    item = window.scene.free.cards[card_id]
    home = item.pos()
    emotion = window.scene.layout.lane("emotion")  # type: ignore[union-attr]
    start = item.footprint().center()
    drag(window.view, start, QPointF(start.x(), emotion.y + emotion.height / 2))
    assert window.document.undo_stack.count() == 1  # the add only
    assert item.pos() == home


def test_deleting_the_touchpoint_unlinks_and_undo_links_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    assert ("gateway", "checkout") in window.scene.free.links
    window.scene.select_ids(["checkout"])
    window.acts.delete.trigger()
    window.scene.flush()
    assert journey.free_card("gateway").supports == ()
    assert ("gateway", "checkout") not in window.scene.free.links
    stack.undo()
    window.scene.flush()
    assert journey.free_card("gateway").supports == ("checkout",)
    assert ("gateway", "checkout") in window.scene.free.links


def test_deleting_the_stage_takes_its_free_cards_and_undo_brings_them_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    card_id = new_card(window, qtbot, "buy", "Fraud check")
    before = journey.copy()
    window.controller.confirm = lambda _question: True
    window.scene.select_ids(["buy"])
    window.acts.delete.trigger()
    window.scene.flush()
    assert card_id not in journey and "gateway" not in journey
    assert not window.scene.free.cards
    stack.undo()
    window.scene.flush()
    assert journey == before
    assert set(window.scene.free.cards) == {card_id, "gateway"}


def test_delete_removes_a_selected_free_card(window: MainWindow, qtbot: QtBot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    click(window.view, window.scene.free.cards["gateway"].footprint().center())
    assert window.scene.selected_free_cards() == ["gateway"]
    window.acts.delete.trigger()
    assert "gateway" not in journey
    assert stack.undoText() == 'Remove card "Payment gateway"'
    stack.undo()
    assert "gateway" in journey


def test_the_link_mark_and_ctrl_click_open_the_cards_link(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(free_card_item, "open_address", lambda url: opened.append(url) or True)
    window.document.journey.update("gateway", link="pay.example.com/admin")
    window.scene.flush()
    item = window.scene.free.cards["gateway"]
    assert item.mark.isVisible()
    assert "pay.example.com/admin" in item.mark.toolTip()
    click(window.view, item.mark.sceneBoundingRect().center())
    assert opened == ["https://pay.example.com/admin"]
    assert not item.isSelected()  # the mark opens; it does not pick the card up
    click(window.view, item.footprint().center(), Qt.KeyboardModifier.ControlModifier)
    assert opened == ["https://pay.example.com/admin"] * 2
    window.document.journey.update("gateway", link="file:///etc/passwd")
    window.scene.flush()
    click(window.view, item.mark.sceneBoundingRect().center())
    assert len(opened) == 2  # only web and mail addresses open from the map
    assert "not opened" in item.mark.toolTip()


def test_the_inspector_edits_text_colour_and_owner_each_in_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["gateway"])
    qtbot.waitUntil(lambda: window.inspector.target == ("free card", "gateway"))
    page = window.inspector.free_card
    page.owner.setFocus()
    qtbot.keyClicks(page.owner, "IT")
    qtbot.keyClick(page.owner, Qt.Key.Key_Return)
    assert journey.free_card("gateway").owner == "IT"
    orange = next(b for name, b in page.swatches.items() if b.toolTip() == "Orange")
    qtbot.mouseClick(orange, Qt.MouseButton.LeftButton)
    assert journey.free_card("gateway").colour == next(
        name for name, b in page.swatches.items() if b is orange
    )
    window.scene.flush()
    assert window.scene.free.cards["gateway"].look.fill == journey.free_card("gateway").colour
    qtbot.mouseClick(page.default_colour, Qt.MouseButton.LeftButton)
    assert journey.free_card("gateway").colour == ""
    assert stack.count() == 3


def test_cut_leaves_free_cards_alone_and_says_so(window: MainWindow, qtbot: QtBot) -> None:
    journey = window.document.journey
    messages: list[str] = []
    window.controller.statusMessage.connect(messages.append)
    window.scene.select_ids(["gateway", "pdp"])
    window.acts.cut.trigger()
    assert "gateway" in journey and "pdp" not in journey  # the touchpoint went to the clipboard
    assert messages == ["Free cards are not copied or cut; Delete removes them"]
