"""Persona curves as pictures show them: each persona's marks in its colour where the drawing
put them, the legend's names in PNG, SVG and PDF alike, nothing drawn (and nothing broken)
without an emotion lane, and the persona filter dims on screen only."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cjo_desktop.canvas.export import export_picture, scene_for, scene_image
from cjo_desktop.canvas.persona_item import DIMMED, PersonaCurves
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.layout import EMOTION_LANE
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

NAMES = ["Everyone", "Weekend hiker", "Family camper"]


@pytest.fixture
def example() -> Journey:
    return load_map(example_path())


def near(image: QImage, x: float, y: float, colour: str, reach: int = 4) -> int:
    want = QColor(colour)
    count = 0
    for i in range(round(x) - reach, round(x) + reach + 1):
        for j in range(round(y) - reach, round(y) + reach + 1):
            got = image.pixelColor(i, j)
            if max(abs(got.red() - want.red()), abs(got.green() - want.green())) < 14:
                count += abs(got.blue() - want.blue()) < 14
    return count


def test_every_persona_point_and_legend_row_is_drawn_in_its_colour(example: Journey) -> None:
    scene = scene_for(example)
    image = scene_image(scene, 1.0)
    item = scene.persona_curves
    assert [c.name for c in item.curves] == NAMES[1:]
    for curve in item.curves:
        missing = [
            p.touchpoint_id for p in curve.points if near(image, p.x, p.y, curve.style.colour) < 6
        ]
        assert not missing, (curve.name, missing)
    rows = item.legend
    assert [r.text for r in rows] == NAMES
    for row, curve in zip(rows[1:], item.curves, strict=True):
        assert near(image, row.box.x + 8, row.box.y + row.box.h / 2, curve.style.colour) > 6


def test_svg_and_pdf_name_the_curves(example: Journey, tmp_path: Path) -> None:
    svg, pdf = tmp_path / "map.svg", tmp_path / "map.pdf"
    export_picture(example, svg)
    export_picture(example, pdf)
    text = svg.read_text(encoding="utf-8")
    assert all(name in text for name in NAMES)
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert all(name in words for name in NAMES)


def test_without_an_emotion_lane_nothing_is_drawn(example: Journey) -> None:
    scene = scene_for(example)
    layout = scene.layout
    assert layout is not None
    gone = dataclasses.replace(layout, lanes=[ln for ln in layout.lanes if ln.key != EMOTION_LANE])
    item = PersonaCurves()
    item.sync(example, gone, scene.cards)
    assert item.curves == [] and item.legend == [] and item.boundingRect().isEmpty()
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    item.paint(painter, QStyleOptionGraphicsItem())  # nothing to draw, nothing raised
    painter.end()


def test_the_filter_dims_on_screen_and_pictures_show_everyone(example: Journey) -> None:
    screen = JourneyScene()
    screen.set_journey(example)
    chosen: list[object] = []
    screen.personaFilterChanged.connect(chosen.append)
    screen.set_persona_filter("pe-family-camper")
    assert chosen == ["pe-family-camper"]
    assert screen.cards["tp-trail-blog"].opacity() == pytest.approx(DIMMED)  # hiker's only
    assert screen.cards["tp-store-return"].opacity() == 1.0  # the camper's own
    assert screen.cards["tp-cart"].opacity() == 1.0  # everyone's
    picture = scene_for(example)
    assert picture.persona_curves.chosen is None
    assert all(card.opacity() == 1.0 for card in picture.cards.values())
    screen.set_journey(None)
