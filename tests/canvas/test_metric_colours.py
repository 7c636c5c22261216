"""Metrics on the map: a badge with the value and n on each card, colours by a chosen metric
with a legend, and pictures that show the same (what the badges say and which colour a value
gets is decided in drawing/metric_view, tested in tests/drawing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from survey_scales import STATED

from cjo_desktop.canvas.export import export_picture, scene_for
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"


def journey_with_survey():  # type: ignore[no-untyped-def]
    journey = load_map(example_path())
    apply_import(
        journey,
        run_import(
            journey, DATA / "survey-2025-q1.csv", spec_of(kind="responses", snapshot="Q1", **STATED)
        ),
    )
    return journey


def test_badges_show_value_and_n() -> None:
    scene = scene_for(journey_with_survey())
    card = scene.cards["tp-checkout-payment"]
    assert card.badge.startswith("NPS \N{MINUS SIGN}") and "n=" in card.badge
    assert card.fill is None  # no colouring until a metric is chosen


def test_colouring_by_nps_marks_bad_and_good_cards() -> None:
    scene = scene_for(journey_with_survey(), (None, None, "nps"))
    bad, good = scene.cards["tp-checkout-payment"].fill, scene.cards["tp-store-clinic"].fill
    assert bad is not None and good is not None
    assert bad.red() > bad.blue() and good.blue() > good.red()  # vermillion bad, blue good
    assert scene._backdrop._legend is not None and "NPS" in scene._backdrop._legend.title


def test_a_picture_coloured_by_nps_differs_from_a_plain_one(tmp_path: Path) -> None:
    journey = journey_with_survey()
    plain, coloured = tmp_path / "plain.png", tmp_path / "nps.png"
    export_picture(journey, plain, scale=1)
    export_picture(journey, coloured, scale=1, metric_view=(None, None, "nps"))
    a, b = QImage(str(plain)), QImage(str(coloured))
    assert a.size() == b.size() and a != b
