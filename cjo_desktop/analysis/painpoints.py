"""Pain-point rules: which touchpoints cross a threshold on a metric or on the emotion curve.

Data in, plain data out: :func:`evaluate` answers every (touchpoint, rule) pair, so a rule that
could not be checked (too few responses, no value) is reported as such and never silently
passed. Ranking by business impact lives in :mod:`cjo_desktop.analysis.impact`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cjo_desktop.analysis.dropoff import Reference, references
from cjo_desktop.domain import Journey, MetricValue, Provenance, Snapshot
from cjo_desktop.domain.metrics import (
    DROPOFF,
    DROPOFF_EXCESS,
    VALENCE,
    VALENCE_DIP,
    higher_is_better,
)
from cjo_desktop.domain.painpoints import (
    DEFAULT_RULES,
    EMOTION_METRICS,
    SEVERITY_POINTS,
    Rule,
    Severity,
)

__all__ = [
    "DEFAULT_RULES",
    "EMOTION_METRICS",
    "SEVERITY_POINTS",
    "VALENCE",
    "VALENCE_DIP",
    "Finding",
    "Reference",
    "Rule",
    "Severity",
    "Status",
    "dips",
    "evaluate",
    "merged",
    "valences",
]

Status = Literal["fires", "passes", "insufficient", "missing"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule checked at one touchpoint; ``value`` and ``n`` as the rule read them. A rule
    on drop-off beyond expected keeps the drop-off and what it was judged against."""

    touchpoint_id: str
    rule: Rule
    status: Status
    value: float | None
    n: int | None
    reference: Reference | None = None


def valences(journey: Journey) -> dict[str, float]:
    """Touchpoint id -> mean valence of its persona-less emotions (the map's own curve);
    touchpoints without one are left out."""
    out: dict[str, float] = {}
    for tp in journey.touchpoints():
        general = [e.valence for e in journey.emotions(tp.id) if e.persona_id is None]
        if general:
            out[tp.id] = sum(general) / len(general)
    return out


def dips(journey: Journey) -> dict[str, float]:
    """Touchpoint id -> how far valence fell since the previous touchpoint that has one
    (negative: it rose); the curve skips touchpoints without an emotion, so does this."""
    out: dict[str, float] = {}
    previous: float | None = None
    curve = valences(journey)
    for tp in journey.touchpoints():
        if tp.id not in curve:
            continue
        if previous is not None:
            out[tp.id] = previous - curve[tp.id]
        previous = curve[tp.id]
    return out


def _direction_reversed(metric: str, value: MetricValue) -> bool:
    """A value whose scale runs the other way from the metric's usual one (CES with 7 = easy)
    cannot be compared with a threshold written for the usual direction."""
    usual = higher_is_better(metric, MetricValue(None))
    actual = higher_is_better(metric, value)
    return usual is not None and actual is not None and usual != actual


def _check(tp_id: str, rule: Rule, value: MetricValue | None) -> Finding:
    if value is None or value.value is None or _direction_reversed(rule.metric, value):
        return Finding(tp_id, rule, "missing", None, value.n if value else None)
    if value.n is None or value.n < rule.min_n:
        return Finding(tp_id, rule, "insufficient", value.value, value.n)
    status: Status = "fires" if rule.holds(value.value) else "passes"
    return Finding(tp_id, rule, status, value.value, value.n)


def _beyond(
    tp_id: str, rule: Rule, snapshot: Snapshot | None, against: dict[str, Reference]
) -> Finding:
    """The drop-off rule: how far the drop-off goes beyond its reference, in percent;
    ``missing`` without a drop-off or anything to compare it with."""
    drop = snapshot.value(tp_id, DROPOFF) if snapshot else None
    ref = against.get(tp_id)
    n = drop.n if drop else None
    if ref is None:
        return Finding(tp_id, rule, "missing", None, n)
    if n is None or n < rule.min_n:
        return Finding(tp_id, rule, "insufficient", ref.above, n, ref)
    status: Status = "fires" if rule.holds(ref.above) else "passes"
    return Finding(tp_id, rule, status, ref.above, n, ref)


def evaluate(
    journey: Journey, snapshot: Snapshot | None, rules: Sequence[Rule] = DEFAULT_RULES
) -> list[Finding]:
    """Every enabled rule at every touchpoint, in journey order then rule order.

    ``missing``: no value (no snapshot, no such metric, no emotion, the first point of the
    curve, or a scale running the other way); ``insufficient``: fewer than ``min_n``
    responses or an unknown n.
    """
    curve, fall = valences(journey), dips(journey)
    emotion = {VALENCE: curve, VALENCE_DIP: fall}
    against: dict[int, dict[str, Reference]] = {}  # by min_n: rules may differ
    findings: list[Finding] = []
    for tp in journey.touchpoints():
        for rule in rules:
            if not rule.enabled:
                continue
            if rule.metric == DROPOFF_EXCESS:
                if rule.min_n not in against:
                    against[rule.min_n] = references(journey, snapshot, rule.min_n)
                findings.append(_beyond(tp.id, rule, snapshot, against[rule.min_n]))
                continue
            if rule.metric in emotion:
                v = emotion[rule.metric].get(tp.id)
                if v is None:
                    findings.append(Finding(tp.id, rule, "missing", None, None))
                else:
                    status: Status = "fires" if rule.holds(v) else "passes"
                    findings.append(Finding(tp.id, rule, status, v, None))
                continue
            value = snapshot.value(tp.id, rule.metric) if snapshot else None
            findings.append(_check(tp.id, rule, value))
    return findings


def merged(snapshots: Sequence[Snapshot], label: str = "combined") -> Snapshot | None:
    """One snapshot holding every value of ``snapshots`` (a later one wins on a clash), so a
    survey import and a funnel import can be judged together; None when there are none."""
    if not snapshots:
        return None
    values: dict[str, dict[str, MetricValue]] = {}
    summary: dict[str, MetricValue] = {}
    for s in snapshots:
        for tp, per in s.values.items():
            values.setdefault(tp, {}).update(per)
        summary.update(s.summary)
    provenance = Provenance(
        source=", ".join(s.provenance.source for s in snapshots),
        method="merged: " + ", ".join(s.label for s in snapshots),
    )
    return Snapshot(label, provenance, values, summary)
