"""Conversion and drop-off from web-analytics counts, per touchpoint.

Two kinds of input. A *funnel* is visitor counts per step in journey order (the classic
analytics funnel report). *Flows* are transition counts ``(source, target)``, ``target`` None
meaning the visitor left the journey there (and ``source`` None that they entered it there):
the shape of a Sankey / path-exploration export, which branches and loops as real journeys do.
Every percentage carries n (the visitors it is a share of) and a 95% Wilson interval.
"""

from __future__ import annotations

import operator
from collections.abc import Hashable, Mapping, Sequence
from typing import SupportsIndex, TypeVar

from cjo_desktop.analysis.stats import wilson_interval
from cjo_desktop.domain.metrics import CONVERSION, DROPOFF, VISITORS, MetricValue

K = TypeVar("K", bound=Hashable)


def _count(value: object, what: object) -> int:
    """A non-negative whole count (int or anything with ``__index__``, not bool or float)."""
    if isinstance(value, bool):
        raise ValueError(f"count for {what!r} must be an integer, got {value!r}")
    if not isinstance(value, SupportsIndex):
        raise ValueError(f"count for {what!r} must be an integer, got {value!r}")
    count = operator.index(value)
    if count < 0:
        raise ValueError(f"count for {what!r} cannot be negative, got {count}")
    return count


def share(successes: int, n: int, detail: dict[str, float] | None = None) -> MetricValue:
    """successes / n as a percentage with its Wilson interval; value None when n == 0."""
    if n == 0:
        return MetricValue(None, 0, detail=detail or {})
    low, high = wilson_interval(successes, n)
    return MetricValue(100.0 * successes / n, n, 100.0 * low, 100.0 * high, detail or {})


def funnel_from_visitors(
    order: Sequence[K], visitors: Mapping[K, int]
) -> dict[K, dict[str, MetricValue]]:
    """Per step: ``visitors``; and except for the last step, ``conversion`` and ``dropoff``.

    conversion = visitors[next] / visitors[this] in percent, dropoff = 100 - conversion, both
    with n = visitors[this] and Wilson intervals. Steps of ``order`` without a count are skipped
    (not every touchpoint is in the analytics export), so a step converts to the next step that
    has one. If the next step has *more* visitors (people joining mid-funnel), conversion is
    that ratio, over 100%, with no interval, and drop-off is not defined (value None). A step
    with 0 visitors has conversion and drop-off of value None and n = 0.
    """
    if len(set(order)) != len(order):
        raise ValueError("a step appears twice in the funnel order")
    steps = [(key, _count(visitors[key], key)) for key in order if key in visitors]
    out: dict[K, dict[str, MetricValue]] = {}
    for i, (key, here) in enumerate(steps):
        metrics = {VISITORS: MetricValue(float(here), here)}
        if i + 1 < len(steps):
            nxt = steps[i + 1][1]
            if here == 0:
                metrics[CONVERSION] = MetricValue(None, 0)
                metrics[DROPOFF] = MetricValue(None, 0)
            elif nxt > here:
                detail = {"next": float(nxt), "visitors": float(here)}
                metrics[CONVERSION] = MetricValue(100.0 * nxt / here, here, detail=detail)
                metrics[DROPOFF] = MetricValue(None, here, detail=dict(detail))
            else:
                detail = {"next": float(nxt), "visitors": float(here)}
                metrics[CONVERSION] = share(nxt, here, detail)
                metrics[DROPOFF] = share(here - nxt, here, {"left": float(here - nxt), **detail})
        out[key] = metrics
    return out


def funnel_from_flows(
    flows: Mapping[tuple[K | None, K | None], int],
) -> tuple[dict[K, dict[str, MetricValue]], dict[tuple[K | None, K | None], MetricValue]]:
    """Per touchpoint ``visitors``, ``conversion`` and ``dropoff``; and the share of each flow.

    Definitions, for a touchpoint T:

    - in(T) = sum of counts of flows into T (including entries ``(None, T)``);
      out(T) = sum of counts of flows out of T, including the drop-off ``(T, None)``.
    - visitors(T) = max(in(T), out(T)). The larger of the two because exports are rarely
      balanced: an entry page has more leaving than arriving when entries are not exported,
      an end page more arriving than leaving. Flows count transitions, so a loop is counted at
      every pass: visitors are visits, not distinct people.
    - dropoff(T) = count(T, None) / visitors(T); conversion(T) = (visitors(T) - count(T, None))
      / visitors(T), the share that did not leave the journey at T; both in percent with
      n = visitors(T). Arrivals that have no recorded way out (in > out) are counted as having
      continued; how many that is stands in ``detail["unaccounted"]``.
    - A touchpoint with no outgoing flow at all is an end of the journey: like the last funnel
      step it has ``visitors`` but neither conversion nor drop-off.
    - share of flow (S, T) = count / out(S) in percent, n = out(S) (for entries ``(None, T)``:
      of all entries).

    Counts must be non-negative integers; ``(None, None)`` is rejected.
    """
    inflow: dict[K, int] = {}
    outflow: dict[K, int] = {}
    left: dict[K, int] = {}
    nodes: dict[K, None] = {}
    entries = 0
    counts: dict[tuple[K | None, K | None], int] = {}
    for (source, target), raw in flows.items():
        count = counts[(source, target)] = _count(raw, (source, target))
        if source is None and target is None:
            raise ValueError("a flow needs a source or a target")
        if source is None:
            entries += count
        else:
            nodes[source] = None
            outflow[source] = outflow.get(source, 0) + count
            if target is None:
                left[source] = left.get(source, 0) + count
        if target is not None:
            nodes[target] = None
            inflow[target] = inflow.get(target, 0) + count
    metrics: dict[K, dict[str, MetricValue]] = {}
    for node in nodes:
        n_in, n_out, n_left = inflow.get(node, 0), outflow.get(node, 0), left.get(node, 0)
        seen = max(n_in, n_out)
        per = {
            VISITORS: MetricValue(
                float(seen), seen, detail={"in": float(n_in), "out": float(n_out)}
            )
        }
        if node in outflow:
            detail = {"left": float(n_left), "unaccounted": float(max(0, n_in - n_out))}
            per[CONVERSION] = share(seen - n_left, seen, detail)
            per[DROPOFF] = share(n_left, seen, dict(detail))
        metrics[node] = per
    shares = {
        flow: share(
            count, entries if flow[0] is None else outflow[flow[0]], {"count": float(count)}
        )
        for flow, count in counts.items()
    }
    return metrics, shares
