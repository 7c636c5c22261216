"""The free space between cards, in plain Python: which straight runs clear every card, and
a shortest orthogonal path with few bends around cards placed anywhere.

The router (:mod:`cjo_desktop.drawing.routing`) asks :class:`Obstacles` whether a candidate
path through the grid's channels is clear; only when none is does it call :func:`search`,
which runs A* (length plus a cost per bend) on the lines just outside the nearby cards
(each card's edges pushed out into the gap or gutter), so the found path keeps off every card.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Iterable

from cjo_desktop.drawing.layout import Rect

Point = tuple[float, float]

#: How close (px) a route may pass another card.
MARGIN = 4.0

Entry = tuple[float, float, str]
#: Cards sharing one span across (top and bottom, or left and right): entries sorted by
#: their start along, and those starts.
Lane = tuple[list[Entry], list[float]]


class Obstacles:
    """Cards indexed for "does this straight run cross a card?" in logarithmic time.

    Every run of a route is level or upright. Cards that share their top and bottom edges
    (a row of the grid) are kept together sorted by left edge, and likewise cards sharing
    left and right edges (a grid column) sorted by top edge; bands map a coordinate to the
    few rows (columns) spanning it. A level run then asks each row it passes through for
    the one card that could overlap it, by bisection.
    """

    BAND = 32.0

    def __init__(self, cards: dict[str, Rect]) -> None:
        self.cards = cards
        self._width = max((r.w for r in cards.values()), default=0.0)
        self._height = max((r.h for r in cards.values()), default=0.0)
        self._rows = self._index({k: (r.y, r.bottom, r.x, r.right) for k, r in cards.items()})
        self._cols = self._index({k: (r.x, r.right, r.y, r.bottom) for k, r in cards.items()})
        #: Free room right and left of each card in its row (cards sharing its top edge and
        #: height, so a level run at any height of the card meets the neighbour).
        self.room_right: dict[str, float] = {}
        self.room_left: dict[str, float] = {}
        by_row: dict[tuple[float, float], list[tuple[float, float, str]]] = {}
        for key, r in cards.items():
            by_row.setdefault((r.y, r.h), []).append((r.x, r.right, key))
        for row in by_row.values():
            row.sort()
            for (_x0, right, key), (x1, _r, other) in itertools.pairwise(row):
                self.room_right[key] = x1 - right
                self.room_left[other] = x1 - right

    def _index(
        self, spans: dict[str, tuple[float, float, float, float]]
    ) -> dict[int, list[tuple[float, float, Lane]]]:
        """Band -> the lanes (across span and their cards) that reach into the band."""
        lanes: dict[tuple[float, float], list[Entry]] = {}
        for key, (c0, c1, a0, a1) in spans.items():
            lanes.setdefault((c0, c1), []).append((a0, a1, key))
        bands: dict[int, list[tuple[float, float, Lane]]] = {}
        b = self.BAND
        for (c0, c1), entries in lanes.items():
            entries.sort()
            lane = (entries, [e[0] for e in entries])
            for j in range(int((c0 - MARGIN) // b), int((c1 + MARGIN) // b) + 1):
                bands.setdefault(j, []).append((c0, c1, lane))
        return bands

    def near(self, x0: float, y0: float, x1: float, y1: float) -> set[str]:
        """Cards whose box (grown by the margin) meets this box."""
        m = MARGIN
        return {
            k
            for k, r in self.cards.items()
            if r.x - m < x1 and r.right + m > x0 and r.y - m < y1 and r.bottom + m > y0
        }

    def _run_clear(
        self,
        bands: dict[int, list[tuple[float, float, Lane]]],
        along0: float,
        along1: float,
        at: float,
        size: float,
        ends: tuple[str, str],
    ) -> bool:
        """A run from ``along0`` to ``along1`` at ``at`` across (in band terms)."""
        mg = MARGIN
        for c0, c1, (entries, starts) in bands.get(int(at // self.BAND), ()):
            if not c0 - mg < at < c1 + mg:
                continue
            i = bisect.bisect_left(starts, along1 + mg) - 1
            while i >= 0:
                a0, a1, key = entries[i]
                if a0 < along0 - mg - size:
                    break
                m = -1.0 if key in ends else mg
                if along0 < a1 + m and along1 > a0 - m and c0 - m < at < c1 + m:
                    return False
                i -= 1
        return True

    def clear(self, points: Iterable[Point], ends: tuple[str, str]) -> bool:
        """Does the polyline keep out of every card (its own two ends: out of their inside)?"""
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            if ay == by:
                x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
                if not self._run_clear(self._rows, x0, x1, ay, self._width, ends):
                    return False
            elif ax == bx:
                y0, y1 = (ay, by) if ay <= by else (by, ay)
                if not self._run_clear(self._cols, y0, y1, ax, self._height, ends):
                    return False
            elif not self._slant_clear((ax, ay), (bx, by), ends):
                return False
        return True

    def _slant_clear(self, a: Point, b: Point, ends: tuple[str, str]) -> bool:
        """A slanted segment (never drawn by the router itself): sampled every 2 px."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        n = int(max(x1 - x0, y1 - y0) // 2) + 1
        for key in self.near(x0, y0, x1, y1):
            r = self.cards[key]
            m = -1.0 if key in ends else MARGIN
            for k in range(n + 1):
                px = a[0] + (b[0] - a[0]) * k / n
                py = a[1] + (b[1] - a[1]) * k / n
                if r.x - m < px < r.right + m and r.y - m < py < r.bottom + m:
                    return False
        return True


def outward(r: Rect, p: Point) -> Point:
    """The direction out of the card at a point of its border."""
    gaps = {
        abs(p[0] - r.x): (-1.0, 0.0),
        abs(p[0] - r.right): (1.0, 0.0),
        abs(p[1] - r.y): (0.0, -1.0),
        abs(p[1] - r.bottom): (0.0, 1.0),
    }
    return gaps[min(gaps)]


#: The search gives up (the route then crosses cards) rather than search among more cards.
MAX_SEARCH_CARDS = 150
#: ...and stops after this many steps: one route must not hold up the whole map.
MAX_STEPS = 20_000
#: The search's cost of a bend, in px of length: fewer bends read better.
BEND = 60.0
STUB = 10.0


def search(
    obstacles: Obstacles,
    ends: tuple[str, str],
    ps: Point,
    ds: Point,
    pt: Point,
    dt: Point,
    reach: float = 300.0,
) -> list[Point] | None:
    """A shortest path with few bends from ``ps`` (leaving in direction ``ds``) to ``pt``
    (arriving against ``dt``), on the lines just outside the cards within ``reach`` of both
    ends; the area grows once (fourfold) when it has no way through. None when there is no
    way, or too many cards to search among quickly (the caller then draws it straight)."""
    a = _stub(obstacles, ends, ps, ds)
    b = _stub(obstacles, ends, pt, dt)
    if a is None or b is None:
        return None
    cards = obstacles.cards
    x0, x1 = min(a[0], b[0]) - reach, max(a[0], b[0]) + reach
    y0, y1 = min(a[1], b[1]) - reach, max(a[1], b[1]) + reach
    for grow in (0.0, 3 * reach):
        x0, y0, x1, y1 = x0 - grow, y0 - grow, x1 + grow, y1 + grow
        near = [cards[k] for k in obstacles.near(x0, y0, x1, y1)]
        if len(near) > MAX_SEARCH_CARDS:
            return None
        xs = sorted({a[0], b[0], x0, x1, *(v for r in near for v in (r.x - 10, r.right + 10))})
        ys = sorted({a[1], b[1], y0, y1, *(v for r in near for v in (r.y - 11, r.bottom + 11))})
        path = _astar(obstacles, ends, xs, ys, a, b)
        if path is not None:
            return [ps, *path, pt]
    return None


def _stub(obstacles: Obstacles, ends: tuple[str, str], p: Point, d: Point) -> Point | None:
    """A first step straight out of the card: as long as the room in front of it allows."""
    for length in (STUB, STUB / 2, 2.0):
        q = (p[0] + d[0] * length, p[1] + d[1] * length)
        if obstacles.clear((p, q), ends):
            return q
    return None


def _astar(
    obstacles: Obstacles,
    ends: tuple[str, str],
    xs: list[float],
    ys: list[float],
    a: Point,
    b: Point,
) -> list[Point] | None:
    """A* over (grid point, heading): cost is length plus BEND per turn, guided by the
    distance left (which never overestimates, so the path found is the cheapest)."""
    start, goal = (xs.index(a[0]), ys.index(a[1])), (xs.index(b[0]), ys.index(b[1]))
    bx, by = b
    best: dict[tuple[int, int, int], float] = {}
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    heap: list[tuple[float, float, tuple[int, int, int], tuple[int, int, int] | None]] = []
    rest = abs(a[0] - bx) + abs(a[1] - by)
    for d in range(4):
        heapq.heappush(heap, (rest, 0.0, (start[0], start[1], d), None))
    steps = ((1, 0), (-1, 0), (0, 1), (0, -1))
    steps_left = MAX_STEPS
    while heap and steps_left:
        steps_left -= 1
        _f, cost, state, prev = heapq.heappop(heap)
        if state in came:
            continue
        came[state] = prev
        i, j, d = state
        if (i, j) == goal:
            cells = []
            node: tuple[int, int, int] | None = state
            while node is not None:
                cells.append((xs[node[0]], ys[node[1]]))
                node = came[node]
            return cells[::-1]
        for nd, (di, dj) in enumerate(steps):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                continue
            p, q = (xs[i], ys[j]), (xs[ni], ys[nj])
            step = abs(q[0] - p[0]) + abs(q[1] - p[1]) + (BEND if nd != d and prev else 0.0)
            nxt = (ni, nj, nd)
            if nxt in came or cost + step >= best.get(nxt, math.inf):
                continue
            if not obstacles.clear((p, q), ends):
                continue
            best[nxt] = cost + step
            left = abs(q[0] - bx) + abs(q[1] - by)
            heapq.heappush(heap, (cost + step + left, cost + step, nxt, state))
    return None
