"""Which marketing channels earn the conversions: first-order Markov attribution as the
ChannelAttribution package defines it, computed exactly rather than by simulation, with the
first-touch, last-touch and linear heuristics next to it.

The paths form an absorbing Markov chain: start, one state per channel, conversion and null.
Each path counts once for each conversion and each null it ended in, so its steps are counted
that many times, and its last channel steps to conversion for its conversions and to null for
its nulls. The chance of converting from start is solved exactly (analysis.reach). A
channel's removal effect is the share of that chance lost when everyone reaching the channel is
lost instead; the conversions (and their value) are shared out in proportion to the effects.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cjo_desktop.analysis.reach import absorption_chances

# State names; every channel is prefixed, so no channel name can clash with them.
_START, _CONVERSION = "start", "conversion"


def _state(channel: str) -> str:
    return f"channel:{channel}"


@dataclass(frozen=True)
class MarketingPath:
    """One row of a path file: the channels in order, and how many ended in a conversion (with
    their total value, None when the file has none) and how many ended without one."""

    channels: tuple[str, ...]
    conversions: float
    nulls: float
    value: float | None = None


@dataclass(frozen=True)
class ChannelCredit:
    """What one channel is credited with: the Markov removal effect and the conversions and
    value shared out by it, and the conversions each heuristic credits."""

    channel: str
    removal_effect: float
    attributed_conversions: float
    attributed_value: float | None
    first_touch: float
    last_touch: float
    linear: float


def transition_counts(paths: Iterable[MarketingPath]) -> dict[str, dict[str | None, float]]:
    """State -> next state (None: null) -> how many took that step, each path weighted by its
    conversions and nulls."""
    counts: dict[str, dict[str | None, float]] = {}

    def add(source: str, target: str | None, weight: float) -> None:
        row = counts.setdefault(source, {})
        row[target] = row.get(target, 0.0) + weight

    for path in paths:
        weight = path.conversions + path.nulls
        if not path.channels or weight <= 0:
            continue
        states = [_START, *map(_state, path.channels)]
        for source, target in itertools.pairwise(states):
            add(source, target, weight)
        if path.conversions > 0:
            add(states[-1], _CONVERSION, path.conversions)
        if path.nulls > 0:
            add(states[-1], None, path.nulls)
    return counts


def conversion_chance(
    counts: dict[str, dict[str | None, float]], removed: str | None = None
) -> float:
    """P(conversion) from start, exactly; with ``removed``, everyone reaching that channel is
    lost (its steps go to null)."""
    out = {
        source: list(row.items())
        for source, row in counts.items()
        if removed is None or source != _state(removed)
    }
    return absorption_chances(out, _CONVERSION).get(_START, 0.0)


def attribute(paths: Sequence[MarketingPath]) -> list[ChannelCredit]:
    """Every channel's credit, most attributed conversions first (then by name). Without
    conversions every effect and share is 0; ``attributed_value`` is None unless every path
    has a value."""
    channels = sorted({c for path in paths for c in path.channels})
    counts = transition_counts(paths)
    base = conversion_chance(counts)
    effects = {
        c: (1.0 - conversion_chance(counts, c) / base) if base > 0 else 0.0 for c in channels
    }
    total_effect = sum(effects.values())
    conversions = sum(path.conversions for path in paths if path.channels)
    has_value = bool(paths) and all(path.value is not None for path in paths)
    value = sum(path.value or 0.0 for path in paths if path.channels) if has_value else None
    first, last, linear = _heuristics(paths)
    credits = []
    for c in channels:
        share = effects[c] / total_effect if total_effect > 0 else 0.0
        credits.append(
            ChannelCredit(
                channel=c,
                removal_effect=effects[c],
                attributed_conversions=conversions * share,
                attributed_value=None if value is None else value * share,
                first_touch=first.get(c, 0.0),
                last_touch=last.get(c, 0.0),
                linear=linear.get(c, 0.0),
            )
        )
    credits.sort(key=lambda credit: (-credit.attributed_conversions, credit.channel))
    return credits


def _heuristics(
    paths: Iterable[MarketingPath],
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Conversions credited to the first channel, to the last, and split evenly over every
    touch of the path (a channel touched twice gets two shares)."""
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    linear: dict[str, float] = {}
    for path in paths:
        if not path.channels:
            continue
        first[path.channels[0]] = first.get(path.channels[0], 0.0) + path.conversions
        last[path.channels[-1]] = last.get(path.channels[-1], 0.0) + path.conversions
        share = path.conversions / len(path.channels)
        for c in path.channels:
            linear[c] = linear.get(c, 0.0) + share
    return first, last, linear
