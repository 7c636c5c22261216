"""What the map shows of pain points, judged without Qt: marks by severity with the impact
rank, manual points, dips on the emotion curve, and the texts of tabs, dips and notes."""

from __future__ import annotations

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.painpoint_view import (
    DEFAULT_DIP,
    CardMark,
    dip_label,
    opportunity_meta,
    opportunity_tooltip,
    pain_tooltip,
    pain_view,
    tab_text,
)
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path


def small_map() -> Journey:
    j = Journey("Returns")
    j.add_stage("Return", id="st")
    for tp in ("a", "b", "c"):
        j.add_touchpoint("st", tp.upper(), id=tp)
    return j


def test_a_manual_pain_point_marks_its_card() -> None:
    j = small_map()
    j.add_pain_point("b", "high", "Label printer fails", id="pp")
    view = pain_view(j)
    assert set(view.marks) == {"b"}
    mark = view.marks["b"]
    assert mark.severity == "high" and mark.manual
    assert tab_text(mark) in ("H", f"H #{mark.rank}")


def test_a_fall_of_the_feeling_is_a_dip_on_the_curve() -> None:
    j = small_map()
    j.add_emotion("a", 2)
    j.add_emotion("b", -1)  # fell by 3
    j.add_emotion("c", 0)
    view = pain_view(j)
    assert view.dip_threshold == DEFAULT_DIP
    assert view.dips == {"b": 3.0}
    assert dip_label(3.0) == "dip \N{MINUS SIGN}3" and dip_label(2.25) == "dip \N{MINUS SIGN}2.2"


def test_each_marked_card_of_the_example_shows_its_best_rank_once() -> None:
    """A card shows the best rank of its pain points, so ranks are unique, start at 1 and
    may skip the ranks of a card's other points."""
    view = pain_view(load_map(example_path()))
    ranks = sorted(m.rank for m in view.marks.values() if m.rank is not None)
    assert view.ranked and ranks and ranks[0] == 1
    assert len(set(ranks)) == len(ranks)


def test_tab_texts_say_the_severity_letter_and_rank() -> None:
    assert tab_text(CardMark("medium", rank=3)) == "M #3"
    assert tab_text(CardMark("low")) == "L"


def test_note_texts_name_the_place_and_what_an_opportunity_wins_back() -> None:
    j = small_map()
    pp = j.add_pain_point("a", "low", "Slow refund", strategy="Refund on scan", id="pp")
    o = j.add_opportunity("a", "pp", "Instant refund", effort="S", impact=40, id="op")
    assert pain_tooltip(pp, "A").splitlines() == [
        "Pain point (low) at A",
        "Slow refund",
        "Strategy: Refund on scan",
    ]
    assert opportunity_meta(o) == "effort S \N{MIDDLE DOT} wins back 40%"
    assert opportunity_tooltip(o, "A", "Slow refund").splitlines()[:3] == [
        "Opportunity at A: Instant refund",
        "Effort S, wins back 40%",
        "Answers: Slow refund",
    ]
