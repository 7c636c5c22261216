"""Discover a journey from what customers did: the cases of an event log become a map.

Touchpoints are the activities, flows the directly-follows relations with their counts (the
same counts as process mining's directly-follows graph), and drop-offs the cases that end at an
activity without ever reaching a goal. Without a goal no end is a failure, so no drop-off is
drawn: the ends are still counted. Stages come from where each activity typically happens: the
median of its relative positions (0 = first event of its case, 1 = last; a one-event case is at
0) cut into equal slices, the slices nobody falls in left out.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cjo_desktop.domain import Journey
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.quoting import listed, quoted

DEFAULT_STAGES = 4


@dataclass
class Discovery:
    """The counts behind a discovered map, and the map."""

    journey: Journey
    cases: int = 0
    #: (activity, next activity) -> how many times one directly followed the other.
    flows: Counter[tuple[str, str]] = field(default_factory=Counter)
    starts: Counter[str] = field(default_factory=Counter)
    ends: Counter[str] = field(default_factory=Counter)
    #: Activity -> its events (a case that repeats it counts each time).
    visits: Counter[str] = field(default_factory=Counter)
    #: Activity -> the cases that ended there without reaching a goal (empty without goals).
    dropoffs: Counter[str] = field(default_factory=Counter)
    #: Activity -> the stage (from 0) it was put in.
    stage_of: dict[str, int] = field(default_factory=dict)
    #: Flows and drop-offs left off the map for being rarer than ``min_count``.
    hidden: int = 0


def count_traces(traces: Iterable[Sequence[str]], goals: Iterable[str] = ()) -> Discovery:
    """Directly-follows, start, end, visit and drop-off counts; the journey is still empty."""
    goal_set = frozenset(goals)
    found = Discovery(Journey())
    for trace in traces:
        if not trace:
            continue
        found.cases += 1
        found.starts[trace[0]] += 1
        found.ends[trace[-1]] += 1
        found.flows.update(itertools.pairwise(trace))
        found.visits.update(trace)
        if goal_set and goal_set.isdisjoint(trace):
            found.dropoffs[trace[-1]] += 1
    return found


def typical_positions(traces: Iterable[Sequence[str]]) -> dict[str, float]:
    """Each activity's median relative position over all its events."""
    positions: dict[str, list[float]] = {}
    for trace in traces:
        last = len(trace) - 1
        for i, activity in enumerate(trace):
            positions.setdefault(activity, []).append(i / last if last else 0.0)
    return {activity: statistics.median(values) for activity, values in positions.items()}


def stage_numbers(typical: Mapping[str, float], stages: int) -> dict[str, int]:
    """Activity -> stage from 0: its typical position cut into ``stages`` equal slices, the
    empty slices dropped so that the stages are numbered without gaps."""
    raw = {a: min(stages - 1, int(p * stages)) for a, p in typical.items()}
    used = sorted(set(raw.values()))
    return {a: used.index(s) for a, s in raw.items()}


def discover(
    traces: Sequence[Sequence[str]],
    *,
    goals: Sequence[str] = (),
    stages: int = DEFAULT_STAGES,
    min_count: int = 1,
    channels: Mapping[str, str] | None = None,
    title: str = "Discovered journey",
) -> Discovery:
    """The map of ``traces`` (each a case's activities in time order). A goal that no case
    reaches is refused (a misspelt goal would make every case a drop-off). Flows and drop-offs
    counted fewer than ``min_count`` times are left off the map, not out of the counts."""
    if stages < 1:
        raise JourneyError(f"the number of stages must be at least 1, not {stages}")
    found = count_traces(traces, goals)
    missing = [g for g in goals if g not in found.visits]
    if missing:
        names = listed(sorted(found.visits), 8, quote=True, limit=40)
        raise JourneyError(f"no activity {quoted(missing[0])} in the log (activities: {names})")
    typical = typical_positions(traces)
    found.stage_of = stage_numbers(typical, stages)
    journey = found.journey
    journey.set_title(title)
    count = max(found.stage_of.values(), default=-1) + 1
    members: list[list[str]] = [[] for _ in range(count)]
    for activity in sorted(typical, key=lambda a: (typical[a], -found.visits[a], a)):
        members[found.stage_of[activity]].append(activity)
    ids: dict[str, str] = {}
    for activities in members:
        busiest = max(activities, key=lambda a: (found.visits[a], -activities.index(a)))
        stage = journey.add_stage(busiest)
        for activity in activities:
            channel = (channels or {}).get(activity, "")
            ids[activity] = journey.add_touchpoint(stage.id, activity, channel=channel).id
    for (source, target), n in sorted(found.flows.items(), key=_flow_order(ids)):
        if n >= min_count:
            journey.add_flow(ids[source], ids[target], count=n)
        else:
            found.hidden += 1
    for activity, n in found.dropoffs.items():
        if n >= min_count:
            journey.add_flow(ids[activity], None, count=n)
        else:
            found.hidden += 1
    return found


def _flow_order(ids: Mapping[str, str]) -> Callable[[tuple[tuple[str, str], int]], tuple[int, int]]:
    """Flows in the order of their touchpoints on the map, source first."""
    order = {activity: i for i, activity in enumerate(ids)}
    return lambda item: (order[item[0][0]], order[item[0][1]])
