"""The chance that someone at a touchpoint goes on to reach the goal (the purchase), from the
flow counts: a walk along the counted flows where the goal keeps everyone and a drop-off loses
them. Used to price a lost visitor by what they were likely to be worth, not by a full order.
"""

from __future__ import annotations

import networkx as nx

from cjo_desktop.domain import Journey

_ROUNDS = 500
_TOLERANCE = 1e-9


def reach_probabilities(journey: Journey, goal: str) -> dict[str, float]:
    """Touchpoint id -> P(reaching ``goal`` for someone who goes on from there instead of
    leaving): the next step as the counted flows split it, and from then on every later
    drop-off counts. Touchpoints without counted flows out are left out (unknown); loops are
    walked until the chance settles. The goal itself is 1.
    """
    out: dict[str, list[tuple[str | None, float]]] = {}
    for flow in journey.flows():
        if flow.count is None or flow.source == goal or flow.source == flow.target:
            continue
        out.setdefault(flow.source, []).append((flow.target, float(flow.count)))
    # q: the chance from arriving at a touchpoint, its own drop-off included
    q: dict[str, float] = dict.fromkeys(out, 0.0)
    q[goal] = 1.0
    for _ in range(_ROUNDS):
        moved = 0.0
        for source, edges in out.items():
            total = sum(count for _, count in edges)
            if total <= 0:
                continue
            new = sum(count * q.get(t, 0.0) for t, count in edges if t is not None) / total
            moved = max(moved, abs(new - q[source]))
            q[source] = new
        if moved < _TOLERANCE:
            break
    chance: dict[str, float] = {goal: 1.0}
    for source, edges in out.items():
        onward = [(t, count) for t, count in edges if t is not None]
        total = sum(count for _, count in onward)
        if total > 0:
            chance[source] = sum(count * q.get(t, 0.0) for t, count in onward) / total
    return chance


def after_goal(journey: Journey, goal: str) -> set[str]:
    """Touchpoints that cannot lead to the goal along any flow: people there have bought
    already (delivery, reviews, returns), so losing one loses a whole customer."""
    graph = journey.flow_graph()
    if goal not in graph:
        return set()
    can_reach: set[str] = set(nx.ancestors(graph, goal)) | {goal}
    return {t.id for t in journey.touchpoints()} - can_reach
