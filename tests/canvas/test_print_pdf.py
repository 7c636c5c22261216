"""PDF exports that print: every card name at 6 pt or more, as text a reader can select."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdf_words import name_heights, norm, pages_of_words

from cjo_desktop.canvas.export import export_picture, scene_for
from cjo_desktop.drawing.print_pages import plan_pages
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path, new_from_template

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_example_card_names_print_at_six_points_as_text(tmp_path: Path, paper: str) -> None:
    journey = load_map(example_path())
    out = tmp_path / f"map-{paper}.pdf"
    export_picture(journey, out, page=paper)
    scene = scene_for(journey)
    rect = scene.sceneRect()
    plan = plan_pages(rect.width(), rect.height(), paper)
    pages = pages_of_words(out)
    assert len(pages) == plan.pages > 1  # the example is too wide for one page at 6 pt
    for tp_id, card in scene.cards.items():
        first = norm(card._lines[0]).split()
        heights = name_heights(pages, first)
        assert heights, f"card {tp_id} ({first}) not found as text in the {paper} PDF"
        assert min(heights) >= 6.0, f"{first} prints at {min(heights):.2f} pt on {paper}"
    keys = [" ".join(w for _, _, w in words) for words in pages]
    assert "page 2 of" in keys[1] and "row 1 column 2" in keys[1]


def test_a_map_that_fits_stays_on_one_page_with_names_of_six_points(tmp_path: Path) -> None:
    journey = new_from_template("car-purchase")  # 2294 x 1066 units: one A3 page at 7.4 pt
    out = tmp_path / "car.pdf"
    export_picture(journey, out, page="A3")
    pages = pages_of_words(out)
    assert len(pages) == 1
    for card in scene_for(journey).cards.values():
        assert min(name_heights(pages, norm(card._lines[0]).split())) >= 6.0
