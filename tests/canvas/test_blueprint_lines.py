"""The service blueprint's three lines run across the whole map at the layout's heights, named
in words where they cover no title, on screen and in every export; collapsed lanes are strips."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdf_words import boxes
from PySide6.QtGui import QColor, QImage

from cjo_desktop.canvas import lane_titles
from cjo_desktop.canvas.export import export_picture, scene_for, scene_image
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.style import METRICS
from cjo_desktop.io.templates import new_from_template

LINES = ["Line of interaction", "Line of visibility", "Line of internal interaction"]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def dark_share(image: QImage, y: float, x0: float, x1: float) -> float:
    """The share of pixels along row ``y`` from ``x0`` to ``x1`` that are dark ink."""
    row = round(y)
    xs = range(round(x0), round(x1))
    dark = [QColor(image.pixel(x, row)).lightness() < 110 for x in xs]
    return sum(dark) / len(dark)


def blueprint() -> Journey:
    return new_from_template("service-blueprint")


def test_the_three_lines_cross_the_whole_map_at_the_tops_of_their_lanes() -> None:
    scene = scene_for(blueprint())
    layout = scene.layout
    assert layout is not None
    tops = {lane.kind: lane.y for lane in layout.lanes}
    assert layout.blueprint == [
        (LINES[0], tops["frontstage"]),
        (LINES[1], tops["backstage"]),
        (LINES[2], tops["support"]),
    ]
    image = scene_image(scene, 1.0)
    right = layout.width - METRICS.margin
    for _, y in layout.blueprint:
        middle = y + lane_titles.LINE_PEN / 2
        # dashed: about two thirds ink, across the label column and every stage alike
        assert 0.5 < dark_share(image, middle, METRICS.margin, right) < 0.8
        assert 0.5 < dark_share(image, middle, METRICS.margin, layout.grid_left) < 0.8
    # a lane rule elsewhere is a light hairline, not a line of the blueprint
    emotion = next(lane for lane in layout.lanes if lane.kind == "emotion")
    assert dark_share(image, emotion.y, layout.grid_left, right) == 0.0


def test_a_map_without_the_blueprint_lanes_draws_no_line() -> None:
    scene = scene_for(new_from_template("car-purchase"))
    assert scene.layout is not None and scene.layout.blueprint == []


def test_the_names_of_long_lines_and_lanes_wrap_inside_the_label_column() -> None:
    width = METRICS.label_width - 20
    names = lane_titles.line_name_lines(LINES[2], width)
    assert names == ["Line of internal", "interaction"]
    assert lane_titles.line_name_lines(LINES[0], width) == [LINES[0]]
    title = lane_titles.title_lines("Support processes", width, 88)
    assert " ".join(title) == "Support processes"
    assert "…" not in "".join(title)


def test_an_svg_names_the_three_lines_in_words(tmp_path: Path) -> None:
    out = tmp_path / "blueprint.svg"
    export_picture(blueprint(), out)
    text = out.read_text(encoding="utf-8")
    for words in ("Line of interaction", "Line of visibility", "Line of internal", "interaction"):
        assert f">{words}<" in text, words


def overlapping(page: list[tuple[float, float, float, float, str]], word_index: int) -> list[str]:
    x0, y0, x1, y1, _ = page[word_index]
    return [
        w
        for i, (a0, b0, a1, b1, w) in enumerate(page)
        if i != word_index and a0 < x1 - 0.2 and x0 < a1 - 0.2 and b0 < y1 - 0.2 and y0 < b1 - 0.2
    ]


@needs_poppler
@pytest.mark.parametrize("collapsed", [False, True])
def test_a_pdf_names_the_lines_clear_of_every_other_word(tmp_path: Path, collapsed: bool) -> None:
    journey = blueprint()
    journey.update("ln-support", collapsed=collapsed)  # collapsed: the name goes in the strip
    out = tmp_path / "blueprint.pdf"
    export_picture(journey, out)
    page = boxes(out)[0]  # tiled on A4: the first sheet holds the label column
    words = [w for *_, w in page]
    for name in ("interaction", "visibility", "internal"):
        assert name in words
    for i, word in enumerate(words):
        assert overlapping(page, i) == [], word
    if collapsed:  # the strip's title on one line, the line's name beside it
        support, processes = page[words.index("Support")], page[words.index("processes")]
        internal = page[words.index("internal")]
        assert processes[1] == pytest.approx(support[1], abs=0.5)
        assert internal[0] > processes[2] and internal[1] == pytest.approx(support[1], abs=3)


def test_a_collapsed_lane_is_a_muted_strip_with_a_disclosure_triangle() -> None:
    journey = blueprint()
    journey.update("ln-customer", collapsed=True)
    scene = scene_for(journey)
    layout = scene.layout
    assert layout is not None
    strip = next(lane for lane in layout.lanes if lane.kind == "customer_actions")
    assert strip.collapsed and strip.height == METRICS.collapsed_lane_height
    image = scene_image(scene, 2.0)
    mid = 2 * (strip.y + strip.height / 2)
    left = 2 * (METRICS.margin + 10)
    triangle = [QColor(image.pixel(round(left + dx), round(mid))) for dx in range(2, 8)]
    assert all(c.lightness() < 140 for c in triangle)  # the triangle's muted ink
    fill = QColor(image.pixel(round(2 * layout.grid_left + 400), round(mid)))
    assert fill.name() == "#ebeef2"  # the strip's own shade, apart from the lane bands
