"""The report's map pages print every card name at 6 pt or more as real, selectable text
(the rule of the picture export), and the report around them keeps its page numbers,
titles and contents right."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cjo_command import run_cjo
from pdf_words import Words, name_heights, norm, page_count, pages_of_words, text
from survey_scales import FLAGS

from cjo_desktop.canvas.export import scene_for
from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path, new_from_template
from cjo_desktop.report import ReportOptions, make_report

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="needs poppler-utils"
)

DATA = example_path().parent / "outdoor-gear-shop-data"
IMPORTS = (
    ("survey-2025-q1.csv", "baseline Q1"),
    ("funnel-2025-03.csv", "funnel March"),
    ("survey-2025-q2.csv", "after redesign"),
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    """The bundled example with its three snapshots imported, as a user would."""
    path = tmp_path_factory.mktemp("example") / "shop.cjo.json"
    shutil.copy(example_path(), path)
    for data, label in IMPORTS:
        flags = FLAGS if data == "survey-2025-q1.csv" else ()
        result = run_cjo("import-metrics", path, DATA / data, "--snapshot", label, *flags)
        assert result.returncode == 0, result.stderr
    return load_map(path)


def check_report(journey: Journey, pdf: Path) -> list[Words]:
    """The report of ``journey``: every card name on its map pages as text of 6 pt or more,
    footers numbering every page, map titles counting the parts, contents pointing right."""
    count = make_report(journey, pdf, ReportOptions())
    assert page_count(pdf) == count
    pages = pages_of_words(pdf)
    assert len(pages) == count
    for number, words in enumerate(pages, 1):
        assert f"page {number} of {count}" in text(words), f"footer of page {number}"
    titles = [text(words[:12]) for words in pages]
    maps = [i for i, t in enumerate(titles) if t.startswith("The map")]
    assert maps and maps[0] == 1  # right after the title page
    assert maps == list(range(1, 1 + len(maps)))
    if len(maps) > 1:
        for k, i in enumerate(maps, 1):
            assert titles[i].startswith(f"The map, part {k} of {len(maps)}:"), titles[i]
    contents = text(pages[0])
    assert "2 The map" in contents
    assert f"{2 + len(maps)} Emotion curve" in contents  # the next section after the map
    map_pages = [pages[i] for i in maps]
    for tp_id, card in scene_for(journey).cards.items():
        first = norm(card._lines[0]).split()
        heights = name_heights(map_pages, first)
        assert heights, f"card {tp_id} ({' '.join(first)}) not found as text on the map pages"
        assert min(heights) >= 6.0, f"{first} prints at {min(heights):.2f} pt"
    return pages


def test_the_example_report_prints_card_names_as_text_of_six_points(
    example: Journey, tmp_path: Path
) -> None:
    pages = check_report(example, tmp_path / "shop.pdf")
    # too large for one page at 6 pt: parts, each with the lane names at its left
    part = next(w for w in pages if text(w[:12]).startswith("The map, part 3 of"))
    assert {"social", "web", "delivery"} <= {w for _, _, w in part}


def test_the_car_purchase_report_prints_card_names_as_text_of_six_points(tmp_path: Path) -> None:
    check_report(new_from_template("car-purchase"), tmp_path / "car.pdf")


def test_a_small_map_is_one_map_page_with_the_whole_map(tmp_path: Path) -> None:
    journey = new_from_template("car-purchase")
    for stage in journey.stages()[2:]:
        for tp in journey.touchpoints(stage.id):
            journey.remove_touchpoint(tp.id, cascade=True)
        journey.remove_stage(stage.id)
    pages = check_report(journey, tmp_path / "small.pdf")
    assert text(pages[1]).startswith("The map Buying a car")  # title, then the subtitle
    assert "The whole map as the editor draws it" in text(pages[1])


def test_a_map_spread_over_millions_of_units_is_drawn_whole_and_says_why(tmp_path: Path) -> None:
    """At 6 pt it would take thousands of pages: one page, its caption naming the limit."""
    from cjo_desktop.domain import Position
    from cjo_desktop.domain.limits import MAX_COORDINATE

    journey = new_from_template("car-purchase")
    for i, tp in enumerate(journey.touchpoints()):
        journey.update(tp.id, position=Position(MAX_COORDINATE * (i % 2), MAX_COORDINATE))
    pdf = tmp_path / "far.pdf"
    count = make_report(journey, pdf, ReportOptions())
    pages = pages_of_words(pdf)
    assert len(pages) == count
    maps = [w for w in pages if text(w[:2]) == "The map"]
    assert len(maps) == 1
    assert "would take more than 120 pages" in text(maps[0])
