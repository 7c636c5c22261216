"""Personas driven as a user would: add one with a picture from a file in the Personas panel,
edit it, give it a feeling at a card in the Inspector and see its curve's point where that
feeling goes, mark a card as used by another persona, highlight a persona and see the cards
it does not use dimmed, then remove the persona with Delete and undo (the map as before)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cjo_desktop.app.personas import dialog as dialog_module
from cjo_desktop.app.personas.dialog import PersonaDialog
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.persona_item import DIMMED
from cjo_desktop.domain.lanes import MAX_PICTURE
from cjo_desktop.drawing.layout import EMOTION_LANE
from cjo_desktop.drawing.persona_curves import persona_style, valence_y

HIKER, CAMPER = "pe-weekend-hiker", "pe-family-camper"
CART, BLOG, SHIPPING = "tp-cart", "tp-trail-blog", "tp-checkout-shipping"
OUT = Path("/tmp/h15/personas")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A 'photo' larger than a persona's picture may be: 1200 x 800 px of gradients."""
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    for y in range(800):
        for x in range(0, 1200, 8):
            image.setPixelColor(x, y, QColor.fromHsv((x // 8) % 360, 160, 40 + y % 200))
    path = tmp_path / "planner.jpg"
    assert image.save(str(path), "JPEG", 95)
    return path


def open_dialog(qtbot: QtBot) -> PersonaDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PersonaDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PersonaDialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: PersonaDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def choose(combo: object, text: str) -> None:
    """Pick an entry as a user does: focus the combo, choose the entry, which activates it."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, text
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def colour_near(window: MainWindow, x: float, y: float, colour: str) -> int:
    """Pixels of ``colour`` within 8 units of (x, y), the scene drawn at twice its size."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    window.scene.render(painter, QRectF(0, 0, 64, 64), QRectF(x - 16, y - 16, 32, 32))
    painter.end()
    want = QColor(colour)
    return sum(
        1
        for i in range(16, 48)
        for j in range(16, 48)
        if abs(image.pixelColor(i, j).red() - want.red()) < 12
        and abs(image.pixelColor(i, j).green() - want.green()) < 12
        and abs(image.pixelColor(i, j).blue() - want.blue()) < 12
    )


def test_a_persona_from_the_panel_to_the_map_and_back(
    window: MainWindow, qtbot: QtBot, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(dialog_module, "ask_picture_path", lambda _parent: photo)
    journey, stack, dock = window.document.journey, window.document.undo_stack, window.persona_dock
    dock.show()
    dock.raise_()
    count = stack.count()

    # Add, with a picture chosen from a file: scaled to fit 256 px, kept in the map.
    qtbot.mouseClick(dock.add, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(dialog.name, "Expedition planer")
    qtbot.keyClicks(dialog.description, "Plans a month in the mountains, a year ahead.")
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    x = "\N{MULTIPLICATION SIGN}"
    assert f"scaled down from 1200 {x} 800 px to 256 {x} 170 px" in dialog.note.text()
    dialog.grab().save(str(OUT / "dialog.png"))
    click_ok(qtbot, dialog)
    planner = journey.personas()[-1]
    assert (planner.name, planner.description) == (
        "Expedition planer",
        "Plans a month in the mountains, a year ahead.",
    )
    raw = base64.b64decode(planner.picture)
    assert raw.startswith(b"\xff\xd8\xff") and len(raw) <= MAX_PICTURE  # a photo: a JPEG
    picture = QImage.fromData(raw)
    assert (picture.width(), picture.height()) == (256, 170)
    assert stack.count() == count + 1 and stack.undoText() == 'Add persona "Expedition planer"'
    assert dock.list.count() == 3 and dock.current_id() == planner.id

    # Edit: double-click the row, fix the name; the picture stays. One undo step.
    rect = dock.list.visualItemRect(dock.list.item(2))
    # a double click as the system sends it: press and release, then the second press
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(qtbot)
    assert dialog.name.text() == "Expedition planer" and dialog.picture == planner.picture
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Expedition planner")
    click_ok(qtbot, dialog)
    assert journey.persona(planner.id).name == "Expedition planner"
    assert journey.persona(planner.id).picture == planner.picture
    assert stack.count() == count + 2

    # Its feeling at the cart, in the Inspector: its curve gets a point at +2.
    window.scene.select_ids([CART])
    qtbot.waitUntil(lambda: window.inspector.target == ("touchpoint", CART))
    rows = window.inspector.personas.rows
    assert list(rows) == [HIKER, CAMPER, planner.id]
    choose(rows[planner.id].feeling, "+2 delighted")
    mine = [e for e in journey.emotions(CART) if e.persona_id == planner.id]
    assert [e.valence for e in mine] == [2]
    assert stack.undoText() == 'Set feeling of "Cart" for "Expedition planner" to +2 (delighted)'
    window.scene.flush()
    curves = {c.persona_id: c for c in window.scene.persona_curves.curves}
    (point,) = curves[planner.id].points
    lane = window.scene.layout.lane(EMOTION_LANE)
    assert point.touchpoint_id == CART and point.y == pytest.approx(valence_y(lane, 2))
    assert point.y == pytest.approx(lane.y + 22)  # +2: near the top of the lane
    colour = persona_style(2).colour
    assert colour_near(window, point.x, point.y, colour) > 20  # its marker is drawn there
    assert [r.text for r in window.scene.persona_curves.legend][-1] == "Expedition planner"

    # The cart is used by the weekend hiker only: tick the box.
    qtbot.mouseClick(rows[HIKER].uses, Qt.MouseButton.LeftButton)
    assert journey.touchpoint(CART).personas == (HIKER,)
    assert stack.undoText() == 'Mark "Cart" as used by "Weekend hiker"'
    qtbot.waitUntil(lambda: "Only the ticked" in window.inspector.personas.hint.text())

    # Highlight the planner: the cart (the hiker's only) and the hiker's cards dim.
    choose(dock.highlight, "Expedition planner")
    window.scene.flush()
    cards = window.scene.cards
    assert cards[CART].opacity() == pytest.approx(DIMMED)
    assert cards[BLOG].opacity() == pytest.approx(DIMMED)  # the example's: the hiker's only
    assert cards[SHIPPING].opacity() == 1.0  # everyone's
    window.view.centerOn(cards[CART])
    window.grab().save(str(OUT / "window-highlight-planner.png"))
    # View > Highlight Persona says the same, and picks another.
    menu = window.personas.highlight_menu
    menu.aboutToShow.emit()
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == ["&3 Expedition planner"]
    next(a for a in menu.actions() if a.text() == "&1 Weekend hiker").trigger()
    assert cards[CART].opacity() == 1.0 and cards[BLOG].opacity() == 1.0
    assert dock.highlight.currentText() == "Weekend hiker"
    assert stack.count() == count + 4  # highlighting is no edit

    # Remove the hiker (its feelings and marks go with it) with Delete; undo: all back.
    before = journey.copy()
    dock.select(HIKER)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert HIKER not in journey and journey.touchpoint(CART).personas == ()
    assert not [e for e in journey.emotions() if e.persona_id == HIKER]
    qtbot.waitUntil(lambda: dock.highlight.currentText() == "All personas")  # filter let go
    assert cards[BLOG].opacity() == 1.0
    stack.undo()
    assert journey == before
    qtbot.waitUntil(lambda: dock.list.count() == 3)


def test_a_file_that_is_no_picture_is_refused_in_words(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(dialog_module, "ask_picture_path", lambda _parent: text)
    window.persona_dock.raise_()
    window.persona_dock.select(HIKER)
    qtbot.mouseClick(window.persona_dock.edit, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert "notes.png is not a PNG or JPEG picture" in dialog.note.text()
    assert dialog.picture == ""
    count = window.document.undo_stack.count()
    click_ok(qtbot, dialog)  # nothing changed: no step
    assert window.document.undo_stack.count() == count


def test_the_example_draws_two_persona_curves_with_a_legend(window: MainWindow) -> None:
    window.scene.flush()
    item = window.scene.persona_curves
    assert [c.persona_id for c in item.curves] == [HIKER, CAMPER]
    assert [r.text for r in item.legend] == ["Everyone", "Weekend hiker", "Family camper"]
    lane = window.scene.layout.lane(EMOTION_LANE)
    window.view.centerOn(window.scene.layout.grid_left + 400, lane.y + lane.height / 2)
    for _ in range(3):
        QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "window-example.png"))
    view = window.view
    top_left = view.mapFromScene(window.scene.layout.metrics.margin, lane.y)
    assert view.viewport().rect().contains(top_left + QPoint(4, 4))
