"""A far-out card's name is wrapped into the room its cell gives: whole words where they fit,
never an empty line, never wider than the room, elided only when the room runs out."""

from __future__ import annotations

import pytest

from cjo_desktop.canvas.text import metrics, wrap_title

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


@pytest.mark.parametrize(
    "name",
    [
        "Abandoned-cart email",
        "x" * 500,
        "a b " * 200,
        "中文名称很长的触点名称",
        "Trail / photo share",
    ],
)
def test_lines_fit_the_room_and_none_is_empty(qapp: object, name: str) -> None:
    lines, width = wrap_title(name, 9, 50, 70, 3)
    fm = metrics(9)
    assert 1 <= len(lines) <= 3
    assert all(line.strip() for line in lines), lines
    assert all(fm.horizontalAdvance(line) <= 70 for line in lines)
    assert width == max(fm.horizontalAdvance(line) for line in lines)


def test_a_name_that_fits_keeps_every_word_and_breaks_after_a_hyphen(qapp: object) -> None:
    lines, _ = wrap_title("Abandoned-cart email", 9, 50, 70, 3)
    assert lines == ("Abandoned-", "cart email")


def test_a_single_word_too_long_is_one_elided_line(qapp: object) -> None:
    lines, _ = wrap_title("x" * 500, 9, 50, 70, 3)
    assert len(lines) == 1 and lines[0].endswith(ELLIPSIS)


def test_a_blank_name_draws_nothing(qapp: object) -> None:
    assert wrap_title("   ", 9, 50, 70, 3) == ((), 0.0)
