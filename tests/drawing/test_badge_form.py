"""One form of the metric badge per map: the same metric reads alike on every card."""

from __future__ import annotations

from cjo_desktop.drawing.metric_view import badge_forms, fit_badge, map_badge_form

FULL = "NPS \N{MINUS SIGN}19 \N{MIDDLE DOT} n=202"


def width(text: str) -> float:
    return 7.0 * len(text)  # a monospaced stand-in for the font's advance


def test_the_forms_run_from_whole_to_the_value_alone() -> None:
    assert badge_forms(FULL) == [FULL, "NPS \N{MINUS SIGN}19 n=202", "NPS \N{MINUS SIGN}19"]


def test_room_for_the_whole_badge_on_every_card_shows_it_on_every_card() -> None:
    rooms = [(FULL, 200.0), ("NPS +5 \N{MIDDLE DOT} n=40", 200.0)]
    assert map_badge_form(rooms, width) == 0


def test_one_narrow_card_sets_the_form_of_all() -> None:
    narrow = width("NPS \N{MINUS SIGN}68 n=181")  # fits without the dot, not with it
    rooms = [(FULL, 200.0), ("NPS \N{MINUS SIGN}68 \N{MIDDLE DOT} n=181", narrow)]
    form = map_badge_form(rooms, width)
    assert form == 1
    shown = [fit_badge(b, width, room, form) for b, room in rooms]
    assert shown == ["NPS \N{MINUS SIGN}19 n=202", "NPS \N{MINUS SIGN}68 n=181"]
    tight = [*rooms, ("NPS +3 \N{MIDDLE DOT} n=9", width("NPS +3"))]
    form = map_badge_form(tight, width)
    assert form == 2
    assert all("n=" not in (fit_badge(b, width, r, form) or "") for b, r in tight)


def test_a_map_without_badges_keeps_the_whole_form() -> None:
    assert map_badge_form([], width) == 0
