"""Pain points ranked by what they cost: people affected x share lost x value per customer.

The domain rule is "prioritize by impact, not by how loud it is", so a row is ranked by money
(or by customers lost when no value per customer is given); only when the map has no volumes
does it fall back to a score from severity and n, and the explanation says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjo_desktop.analysis.painpoints import (
    SEVERITY_POINTS,
    Finding,
    Reference,
    Severity,
    evaluate,
    merged,
)
from cjo_desktop.analysis.reach import after_goal, reach_probabilities
from cjo_desktop.domain import Journey, JourneyError, PainPoint, Snapshot
from cjo_desktop.domain.metrics import CSAT_TOP2, DROPOFF, NPS, VISITORS
from cjo_desktop.domain.quoting import listed

MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Ranked:
    """One ranked row; ``source`` is the rule's name or ``"manual"``, ``key`` the rule's name
    or the manual pain point's id (what an opportunity refers to). ``impact`` is revenue at
    risk, else customers lost, else the severity score the explanation describes; ``basis``
    says which ("revenue", "customers" or "severity")."""

    touchpoint_id: str
    touchpoint: str
    source: str
    key: str
    severity: Severity
    impact: float
    customers_lost: float | None
    revenue_at_risk: float | None
    explanation: str
    basis: str


def _arrivals(journey: Journey) -> dict[str, int]:
    """Touchpoint id -> people arriving by counted flows (loops aside), once per ranking."""
    arriving: dict[str, int] = {}
    for f in journey.flows():
        if f.target is not None and f.target != f.source and f.count is not None:
            arriving[f.target] = arriving.get(f.target, 0) + f.count
    return arriving


def _affected(
    snapshot: Snapshot | None, tp_id: str, arriving: dict[str, int]
) -> tuple[float, str] | None:
    """People at the touchpoint: its visitors metric, else what flows into it."""
    v = snapshot.value(tp_id, VISITORS) if snapshot else None
    if v is not None and v.value is not None and v.value > 0:
        return v.value, "visitors"
    if arriving.get(tp_id, 0) > 0:
        return float(arriving[tp_id]), "arriving (flow counts)"
    return None


def _dropoff_share(
    journey: Journey, snapshot: Snapshot | None, tp_id: str, affected: float | None
) -> tuple[float, str] | None:
    drop = snapshot.value(tp_id, DROPOFF) if snapshot else None
    if drop is not None and drop.value is not None:
        return drop.value / 100.0, "drop-off"
    if affected and journey.has_flow(tp_id, None):
        left = journey.flow(tp_id, None).count
        if left is not None:
            return min(left / affected, 1.0), "drop-off"
    return None


def _share_lost(
    journey: Journey, snapshot: Snapshot | None, item: _Item, affected: float | None
) -> tuple[float, str] | None:
    """Share of the affected that the pain point puts at risk, read the way its metric
    speaks: an NPS rule risks the detractors, a CSAT rule those not satisfied, the drop-off
    rule those who leave beyond what is normal there; effort, feelings and manual flags risk
    those who leave there (the visible loss)."""
    tp_id, metric = item.tp_id, item.metric
    if item.reference is not None:
        ref = item.reference
        return ref.excess, ref.excess_words()
    get = snapshot.value if snapshot else (lambda _tp, _m: None)
    if metric == NPS and (nps := get(tp_id, NPS)) is not None:
        counts = [nps.detail.get(k) for k in ("promoters", "passives", "detractors")]
        total = sum(c for c in counts if c is not None)
        if counts[2] is not None and total > 0:
            return counts[2] / total, "detractors"
    top2 = get(tp_id, CSAT_TOP2) if metric == CSAT_TOP2 else None
    if top2 is not None and top2.value is not None:
        return 1.0 - top2.value / 100.0, "not satisfied"
    return _dropoff_share(journey, snapshot, tp_id, affected)


def _number(x: float) -> str:
    return f"{round(x, 1):g}"


def money(currency: str, x: float) -> str:
    """``€1,200`` for a symbol, ``1,200 USD`` for a code: the one way the program writes an
    amount (the ranking's sentences, the pain-point dock, the report's pages and charts)."""
    if len(currency) > 1 and currency.isalpha():
        return f"{x:,.0f} {currency}"
    return f"{currency}{x:,.0f}"


@dataclass(frozen=True, slots=True)
class _Item:
    """What one row needs before it is priced: a fired rule or a manual pain point."""

    tp_id: str
    source: str
    key: str
    metric: str
    severity: Severity
    reason: str
    n: int | None
    reference: Reference | None = None


def _items(findings: Sequence[Finding], manual: Sequence[PainPoint]) -> list[_Item]:
    items = []
    for f in findings:
        if f.status != "fires":
            continue
        r = f.rule
        if f.reference is not None:
            shown = f.reference.words()
        else:
            shown = "" if f.value is None else _number(f.value)
        shown += "" if f.n is None else f", n = {f.n:,}"
        reason = f"{r.description or r.name} ({shown})" if shown else r.description or r.name
        items.append(
            _Item(f.touchpoint_id, r.name, r.name, r.metric, r.severity, reason, f.n, f.reference)
        )
    for m in manual:
        reason = f"manual: {m.description}"
        items.append(_Item(m.touchpoint_id, MANUAL, m.id, "", m.severity, reason, None))
    return items


def rank(
    journey: Journey,
    snapshot: Snapshot | None,
    findings: Sequence[Finding],
    value_per_customer: float | None,
    period: str = "period",
    manual: Sequence[PainPoint] = (),
    *,
    currency: str = "€",
    goal: str | None = None,
) -> list[Ranked]:
    """Fired findings and manual pain points, costliest first; one row per (touchpoint, rule).

    Rows priced from volumes come before rows scored from severity (the two are not the same
    unit); ties keep a stable order: higher severity, then journey order, then input order.
    With a ``goal`` touchpoint (the purchase), someone lost before it is worth the value
    times their chance of reaching it had they gone on; after it, the whole value.
    """
    goal = goal if goal is not None and goal in journey else None
    chance = reach_probabilities(journey, goal) if goal else {}
    bought = after_goal(journey, goal) if goal else set()
    arriving = _arrivals(journey)
    order = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    keyed: list[tuple[tuple[int, float, int, int, int], Ranked]] = []
    for i, item in enumerate(_items(findings, manual)):
        if item.tp_id not in order:
            continue  # a manual pain point on a touchpoint that is gone
        name = names[item.tp_id]
        people = _affected(snapshot, item.tp_id, arriving)
        share = _share_lost(journey, snapshot, item, people[0] if people else None)
        lost = revenue = None
        if people is not None and share is not None:
            lost = people[0] * share[0]
            what = share[1] if item.reference else f"{share[0]:.0%} {share[1]}"
            text = (
                f"{name} puts about {lost:,.0f} of {people[0]:,.0f} {people[1]} a {period} "
                f"at risk ({what})"
            )
            if value_per_customer is not None:
                worth, how = _worth(item.tp_id, value_per_customer, chance, bought, currency)
                revenue = lost * worth
                impact, basis = revenue, "revenue"
                text += f", {money(currency, revenue)} at risk at {how}"
            else:
                impact, basis = lost, "customers"
                text += ", no value per customer given so no revenue at risk"
            tier = 0
        else:
            missing = "no visitor counts" if people is None else "no share lost known"
            points = SEVERITY_POINTS[item.severity]
            impact = points + (item.n / (item.n + 100) if item.n else 0.0)
            basis = "severity"
            why = f"{item.severity}, {points}" + (f", and {item.n:,} responses" if item.n else "")
            text = f"{name} has {missing}, so it is ranked by severity ({why}): score {impact:.2f}"
            tier = 1
        explanation = f"{text}; {item.reason}."
        row = Ranked(
            item.tp_id,
            name,
            item.source,
            item.key,
            item.severity,
            impact,
            lost,
            revenue,
            explanation,
            basis,
        )
        severity_rank = -SEVERITY_POINTS[item.severity]
        keyed.append(((tier, -impact, severity_rank, order[item.tp_id], i), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def _worth(
    tp_id: str, value: float, chance: dict[str, float], bought: set[str], currency: str
) -> tuple[float, str]:
    """What one lost person is worth, and the words for it."""
    if not chance or tp_id in bought or tp_id not in chance:
        return value, f"{money(currency, value)} per customer"
    p = chance[tp_id]
    return value * p, f"{money(currency, value)} per customer x {p:.0%} who would have bought"


@dataclass(frozen=True, slots=True)
class TouchpointRank:
    """One touchpoint in the ranking, once, with every pain point that fires there (its
    costliest first). Its impact is the largest of theirs, not their sum: the detractors, the
    unsatisfied and the leavers of one touchpoint are largely the same people, and a reader
    who added the rows would count them twice."""

    touchpoint_id: str
    touchpoint: str
    rows: tuple[Ranked, ...]

    @property
    def top(self) -> Ranked:
        """The pain point whose share at risk is the touchpoint's impact."""
        return self.rows[0]

    @property
    def impact(self) -> float:
        return self.top.impact

    @property
    def basis(self) -> str:
        return self.top.basis

    @property
    def customers_lost(self) -> float | None:
        return self.top.customers_lost

    @property
    def revenue_at_risk(self) -> float | None:
        return self.top.revenue_at_risk

    @property
    def severity(self) -> Severity:
        """The highest severity among its pain points."""
        return max((r.severity for r in self.rows), key=SEVERITY_POINTS.__getitem__)


def counted_once_text(group: TouchpointRank) -> str:
    """Why a touchpoint with several pain points is worth the largest, said once."""
    if len(group.rows) < 2:
        return ""
    return (
        f"{group.touchpoint} has {len(group.rows)} pain points; it counts once, at the "
        "largest share at risk, since the same customers are behind each."
    )


def by_touchpoint(rows: Sequence[Ranked]) -> list[TouchpointRank]:
    """The ranking with each touchpoint once, where its costliest pain point ranks it (the
    rows come costliest first from :func:`rank`, so that is where it first appears)."""
    grouped: dict[str, list[Ranked]] = {}
    for row in rows:
        grouped.setdefault(row.touchpoint_id, []).append(row)
    return [TouchpointRank(tp, found[0].touchpoint, tuple(found)) for tp, found in grouped.items()]


def chosen_snapshot(journey: Journey, label: str | None = None) -> Snapshot | None:
    """The numbers pain points are judged on: one snapshot by label, else every snapshot
    merged with the latest winning. Raises JourneyError naming the labels there are."""
    if label is None:
        return merged(journey.metric_snapshots())
    try:
        return merged([journey.metric_snapshot(label)])
    except JourneyError as exc:
        labels = listed([s.label for s in journey.metric_snapshots()]) or "none"
        raise JourneyError(f"{exc} (snapshots: {labels})") from None


def rank_map(
    journey: Journey,
    snapshot: Snapshot | None,
    *,
    value_per_customer: float | None = None,
    findings: Sequence[Finding] | None = None,
) -> list[Ranked]:
    """The map's own ranking: its rules and manual pain points, priced with its settings
    (``value_per_customer`` overrides the map's); ``findings``: its rules already checked on
    ``snapshot``, by a caller that needs them too."""
    settings = journey.painpoint_settings()
    value = settings.value_per_customer if value_per_customer is None else value_per_customer
    if findings is None:
        findings = evaluate(journey, snapshot, settings.rules)
    return rank(
        journey,
        snapshot,
        findings,
        value,
        settings.period,
        journey.pain_points(),
        currency=settings.currency,
        goal=settings.goal,
    )
