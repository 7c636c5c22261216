"""Every flow of a map routed and every count label placed, once, for the editor and the files.

The scene and the GraphML drawing both call :func:`route_map`, so what a file says is drawn is
what the editor draws. Label sizes come from a ``measure(text) -> (w, h)`` callable because
font metrics are Qt's; the routes do not depend on them.

Labels: a label sits on its route (its rounded background covers the line under it), at the
middle first, then at other places along the route, each on the line or just beside it. It
must not overlap another label, a card with the furniture drawn around it (the metric badge
and the pain tab above its top edge, the tab reaching past its right edge) or an arrowhead.
When no place is free the label is not drawn (its count stays in the flow's tooltip): a
busy map loses a few labels rather than showing numbers on top of each other. A drop-off's
label sits beside its stub.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from cjo_desktop.domain import Journey
from cjo_desktop.domain.bulk import no_collection
from cjo_desktop.drawing.layout import Layout, Rect
from cjo_desktop.drawing.routing import (
    Point,
    Route,
    Router,
    assign_ports,
    label_text,
    line_width,
)

FlowKey = tuple[str, str | None]
Measure = Callable[[str], tuple[float, float]]

#: The canvas's card furniture, in scene px (canvas/card.py draws it): the metric badge and
#: the pain tab stand this high above the card's top edge...
BADGE_ROOM = 17.0 + 4.0
#: ...and the pain tab reaches this far past its right edge.
TAB_RIGHT = 14.0
#: A pain outline runs this far outside its card (a 5 px gap and half its 3 px pen).
OUTLINE = 7.0
#: An arrowhead is this long (plus the line's width) and half as wide on each side.
ARROW = 9.0
#: Drop-off arrows are at most this wide.
DROPOFF_WIDTH = 4.0
#: Where along a route a label is tried, as fractions of its length: the middle, then
#: outwards in steps of 1/20, then right by the ends.
TRIES = (0.5, *(0.5 + s * k / 20 for k in range(1, 10) for s in (-1, 1)), 0.02, 0.98)


@dataclass(frozen=True, slots=True)
class DrawnFlow:
    """A flow as drawn: its route, line width, text and the label's box (None: not drawn)."""

    route: Route
    width: float
    text: str
    label: Rect | None


def card_areas(card: Rect, outlined: bool = False) -> list[Rect]:
    """The card (with the ring its pain outline takes, when it has one) and the band above
    it where its badge and pain tab are drawn."""
    ring = OUTLINE if outlined else 0.0
    return [
        Rect(card.x - ring, card.y, card.w + 2 * ring, card.h + ring),
        Rect(card.x - ring, card.y - BADGE_ROOM, card.w + ring + TAB_RIGHT, BADGE_ROOM),
    ]


def head_box(route: Route, width: float) -> Rect | None:
    """The box around the arrowhead at the route's end (which points along the last run)."""
    pts = route.points
    if len(pts) < 2:
        return None
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    size = ARROW + width
    if abs(ax - bx) >= abs(ay - by):  # horizontal last run
        x0 = bx - size if bx >= ax else bx
        return Rect(x0, by - size / 2, size, size)
    y0 = by - size if by >= ay else by
    return Rect(bx - size / 2, y0, size, size)


class LabelPlacer:
    """Greedy placement in a spatial hash: thousands of labels place in linear time."""

    CELL = 160.0

    def __init__(self, obstacles: list[Rect]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        for r in obstacles:
            self.add(r.x, r.y, r.x + r.w, r.y + r.h)

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        box, c, cells = (x0, y0, x1, y1), self.CELL, self._cells
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                cell = cells.get((i, j))
                if cell is None:
                    cells[(i, j)] = [box]
                else:
                    cell.append(box)

    def free(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        c, cells = self.CELL, self._cells
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in range(int(y0 // c), int(y1 // c) + 1):
                for ox0, oy0, ox1, oy1 in cells.get((i, j), ()):
                    if ox0 < x1 and ox1 > x0 and oy0 < y1 and oy1 > y0:
                        return False
        return True

    def place(self, spots: Iterable[Point], w: float, h: float) -> Rect | None:
        """The first free box of this size centred on one of ``spots``, taken; else None."""
        for x, y in spots:
            x0, y0 = x - w / 2, y - h / 2
            if self.free(x0, y0, x0 + w, y0 + h):
                self.add(x0, y0, x0 + w, y0 + h)
                return Rect(x0, y0, w, h)
        return None


def label_spots(route: Route, w: float, h: float) -> Iterator[Point]:
    """Centres to try along a route: on the line, then beside it (above or below a level
    run, left or right of an upright one), then a little further off. Lazily: most labels
    take the first."""
    pts = route.points
    runs = [(a, b, abs(b[0] - a[0]) + abs(b[1] - a[1])) for a, b in itertools.pairwise(pts)]
    total = sum(length for _a, _b, length in runs)
    later: list[Point] = []
    for t in TRIES:
        goal = total * t
        x, y, upright = pts[-1][0], pts[-1][1], False
        for a, b, length in runs:
            if goal <= length and length > 0:
                f = goal / length
                x, y = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
                upright = a[0] == b[0]
                break
            goal -= length
        yield (x, y)
        dx, dy = (w / 2 + 3, 0.0) if upright else (0.0, h / 2 + 3)
        yield (x + dx, y + dy)
        yield (x - dx, y - dy)
        later += [(x + 2 * dx, y + 2 * dy), (x - 2 * dx, y - 2 * dy)]
    yield from later


def dropoff_spots(route: Route, w: float, h: float) -> Iterator[Point]:
    """Beside the stub: right of it, then left, just clear of the card's outline or level
    with the stub's middle, then further along the gutter either way."""
    (x, y0), (_, y1) = route.points[0], route.points[-1]
    for step in range(5):
        for y in (y0 + OUTLINE + h / 2, (y0 + y1) / 2):
            yield (x + 8 + w / 2 + 16 * step, y)
            yield (x - 8 - w / 2 - 16 * step, y)


def route_map(
    journey: Journey, layout: Layout, measure: Measure, outlined: Collection[str] = ()
) -> dict[FlowKey, DrawnFlow]:
    """Every flow's route and label, in the map's flow order; ``outlined`` cards are drawn
    with a pain outline, which labels keep clear of too (the routes do not depend on it)."""
    with no_collection():
        return _route_map(journey, layout, measure, frozenset(outlined))


def _route_map(
    journey: Journey, layout: Layout, measure: Measure, outlined: frozenset[str]
) -> dict[FlowKey, DrawnFlow]:
    cards = layout.cards
    m = layout.metrics
    flows = journey.flows()
    router = Router(cards, m.slot_gap, m.lane_padding * 2)
    ports = assign_ports(flows, cards)
    max_count = max((f.count or 0 for f in flows), default=0)
    routed: list[tuple[FlowKey, Route, float, str]] = []
    for flow in flows:
        key = (flow.source, flow.target)
        width = line_width(flow.count, max_count)
        if flow.target is None:
            route = router.dropoff(ports[(key, 0)])
            width = min(DROPOFF_WIDTH, width)
        else:
            route = router.flow(flow.source, flow.target, ports[(key, 0)], ports[(key, 1)])
        routed.append((key, route, width, label_text(flow)))
    obstacles = [area for k, card in cards.items() for area in card_areas(card, k in outlined)]
    heads = [head_box(route, width) for _k, route, width, _t in routed]
    placer = LabelPlacer([*obstacles, *(h for h in heads if h is not None)])
    drawn: dict[FlowKey, DrawnFlow] = {}
    for key, route, width, text in routed:
        box = None
        if text:
            w, h = measure(text)
            spots = dropoff_spots if key[1] is None else label_spots
            box = placer.place(spots(route, w, h), w, h)
        drawn[key] = DrawnFlow(route, width, text, box)
    return drawn
