"""On the example with its first survey imported, every card says its NPS the same way: with
its n on every card or on none, whether pain-point tabs take room on some cards or not."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from survey_scales import STATED

from cjo_desktop.canvas.export import scene_for
from cjo_desktop.domain import Journey
from cjo_desktop.io.files import load_map
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"


@pytest.fixture(scope="module")
def surveyed() -> Journey:
    journey = load_map(example_path())
    result = run_import(
        journey, DATA / "survey-2025-q1.csv", ImportSpec(ResponsesOptions(**STATED), snapshot="Q1")
    )
    apply_import(journey, result)
    return journey


@pytest.mark.parametrize("painpoints", [True, False])
def test_every_card_shows_its_badge_in_the_same_form(
    qtbot: QtBot, surveyed: Journey, painpoints: bool
) -> None:
    scene = scene_for(surveyed, (None, None, None), painpoints=painpoints)
    try:
        cards = [c for c in scene.cards.values() if c.badge]
        assert len(cards) >= 15
        shown = [c.shown_badge() for c in cards]
        assert all(text.startswith("NPS ") for text in shown)
        with_n = ["n=" in text for text in shown]
        assert all(with_n) or not any(with_n), shown
        tabs = [c for c in cards if c.pain is not None and c.pain.severity is not None]
        if painpoints:
            assert tabs  # the case of the issue: some cards carry a pain tab beside the badge
        else:  # nothing takes room: the n shows on every card
            assert not tabs and all(with_n)
    finally:
        scene.set_journey(None)
