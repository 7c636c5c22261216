"""A tiled PDF repeats the lane names at the left of every page, not only the first column:
a sheet from the middle of the map still says which channel each row is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdf_words import boxes

from cjo_desktop.canvas.export import export_picture, scene_for
from cjo_desktop.drawing.print_pages import MARGIN_PT, plan_pages
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def words_by_page(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page: (xMax, yMin, word)."""
    return [[(x1, y0, w) for _, y0, x1, _, w in page] for page in boxes(pdf)]


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_every_tiled_page_names_the_lanes_at_its_left(tmp_path: Path, paper: str) -> None:
    journey = load_map(example_path())
    out = tmp_path / "map.pdf"
    export_picture(journey, out, page=paper)
    scene = scene_for(journey)
    layout = scene.layout
    assert layout is not None
    rect = scene.sceneRect()
    plan = plan_pages(rect.width(), rect.height(), paper)
    assert plan.columns > 1  # the example is tiled across pages at 6 pt
    pages = words_by_page(out)
    for tile, words in zip(plan.tiles, pages, strict=True):
        before = max(0.0, -tile.rect[0])  # a map centred on its pages starts in from the left
        strip = MARGIN_PT + (before + layout.grid_left - rect.left()) * plan.scale
        top, bottom = tile.rect[1] + rect.top(), tile.rect[1] + tile.rect[3] + rect.top()
        expected = {
            lane.title.split()[0]
            for lane in layout.lanes
            if top <= lane.y + lane.height / 2 <= bottom  # the lane's middle is on the page
        }
        at_left = {w for x_max, _, w in words if x_max <= strip + 0.5}
        missing = expected - at_left
        assert not missing, f"page row {tile.row + 1} column {tile.column + 1} lacks {missing}"
        assert expected, "a page shows no lane at all"
