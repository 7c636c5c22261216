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
    for group in _successors_first(out):
        for _ in range(_ROUNDS):
            moved = 0.0
            for source in group:
                edges = out[source]
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


def _successors_first(out: dict[str, list[tuple[str | None, float]]]) -> list[list[str]]:
    """The touchpoints with flows out, in groups that loop among themselves, each group after
    every group it leads to, and within a group each touchpoint after those it leads to where
    the loop allows. Walking them in this order settles a journey without loops in one round
    per touchpoint and a long loop in a few rounds; walking them all in file order took a round
    per step of the longest path (15 s for a chain of 20,000 cards, and still unsettled)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(out)
    graph.add_edges_from((s, t) for s, edges in out.items() for t, _ in edges if t in out)
    place = {node: i for i, node in enumerate(nx.dfs_postorder_nodes(graph))}
    groups = nx.condensation(graph)
    return [
        sorted(groups.nodes[g]["members"], key=place.__getitem__)
        for g in reversed(list(nx.topological_sort(groups)))
    ]


def after_goal(journey: Journey, goal: str) -> set[str]:
    """Touchpoints that cannot lead to the goal along any flow: people there have bought
    already (delivery, reviews, returns), so losing one loses a whole customer."""
    graph = journey.flow_graph()
    if goal not in graph:
        return set()
    can_reach: set[str] = set(nx.ancestors(graph, goal)) | {goal}
    return {t.id for t in journey.touchpoints()} - can_reach
