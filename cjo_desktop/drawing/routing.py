"""Paths for flow arrows that stay off the cards where they can, in plain Python.

Forward flows curve from the source's right edge to the target's left edge; when other cards
sit between two cards of the same row, the arrow lifts into the gutter above the row instead
of crossing them. Flows back to an earlier card run through the gutter below the row. A flow
to itself is a small loop over the card's corner. A drop-off is a short arrow out of the
card's bottom edge. An arrow's width follows its volume, and its label says the count.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

from cjo_desktop.domain import Flow
from cjo_desktop.drawing.layout import Rect

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Route:
    """``cubic`` holds (start, c1, c2, end); ``poly`` holds corner points; ``label`` anchors
    the count text."""

    kind: str
    points: tuple[Point, ...]
    label: Point


def _cubic(a: Point, b: Point, bend: float) -> Route:
    c1, c2 = (a[0] + bend, a[1]), (b[0] - bend, b[1])
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    return Route("cubic", (a, c1, c2, b), mid)


class RowIndex:
    """Cards grouped by row (same top edge) and sorted by x, to ask "is anything between?"
    in logarithmic time: a 2,000-card map routes its 4,000 flows without a quadratic scan."""

    def __init__(self, cards: list[Rect]) -> None:
        rows: dict[float, list[Rect]] = {}
        for card in cards:
            rows.setdefault(round(card.y, 1), []).append(card)
        self._rows = {y: sorted(r, key=lambda c: c.x) for y, r in rows.items()}
        self._xs = {y: [c.x for c in r] for y, r in self._rows.items()}

    def blocked(self, source: Rect, target: Rect) -> bool:
        """Is another card of the same row strictly between ``source`` and ``target``?"""
        y = round(source.y, 1)
        if y != round(target.y, 1) or y not in self._rows:
            return False
        left, right = sorted((source.x, target.x))
        i = bisect.bisect_right(self._xs[y], left)
        j = bisect.bisect_left(self._xs[y], right)
        return j > i


def route_flow(
    source: Rect, target: Rect, rows: RowIndex, gutter: float, shift: float = 0.0
) -> Route:
    """The path of one flow; ``rows`` tells whether cards stand in the way; ``shift`` moves
    a run through a gutter up or down so that runs sharing the gutter stay apart."""
    if source == target:
        x, y = source.right - 28, source.y
        pts = ((x, y), (x, y - gutter * 0.9), (x + 40, y - gutter * 0.9), (x + 40, y))
        return Route("poly", pts, (x + 20, y - gutter * 0.9))
    if target.x >= source.right - 1:  # forward
        a, b = (source.right, source.cy), (target.x, target.cy)
        if rows.blocked(source, target):
            lift = source.y - gutter * 0.55 + shift
            pts = (
                (source.cx + 30, source.y),
                (source.cx + 30, lift),
                (target.cx - 30, lift),
                (target.cx - 30, target.y),
            )
            return Route("poly", pts, ((source.cx + target.cx) / 2, lift))
        bend = max(30.0, (b[0] - a[0]) * 0.45)
        return _cubic(a, b, bend)
    if source.x >= target.right - 1:  # backward: a loop through the gutter below
        low = max(source.bottom, target.bottom) + gutter * 0.55 + shift
        pts = (
            (source.cx - 30, source.bottom),
            (source.cx - 30, low),
            (target.cx + 30, low),
            (target.cx + 30, target.bottom),
        )
        return Route("poly", pts, ((source.cx + target.cx) / 2, low))
    # Overlapping columns (cards placed by hand above each other): straight, edge to edge.
    if target.cy > source.cy:
        a, b = (source.cx, source.bottom), (target.cx, target.y)
    else:
        a, b = (source.cx, source.y), (target.cx, target.bottom)
    return Route("poly", (a, b), ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))


def route_dropoff(source: Rect, gutter: float, label_width: float = 0.0) -> Route:
    """A short arrow down out of the card's bottom edge; its label sits to the right of it."""
    x = source.right - 40
    end_y = source.bottom + gutter * 0.6
    label = (x + 8 + label_width / 2, source.bottom + gutter * 0.35)
    return Route("poly", ((x, source.bottom), (x, end_y)), label)


def point_on(route: Route, t: float) -> Point:
    """The point at fraction ``t`` (0..1) along the route: by parameter on a curve, by length
    on a polyline."""
    pts = route.points
    if route.kind == "cubic":
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
        u = 1 - t
        return (
            u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
            u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
        )
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in itertools.pairwise(pts)]
    goal = sum(lengths) * t
    for (a, b), length in zip(itertools.pairwise(pts), lengths, strict=True):
        if goal <= length and length > 0:
            f = goal / length
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
        goal -= length
    return pts[-1]


class Router:
    """Routes flows one after another, spreading the runs that share a gutter: three loops
    back along one gutter read as three lines, not one."""

    SPACING = 7.0
    MAX_SHIFT = 21.0

    def __init__(self, rows: RowIndex, gutter: float) -> None:
        self._rows, self._gutter = rows, gutter
        self._used: dict[int, int] = {}

    def flow(self, source: Rect, target: Rect) -> Route:
        route = route_flow(source, target, self._rows, self._gutter)
        if route.kind != "poly" or len(route.points) != 4 or source == target:
            return route
        key = round(route.points[1][1])
        n = self._used.get(key, 0)
        self._used[key] = n + 1
        if n == 0:
            return route
        shift = min(self.MAX_SHIFT, (n + 1) // 2 * self.SPACING) * (1 if n % 2 else -1)
        return route_flow(source, target, self._rows, self._gutter, shift)

    def dropoff(self, source: Rect, label_width: float) -> Route:
        return route_dropoff(source, self._gutter, label_width)


class LabelPlacer:
    """Greedy placement of count labels so they cover neither cards nor each other.

    A spatial hash keeps each test local, so thousands of labels place in linear time.
    """

    CELL = 256.0
    TRIES = (0.5, 0.35, 0.65, 0.22, 0.78)

    def __init__(self, obstacles: list[Rect]) -> None:
        self._cells: dict[tuple[int, int], list[Rect]] = {}
        for rect in obstacles:
            self._add(rect)

    def _keys(self, r: Rect) -> list[tuple[int, int]]:
        c = self.CELL
        return [
            (i, j)
            for i in range(int(r.x // c), int(r.right // c) + 1)
            for j in range(int(r.y // c), int(r.bottom // c) + 1)
        ]

    def _add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def _free(self, r: Rect) -> bool:
        return not any(
            o.x < r.right and o.right > r.x and o.y < r.bottom and o.bottom > r.y
            for key in self._keys(r)
            for o in self._cells.get(key, ())
        )

    def place(self, route: Route, width: float, height: float) -> Point:
        """The centre for a label of this size: the first free spot along the route, else the
        route's own anchor."""
        candidates = [point_on(route, t) for t in self.TRIES] if len(route.points) > 1 else []
        for x, y in [route.label, *candidates]:
            rect = Rect(x - width / 2, y - height / 2, width, height)
            if self._free(rect):
                self._add(rect)
                return (x, y)
        x, y = route.label
        self._add(Rect(x - width / 2, y - height / 2, width, height))
        return route.label


def line_width(count: int | None, max_count: int) -> float:
    """1.5 px without a count; up to 8 px for the busiest flow, by square root of volume."""
    if count is None or max_count <= 0:
        return 1.5
    return 1.5 + 6.5 * math.sqrt(count / max_count)


def format_count(count: int) -> str:
    """12345 -> '12 345' with a thin space, as the map writes every count."""
    return f"{count:,}".replace(",", "\N{THIN SPACE}")


def label_text(flow: Flow) -> str:
    """What the arrow says: its volume (the flow's note is in its tooltip and the inspector)."""
    if flow.count is None:
        return ""
    return f"{format_count(flow.count)} left" if flow.is_dropoff else format_count(flow.count)
