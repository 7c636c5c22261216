"""Workshop mode follows the room: Tab to another stage or a card added off screen scrolls the
map to it, and the bar says how to set the channel (and Alt+C does it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cjo_desktop.app.panels.workshop import WorkshopBar
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path


@pytest.fixture
def room(qtbot: QtBot) -> Iterator[tuple[JourneyView, WorkshopBar]]:
    """The map at 100% in a small window, with the workshop bar under it, as projected."""
    document = Document(load_map(example_path()))
    scene = JourneyScene()
    scene.set_journey(document.journey)
    window = QWidget()
    view = JourneyView(scene)
    bar = WorkshopBar(document, scene, view=view)
    column = QVBoxLayout(window)
    column.addWidget(view, 1)
    column.addWidget(bar)
    qtbot.addWidget(window)
    window.resize(760, 560)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view.set_zoom(1.0)
    view.horizontalScrollBar().setValue(0)
    view.verticalScrollBar().setValue(0)
    bar.focus_entry()
    qtbot.waitUntil(bar.entry.hasFocus)
    yield view, bar
    scene.set_journey(None)


def visible(view: JourneyView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_tab_to_an_off_screen_stage_scrolls_to_it(
    qtbot: QtBot, room: tuple[JourneyView, WorkshopBar]
) -> None:
    view, bar = room
    header = view.scene().headers["st-advocacy"]  # type: ignore[attr-defined]
    assert not visible(view).intersects(header.sceneBoundingRect())  # off screen at the start
    qtbot.keyClick(bar.entry, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert bar.stage_label.text() == "Advocacy"
    rect = header.sceneBoundingRect()
    assert visible(view).contains(rect.topLeft())  # the stage's name shows
    qtbot.keyClick(bar.entry, Qt.Key.Key_Tab)
    assert bar.stage_label.text() == "Awareness"
    first = view.scene().headers["st-awareness"]  # type: ignore[attr-defined]
    assert visible(view).contains(first.sceneBoundingRect().topLeft())


def test_a_card_added_off_screen_comes_into_view(
    qtbot: QtBot, room: tuple[JourneyView, WorkshopBar]
) -> None:
    view, bar = room
    bar.set_stage("st-advocacy")  # chosen without scrolling, as a click on the canvas would
    view.horizontalScrollBar().setValue(0)
    qtbot.keyClicks(bar.entry, "Podcast mention")
    qtbot.keyClick(bar.entry, Qt.Key.Key_Return)
    (tp,) = [t for t in view.scene().journey.touchpoints() if t.name == "Podcast mention"]  # type: ignore[attr-defined]
    card = view.scene().cards[tp.id]  # type: ignore[attr-defined]
    assert visible(view).contains(card.sceneBoundingRect())
    assert bar.entry.hasFocus() and bar.entry.text() == ""  # ready for the next call-out


def test_the_bar_says_how_to_set_the_channel_and_alt_c_does(
    qtbot: QtBot, room: tuple[JourneyView, WorkshopBar]
) -> None:
    view, bar = room
    line = bar.channel.lineEdit()
    assert line is not None and "Alt+C" in line.placeholderText()
    assert "Alt+C" in bar.entry.toolTip() and "channel" in bar.entry.toolTip()
    qtbot.keyClicks(bar.entry, "TV ad")
    qtbot.keyClick(bar.entry, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bar.channel.hasFocus)
    qtbot.keyClicks(bar.channel, "TV")
    qtbot.keyClick(bar.channel, Qt.Key.Key_Return)
    journey = view.scene().journey  # type: ignore[attr-defined]
    (tp,) = [t for t in journey.touchpoints() if t.name == "TV ad"]
    assert tp.channel == "TV"
    assert bar.entry.hasFocus()
    qtbot.keyClicks(bar.entry, "Radio spot")  # the channel stays for the next card
    qtbot.keyClick(bar.entry, Qt.Key.Key_Return)
    (radio,) = [t for t in journey.touchpoints() if t.name == "Radio spot"]
    assert radio.channel == "TV"
