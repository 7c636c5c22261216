"""Where each card of one stage goes in the stage's own grid: columns by the flows, rows by lane.

A card needs a column to the right of another only when a flow within the stage orders them,
so the stage is laid out in layers (longest path over its internal flows) and cards of
different lanes share a layer's column. Cycles are broken by the map's own order: inside a
strongly connected group of cards, a flow that runs against the stage's order (or loops on one
card) is a back edge and is left out of the layering. Cards without flows inside the stage fill
the leftmost free cell of their lane. Two cards that still land in one lane and one layer get
columns of their own within the layer, in the stage's order. Everything is plain Python over
ids, fast enough to rerun on every edit of a 2,000-card map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StageGrid:
    """A stage's cards in its grid: ``column`` is the card's column within the stage."""

    column: dict[str, int]
    layer: dict[str, int]
    columns: int
    back_edges: frozenset[tuple[str, str]]

    def reading_order(self, members: Sequence[str]) -> list[str]:
        """Left to right, ties (cards sharing a column) in the stage's order."""
        rank = {m: i for i, m in enumerate(members)}
        return sorted(members, key=lambda m: (self.column[m], rank[m]))


def stage_grid(
    members: Sequence[str],
    lane_of: Mapping[str, str],
    successors: Mapping[str, Iterable[str]],
) -> StageGrid:
    """Lay out one stage's cards (``members`` in the stage's order) on a layered grid."""
    rank = {m: i for i, m in enumerate(members)}
    out: dict[str, list[str]] = {
        m: [v for v in successors.get(m, ()) if v in rank] for m in members
    }
    component = _components(members, out)
    back = frozenset(
        (u, v)
        for u in members
        for v in out[u]
        if component[u] == component[v] and rank[u] >= rank[v]
    )
    kept = {u: [v for v in out[u] if (u, v) not in back] for u in members}
    linked = {u for u in members if kept[u]} | {v for u in members for v in kept[u]}
    layer = _longest_path_layers([m for m in members if m in linked], kept)

    # Cells taken per (layer, lane), in the stage's order; flowless cards fill holes later.
    taken: dict[tuple[int, str], list[str]] = {}
    for m in members:
        if m in linked:
            taken.setdefault((layer[m], lane_of[m]), []).append(m)
    depth = max(layer.values(), default=-1) + 1
    for m in members:
        if m in linked:
            continue
        lane = lane_of[m]
        free = next((i for i in range(depth) if (i, lane) not in taken), None)
        if free is None:  # every layer of the lane is taken: the emptiest leftmost one
            free = min(range(depth), key=lambda i: (len(taken[(i, lane)]), i)) if depth else 0
            depth = max(depth, 1)
        layer[m] = free
        taken.setdefault((free, lane), []).append(m)

    width = [1] * depth
    for (i, _lane), cards in taken.items():
        width[i] = max(width[i], len(cards))
    start = [0] * depth
    for i in range(1, depth):
        start[i] = start[i - 1] + width[i - 1]
    column = {m: start[i] + j for (i, _lane), cards in taken.items() for j, m in enumerate(cards)}
    return StageGrid(column, layer, sum(width), back)


def _components(members: Sequence[str], out: Mapping[str, list[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan, iterative): card -> its component's number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = components = 0
    for root in members:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = out[node]
            while i < len(targets):
                target = targets[i]
                i += 1
                if target not in index:
                    work.append((node, i))
                    work.append((target, 0))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = components
                        if member == node:
                            break
                    components += 1
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return component


def _longest_path_layers(nodes: Sequence[str], out: Mapping[str, list[str]]) -> dict[str, int]:
    """Each node one layer right of its furthest predecessor (the graph is acyclic)."""
    indegree = dict.fromkeys(nodes, 0)
    for u in nodes:
        for v in out[u]:
            indegree[v] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    layer = dict.fromkeys(nodes, 0)
    while ready:
        u = ready.pop()
        for v in out[u]:
            layer[v] = max(layer[v], layer[u] + 1)
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    return layer
