"""One name per metric, worded per use: in a sentence, on its own, on a tight badge, on an
axis; and every view reads it from the one table."""

from __future__ import annotations

import pytest

from cjo_desktop.domain.metrics import (
    COMPUTED_METRICS,
    CSAT_MEAN,
    CSAT_TOP2,
    DROPOFF,
    METRIC_NAMES,
    NPS,
    VALENCE_DIP,
    MetricValue,
    metric_name,
)


def test_every_computed_metric_has_a_name() -> None:
    assert set(COMPUTED_METRICS) <= set(METRIC_NAMES)


@pytest.mark.parametrize(
    ("metric", "words", "label", "short", "axis"),
    [
        (NPS, "NPS", "NPS", "NPS", "NPS"),
        (CSAT_TOP2, "CSAT top-2-box", "CSAT top-2-box", "CSAT top-2", "CSAT top-2-box (%)"),
        (CSAT_MEAN, "CSAT mean", "CSAT mean", "CSAT", "CSAT mean"),
        (DROPOFF, "drop-off", "Drop-off", "Drop-off", "Drop-off (%)"),
        (VALENCE_DIP, "emotion dip", "Emotion dip", "Dip", "Emotion dip"),
        # a column of the user's own data keeps its id, lower case and all
        ("kpi_refunds", "kpi_refunds", "kpi_refunds", "kpi_refunds", "kpi_refunds"),
    ],
)
def test_the_wordings(metric: str, words: str, label: str, short: str, axis: str) -> None:
    name = metric_name(metric)
    assert (name.words, name.label, name.short, name.with_unit) == (words, label, short, axis)


def test_the_views_read_the_one_table() -> None:
    """The badge is short, the legend uses the name, a value the unit."""
    from cjo_desktop.domain import Provenance, Snapshot
    from cjo_desktop.drawing.metric_view import badge, format_value, legend

    assert badge(CSAT_MEAN, MetricValue(4.2, 30)) == "CSAT 4.2 \N{MIDDLE DOT} n=30"
    snapshot = Snapshot("q1", Provenance("q1.csv"), {"a": {CSAT_MEAN: MetricValue(4.0)}})
    assert legend(CSAT_MEAN, snapshot).title == "CSAT mean \N{EM DASH} q1"
    assert format_value(DROPOFF, MetricValue(31.6)) == "32%"  # the unit from the table
