"""Rules that could not judge a touchpoint for too few answers, and how many answers would.

A rule needs ``min_n`` answers before it calls anything a pain point; below that the editor and
the report say so instead of staying silent, and plan the next survey: how many answers per
touchpoint would detect a change of the stated size (10 NPS points, 10 percentage points, 0.3
on a mean) with 80% power, from the spread of the answers there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjo_desktop.analysis.painpoints import Finding
from cjo_desktop.analysis.significance import DEFAULT_SIZE, KINDS, MEAN_KIND, NPS_KIND, n_needed
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.painpoints import rule_title


@dataclass(frozen=True)
class Unchecked:
    """One rule left unchecked at one touchpoint."""

    touchpoint_id: str
    touchpoint: str
    rule: str  # the rule's title, in words
    n: int | None
    min_n: int
    #: Answers per touchpoint that would detect a change of ``size`` (None: cannot plan it).
    needed: int | None
    size: str  # the change planned for, in words ("10 NPS points")

    def words(self) -> str:
        have = "answers unknown" if self.n is None else f"{self.n:,} answers"
        text = f"{self.touchpoint}: {self.rule} not checked ({have}, needs {self.min_n:,})"
        if self.needed is not None:
            text += f"; about {self.needed:,} would detect a change of {self.size}"
        return text


def _size_words(metric: str) -> str:
    kind = KINDS.get(metric)
    if kind is None:
        return ""
    size = DEFAULT_SIZE[kind]
    if kind == NPS_KIND:
        return f"{size:g} NPS points"
    if kind == MEAN_KIND:
        return f"{size:g} on the mean"
    return f"{size:g} percentage points"


def unchecked(
    journey: Journey, snapshot: Snapshot | None, findings: Sequence[Finding]
) -> list[Unchecked]:
    """The findings left unchecked for too few answers, in journey order."""
    order = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    out = []
    for f in findings:
        if f.status != "insufficient" or f.touchpoint_id not in order:
            continue
        value = snapshot.value(f.touchpoint_id, f.rule.metric) if snapshot else None
        needed = n_needed(f.rule.metric, value) if value is not None and value.n else None
        out.append(
            Unchecked(
                f.touchpoint_id,
                journey.touchpoint(f.touchpoint_id).name,
                rule_title(f.rule),
                f.n,
                f.rule.min_n,
                needed,
                _size_words(f.rule.metric),
            )
        )
    return sorted(out, key=lambda u: order[u.touchpoint_id])


def unchecked_text(items: Sequence[Unchecked], most: int = 6) -> str:
    """One paragraph for the panel or the report (the first ``most``, then how many more)."""
    if not items:
        return ""
    shown = "; ".join(u.words() for u in items[:most])
    more = f"; and {len(items) - most} more" if len(items) > most else ""
    return f"Too few answers to judge: {shown}{more}. (80% power, 5% level.)"
