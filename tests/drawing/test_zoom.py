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
        assert box.width <= (w - 10) * z  # inside the card on screen
        assert box.max_lines * box.pixel_size * zoom.LINE_SPACING <= h * z


def test_the_far_title_takes_two_lines_when_the_card_is_tall_enough() -> None:
    w, h = METRICS.card_width, METRICS.card_height
    one = far_title(0.24, w, h, 10)
    two = far_title(0.5, w, h, 10)
    assert one is not None and one.max_lines == 1
    assert two is not None and two.max_lines == 2


def test_a_card_too_small_for_a_line_gets_no_title() -> None:
    assert far_title(0.1, METRICS.card_width, METRICS.card_height, 10) is None
    assert far_title(0.03, METRICS.card_width, METRICS.card_height, 10) is None
