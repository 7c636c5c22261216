"""Semantic zoom's decisions: the editor switches to the simple card where body text stops
being legible, its title keeps a screen size, and exports keep the full drawing."""

from __future__ import annotations

import pytest

from cjo_desktop.drawing import zoom
from cjo_desktop.drawing.style import CARD_TEXT_PX, METRICS
from cjo_desktop.drawing.zoom import CardDrawing, card_drawing, far_title


def test_the_editor_draws_cards_in_full_at_readable_zooms() -> None:
    for z in (1.0, 0.7, zoom.FULL_ZOOM):
        assert card_drawing(z, on_screen=True) is CardDrawing.FULL


def test_below_legible_body_text_the_editor_draws_the_simple_card() -> None:
    z = zoom.FULL_ZOOM * 0.99
    assert CARD_TEXT_PX * z < zoom.MIN_BODY_PX
    for far in (z, 0.4, 0.24, 0.05):
        assert card_drawing(far, on_screen=True) is CardDrawing.SIMPLE


@pytest.mark.parametrize("scale", [1.0, 2.0, 0.5])
def test_exports_paint_in_full_at_their_scales(scale: float) -> None:
    assert card_drawing(scale, on_screen=False) is CardDrawing.FULL


def test_an_export_scaled_far_down_keeps_its_blocks() -> None:
    assert card_drawing(0.3, on_screen=False) is CardDrawing.BLOCK


def test_the_far_title_keeps_its_size_on_screen_at_every_zoom() -> None:
    w, h = METRICS.card_width, METRICS.card_height
    for z in (0.24, 0.3, 0.45, 0.55):
        box = far_title(z, w, h, 10)
        assert box is not None
        assert box.pixel_size >= 9  # screen px, whatever the zoom
        assert box.min_width <= (w - 10) * z  # the card's own width on screen...
        # ...and at most its cell of the grid, so the names of neighbours never meet
        assert box.max_width <= (w + METRICS.slot_gap - 10) * z - 2 * zoom.TITLE_PAD
        assert box.max_height <= (h + 2 * METRICS.lane_padding) * z
        assert box.max_lines * zoom.FAR_LINE_STEP <= box.max_height


def test_a_fitted_map_has_three_lines_for_a_name() -> None:
    """At 30% (the example map fitted to a 1600 x 1000 window) a card is 22 px tall on screen:
    the name may take the lane's gutters, three lines of 9 px type."""
    w, h = METRICS.card_width, METRICS.card_height
    assert h * 0.3 < 2 * zoom.FAR_LINE_STEP + 3
    box = far_title(0.3, w, h, 10)
    assert box is not None and box.max_lines == 3
    assert box.max_width >= 60  # the widest word of the bundled maps' names, at 9 px
    narrow = far_title(0.18, w, h, 10)
    assert narrow is not None and narrow.max_lines == 1


def test_a_card_too_small_for_a_line_gets_no_title() -> None:
    assert far_title(0.1, METRICS.card_width, METRICS.card_height, 10) is None
    assert far_title(0.03, METRICS.card_width, METRICS.card_height, 10) is None


def test_stage_and_lane_names_switch_to_screen_type_on_screen_only() -> None:
    assert zoom.far_text(17, 0.3, on_screen=True)
    assert not zoom.far_text(17, 1.0, on_screen=True)
    assert not zoom.far_text(17, 0.3, on_screen=False)  # paper keeps the map's own sizes
