"""What the cards say of the metrics and how they are coloured, decided without Qt: badges
with the value and n, a diverging scale centred on a neutral value (lower is better for
effort and drop-off), colours as RGB fractions, and badges that shrink to fit."""

from __future__ import annotations

import pytest
from survey_scales import STATED

from cjo_desktop.domain import Journey, MetricValue
from cjo_desktop.domain.metrics import CES_MEAN, DROPOFF, NPS
from cjo_desktop.drawing.metric_view import (
    Scale,
    badge,
    card_metrics,
    colour,
    fit_badge,
    format_value,
    legend,
    rgb,
    scale_for,
)
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path
from cjo_desktop.palette import BETTER, METRIC_NEUTRAL, WORSE

DATA = example_path().parent / "outdoor-gear-shop-data"
MINUS = "\N{MINUS SIGN}"


def journey_with_survey() -> Journey:
    journey = load_map(example_path())
    spec = spec_of(kind="responses", snapshot="Q1", **STATED)
    apply_import(journey, run_import(journey, DATA / "survey-2025-q1.csv", spec))
    return journey


def test_badges_show_the_value_and_how_many_answered() -> None:
    assert badge("csat_top2", MetricValue(71.2, 30)) == "CSAT top-2 71% \N{MIDDLE DOT} n=30"
    assert badge(NPS, MetricValue(-12, 181)) == f"NPS {MINUS}12 \N{MIDDLE DOT} n=181"
    assert format_value(NPS, MetricValue(None)) == "n/a"
    assert format_value("visitors", MetricValue(12345)) == "12\N{THIN SPACE}345"


def test_effort_and_drop_off_are_better_when_lower() -> None:
    ces, dropoff = scale_for(CES_MEAN, None), scale_for(DROPOFF, None)  # type: ignore[arg-type]
    assert ces.position(1.5) > 0 > ces.position(6)
    assert dropoff.position(10) > 0 > dropoff.position(90)
    assert Scale(-100, 0, 100).position(500) == 1.0  # clamped at the good end


@pytest.mark.parametrize(("position", "end"), [(-1.0, WORSE), (1.0, BETTER)])
def test_colours_blend_from_neutral_three_quarters_of_the_way(position: float, end: str) -> None:
    assert colour(0.0) == rgb(METRIC_NEUTRAL)
    mixed, target, neutral = colour(position), rgb(end), rgb(METRIC_NEUTRAL)
    for m, t, n in zip(mixed, target, neutral, strict=True):
        assert m == pytest.approx(n + (t - n) * 0.75)
    assert rgb("#FFFFFF") == (1.0, 1.0, 1.0) and rgb("#000000") == (0.0, 0.0, 0.0)


def test_cards_coloured_by_nps_read_vermillion_when_bad_and_blue_when_good() -> None:
    journey = journey_with_survey()
    snapshot = journey.metric_snapshots()[-1]
    shown = card_metrics(snapshot, None, NPS)
    bad, good = shown["tp-checkout-payment"].fill, shown["tp-store-clinic"].fill
    assert bad is not None and good is not None
    assert bad[0] > bad[2] and good[2] > good[0]
    assert shown["tp-checkout-payment"].badge.startswith(f"NPS {MINUS}")
    assert "Q1:" in shown["tp-checkout-payment"].tooltip
    plain = card_metrics(snapshot, NPS, None)
    assert all(m.fill is None for m in plain.values())  # a badge alone does not colour
    assert legend(NPS, snapshot).bad == f"{MINUS}100" and legend(NPS, snapshot).good == "+100"


def test_a_cramped_badge_keeps_its_value_before_its_n() -> None:
    def width(text: str) -> float:
        return 7.0 * len(text)

    whole = f"NPS {MINUS}12 \N{MIDDLE DOT} n=181"  # 15 characters
    assert fit_badge(whole, width, 7 * 15) == whole
    assert fit_badge(whole, width, 7 * 14) == f"NPS {MINUS}12 n=181"
    assert fit_badge(whole, width, 7 * 12) == f"NPS {MINUS}12"
    assert fit_badge(whole, width, 7 * 5) is None  # then the card elides it
