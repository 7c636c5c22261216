"""Semantic zoom on screen: the example map fitted to a 1600x1000 window shows every card's
title (before, cards at that zoom were empty boxes); at 100% cards are drawn in full; exports
keep the full drawing whatever the editor's zoom."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.export import png_bytes, scene_for
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.zoom import CardDrawing
from cjo_desktop.io.files import load_map
from cjo_desktop.io.templates import example_path

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


@pytest.fixture
def fitted(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.files.open_copy(example_path())
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.view.fit()
    window.scene.flush()
    yield window
    window.document.undo_stack.setClean()


def _paint(window: MainWindow) -> QImage:
    return window.view.viewport().grab().toImage()


def _ink_pixels(image: QImage, box: QRectF) -> int:
    """Pixels in ``box`` dark enough to be the title's ink on the card's light fill."""
    count = 0
    for x in range(int(box.left()), int(box.right())):
        for y in range(int(box.top()), int(box.bottom())):
            if QColor(image.pixel(x, y)).lightness() < 110:
                count += 1
    return count


def test_fitted_example_shows_every_cards_whole_title(fitted: MainWindow) -> None:
    view = fitted.view
    assert view.zoom < 0.4  # the zoom at which cards used to be empty boxes
    image = _paint(fitted)
    cards = list(fitted.scene.cards.values())
    assert len(cards) == 23
    plates = []
    for card in cards:
        assert card.last_drawing() is CardDrawing.SIMPLE, card.touchpoint.name
        lines = card.far_title_lines()
        name = shown(card.touchpoint.name)
        assert lines, f"{name}: no title drawn"
        assert not any(ELLIPSIS in line for line in lines), f"{name}: cut to {lines}"
        assert " ".join(lines).replace("- ", "-") == name  # every word, in order
        plate = view.mapFromScene(card.mapRectToScene(card.far_plate())).boundingRect()
        plates.append((name, QRectF(plate)))
        # and the words reach the screen: ink inside the card as drawn
        assert _ink_pixels(image, QRectF(plate).adjusted(4, 3, -3, -3)) >= 15, name
    for i, (name, plate) in enumerate(plates):  # no name is drawn over another
        for other, second in plates[i + 1 :]:
            assert not plate.intersects(second), f"{name} overlaps {other}"


def test_the_map_gets_the_window_width_but_one_side_column(fitted: MainWindow) -> None:
    """Outline above Inspector in one column at the right: the fitted map is 30% at
    1600 x 1000 (24% with a panel on each side), which is what gives three lines a name."""
    assert fitted.view.zoom >= 0.29
    assert fitted.view.viewport().width() >= 1600 * 0.8


def test_at_100_percent_cards_are_drawn_in_full(fitted: MainWindow) -> None:
    view = fitted.view
    view.set_zoom(1.0)
    _paint(fitted)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    shown_cards = [c for c in fitted.scene.cards.values() if seen.contains(c.sceneBoundingRect())]
    assert len(shown_cards) >= 3
    assert all(c.last_drawing() is CardDrawing.FULL for c in shown_cards)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_picture_exports_draw_cards_in_full(qtbot: QtBot, scale: float) -> None:
    scene = scene_for(load_map(example_path()))
    try:
        assert png_bytes(scene, scale)
        drawn = {c.last_drawing() for c in scene.cards.values()}
        assert drawn == {CardDrawing.FULL}
    finally:
        scene.clear()


def test_only_far_out_do_cards_claim_their_cell(fitted: MainWindow) -> None:
    """Fitted, a card's bounds hold the cell its name may grow into (else the cached picture
    would cut the name); at 100% they are what the full drawing covers, no more."""
    view = fitted.view
    card = next(iter(fitted.scene.cards.values()))
    assert card.sceneBoundingRect().width() > card.footprint().width() + 30
    view.set_zoom(1.0)
    assert card.sceneBoundingRect() == card.footprint()
    view.fit()
    assert card.sceneBoundingRect().contains(card.mapRectToScene(card.far_plate()))
