"""What an opportunity is worth: its impact (the share of its pain point's loss it should win
back) x that pain point's loss in the ranking.

One computation for the pain-point dock's table and the report's value-by-effort page, so
both value the same opportunity the same way. All opportunities of a map share one unit:
revenue when every pain point they answer is priced, else customers when every one has
volumes, else severity points (high 3, medium 2, low 1); the explanation says when an
opportunity is valued in a coarser unit than its own pain point allows, and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cjo_desktop.analysis.impact import Ranked, money
from cjo_desktop.domain import Opportunity
from cjo_desktop.domain.painpoints import SEVERITY_POINTS

Basis = Literal["revenue", "customers", "severity"]
NOT_FIRING = "Its pain point does not fire here with the current numbers."
#: An effort in words, and how long it takes (where the team picks one).
EFFORT_SIZES = {"S": ("small", "days"), "M": ("medium", "weeks"), "L": ("large", "months")}


def effort_words(effort: str, *, span: bool = False) -> str:
    """ "S (small)" in the dock's table and on the matrix; "S (small: days)" where chosen."""
    size, takes = EFFORT_SIZES[effort]
    return f"{effort} ({size}: {takes})" if span else f"{effort} ({size})"


@dataclass(frozen=True, slots=True)
class OpportunityValue:
    """One opportunity's expected value a period, in ``unit`` ("revenue", "customers" or
    "severity"); ``row`` is its pain point's row of the ranking. ``value`` and ``row`` are None
    (and ``unit`` empty) when that pain point does not fire."""

    opportunity: Opportunity
    row: Ranked | None
    value: float | None
    unit: Basis | Literal[""]
    explanation: str


def rows_by_key(ranked: Sequence[Ranked]) -> dict[tuple[str, str], Ranked]:
    """(touchpoint id, rule name or pain point id) -> its first row in the ranking, so each
    opportunity finds its row at once: scanning the ranking for each one took 12 s for the
    2,000 opportunities of a map of 20,000 cards."""
    found: dict[tuple[str, str], Ranked] = {}
    for r in ranked:
        found.setdefault((r.touchpoint_id, r.key), r)
    return found


def common_basis(rows: Sequence[Ranked]) -> Basis:
    """The finest unit every one of ``rows`` has."""
    if rows and all(r.revenue_at_risk is not None for r in rows):
        return "revenue"
    if rows and all(r.customers_lost is not None for r in rows):
        return "customers"
    return "severity"


def _valued(
    o: Opportunity, row: Ranked, basis: Basis, currency: str, period: str
) -> OpportunityValue:
    share = o.impact / 100
    if basis == "revenue" and row.revenue_at_risk is not None:
        text = f"{o.impact}% of {money(currency, row.revenue_at_risk)} at risk per {period}"
        return OpportunityValue(o, row, share * row.revenue_at_risk, basis, text)
    coarser = "" if row.basis == basis else " (not every pain point with an opportunity is priced)"
    if basis == "customers" and row.customers_lost is not None:
        text = f"{o.impact}% of {row.customers_lost:,.0f} customers at risk per {period}"
        return OpportunityValue(o, row, share * row.customers_lost, basis, text + coarser)
    points = SEVERITY_POINTS[row.severity]
    if row.basis == "severity":
        coarser = " (no volumes at this touchpoint)"
    elif row.basis != basis:
        coarser = " (not every pain point with an opportunity has visitor counts)"
    text = f"{o.impact}% of the pain point's severity points ({row.severity}, {points}){coarser}"
    return OpportunityValue(o, row, share * points, "severity", text)


def opportunity_values(
    opportunities: Sequence[Opportunity],
    ranked: Sequence[Ranked],
    *,
    currency: str = "€",
    period: str = "month",
) -> list[OpportunityValue]:
    """Each opportunity's value (in the order given), all in the one unit the pain points
    they answer have in common."""
    rows = rows_by_key(ranked)
    found = [rows.get((o.touchpoint_id, o.pain_point)) for o in opportunities]
    basis = common_basis([r for r in found if r is not None])
    return [
        OpportunityValue(o, None, None, "", NOT_FIRING)
        if row is None
        else _valued(o, row, basis, currency, period)
        for o, row in zip(opportunities, found, strict=True)
    ]


def value_text(v: OpportunityValue, currency: str) -> str:
    """The value as the dock's table and the report's list write it: "€1,200", "45
    customers", "1.5 points"; an em dash when the pain point does not fire."""
    if v.value is None:
        return "\N{EM DASH}"
    if v.unit == "revenue":
        return money(currency, v.value)
    if v.unit == "customers":
        return f"{v.value:,.0f} customers"
    return f"{v.value:,.1f} points"
