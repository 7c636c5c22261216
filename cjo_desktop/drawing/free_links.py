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
#: Turns run this far inside a lane's padding, links of one lane or row ``STEP`` apart (a
#: lane of free cards has 12 units above its cards).
INSET, STEP, TRACKS = 3.0, 3.0, 3
#: Under a blueprint line (3 units thick along a lane's top) turns start this much lower and
#: step closer, so a link never runs along the line and stays above the lane's cards.
UNDER_LINE, LINE_STEP = 3.0, 2.5
#: The gutter runs this far inside the stage column's edge (its padding is 20), links in one
#: gutter ``GUTTER_STEP`` apart.
GUTTER, GUTTER_STEP = 6.0, 4.0
#: A line passing closer than this to a card counts as passing it.
CLEARANCE = 2.0
#: Links into one touchpoint enter it this far apart, each with its own dot, so lines from
#: several lanes never run on top of one another into the card.
SPREAD = 12.0


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
    lined = frozenset(y for _, y in layout.blueprint)
    entries = _entries(journey, layout, lanes)
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
            ends = _Ends(box, target, (lane, row), column, tracks, lined)
            ends.entry = entries[(card.id, tp_id)]
            points = _route(ends, obstacles, (card.id, tp_id))
            out.append(SupportLink(card.id, tp_id, points))
    return out


def _entries(
    journey: Journey, layout: Layout, lanes: dict[str, Lane]
) -> dict[tuple[str, str], float]:
    """Where each link enters its touchpoint: spread around the card's middle, in the order
    the links are drawn."""
    into: dict[str, list[str]] = {}
    for card in journey.free_cards():
        if card.id in layout.free_cards and card.lane_id in lanes:
            for tp_id in card.supports:
                if tp_id in layout.cards:
                    into.setdefault(tp_id, []).append(card.id)
    out: dict[tuple[str, str], float] = {}
    for tp_id, cards in into.items():
        target = layout.cards[tp_id]
        for k, card_id in enumerate(cards):
            x = target.cx + (k - (len(cards) - 1) / 2) * SPREAD
            out[(card_id, tp_id)] = min(max(x, target.x + SHARED), target.right - SHARED)
    return out


class _Ends:
    """A link's two cards, where it leaves and enters them, and its turns."""

    def __init__(
        self,
        card: Rect,
        target: Rect,
        lanes: tuple[Lane, Lane],
        column: Column,
        tracks: dict[str, int],
        lined: frozenset[float],
    ) -> None:
        lane, row = lanes  # the free card's lane and the touchpoint's channel row
        self.card, self.target, self.column = card, target, column
        self.up = card.cy > target.cy  # the touchpoint is above the free card
        self.start = card.y if self.up else card.bottom
        self.end = target.bottom if self.up else target.y
        # leaving the free card toward the touchpoint, entering the touchpoint from its side
        self.out_turn = _turn(lane, self.up, tracks, lined)
        self.in_turn = _turn(row, not self.up, tracks, lined)
        self.tracks = tracks
        self.entry = target.cx  # where the link meets the touchpoint


def _turn(lane: Lane, top: bool, tracks: dict[str, int], lined: frozenset[float]) -> float:
    """A y in ``lane``'s padding at its top (or bottom), stepped by the lane's links so far;
    clear of a blueprint line (``lined``: their y's) along the lane's top."""
    key = f"{lane.key}:{'top' if top else 'bottom'}"
    count = tracks.get(key, 0) % TRACKS
    tracks[key] = tracks.get(key, 0) + 1
    if not top:
        return lane.y + lane.height - INSET - STEP * count
    if lane.y in lined:
        return lane.y + INSET + UNDER_LINE + LINE_STEP * count
    return lane.y + INSET + STEP * count


def _route(e: _Ends, obstacles: _Obstacles, ignore: tuple[str, str]) -> tuple[Point, ...]:
    card, target = e.card, e.target
    lo, hi = max(card.x, target.x), min(card.right, target.right)
    tx = e.entry
    if hi - lo >= SHARED:
        x = tx if lo + SHARED / 2 <= tx <= hi - SHARED / 2 else card.cx
        x = min(max(x, lo + SHARED / 2), hi - SHARED / 2)
        if obstacles.clear((x, e.start), (x, e.end), ignore):
            return ((x, e.start), (x, e.end))
    out_first = ((card.cx, e.start), (card.cx, e.out_turn), (tx, e.out_turn))
    if obstacles.clear(out_first[2], (tx, e.end), ignore):
        return (*out_first, (tx, e.end))
    in_first = ((card.cx, e.start), (card.cx, e.in_turn), (tx, e.in_turn))
    if obstacles.clear(in_first[0], in_first[1], ignore):
        return (*in_first, (tx, e.end))
    column = e.column
    # The column's own left gutter, unless the touchpoint lies right of the column: its right
    # gutter runs beside the next column's left one, and two bundles there read as one.
    left = tx < column.x + column.width
    key = f"gutter:{column.stage_id}:{'left' if left else 'right'}"
    step = GUTTER_STEP * (e.tracks.get(key, 0) % TRACKS)
    e.tracks[key] = e.tracks.get(key, 0) + 1
    gx = column.x + GUTTER + step if left else column.x + column.width - GUTTER - step
    return (
        (card.cx, e.start),
        (card.cx, e.out_turn),
        (gx, e.out_turn),
        (gx, e.in_turn),
        (tx, e.in_turn),
        (tx, e.end),
    )
