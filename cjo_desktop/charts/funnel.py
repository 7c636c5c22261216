"""The funnel along the busiest path of the map: visits per step, who went on, who left.

Real journeys branch and loop, so a single funnel is a reading of one path: from the touchpoint
where most visits enter, at each step the flow with the largest count (towards the goal
touchpoint when the map names one). Visits come from the snapshot's ``visitors`` values where
it has them, else from the flow counts the way :func:`analysis.funnel.funnel_from_flows`
counts them (the larger of arriving and leaving).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from matplotlib.figure import Figure

from cjo_desktop.charts import style
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.metrics import VISITORS

TITLE = "Funnel"


@dataclass(frozen=True, slots=True)
class Step:
    """One step: its visits, how many went on to the next step of the path (None for the
    last step or when the flow has no count) and how many left the journey here."""

    touchpoint_id: str
    name: str
    visits: float
    onward: float | None
    left: float | None


def _counts(journey: Journey) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    inflow: dict[str, int] = {}
    outflow: dict[str, int] = {}
    left: dict[str, int] = {}
    for f in journey.flows():
        if f.count is None:
            continue
        outflow[f.source] = outflow.get(f.source, 0) + f.count
        if f.target is None:
            left[f.source] = left.get(f.source, 0) + f.count
        elif f.target != f.source:
            inflow[f.target] = inflow.get(f.target, 0) + f.count
    return inflow, outflow, left


def visits(journey: Journey, snapshot: Snapshot | None) -> dict[str, float]:
    """Touchpoint id -> visits: the snapshot's visitors, else max(arriving, leaving)."""
    inflow, outflow, _ = _counts(journey)
    out: dict[str, float] = {}
    for tp in journey.touchpoints():
        v = snapshot.value(tp.id, VISITORS) if snapshot else None
        if v is not None and v.value is not None:
            out[tp.id] = v.value
        elif tp.id in inflow or tp.id in outflow:
            out[tp.id] = float(max(inflow.get(tp.id, 0), outflow.get(tp.id, 0)))
    return out


def main_path(journey: Journey, snapshot: Snapshot | None, goal: str | None = None) -> list[str]:
    """The busiest path: start where most visits enter (a touchpoint nobody arrives at, else
    the busiest), then follow the largest counted flow to a touchpoint not yet on the path,
    only towards ``goal`` when it is given and reachable, stopping there."""
    seen = visits(journey, snapshot)
    inflow, _, _ = _counts(journey)
    graph = nx.DiGraph()
    graph.add_nodes_from(t.id for t in journey.touchpoints())
    for f in journey.flows():
        if f.target is not None and f.target != f.source and f.count:
            graph.add_edge(f.source, f.target, count=f.count)
    allowed = set(graph)
    if goal is not None and goal in graph:
        allowed = nx.ancestors(graph, goal) | {goal}
    starts = [t for t in seen if t in allowed and not inflow.get(t)] or [
        t for t in seen if t in allowed
    ]
    if not starts:
        return []
    path = [max(starts, key=lambda t: seen[t])]
    while path[-1] != goal:
        options = [
            (data["count"], target)
            for _, target, data in graph.out_edges(path[-1], data=True)
            if target in allowed and target not in path
        ]
        if not options:
            break
        path.append(max(options)[1])
    return path


def funnel_steps(
    journey: Journey, snapshot: Snapshot | None, goal: str | None = None
) -> list[Step]:
    """The steps of :func:`main_path` with their visits; empty without counts."""
    seen = visits(journey, snapshot)
    _, _, left = _counts(journey)
    path = main_path(journey, snapshot, goal)
    steps = []
    for i, tp_id in enumerate(path):
        onward = None
        if i + 1 < len(path) and journey.has_flow(tp_id, path[i + 1]):
            count = journey.flow(tp_id, path[i + 1]).count
            onward = None if count is None else float(count)
        gone = float(left[tp_id]) if tp_id in left else None
        steps.append(Step(tp_id, journey.touchpoint(tp_id).name, seen[tp_id], onward, gone))
    return steps if len(steps) >= 2 else []


def funnel_chart(
    journey: Journey, snapshot: Snapshot | None, goal: str | None = None, *, title: str = TITLE
) -> Figure:
    """Centred bars of visits, top to bottom along the path; between two bars the visits that
    took the next step and their share; on the right who left the journey at each step."""
    steps = funnel_steps(journey, snapshot, goal)
    source = f"snapshot “{snapshot.label}”" if snapshot else "the map's flow counts"
    goal_name = journey.touchpoint(goal).name if goal and goal in journey else None
    towards = (
        f" to the goal ({goal_name})"
        if goal_name and steps and steps[-1].touchpoint_id == goal
        else ""
    )
    caption = (
        f"The busiest path{towards}: from the touchpoint where most visits enter, at each step "
        "the flow with the largest count. Bars: visits at the step (all arrivals, from any path), "
        f"from {source} where it has visitor counts, else from the flow counts. Between bars: "
        "the visits that took this path's next step, as a share of the step's visits. Right: "
        "visits that left the journey at the step. Visits, not people: a loop counts at every "
        "pass, and other paths in and out are not shown."
    )
    fig = style.new_page(title, caption, subtitle=journey.title)
    if not steps:
        style.message_axes(fig, "No visitor or flow counts on this map.")
        return fig
    ax = fig.add_subplot()
    top = max(s.visits for s in steps) or 1.0
    n = len(steps)
    for y, step in enumerate(steps):
        width = max(step.visits / top, 0.004)
        ax.barh(
            y,
            width,
            left=-width / 2,
            height=0.56,
            color=style.OKABE_ITO["blue"],
            alpha=0.85,
            gid=f"step:{step.touchpoint_id}",
        )
        inside = width > 0.16  # room for the number inside the bar
        ax.text(
            0 if inside else width / 2 + 0.012,
            y,
            f"{step.visits:,.0f}",
            ha="center" if inside else "left",
            va="center",
            size=style.BODY_PT,
            color=style.ON_FILL if inside else style.INK,
            weight="bold",
        )
        if step.left is not None and step.visits:
            ax.text(
                0.56,
                y,
                f"left here: {step.left:,.0f} ({step.left / step.visits:.0%})",
                ha="left",
                va="center",
                size=style.SMALL_PT,
                color=style.OKABE_ITO["vermillion"],
            )
        if y + 1 < n:
            if step.onward is not None and step.visits:
                text = f"↓ {step.onward:,.0f} ({step.onward / step.visits:.0%}) went on"
            else:
                text = "↓ (no count for this flow)"
            ax.text(
                0, y + 0.5, text, ha="center", va="center", size=style.SMALL_PT, color=style.MUTED
            )
    ax.set_yticks(range(n))
    ax.set_yticklabels([style.shorten(s.name, 30) for s in steps], size=style.BODY_PT)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(-0.55, 0.95)
    ax.set_xticks([])
    ax.tick_params(axis="y", length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig
