"""The map as the editor draws it, in boxes and polylines, for files that carry a drawing
(yEd's GraphML): every node of the map's graph gets a box, every edge a polyline.

Cards, stage headers and arrows are where the editor puts them (:func:`compute_layout`, the
same :func:`route_map` call as the scene). A curved arrow becomes a polyline
that stays within :data:`TOLERANCE` of the curve. What the editor draws without a node of its
own is mapped so that every edge ends on a box:

- drop-offs: the editor's short dashed arrow out of the card's bottom, which then runs right
  along the gutter below the card to one "Drop-off" strip right of the map (the graph has one
  exit node for all drop-offs, and the data must not change);
- emotions: a dot on the emotion curve under their card (side by side when a card has several);
- personas: a row of boxes under the map;
- free cards: where the editor draws them, their links to the touchpoints they support as the
  editor's dotted, arrowless polylines; a free card in a hidden or collapsed lane, which the
  editor does not draw, in a row under the personas, its links kept but not shown;
- the graph's bookkeeping edges (stage to card, card to emotion, persona to emotion): kept,
  but not shown, as in the editor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style
from cjo_desktop.drawing.free_card_view import free_card_look
from cjo_desktop.drawing.free_links import support_links
from cjo_desktop.drawing.layout import Layout, Rect, compute_layout
from cjo_desktop.drawing.map_routes import route_map
from cjo_desktop.drawing.routing import Point, Route, label_text, line_width

#: How far (scene px) a curve's polyline may stray from the curve.
TOLERANCE = 1.0
EMOTION_DOT = 12.0
PERSONA_SIZE = (184.0, 40.0)
EXIT_WIDTH = 96.0


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str = ""
    shape: str = "roundrectangle"
    fill: str = style.CARD_FILL
    border: str = style.GRID
    text: str = style.INK
    font_px: int = 13

    @property
    def rect(self) -> Rect:
        return Rect(self.x, self.y, self.w, self.h)


@dataclass(frozen=True, slots=True)
class Line:
    points: tuple[Point, ...]
    label: str = ""
    colour: str | None = style.FLOW  # None: an edge the editor does not draw
    width: float = 1.5
    dashed: bool = False
    label_near_source: bool = False
    arrow: bool = True


@dataclass
class MapDrawing:
    nodes: dict[str, Box] = field(default_factory=dict)
    edges: dict[tuple[str, str], Line] = field(default_factory=dict)


def flatten(route: Route, tolerance: float = TOLERANCE) -> tuple[Point, ...]:
    """The route's corner points; a cubic split until each piece's control points lie within
    ``tolerance`` of its chord, which bounds the whole piece (it lies in their hull)."""
    if route.kind != "cubic":
        return route.points
    a, b, c, d = route.points
    out = [a]
    _subdivide(a, b, c, d, tolerance, out, 0)
    return tuple(out)


def _subdivide(
    a: Point, b: Point, c: Point, d: Point, tol: float, out: list[Point], depth: int
) -> None:
    if depth >= 18 or max(_to_segment(b, a, d), _to_segment(c, a, d)) <= tol:
        out.append(d)
        return
    ab, bc, cd = _mid(a, b), _mid(b, c), _mid(c, d)
    abc, bcd = _mid(ab, bc), _mid(bc, cd)
    m = _mid(abc, bcd)
    _subdivide(a, ab, abc, m, tol, out, depth + 1)
    _subdivide(m, bcd, cd, d, tol, out, depth + 1)


def _mid(p: Point, q: Point) -> Point:
    return ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)


def _to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    )
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def snap_to_border(p: Point, r: Rect) -> Point:
    """``p`` if it lies on the rectangle's border, else the border point nearest to it."""
    x, y = min(max(p[0], r.x), r.right), min(max(p[1], r.y), r.bottom)
    if (x, y) != p:
        return (x, y)  # outside: the nearest point of the rectangle is on its border
    gaps = {
        x - r.x: (r.x, y),
        r.right - x: (r.right, y),
        y - r.y: (x, r.y),
        r.bottom - y: (x, r.bottom),
    }
    return gaps[min(gaps)]


def flow_routes(journey: Journey, layout: Layout) -> dict[tuple[str, str | None], Route]:
    """Every flow's route, as the scene draws it (the same :func:`route_map` call; routes do
    not depend on the labels' sizes, so a rough measure will do)."""
    drawn = route_map(journey, layout, _rough_measure)
    return {key: flow.route for key, flow in drawn.items()}


def _rough_measure(text: str) -> tuple[float, float]:
    return 7.0 * len(text) + 8, 17.0


def map_drawing(journey: Journey, exit_id: str, layout: Layout | None = None) -> MapDrawing:
    """Boxes for the map's stages, cards, emotions and personas, and ``exit_id``'s strip when
    there are drop-offs; polylines for every edge of the map's graph."""
    layout = layout if layout is not None else compute_layout(journey)
    drawing = MapDrawing()
    nodes, edges = drawing.nodes, drawing.edges
    header = layout.metrics.header_height
    for column, stage in zip(layout.columns, journey.stages(), strict=True):
        nodes[stage.id] = Box(
            column.x + 2, layout.header_top + 2, column.width - 4, header - 6, stage.name,
            fill=style.HEADER_FILL, border=style.HEADER_FILL, text=style.HEADER_TEXT, font_px=15,
        )  # fmt: skip
    for tp in journey.touchpoints():
        r = layout.cards[tp.id]
        colour, _ = style.channel_style(tp.channel)
        nodes[tp.id] = Box(r.x, r.y, r.w, r.h, tp.name, border=colour)
        edges[(tp.stage_id, tp.id)] = _hidden(nodes[tp.stage_id], nodes[tp.id])
    _personas(journey, layout, drawing)
    _free_cards(journey, layout, drawing)
    _emotions(journey, layout, drawing)
    _flows(journey, layout, drawing, exit_id)
    return drawing


def _hidden(source: Box, target: Box) -> Line:
    centre = (source.rect.cx, source.rect.cy), (target.rect.cx, target.rect.cy)
    return Line(centre, colour=None, width=1.0)


def _emotions(journey: Journey, layout: Layout, drawing: MapDrawing) -> None:
    dots = {p.touchpoint_id: (p.x, p.y) for p in layout.curve}
    for tp in journey.touchpoints():
        emotions = journey.emotions(tp.id)
        card = layout.cards[tp.id]
        x, y = dots.get(tp.id, (card.cx, card.bottom + EMOTION_DOT))
        for i, emotion in enumerate(emotions):
            dx = (i - (len(emotions) - 1) / 2) * (EMOTION_DOT + 2)
            colour = style.VALENCE_COLOURS.get(emotion.valence, style.MUTED)
            half = EMOTION_DOT / 2
            box = Box(
                x + dx - half, y - half, EMOTION_DOT, EMOTION_DOT, "", "ellipse", colour, colour
            )
            drawing.nodes[emotion.id] = box
            drawing.edges[(tp.id, emotion.id)] = _hidden(drawing.nodes[tp.id], box)
            if emotion.persona_id is not None:
                persona = drawing.nodes[emotion.persona_id]
                drawing.edges[(emotion.persona_id, emotion.id)] = _hidden(persona, box)


def _personas(journey: Journey, layout: Layout, drawing: MapDrawing) -> None:
    w, h = PERSONA_SIZE
    top = layout.height - layout.metrics.margin + 24
    for i, persona in enumerate(journey.personas()):
        x = layout.grid_left + i * (w + 16)
        drawing.nodes[persona.id] = Box(x, top, w, h, persona.name, fill=style.PAPER)


def _free_cards(journey: Journey, layout: Layout, drawing: MapDrawing) -> None:
    """Free cards and their links as the editor draws them; the undrawn ones under the map."""
    kinds = {lane.id: lane.kind for lane in journey.lanes()}
    w, h = PERSONA_SIZE
    top = layout.height - layout.metrics.margin + 24 + (h + 16 if journey.personas() else 0)
    hidden = 0
    for card in journey.free_cards():
        look = free_card_look(card, kinds.get(card.lane_id, ""))
        r = layout.free_cards.get(card.id)
        if r is None:
            r = Rect(layout.grid_left + hidden * (w + 16), top, w, h)
            hidden += 1
        drawing.nodes[card.id] = Box(r.x, r.y, r.w, r.h, card.text, fill=look.fill, text=look.ink)
        for tp_id in card.supports:
            edge = (card.id, tp_id)
            drawing.edges[edge] = _hidden(drawing.nodes[card.id], drawing.nodes[tp_id])
    for link in support_links(journey, layout):
        source, target = layout.free_cards[link.card_id], layout.cards[link.touchpoint_id]
        ends = snap_to_border(link.points[0], source), snap_to_border(link.points[-1], target)
        points = (ends[0], *link.points[1:-1], ends[1])
        line = Line(points, colour=style.SUPPORT_LINK, width=1.2, dashed=True, arrow=False)
        drawing.edges[(link.card_id, link.touchpoint_id)] = line


def _flows(journey: Journey, layout: Layout, drawing: MapDrawing, exit_id: str) -> None:
    routes = flow_routes(journey, layout)
    flows = journey.flows()
    max_count = max((f.count or 0 for f in flows), default=0)
    exit_box = _exit_box(layout, [r for k, r in routes.items() if k[1] is None])
    if exit_box is not None:
        drawing.nodes[exit_id] = exit_box
    for flow in flows:
        route = routes[flow.key]
        source = layout.cards[flow.source]
        width = line_width(flow.count, max_count)
        if flow.target is None:
            assert exit_box is not None
            (x, y0), (_, y1) = route.points[0], route.points[-1]
            run = ((x, y0), (x, y1), (exit_box.x, y1))
            drawing.edges[(flow.source, exit_id)] = Line(
                run, label_text(flow), style.DROPOFF, min(4.0, width), True, True
            )
            continue
        target = layout.cards[flow.target]
        points = flatten(route)
        points = (
            snap_to_border(points[0], source),
            *points[1:-1],
            snap_to_border(points[-1], target),
        )
        drawing.edges[(flow.source, flow.target)] = Line(
            points, label_text(flow), style.FLOW, width
        )


def _exit_box(layout: Layout, dropoffs: list[Route]) -> Box | None:
    """One strip right of the map that every drop-off's run along its gutter reaches."""
    if not dropoffs:
        return None
    right = max([c.x + c.width for c in layout.columns] + [r.right for r in layout.cards.values()])
    ends = [route.points[-1][1] for route in dropoffs]
    top = min([layout.lanes_top, *ends]) - 8
    bottom = max(ends) + 8
    return Box(
        right + 24, top, EXIT_WIDTH, bottom - top, "Drop-off",
        fill=style.PAPER, border=style.DROPOFF, text=style.DROPOFF,
    )  # fmt: skip
