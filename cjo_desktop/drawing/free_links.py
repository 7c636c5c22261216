"""Where a free card's links to the touchpoints it supports run: pure Python, no Qt.

A link is a thin dotted line from the free card to the touchpoint card, drawn under the cards
with a dot where it meets the touchpoint and no arrowhead, so it never reads as a flow. A line
that ran behind another card would seem to come out of that card, so each link takes the
simplest route that passes no other card, note or chip:

1. one vertical, where the two cards share a column;
2. three lines at right angles: out of the free card into its lane's padding, across, and
   straight to the touchpoint (or straight toward the touchpoint's row first, then across in
   its padding, and in);
3. otherwise through the gutter at the side of the free card's stage column, where no card
   sits: out into the lane's padding, along it to the gutter, along the gutter to the
   touchpoint's row, along that row's padding and in.

The turns step apart a little per lane and row, so two links never run along one line. The
scene and the yEd drawing draw the same polylines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.geometry import Rect
from cjo_desktop.drawing.layout import Column, Lane, Layout

Point = tuple[float, float]

#: Two cards share a column when this much of their widths overlaps.
SHARED = 24.0
#: Turns run this far inside a lane's padding, links of one lane or row ``STEP`` apart.
INSET, STEP, TRACKS = 3.0, 4.0, 3
#: The gutter runs this far inside the stage column's edge (its padding is 20).
GUTTER = 6.0
#: A line passing closer than this to a card counts as passing it.
CLEARANCE = 2.0


@dataclass(frozen=True, slots=True)
class SupportLink:
    """One drawn link: the free card, the touchpoint it supports, and the polyline from the
    free card's edge to the touchpoint card's edge (its last point gets the dot)."""

    card_id: str
    touchpoint_id: str
    points: tuple[Point, ...]


class _Obstacles:
    """The boxes a link must not pass behind, by stage column, so a vertical is checked
    against its column only (a map of thousands of cards has a handful per column)."""

    def __init__(self, layout: Layout, boxes: Iterable[tuple[str, Rect]]) -> None:
        self._layout = layout
        self._by_column: dict[str, list[tuple[str, Rect]]] = {}
        for key, box in boxes:
            for column in layout.columns:
                if box.x < column.x + column.width and box.right > column.x:
                    self._by_column.setdefault(column.stage_id, []).append((key, box))

    def clear(self, a: Point, b: Point, ignore: tuple[str, str]) -> bool:
        """Whether the axis-parallel segment a-b passes no box but ``ignore``'s two."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        columns = {c.stage_id for c in self._layout.columns if c.x <= x1 and c.x + c.width >= x0}
        for stage_id in columns:
            for key, box in self._by_column.get(stage_id, ()):
                if key in ignore:
                    continue
                c = CLEARANCE
                if x0 < box.right + c and x1 > box.x - c and y0 < box.bottom + c and y1 > box.y - c:
                    return False
        return True


def support_links(journey: Journey, layout: Layout) -> list[SupportLink]:
    """A link per free card shown and touchpoint it supports, in the order cards were made."""
    lanes = {lane.lane_id: lane for lane in layout.lanes if lane.key.startswith("lane:")}
    boxes = [
        *layout.cards.items(),
        *layout.free_cards.items(),
        *layout.notes.items(),
        *(("owner:" + k, r) for k, r in layout.owner_chips.items()),
        *(("metric:" + k, r) for k, r in layout.metric_chips.items()),
    ]
    obstacles = _Obstacles(layout, boxes)
    tracks: dict[str, int] = {}
    out: list[SupportLink] = []
    for card in journey.free_cards():
        box = layout.free_cards.get(card.id)
        lane = lanes.get(card.lane_id)
        if box is None or lane is None:
            continue  # in a hidden or collapsed lane: neither card nor links are drawn
        column = layout.column(card.stage_id)
        for tp_id in card.supports:
            target = layout.cards.get(tp_id)
            row = layout.find_lane(layout.card_lane.get(tp_id, ""))
            if target is None or row is None:
                continue
            ends = _Ends(box, target, lane, row, column, tracks)
            points = _route(ends, obstacles, (card.id, tp_id))
            out.append(SupportLink(card.id, tp_id, points))
    return out


class _Ends:
    """A link's two cards, where it leaves and enters them, and its turns."""

    def __init__(
        self,
        card: Rect,
        target: Rect,
        lane: Lane,
        row: Lane,
        column: Column,
        tracks: dict[str, int],
    ) -> None:
        self.card, self.target, self.column = card, target, column
        self.up = card.cy > target.cy  # the touchpoint is above the free card
        self.start = card.y if self.up else card.bottom
        self.end = target.bottom if self.up else target.y
        # leaving the free card toward the touchpoint, entering the touchpoint from its side
        self.out_turn = _turn(lane, self.up, tracks)
        self.in_turn = _turn(row, not self.up, tracks)
        self.tracks = tracks


def _turn(lane: Lane, top: bool, tracks: dict[str, int]) -> float:
    """A y in ``lane``'s padding at its top (or bottom), stepped by the lane's links so far."""
    key = f"{lane.key}:{'top' if top else 'bottom'}"
    step = STEP * (tracks.get(key, 0) % TRACKS)
    tracks[key] = tracks.get(key, 0) + 1
    return lane.y + INSET + step if top else lane.y + lane.height - INSET - step


def _route(e: _Ends, obstacles: _Obstacles, ignore: tuple[str, str]) -> tuple[Point, ...]:
    card, target = e.card, e.target
    lo, hi = max(card.x, target.x), min(card.right, target.right)
    if hi - lo >= SHARED:
        x = min(max(card.cx, lo + SHARED / 2), hi - SHARED / 2)
        if obstacles.clear((x, e.start), (x, e.end), ignore):
            return ((x, e.start), (x, e.end))
    out_first = ((card.cx, e.start), (card.cx, e.out_turn), (target.cx, e.out_turn))
    if obstacles.clear(out_first[2], (target.cx, e.end), ignore):
        return (*out_first, (target.cx, e.end))
    in_first = ((card.cx, e.start), (card.cx, e.in_turn), (target.cx, e.in_turn))
    if obstacles.clear(in_first[0], in_first[1], ignore):
        return (*in_first, (target.cx, e.end))
    column = e.column
    # The column's own left gutter, unless the touchpoint lies right of the column: its right
    # gutter runs beside the next column's left one, and two bundles there read as one.
    left = target.cx < column.x + column.width
    key = f"gutter:{column.stage_id}:{'left' if left else 'right'}"
    step = STEP * (e.tracks.get(key, 0) % TRACKS)
    e.tracks[key] = e.tracks.get(key, 0) + 1
    gx = column.x + GUTTER + step if left else column.x + column.width - GUTTER - step
    return (
        (card.cx, e.start),
        (card.cx, e.out_turn),
        (gx, e.out_turn),
        (gx, e.in_turn),
        (target.cx, e.in_turn),
        (target.cx, e.end),
    )
