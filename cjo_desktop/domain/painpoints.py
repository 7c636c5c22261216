"""The words of pain points and opportunities (severity, effort, impact), and the rules and
money settings a map keeps for finding and pricing pain points in its data.

The pain point and opportunity items are in :mod:`cjo_desktop.domain.model` with the others.
The rules are the map's own (stored in its file), so they live here; checking them against
numbers is :mod:`cjo_desktop.analysis.painpoints`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CSAT_TOP2,
    DROPOFF_EXCESS,
    NPS,
    VALENCE,
    VALENCE_DIP,
    metric_name,
)

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
#: For ranking ties and for the score used when a map has no volumes.
SEVERITY_POINTS: dict[str, int] = {"high": 3, "medium": 2, "low": 1}

Effort = Literal["S", "M", "L"]
EFFORTS: tuple[Effort, ...] = ("S", "M", "L")

Op = Literal["<", "<=", ">", ">="]
OPS: tuple[Op, ...] = ("<", "<=", ">", ">=")

#: Pseudo-metrics a rule can read from the map itself rather than from a snapshot.
EMOTION_METRICS = (VALENCE, VALENCE_DIP)

MAX_MIN_N = 1_000_000_000
#: A map's rules are few (the defaults are 6); a dialog lists them all and every rule is
#: checked at every touchpoint, so their number is bounded.
MAX_RULES = 1_000
#: Rules times touchpoints: the (touchpoint, rule) pairs every evaluation answers, each kept
#: in memory. Two million take seconds and about half a gigabyte; the defaults (6 rules)
#: stay below it on any map the item limit lets in.
MAX_RULE_CHECKS = 2_000_000


@dataclass(frozen=True, slots=True)
class Rule:
    """``metric op threshold`` marks a pain point; a snapshot metric name, ``"valence"`` (the
    mean of the touchpoint's persona-less emotions) or ``"valence_dip"`` (how far valence fell
    from the previous touchpoint with an emotion, in journey order)."""

    name: str
    metric: str
    op: Op
    threshold: float
    severity: Severity
    min_n: int = 30  # survey and funnel values only: emotions have no n
    enabled: bool = True
    description: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip() or not self.metric.strip():
            raise JourneyError("a rule needs a name and a metric")
        if self.op not in OPS:
            raise JourneyError(f"rule {self.name!r}: unknown operator {self.op!r}")
        if self.severity not in SEVERITY_POINTS:
            raise JourneyError(f"rule {self.name!r}: unknown severity {self.severity!r}")
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int | float):
            raise JourneyError(f"rule {self.name!r}: the threshold must be a number")
        if not math.isfinite(self.threshold):
            raise JourneyError(f"rule {self.name!r}: the threshold must be a finite number")
        n = self.min_n
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_MIN_N:
            raise JourneyError(f"rule {self.name!r}: the minimum sample size must be 0 or more")

    @property
    def needs_n(self) -> bool:
        return self.metric not in EMOTION_METRICS

    def holds(self, value: float) -> bool:
        if self.op == "<":
            return value < self.threshold
        if self.op == "<=":
            return value <= self.threshold
        if self.op == ">":
            return value > self.threshold
        return value >= self.threshold


#: Thresholds from common practice; NPS and percentages are on their 0-100 scales as imported.
DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("nps_negative", NPS, "<", 0.0, "high", description="NPS below 0"),
    Rule("csat_low", CSAT_TOP2, "<", 70.0, "medium", description="CSAT top-2-box below 70%"),
    # Meant for a 1-7 scale; values do not record their scale, so it applies as given.
    Rule(
        "ces_high", CES_MEAN, ">=", 5.0, "medium", description="CES mean at or above 5 (1-7 scale)"
    ),
    # Relative to what is normal there (most who see an ad scroll past): see analysis/dropoff.
    Rule(
        "dropoff_high",
        DROPOFF_EXCESS,
        ">=",
        30.0,
        "high",
        description="Drop-off 30% or more above expected",
    ),
    Rule("valence_negative", VALENCE, "<=", -1.0, "medium", description="emotion at or below -1"),
    Rule("emotion_dip", VALENCE_DIP, ">=", 2.0, "medium", description="emotion dips by 2 or more"),
)


#: How a rule's operator reads in a sentence: "NPS below 0".
OP_WORDS: dict[str, str] = {"<": "below", "<=": "at or below", ">": "above", ">=": "at or above"}


def rule_title(rule: Rule) -> str:
    """The rule in words, the one title every view shows instead of its name (an id such as
    ``nps_negative``): its description ("NPS below 0"), else one made from its metric,
    operator and threshold ("CSAT mean at or below 3")."""
    words = rule.description.strip()
    if words:
        return words[:1].upper() + words[1:]
    name = metric_name(rule.metric)  # a column of the user's data keeps its own spelling
    unit = name.unit if name.unit == "%" else (f" {name.unit}" if name.unit else "")
    return f"{name.label} {OP_WORDS[rule.op]} {rule.threshold:g}{unit}"


def rule_checks_message(rules: int, touchpoints: int) -> str:
    """Why a map has too many rules for its touchpoints: each rule is checked at each one."""
    return (
        f"{rules:,} rules checked at each of {touchpoints:,} touchpoints make "
        f"{rules * touchpoints:,} checks; the limit is {MAX_RULE_CHECKS:,}: use fewer rules"
    )


@dataclass(frozen=True, slots=True)
class PainPointSettings:
    """How a map finds pain points and prices them: its rules, what one customer is worth
    (average order value, CLTV...), over which period its counts run, the goal touchpoint
    that tells a lost visitor's likely worth from a lost customer's, and the numbers the rules
    are judged on: ``judged_on`` names one snapshot, None judges on every snapshot merged with
    the latest value winning. One setting for the editor, ``cjo painpoints`` and the report, so
    they rank alike; an import never changes it."""

    rules: tuple[Rule, ...] = DEFAULT_RULES
    value_per_customer: float | None = None
    currency: str = "€"
    period: str = "month"
    goal: str | None = None  # the touchpoint where someone becomes a customer (the purchase)
    judged_on: str | None = None
    _by_name: dict[str, Rule] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if len(self.rules) > MAX_RULES:
            many = len(self.rules)
            raise JourneyError(f"a map may have at most {MAX_RULES:,} rules, not {many:,}")
        counts = Counter(r.name for r in self.rules)  # one pass: 300,000 rules once hung here
        twice = sorted(n for n, k in counts.items() if k > 1)
        if twice:
            raise JourneyError(f"two rules are named {twice[0]!r:.80}; rule names must differ")
        object.__setattr__(self, "_by_name", {r.name: r for r in self.rules})
        v = self.value_per_customer
        if v is not None and (
            isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0
        ):
            raise JourneyError(f"the value per customer must be 0 or more, not {v!r}")
        if len(self.currency) > 8:
            raise JourneyError("a currency is a symbol or code of at most 8 characters")
        if not self.period.strip() or len(self.period) > 40:
            raise JourneyError("the period needs a name of at most 40 characters, e.g. month")

    def rule(self, name: str) -> Rule | None:
        return self._by_name.get(name)


def severity(value: object) -> Severity:
    for s in SEVERITIES:
        if value == s:
            return s
    raise JourneyError(f"severity must be high, medium or low, not {value!r}")


def effort(value: object) -> Effort:
    for e in EFFORTS:
        if value == e:
            return e
    raise JourneyError(f"effort must be S, M or L, not {value!r}")


def impact(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise JourneyError(f"expected impact must be a whole percentage 0..100, not {value!r}")
    return value
