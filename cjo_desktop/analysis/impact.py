"""Pain points ranked by what they cost: people affected x share lost x value per customer.

The domain rule is "prioritize by impact, not by how loud it is", so a row is ranked by money
(or by customers lost when no value per customer is given); only when the map has no volumes
does it fall back to a score from severity and n, and the explanation says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjo_desktop.analysis.painpoints import SEVERITY_POINTS, Finding, Severity
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.metrics import CSAT_TOP2, DROPOFF, NPS, VISITORS

MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class ManualPainPoint:
    """A pain point the team named in a workshop, ranked with the computed ones."""

    touchpoint_id: str
    severity: Severity
    description: str


@dataclass(frozen=True, slots=True)
class PainPoint:
    """One ranked row; ``source`` is the rule's name or ``"manual"``. ``impact`` is revenue at
    risk, else customers lost, else the severity score the explanation describes."""

    touchpoint_id: str
    touchpoint: str
    source: str
    severity: Severity
    impact: float
    customers_lost: float | None
    revenue_at_risk: float | None
    explanation: str


def _affected(journey: Journey, snapshot: Snapshot | None, tp_id: str) -> tuple[float, str] | None:
    """People at the touchpoint: its visitors metric, else what flows into it (loops aside)."""
    v = snapshot.value(tp_id, VISITORS) if snapshot else None
    if v is not None and v.value is not None and v.value > 0:
        return v.value, "visitors"
    counts = [
        f.count
        for f in journey.flows()
        if f.target == tp_id and f.source != tp_id and f.count is not None
    ]
    if sum(counts) > 0:
        return float(sum(counts)), "arriving (flow counts)"
    return None


def _share_lost(
    journey: Journey, snapshot: Snapshot | None, tp_id: str, metric: str, affected: float | None
) -> tuple[float, str] | None:
    """Share of the affected who are lost: those who leave there when that is known (the
    most direct loss), else NPS detractors or the CSAT answers outside the top two boxes."""
    get = snapshot.value if snapshot else (lambda _tp, _m: None)
    drop = get(tp_id, DROPOFF)
    if drop is not None and drop.value is not None:
        return drop.value / 100.0, "drop-off"
    if affected and journey.has_flow(tp_id, None):
        left = journey.flow(tp_id, None).count
        if left is not None:
            return min(left / affected, 1.0), "drop-off"
    if metric == NPS and (nps := get(tp_id, NPS)) is not None:
        counts = [nps.detail.get(k) for k in ("promoters", "passives", "detractors")]
        total = sum(c for c in counts if c is not None)
        if counts[2] is not None and total > 0:
            return counts[2] / total, "detractors"
    top2 = get(tp_id, CSAT_TOP2) if metric == CSAT_TOP2 else None
    if top2 is not None and top2.value is not None:
        return 1.0 - top2.value / 100.0, "not satisfied"
    return None


def _number(x: float) -> str:
    return f"{round(x, 1):g}"


def _money(currency: str, x: float) -> str:
    return f"{currency}{x:,.0f}"


@dataclass(frozen=True, slots=True)
class _Item:
    """What one row needs before it is priced: a fired rule or a manual pain point."""

    tp_id: str
    source: str
    metric: str
    severity: Severity
    reason: str
    n: int | None


def _items(findings: Sequence[Finding], manual: Sequence[ManualPainPoint]) -> list[_Item]:
    items = []
    for f in findings:
        if f.status != "fires":
            continue
        r = f.rule
        shown = "" if f.value is None else _number(f.value)
        shown += "" if f.n is None else f", n = {f.n:,}"
        reason = f"{r.description or r.name} ({shown})" if shown else r.description or r.name
        items.append(_Item(f.touchpoint_id, r.name, r.metric, r.severity, reason, f.n))
    for m in manual:
        items.append(
            _Item(m.touchpoint_id, MANUAL, "", m.severity, f"manual: {m.description}", None)
        )
    return items


def rank(
    journey: Journey,
    snapshot: Snapshot | None,
    findings: Sequence[Finding],
    value_per_customer: float | None,
    period: str = "period",
    manual: Sequence[ManualPainPoint] = (),
    *,
    currency: str = "€",
) -> list[PainPoint]:
    """Fired findings and manual pain points, costliest first; one row per (touchpoint, rule).

    Rows priced from volumes come before rows scored from severity (the two are not the same
    unit); ties keep a stable order: higher severity, then journey order, then input order.
    """
    order = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    keyed: list[tuple[tuple[int, float, int, int, int], PainPoint]] = []
    for i, item in enumerate(_items(findings, manual)):
        if item.tp_id not in order:
            continue  # a manual pain point on a touchpoint that is gone
        name = names[item.tp_id]
        people = _affected(journey, snapshot, item.tp_id)
        share = _share_lost(
            journey, snapshot, item.tp_id, item.metric, people[0] if people else None
        )
        lost = revenue = None
        if people is not None and share is not None:
            lost = people[0] * share[0]
            text = (
                f"{name} loses about {lost:,.0f} of {people[0]:,.0f} {people[1]} a {period} "
                f"({share[0]:.0%} {share[1]})"
            )
            if value_per_customer is not None:
                revenue = lost * value_per_customer
                impact = revenue
                text += (
                    f", {_money(currency, revenue)} at risk at "
                    f"{_money(currency, value_per_customer)} per customer"
                )
            else:
                impact = lost
                text += ", no value per customer given so no revenue at risk"
            tier = 0
        else:
            missing = "no visitor counts" if people is None else "no share lost known"
            points = SEVERITY_POINTS[item.severity]
            impact = points + (item.n / (item.n + 100) if item.n else 0.0)
            basis = f"{item.severity}, {points}" + (f", and {item.n:,} responses" if item.n else "")
            text = (
                f"{name} has {missing}, so it is ranked by severity ({basis}): score {impact:.2f}"
            )
            tier = 1
        explanation = f"{text}; {item.reason}."
        row = PainPoint(
            item.tp_id, name, item.source, item.severity, impact, lost, revenue, explanation
        )
        severity_rank = -SEVERITY_POINTS[item.severity]
        keyed.append(((tier, -impact, severity_rank, order[item.tp_id], i), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]
