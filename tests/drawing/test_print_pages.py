"""The page plan: one page while card names stay >= 6 pt, else the fewest pages that keep it."""

from __future__ import annotations

import pytest

from cjo_desktop.drawing.print_pages import (
    KEY_PT,
    MARGIN_PT,
    MIN_NAME_PT,
    MIN_SCALE,
    OVERLAP_PT,
    PAPER_PT,
    plan_pages,
)


def test_small_map_fits_one_page_with_big_names() -> None:
    plan = plan_pages(800, 400, "A4")
    assert plan.pages == 1
    assert plan.name_pt > 12


@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("size", [(4246, 1566), (2294, 1066), (9000, 5000), (1200, 7000)])
def test_names_never_below_six_points_and_no_fewer_pages_would_do(
    paper: str, size: tuple[float, float]
) -> None:
    width, height = size
    plan = plan_pages(width, height, paper)
    assert plan.name_pt >= MIN_NAME_PT
    # the tiles cover the whole map
    xs = [t.rect[0] for t in plan.tiles]
    ys = [t.rect[1] for t in plan.tiles]
    assert min(xs) <= 0 and min(ys) <= 0
    assert max(t.rect[0] + t.rect[2] for t in plan.tiles) >= width - 1e-6
    assert max(t.rect[1] + t.rect[3] for t in plan.tiles) >= height - 1e-6
    # neighbours share the overlap strip
    for a in plan.tiles:
        for b in plan.tiles:
            if (b.row, b.column) == (a.row, a.column + 1):
                shared = a.rect[0] + a.rect[2] - b.rect[0]
                assert shared * plan.scale == pytest.approx(OVERLAP_PT)
    # brute force: no smaller grid, in either orientation, holds the map at 6 pt
    short, long = PAPER_PT[paper]
    for page_w, page_h in ((long, short), (short, long)):
        for rows in range(1, plan.pages + 1):
            for columns in range(1, plan.pages // rows + 1):
                if rows * columns >= plan.pages:
                    continue
                key = KEY_PT if rows * columns > 1 else 0.0
                room_w = page_w - 2 * MARGIN_PT
                room_h = page_h - 2 * MARGIN_PT - key
                span_w = columns * room_w - (columns - 1) * OVERLAP_PT
                span_h = rows * room_h - (rows - 1) * OVERLAP_PT
                assert min(span_w / width, span_h / height) < MIN_SCALE


def test_example_takes_four_portrait_a4_pages_or_two_landscape_a3() -> None:
    a4 = plan_pages(4246, 1566, "A4")
    assert (a4.rows, a4.columns, a4.landscape) == (1, 4, False)
    a3 = plan_pages(4246, 1566, "A3")
    assert (a3.rows, a3.columns, a3.landscape) == (1, 2, True)
    assert a4.key(a4.tiles[1]) == "page 2 of 4, row 1 column 2"


def test_a_map_too_big_to_print_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match=r"would take .* A4 pages"):
        plan_pages(60_000, 20_000, "A4")


def test_a_map_at_the_coordinate_limit_is_refused_without_listing_its_pages() -> None:
    """The editor fuzz found it: a map 20,000,000 units square would need about 10^10 pages;
    the refusal must come before any page is listed (it once took 24 GB)."""
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(ValueError, match="pages to print"):
        plan_pages(2e7, 2e7)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1 << 20
