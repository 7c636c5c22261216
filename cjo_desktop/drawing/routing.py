"""Paths for flow arrows that never cross a card, in plain Python.

Style: every arrow is an orthogonal polyline (one consistent look; GraphML gets it exactly).
A forward flow leaves its source's right edge and enters its target's left edge; a flow back
to an earlier column leaves the source's bottom edge and enters the target's bottom edge; a
flow between cards of overlapping columns runs bottom to top; a flow to itself is a small
loop under its card; a drop-off is a short stub down out of the card's bottom edge.

Where the ends sit: every flow at a card's side gets a port of its own, spread evenly along
the side and ordered by where the other end is, so arrows into one card arrive at distinct
points and do not cross each other at the card.

How the path is found: the grid layout leaves free channels (the column gaps between cards
and the row gutters between lanes), so a few templates through those channels are tried in
order (straight, one jog in a column gap next to either card, or out into a column gap,
along a row gutter and back) and the first that clears every other card (with a small
margin) wins. Cards placed by hand can block them all: then a shortest path with few bends
is searched on a coarse grid of lines just outside the nearby cards (see
:mod:`cjo_desktop.drawing.route_search`, which also answers "is this run clear?"). Runs
that share a column gap or a row gutter take separate tracks, so parallel flows read as
separate lines.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from cjo_desktop.domain import Flow
from cjo_desktop.drawing.layout import Rect
from cjo_desktop.drawing.route_search import MARGIN, Obstacles, outward, search
from cjo_desktop.drawing.route_search import Point as Point  # re-exported: routes are made of them

#: How far the drop-off stub reaches below its card, and the self-loop.
DROP = 20.0
LOOP = 12.0
#: Track spacing and how far tracks may stray from a channel's middle.
TRACK = 6.0
MAX_TRACK_GAP, MAX_TRACK_GUTTER = 18.0, 10.0


@dataclass(frozen=True, slots=True)
class Route:
    """``points`` are the polyline's corners, first on the source card, last on the target
    (or the drop-off's free end); ``kind`` "cubic" (start, c1, c2, end) is kept for curves
    from elsewhere; ``label`` is an optional anchor for its text."""

    kind: str
    points: tuple[Point, ...]
    label: Point | None = None


def _clean(points: Iterable[Point]) -> tuple[Point, ...]:
    """Without repeated points and without corners that do not turn."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-9 and abs(bx - p[0]) < 1e-9) or (
                abs(ay - by) < 1e-9 and abs(by - p[1]) < 1e-9
            ):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


def flow_kind(source: Rect, target: Rect) -> str:
    """forward, back, down, up (overlapping columns) or self."""
    if source is target or source == target:
        return "self"
    if target.x >= source.right - 1:
        return "forward"
    if source.x >= target.right - 1:
        return "back"
    return "down" if target.cy > source.cy else "up"


#: Which side each end of a flow of each kind uses.
SIDES = {
    "forward": ("right", "left"),
    "back": ("bottom", "bottom"),
    "down": ("bottom", "top"),
    "up": ("top", "bottom"),
    "self": ("bottom", "bottom"),
}


def _by_place(end: tuple[float, float, tuple[str, str | None], int]) -> tuple[float, float]:
    return (end[0], end[1])


def assign_ports(
    flows: list[Flow], cards: dict[str, Rect]
) -> dict[tuple[tuple[str, str | None], int], Point]:
    """Each flow's two end points (index 0 source, 1 target), spread along the cards' sides
    in the order of the other ends, so no two arrows share a point on a card."""
    sides: dict[tuple[str, str], list[tuple[float, float, tuple[str, str | None], int]]] = {}
    for flow in flows:
        source, target = flow.source, flow.target
        key = (source, target)
        s = cards[source]
        if target is None:
            sides.setdefault((source, "bottom"), []).append((1e12, 0, key, 0))
            continue
        t = cards[target]
        kind = flow_kind(s, t)
        s_side, t_side = SIDES[kind]
        if kind == "self":
            sides.setdefault((source, "bottom"), []).append((1e11, 0, key, 0))
            sides[(source, "bottom")].append((1e11, 1, key, 1))
            continue
        tx, ty, sx, sy = t.x + t.w / 2, t.y + t.h / 2, s.x + s.w / 2, s.y + s.h / 2
        across = s_side in ("left", "right")
        sides.setdefault((source, s_side), []).append(
            (ty, tx, key, 0) if across else (tx, ty, key, 0)
        )
        across = t_side in ("left", "right")
        sides.setdefault((target, t_side), []).append(
            (sy, sx, key, 1) if across else (sx, sy, key, 1)
        )
    ports: dict[tuple[tuple[str, str | None], int], Point] = {}
    for (card_id, side), ends in sides.items():
        r = cards[card_id]
        ends.sort(key=_by_place)
        n = len(ends)
        for i, (_a, _b, key, end) in enumerate(ends):
            f = (i + 1) / (n + 1)
            if side == "right":
                ports[(key, end)] = (r.right, r.y + r.h * f)
            elif side == "left":
                ports[(key, end)] = (r.x, r.y + r.h * f)
            elif side == "top":
                ports[(key, end)] = (r.x + r.w * f, r.y)
            else:
                ports[(key, end)] = (r.x + r.w * f, r.bottom)
    return ports


class Router:
    """Routes one map's flows in order, giving runs that share a channel separate tracks."""

    def __init__(self, cards: dict[str, Rect], gap: float, gutter: float) -> None:
        self.obstacles = Obstacles(cards)
        self._half_gap, self._half_gutter = gap / 2, gutter / 2
        self._tracks: dict[tuple[str, int], int] = {}
        #: Routes that no template cleared and the search had to find (or failed to).
        self.searched = 0
        self.failed = 0

    def _track(self, axis: str, base: float, limit: float) -> float:
        n = self._tracks.get((axis, round(base)), 0)
        steps = int(limit // TRACK) * 2 + 1
        k = n % steps
        return base + (k + 1) // 2 * TRACK * (1 if k % 2 else -1)

    def _take(self, axis: str, base: float) -> None:
        key = (axis, round(base))
        self._tracks[key] = self._tracks.get(key, 0) + 1

    def dropoff(self, port: Point) -> Route:
        return Route("poly", (port, (port[0], port[1] + DROP)))

    def flow(self, s_id: str, t_id: str, ps: Point, pt: Point) -> Route:
        cards = self.obstacles.cards
        s, t = cards[s_id], cards[t_id]
        kind = flow_kind(s, t)
        if kind == "self":
            y = s.bottom + LOOP
            return Route("poly", (ps, (ps[0], y), (pt[0], y), pt))
        ends = (s_id, t_id)
        for points, tracks in self._templates(kind, s_id, t_id, ps, pt):
            if self.obstacles.clear(points, ends):
                for axis, base in tracks:
                    self._take(axis, base)
                return Route("poly", _clean(points))
        self.searched += 1
        found = search(self.obstacles, ends, ps, outward(s, ps), pt, outward(t, pt))
        if found is None:
            self.failed += 1
            return Route("poly", _clean((ps, pt)))
        return Route("poly", _clean(found))

    def _templates(
        self, kind: str, s_id: str, t_id: str, ps: Point, pt: Point
    ) -> Iterable[tuple[list[Point], list[tuple[str, float]]]]:
        """Candidate paths through the free channels, simplest first, with the channels
        (axis and middle) whose tracks they take."""
        s, t = self.obstacles.cards[s_id], self.obstacles.cards[t_id]
        hg, hu = self._half_gap, self._half_gutter
        if kind == "forward":
            if abs(ps[1] - pt[1]) < 0.5:
                yield [ps, pt], []
            span = (t.x - s.right) / 2
            half_b = min(hg, span, self.obstacles.room_left.get(t_id, math.inf) / 2)
            half_a = min(hg, span, self.obstacles.room_right.get(s_id, math.inf) / 2)
            base_b, base_a = t.x - half_b, s.right + half_a
            xb = self._track("x", base_b, min(MAX_TRACK_GAP, max(0.0, half_b - MARGIN - 2)))
            xa = self._track("x", base_a, min(MAX_TRACK_GAP, max(0.0, half_a - MARGIN - 2)))
            # A level run in a card's own row cannot pass its neighbour: skip those at once.
            ob = self.obstacles
            if xb < s.right + ob.room_right.get(s_id, math.inf) - MARGIN:
                yield [ps, (xb, ps[1]), (xb, pt[1]), pt], [("x", base_b)]
            if xa > t.x - ob.room_left.get(t_id, math.inf) + MARGIN:
                yield [ps, (xa, ps[1]), (xa, pt[1]), pt], [("x", base_a)]
            for base_g in (t.y - hu, t.bottom + hu, s.y - hu, s.bottom + hu):
                yg = self._track("y", base_g, MAX_TRACK_GUTTER)
                tracks = [("x", base_a), ("y", base_g), ("x", base_b)]
                yield [ps, (xa, ps[1]), (xa, yg), (xb, yg), (xb, pt[1]), pt], tracks
        elif kind == "back":
            base_g = max(s.bottom, t.bottom) + hu
            yg = self._track("y", base_g, MAX_TRACK_GUTTER)
            yield [ps, (ps[0], yg), (pt[0], yg), pt], [("y", base_g)]
            base_s, base_t = s.bottom + hu, t.bottom + hu
            ys = self._track("y", base_s, MAX_TRACK_GUTTER)
            yt = self._track("y", base_t, MAX_TRACK_GUTTER)
            left = min(hg, self.obstacles.room_left.get(s_id, math.inf) / 2)
            right = min(hg, self.obstacles.room_right.get(t_id, math.inf) / 2)
            for base_x, half in ((s.x - left, left), (t.right + right, right)):
                x = self._track("x", base_x, min(MAX_TRACK_GAP, max(0.0, half - MARGIN - 2)))
                tracks = [("y", base_s), ("x", base_x), ("y", base_t)]
                yield [ps, (ps[0], ys), (x, ys), (x, yt), (pt[0], yt), pt], tracks
        else:
            below = kind == "down"
            for base_g in (s.bottom + hu, t.y - hu) if below else (s.y - hu, t.bottom + hu):
                yg = self._track("y", base_g, MAX_TRACK_GUTTER)
                yield [ps, (ps[0], yg), (pt[0], yg), pt], [("y", base_g)]


def point_on(route: Route, t: float) -> Point:
    """The point at fraction ``t`` (0..1) of the route's length."""
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
