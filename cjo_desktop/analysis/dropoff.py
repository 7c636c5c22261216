"""What drop-off is normal at a touchpoint, and how far a measured drop-off goes beyond it.

Most people who see an ad scroll past: that is the funnel, not a pain point. So a drop-off is
judged against a reference: the touchpoint's own expected drop-off when the team set one,
else the typical drop-off of its stage (the median of the other touchpoints of the stage with
a measured drop-off on enough people), else that of the whole journey. Only the excess over
the reference is a pain, and only the excess is priced.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.metrics import DROPOFF

#: The smallest base the excess is measured against, so an expected drop-off of 0 does not
#: make every leaver an infinite excess: one percentage point.
_SMALLEST_BASE = 0.01


@dataclass(frozen=True, slots=True)
class Reference:
    """A measured drop-off and the one it is judged against, as shares 0..1; ``basis`` says
    where the reference comes from in words: "expected", "typical in Decision"."""

    observed: float
    expected: float
    basis: str

    @property
    def kind(self) -> str:
        """ "expected" (set for the touchpoint) or "typical" (of its stage or journey)."""
        return "expected" if self.basis == "expected" else "typical"

    @property
    def excess(self) -> float:
        """The share of people lost beyond the reference (0 when at or below it)."""
        return max(0.0, self.observed - self.expected)

    @property
    def above(self) -> float:
        """How far the drop-off is beyond the reference, in percent, relative to the smaller
        of the expected drop-off and the expected share going on: 38% against 12% is 217%
        above; where most are expected to leave (an ad, 90%), 93% means 30% fewer going on
        than expected, so 30% above. Negative: below the reference."""
        base = max(min(self.expected, 1.0 - self.expected), _SMALLEST_BASE)
        return 100.0 * (self.observed - self.expected) / base

    def excess_words(self) -> str:
        """ "26% drop-off beyond the typical 12%": what the ranking prices."""
        return f"{_percent(self.excess)} drop-off beyond the {self.kind} {_percent(self.expected)}"

    def words(self) -> str:
        """ "38% drop-off against 12% typical in Decision"."""
        return f"{_percent(self.observed)} drop-off against {_percent(self.expected)} {self.basis}"


def _percent(share: float) -> str:
    return f"{round(100 * share, 1):g}%"


def _median(ordered: Sequence[float]) -> float:
    m = len(ordered)
    return (ordered[(m - 1) // 2] + ordered[m // 2]) / 2


def _median_without(ordered: Sequence[float], x: float) -> float | None:
    """The median of ``ordered`` less one occurrence of ``x`` (which it holds), found in
    O(log n) so that a stage of 20,000 cards does not take 20,000 sorts."""
    m = len(ordered) - 1
    if m < 1:
        return None
    i = bisect_left(ordered, x)

    def at(k: int) -> float:
        return ordered[k] if k < i else ordered[k + 1]

    return (at((m - 1) // 2) + at(m // 2)) / 2


def references(journey: Journey, snapshot: Snapshot | None, min_n: int) -> dict[str, Reference]:
    """Touchpoint id -> its measured drop-off and the reference it is judged against, for
    every touchpoint with a drop-off value in ``snapshot``. The typical drop-off counts only
    touchpoints measured on at least ``min_n`` people; none to compare with: left out."""
    if snapshot is None:
        return {}
    measured: dict[str, tuple[float, bool]] = {}
    for tp in journey.touchpoints():
        v = snapshot.value(tp.id, DROPOFF)
        if v is not None and v.value is not None:
            enough = v.n is not None and v.n >= min_n
            measured[tp.id] = (min(max(v.value / 100.0, 0.0), 1.0), enough)
    counted = {tp: share for tp, (share, enough) in measured.items() if enough}
    everywhere = sorted(counted.values())
    by_stage: dict[str, list[float]] = {}
    for tp in journey.touchpoints():
        if tp.id in counted:
            by_stage.setdefault(tp.stage_id, []).append(counted[tp.id])
    for shares in by_stage.values():
        shares.sort()
    out: dict[str, Reference] = {}
    for tp in journey.touchpoints():
        if tp.id not in measured:
            continue
        observed = measured[tp.id][0]
        if tp.expected_dropoff is not None:
            out[tp.id] = Reference(observed, tp.expected_dropoff, "expected")
            continue
        peers = by_stage.get(tp.stage_id, [])
        typical = _median_without(peers, observed) if tp.id in counted else _peer(peers)
        if typical is not None:
            stage = journey.stage(tp.stage_id).name
            out[tp.id] = Reference(observed, typical, f"typical in {stage}")
            continue
        typical = _median_without(everywhere, observed) if tp.id in counted else _peer(everywhere)
        if typical is not None:
            out[tp.id] = Reference(observed, typical, "typical of the journey")
    return out


def _peer(ordered: Sequence[float]) -> float | None:
    """The median of touchpoints other than one that is not among them."""
    return _median(ordered) if ordered else None
