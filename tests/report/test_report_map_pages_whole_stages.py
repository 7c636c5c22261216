"""The report's map pages read as a map: each shows whole stages with every lane, top to
bottom (channels, emotion, pain points, opportunities), on A4 landscape when the map's height
fits there at 6 pt and on A4 portrait otherwise; only a map too tall even for portrait is cut
into bands of lanes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pdf_words import norm, page_count, text
from test_report_map_pages_text import check_report, example  # the same check and fixture

from cjo_desktop.canvas.export import scene_for
from cjo_desktop.domain import Journey
from cjo_desktop.io.templates import new_from_template

__all__ = ["example"]  # a fixture, used by name

WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def sizes_and_reach(pdf: Path) -> list[tuple[float, float, float, float]]:
    """Per page: its width and height (points), and how far right and down the words of its
    footer reach (the map's own words are clipped to its area, but pdftotext lists them)."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for w, h, body in PAGE.findall(out):
        words = [m for m in WORD.findall(body) if float(m[0]) > float(h) - 40]
        assert words, "no footer"
        right = max(float(m[1]) for m in words)
        bottom = max(float(m[2]) for m in words)
        pages.append((float(w), float(h), right, bottom))
    return pages


def map_pages(pages: list[list[tuple[float, float, str]]]) -> list[int]:
    return [i for i, words in enumerate(pages) if text(words[:2]).startswith("The map")]


def lanes_on(words: list[tuple[float, float, str]]) -> set[str]:
    return {w for _, _, w in words}


def test_the_example_map_pages_show_whole_stages_with_every_lane_in_portrait(
    example: Journey, tmp_path: Path
) -> None:
    pdf = tmp_path / "shop.pdf"
    pages = check_report(example, pdf)  # names >= 6 pt as text, page x of y, contents
    maps = map_pages(pages)
    # 5 stages: Awareness with Consideration, Decision, then Retention (578 pt wide at 6 pt,
    # more than a page) in two slices, the second sharing its page with Advocacy. Was 8
    # fragments (4 groups of stages x 2 bands of lanes)
    assert len(maps) <= 4
    geometry = sizes_and_reach(pdf)
    stages = {s.name: s.id for s in example.stages()}
    cards = scene_for(example).cards
    for i in maps:
        words = pages[i]
        # every lane, from the first channel down to the opportunities
        assert {"social", "delivery", "Emotion", "Pain", "Opportunities"} <= lanes_on(words)
        width, height, right, bottom = geometry[i]
        assert height > width, f"map page {i + 1} is not portrait"
        assert right <= width and bottom <= height  # the footer on the page
        title = text(words[:12])
        assert "lanes" not in title  # never a band of lanes
        if "slice" in title:
            if "slice 1 " not in title:  # a later slice names its stage again on the header
                assert "(continued)" in lanes_on(words), f"page {i + 1}: stage not named"
            continue
        shown = [name for name in stages if re.search(rf"\b{re.escape(name)}\b", title)]
        assert shown, title
        for name in shown:  # the stage is whole: every card's name is on this page
            for tp in example.touchpoints(stages[name]):
                first = norm(cards[tp.id]._lines[0]).split()
                # its words, not a run: pdftotext may read a neighbour's words in between
                assert set(first) <= lanes_on(words), f"{first} missing from page {i + 1}"
    for i, (width, height, _, _) in enumerate(geometry):
        if i not in maps:
            assert width > height, f"page {i + 1} is not landscape"
    assert page_count(pdf) == len(geometry)


def test_a_map_whose_height_fits_landscape_stays_landscape_with_every_lane(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "car.pdf"
    pages = check_report(new_from_template("car-purchase"), pdf)
    geometry = sizes_and_reach(pdf)
    maps = map_pages(pages)
    assert len(maps) == 2  # whole stages side by side: Awareness to Decision, then the rest
    for i in maps:
        assert {"social", "email", "Emotion", "Opportunities"} <= lanes_on(pages[i])
        width, height, right, _ = geometry[i]
        assert width > height and right <= width


def test_a_map_too_tall_even_for_portrait_is_cut_into_bands_of_lanes(tmp_path: Path) -> None:
    journey = new_from_template("car-purchase")
    stage = journey.stages()[0].id
    for k in range(16):  # sixteen more channel lanes: about twice a portrait page's height
        journey.add_touchpoint(stage, f"Extra {k}", channel=f"channel{k:02d}")
    pdf = tmp_path / "tall.pdf"
    pages = check_report(journey, pdf)
    geometry = sizes_and_reach(pdf)
    maps = map_pages(pages)
    titles = [text(pages[i][:16]) for i in maps]
    assert all("lanes" in t for t in titles), titles
    assert any("Opportunities" in lanes_on(pages[i]) for i in maps)
    assert all(geometry[i][0] > geometry[i][1] for i in maps)  # landscape, as before


@pytest.mark.parametrize("portrait", [False, True])
@pytest.mark.parametrize(
    "title",
    [
        "The map, part 1 of 2: Awareness",
        "The map, part 4 of 4: Retention to Advocacy (Retention slice 2 of 2)",
        "The map, part 14 of 14: Evaluating alternatives to Ownership (WWWW slice 12 of 12)",
    ],
)
def test_a_map_page_keeps_its_texts_on_the_page_and_clear_of_the_map(
    portrait: bool, title: str
) -> None:
    """The footer and a two-line caption are laid out for the page's own size: on the page,
    and clear of the area the map is laid onto."""
    import datetime as dt

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from cjo_desktop.charts.style import HEADER_IN
    from cjo_desktop.report import pages
    from cjo_desktop.report.stamp import area

    caption = "The lane names are repeated at the left of every part. " * 3  # two lines
    fig = pages.map_page(title, "A journey", caption, portrait)
    pages.footer(fig, "A journey", dt.date(2026, 1, 1), 2, 9)
    width, height = fig.get_size_inches()
    assert (height > width) == portrait
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    dpi = fig.dpi
    map_top = (height - HEADER_IN) * dpi  # display units, from the bottom
    map_bottom = map_top - area(portrait)[1] / 72 * dpi
    for t in fig.texts:
        box = t.get_window_extent(renderer)
        words = t.get_text()[:30]
        assert box.x0 >= 0 and box.x1 <= fig.bbox.width - 0.3 * dpi, words
        assert box.y0 >= 0 and box.y1 <= fig.bbox.height, words
        assert box.y0 >= map_top or box.y1 <= map_bottom, words
