"""The rules dialog writes a rule's description with the metric's name from the one table."""

from __future__ import annotations

import pytest

from cjo_desktop.app.painpoints.rules import KNOWN_METRICS, describe_rule
from cjo_desktop.domain.metrics import METRIC_NAMES


@pytest.mark.parametrize(
    ("metric", "op", "threshold", "words"),
    [
        ("dropoff", ">=", 30, "drop-off at or above 30%"),
        ("csat_top2", "<", 70, "CSAT top-2-box below 70%"),
        ("ces_mean", ">=", 5, "CES mean at or above 5"),
        ("valence_dip", ">=", 2, "emotion dip at or above 2"),
        ("kpi_refunds", ">", 2.5, "kpi_refunds above 2.5"),  # the user's own column, as named
    ],
)
def test_rule_descriptions(metric: str, op: str, threshold: float, words: str) -> None:
    assert describe_rule(metric, op, threshold) == words


def test_the_dialog_offers_every_named_metric_in_the_tables_order() -> None:
    assert tuple(METRIC_NAMES) == KNOWN_METRICS
    assert KNOWN_METRICS[:2] == ("nps", "csat_top2")
