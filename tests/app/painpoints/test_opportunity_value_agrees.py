"""The pain-point dock and the report value the same opportunity the same way: each
opportunity's value cell in the dock's table is what the report's value-by-effort page draws
and lists, with and without volumes, with and without a value per customer."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from cjo_desktop.analysis.impact import chosen_snapshot, rank_map
from cjo_desktop.analysis.opportunities import value_text
from cjo_desktop.app.painpoints.tables import opportunity_model
from cjo_desktop.charts.matrix import matrix_points
from cjo_desktop.domain import Journey, MetricValue, Provenance, Snapshot
from cjo_desktop.report.build import _matrix_points
from cjo_desktop.report.data import ReportOptions, gather

VALUE_COLUMN = 5
DASH = "\N{EM DASH}"


def journey(*, volumes: str, value: float | None, currency: str = "€") -> Journey:
    """Three touchpoints with a high drop-off each where none is expected (the default rule
    fires at all three, and all of the drop-off is excess) and an opportunity at each, plus a
    manual pain point with one; ``volumes``: "all" touchpoints have visitor counts, "some"
    (not the last), or "none"."""
    j = Journey("Shop")
    stage = j.add_stage("Buy").id
    ids = ["cart", "pay", "done"]
    for tp in ids:
        j.add_touchpoint(stage, tp.title(), id=tp, expected_dropoff=0.0)
    counted = {"all": ids, "some": ids[:2], "none": []}[volumes]
    values = {
        tp: {
            "dropoff": MetricValue(40.0 + 10 * i, 200),
            **({"visitors": MetricValue(1000.0 * (i + 1))} if tp in counted else {}),
        }
        for i, tp in enumerate(ids)
    }
    j.add_metric_snapshot(Snapshot("q1", Provenance("q1.csv"), values))
    settings = j.painpoint_settings()
    j.set_painpoint_settings(
        dataclasses.replace(settings, value_per_customer=value, currency=currency)
    )
    j.add_opportunity("cart", "dropoff_high", "Cheaper shipping", effort="S", impact=40)
    j.add_opportunity("pay", "dropoff_high", "More payment options", effort="L", impact=25)
    j.add_opportunity("done", "dropoff_high", "Thank-you page", effort="M", impact=10)
    manual = j.add_pain_point("pay", "low", "Card declined without a reason")
    j.add_opportunity("pay", manual.id, "Say why a card is declined", effort="S", impact=60)
    j.add_opportunity("cart", "nps_negative", "Does not fire", effort="M", impact=50)
    return j


def panel_cells(j: Journey) -> dict[str, tuple[str, str]]:
    """Opportunity name -> (value cell, its tooltip) of the dock's opportunity table."""
    ranked = rank_map(j, chosen_snapshot(j))
    model = opportunity_model(j, ranked, j.painpoint_settings(), None)
    out = {}
    for r in range(model.rowCount()):
        cell = model.item(r, VALUE_COLUMN)
        out[model.item(r, 2).text()] = (cell.text(), cell.toolTip())
    return out


def report_values(j: Journey) -> dict[str, tuple[float | None, str, str]]:
    """Opportunity name -> (value, its text, the explanation) as the report's page has them."""
    data = gather(j, ReportOptions())
    drawn, _ = _matrix_points(data)
    currency = j.painpoint_settings().currency
    return {v.opportunity.name: (v.value, value_text(v, currency), v.explanation) for v in drawn}


CASES = [
    ("all", 12.0, "revenue"),
    ("all", None, "customers"),
    ("some", 12.0, "severity"),
    ("some", None, "severity"),
    ("none", 12.0, "severity"),
    ("none", None, "severity"),
]


@pytest.mark.parametrize(("volumes", "value", "unit"), CASES)
def test_the_dock_shows_the_value_the_report_draws(
    qtbot: QtBot, volumes: str, value: float | None, unit: str
) -> None:
    j = journey(volumes=volumes, value=value)
    panel = panel_cells(j)
    report = report_values(j)
    assert set(panel) == set(report)
    for name, (amount, text, why) in report.items():
        assert panel[name] == (text, why), name
        if name == "Does not fire":
            assert amount is None and text == DASH
        else:
            assert amount is not None and amount > 0
    points, missing, basis = matrix_points(_matrix_points(gather(j, ReportOptions()))[0])
    assert basis == unit
    assert [o.name for o in missing] == ["Does not fire"]
    drawn = {p.opportunity.name: p.value for p in points}
    assert drawn == {n: v for n, (v, _, _) in report.items() if v is not None}


def test_priced_values_are_the_impact_share_of_the_revenue_at_risk(qtbot: QtBot) -> None:
    """40% of (1,000 visitors x 40% drop-off x 12 USD) = 1,920 USD, in the dock and the report."""
    j = journey(volumes="all", value=12.0, currency="USD")
    assert panel_cells(j)["Cheaper shipping"][0] == "1,920 USD"
    assert report_values(j)["Cheaper shipping"][:2] == (pytest.approx(1920.0), "1,920 USD")
    # 25% of (2,000 x 50%) = 250 customers when nobody said what a customer is worth
    j = journey(volumes="all", value=None)
    assert panel_cells(j)["More payment options"][0] == "250 customers"


def test_one_unpriced_pain_point_puts_every_opportunity_in_severity_points(qtbot: QtBot) -> None:
    """The dock says why a priced opportunity is valued in points, not leaves it blank."""
    j = journey(volumes="some", value=12.0)
    cells = panel_cells(j)
    assert cells["Cheaper shipping"][0] == "1.2 points"  # 40% of high (3)
    assert (
        "not every pain point with an opportunity has visitor counts"
        in cells["Cheaper shipping"][1]
    )
    assert cells["Thank-you page"] == (
        "0.3 points",
        "10% of the pain point's severity points (high, 3) (no volumes at this touchpoint)",
    )
