"""What the map shows of pain points: per card its worst severity, why, its impact rank and
whether some rule could not be checked; and which points of the emotion curve are dips.

Plain logic over the analysis (no items), so the scene stays thin and this is cheap to test;
the texts of the tabs, dip markers and notes are written here too.
Severity is always shown by colour AND by the outline's pattern, the icon's shape and a
letter, so it reads without colour (Okabe-Ito hues, like the rest of the map).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cjo_desktop.analysis.impact import MANUAL, Ranked, by_touchpoint, rank
from cjo_desktop.analysis.painpoints import (
    SEVERITY_POINTS,
    VALENCE_DIP,
    Finding,
    Rule,
    Severity,
    dips,
    evaluate,
    merged,
)
from cjo_desktop.domain import Change, Journey, JourneyError, Opportunity, PainPoint, Snapshot
from cjo_desktop.domain.painpoints import rule_title

#: Letter and icon shape per severity (its colour is palette.SEVERITY): never colour alone.
SEVERITY_LETTERS: dict[str, str] = {"high": "H", "medium": "M", "low": "L"}
SEVERITY_SHAPES: dict[str, str] = {"high": "triangle", "medium": "diamond", "low": "circle"}
#: The dip marked on the curve when the map has no enabled ``valence_dip`` rule.
DEFAULT_DIP = 2.0
#: Ranking takes time in proportion to fired rules plus flows (about 35 ms for 1,300 rows
#: and 4,000 flows); past this many the cards go without rank numbers rather than stall.
RANK_BUDGET = 100_000


@dataclass(frozen=True, slots=True)
class CardMark:
    """One card's pain-point state. ``severity`` is None when nothing fired and the card is
    only marked for rules that could not be checked (``insufficient``)."""

    severity: Severity | None
    rank: int | None = None
    manual: bool = False
    sources: tuple[str, ...] = ()
    insufficient: tuple[str, ...] = ()
    min_n: int | None = None  # the sample size the unchecked rules wanted (None: n unknown)

    @property
    def is_pain(self) -> bool:
        return self.severity is not None

    @property
    def insufficient_tag(self) -> str:
        """The short tag on the card: 'n<30', or 'n?' when the number of responses is unknown."""
        if not self.insufficient:
            return ""
        return f"n<{self.min_n}" if self.min_n is not None else "n?"

    def tooltip(self) -> str:
        lines: list[str] = []
        if self.severity is not None:
            rank = f", #{self.rank} by impact" if self.rank is not None else ""
            lines.append(f"Pain point: {self.severity}{rank}")
            lines.extend(f"  \N{BULLET} {s}" for s in self.sources)
        if self.insufficient:
            lines.append("Insufficient data (rule not checked):")
            lines.extend(f"  \N{BULLET} {s}" for s in self.insufficient)
        return "\n".join(lines)


@dataclass(frozen=True)
class PainView:
    """Everything the scene hands to its items: card marks by touchpoint id, and dips on the
    emotion curve (touchpoint id -> how far valence fell) at or beyond ``dip_threshold``."""

    marks: dict[str, CardMark] = field(default_factory=dict)
    dips: dict[str, float] = field(default_factory=dict)
    dip_threshold: float = DEFAULT_DIP
    ranked: bool = True  # False when ranks were skipped (see RANK_BUDGET)


def judged_snapshot(journey: Journey, label: str | None) -> Snapshot | None:
    """The numbers the marks judge: the scene's chosen snapshot, else (no choice, or one that
    is gone) every snapshot merged with the latest winning, as ``cjo painpoints`` does."""
    if label is not None:
        try:
            return merged([journey.metric_snapshot(label)])
        except JourneyError:
            pass
    return merged(journey.metric_snapshots())


def dip_rule(journey: Journey) -> Rule | None:
    """The map's enabled emotion-dip rule, which says what counts as a dip on the curve."""
    return next(
        (r for r in journey.painpoint_settings().rules if r.metric == VALENCE_DIP and r.enabled),
        None,
    )


def affects_marks(change: Change) -> bool:
    """Whether an edit can change the marks. Renaming, describing or dragging a card or a
    stage cannot (the costliest relayouts on a big map are drags), nor can the title;
    anything else (feelings, data, rules, pain points, flows, order) can."""
    if change.action != "update" or change.kind not in ("touchpoint", "stage", "journey"):
        return True
    old, new = change.old, change.new
    return getattr(old, "stage_id", None) != getattr(new, "stage_id", None)


def _shown(value: float | None) -> str:
    return "" if value is None else f"{round(value, 1):g}".replace("-", "\N{MINUS SIGN}")


def _reason(f: Finding) -> str:
    value = f.reference.words() if f.reference is not None else _shown(f.value)
    parts = [p for p in (value, f"n = {f.n:,}" if f.n is not None else "") if p]
    what = rule_title(f.rule)
    return f"{f.rule.severity}: {what}" + (f" ({', '.join(parts)})" if parts else "")


def _ranks(
    journey: Journey,
    snapshot: Snapshot | None,
    findings: Sequence[Finding],
    manual: Sequence[PainPoint],
) -> list[Ranked] | None:
    """The map's impact ranking (as ``rank_map``, reusing the findings), or None when too big."""
    fired = sum(f.status == "fires" for f in findings) + len(manual)
    if fired + len(journey.flows()) > RANK_BUDGET:
        return None
    settings = journey.painpoint_settings()
    return rank(
        journey,
        snapshot,
        findings,
        settings.value_per_customer,
        settings.period,
        manual,
        currency=settings.currency,
        goal=settings.goal,
    )


def pain_view(journey: Journey, snapshot_label: str | None = None) -> PainView:
    """Marks for every card with a fired rule, a manual pain point or an unchecked rule."""
    snapshot = judged_snapshot(journey, snapshot_label)
    findings = evaluate(journey, snapshot, journey.painpoint_settings().rules)
    worst: dict[str, Severity] = {}
    sources: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    wanted: dict[str, set[int | None]] = {}

    def flag(tp_id: str, severity: Severity, why: str) -> None:
        if tp_id not in worst or SEVERITY_POINTS[severity] > SEVERITY_POINTS[worst[tp_id]]:
            worst[tp_id] = severity
        sources.setdefault(tp_id, []).append(why)

    for f in findings:
        if f.status == "fires":
            flag(f.touchpoint_id, f.rule.severity, _reason(f))
        elif f.status == "insufficient":
            n = "n unknown" if f.n is None else f"n = {f.n:,}"
            what = rule_title(f.rule)
            short.setdefault(f.touchpoint_id, []).append(f"{what}: {n}, needs {f.rule.min_n:,}")
            wanted.setdefault(f.touchpoint_id, set()).add(f.rule.min_n if f.n is not None else None)
    manual = journey.pain_points()
    for p in manual:
        flag(p.touchpoint_id, p.severity, f"{p.severity}: {MANUAL}: {p.description}")

    flagged = {p.touchpoint_id for p in manual}
    rows = _ranks(journey, snapshot, findings, manual)
    # the card's place in the ranking that counts each touchpoint once, as the dock numbers
    # its rows, so "#7" is row 7 there
    position = {g.touchpoint_id: n for n, g in enumerate(by_touchpoint(rows or ()), 1)}

    marks: dict[str, CardMark] = {}
    for tp_id in {*worst, *short}:
        known = {n for n in wanted.get(tp_id, set()) if n is not None}
        marks[tp_id] = CardMark(
            worst.get(tp_id),
            position.get(tp_id),
            tp_id in flagged,
            tuple(sources.get(tp_id, ())),
            tuple(short.get(tp_id, ())),
            max(known) if known else None,
        )
    rule = dip_rule(journey)
    if rule is not None:  # evaluate() has measured every fall already
        falls = {
            f.touchpoint_id: f.value
            for f in findings
            if f.rule == rule and f.status == "fires" and f.value is not None
        }
        threshold = rule.threshold
    else:
        falls = {tp: fall for tp, fall in dips(journey).items() if fall >= DEFAULT_DIP}
        threshold = DEFAULT_DIP
    return PainView(marks, falls, threshold, rows is not None)


def tab_text(mark: CardMark) -> str:
    """'H #1': the severity's letter and the impact rank (no rank when ranks were skipped)."""
    assert mark.severity is not None
    letter = SEVERITY_LETTERS[mark.severity]
    return f"{letter} #{mark.rank}" if mark.rank is not None else letter


def dip_label(fall: float) -> str:
    """'dip -1.5' (a minus sign): how far the feeling fell, beside the curve's marker."""
    return f"dip \N{MINUS SIGN}{round(fall, 1):g}"


def pain_tooltip(p: PainPoint, touchpoint: str) -> str:
    """A pain point's note tooltip: severity, place, description and strategy."""
    lines = [f"Pain point ({p.severity}) at {touchpoint}", p.description]
    if p.strategy:
        lines.append(f"Strategy: {p.strategy}")
    return "\n".join(lines)


def opportunity_meta(o: Opportunity) -> str:
    """The line under an opportunity's name on its note."""
    return f"effort {o.effort} \N{MIDDLE DOT} wins back {o.impact}%"


def opportunity_tooltip(o: Opportunity, touchpoint: str, answers: str) -> str:
    """An opportunity's note tooltip: place, effort, what it wins back and what it answers."""
    lines = [f"Opportunity at {touchpoint}: {o.name}", f"Effort {o.effort}, wins back {o.impact}%"]
    lines.append(f"Answers: {answers}")
    if o.description:
        lines.append(o.description)
    return "\n".join(lines)
