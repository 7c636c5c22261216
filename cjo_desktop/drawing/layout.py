"""Where everything goes on the map, computed in plain Python so it is fast to test and to rerun.

The map is a grid: stage columns left to right, the map's lanes top to bottom in its order
(:mod:`cjo_desktop.domain.lanes`; the touchpoints lane is one row per channel, hidden lanes are
left out, a collapsed one is a strip with its title). Within a stage, cards
share columns: a card sits right of another only when a flow inside the stage orders them
(see :mod:`cjo_desktop.drawing.stage_grid`), so a stage is as wide as its longest chain of
flows and the map reads at a glance. Emotion points of cards that share a column are spread
apart so they never stack. Pain points and opportunities are notes in their lanes under their
card, stacked where cards share a column, as are owners and metrics in their lanes; free cards
fill their stage's cell in rows (see :mod:`cjo_desktop.drawing.lane_rows`); lanes grow to hold
what they hold. A card the user placed by hand keeps its position, stored relative to its stage
column and its channel lane so it stays in its cell when other columns or lanes grow; it keeps
its grid cell too, so moving it moves no other card.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cjo_desktop.domain import Journey, Touchpoint
from cjo_desktop.domain.lanes import blueprint_lines
from cjo_desktop.domain.model import Lane as DomainLane
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.geometry import Rect as Rect
from cjo_desktop.drawing.lane_rows import Placed, fill_cells, shifted, stack_under
from cjo_desktop.drawing.stage_grid import StageGrid, stage_grid
from cjo_desktop.drawing.style import METRICS, Metrics

EMOTION_LANE = "emotion"
PAIN_LANE = "pain"
OPPORTUNITY_LANE = "opportunity"
OWNERS_LANE = "owners"
METRICS_LANE = "metrics"
#: The layout's key of each automatic lane kind but the touchpoints (one row per channel).
KEY_OF_KIND = {
    "emotion": EMOTION_LANE,
    "pain_points": PAIN_LANE,
    "opportunities": OPPORTUNITY_LANE,
    "owners": OWNERS_LANE,
    "metrics": METRICS_LANE,
}
NO_CHANNEL = "No channel"
#: Emotion points closer than this are spread apart: room for a dip's dot and its "dip -2" mark,
#: and a column of two to four cards keeps its points under its cards.
CURVE_SPACING = 48.0


@dataclass(frozen=True, slots=True)
class Column:
    stage_id: str
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Lane:
    """A horizontal band. ``key`` is ``"channel:<name>"`` for the touchpoints' rows, a lane
    constant for the other automatic lanes, ``"lane:<id>"`` for a lane of free cards.
    ``lane_id`` is the map's lane it draws (each channel row: the touchpoints lane)."""

    key: str
    title: str
    y: float
    height: float
    lane_id: str = ""
    kind: str = "touchpoints"
    collapsed: bool = False

    @property
    def is_channel(self) -> bool:
        return self.key.startswith("channel:")


@dataclass(frozen=True, slots=True)
class CurvePoint:
    touchpoint_id: str
    x: float
    y: float
    valence: float


@dataclass
class Layout:
    metrics: Metrics
    width: float
    height: float
    grid_left: float  # where stage columns start (right of the lane labels)
    header_top: float
    lanes_top: float
    columns: list[Column] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    cards: dict[str, Rect] = field(default_factory=dict)
    card_lane: dict[str, str] = field(default_factory=dict)
    channel_names: dict[str, str] = field(default_factory=dict)  # lane key -> channel as typed
    curve: list[CurvePoint] = field(default_factory=list)
    notes: dict[str, Rect] = field(default_factory=dict)  # pain point / opportunity id -> box
    note_lane: dict[str, str] = field(default_factory=dict)  # ... -> PAIN_LANE or OPPORTUNITY_LANE
    free_cards: dict[str, Rect] = field(default_factory=dict)  # free card id -> box
    owner_chips: dict[str, Rect] = field(default_factory=dict)  # touchpoint id -> its owner's
    metric_chips: dict[str, Rect] = field(default_factory=dict)  # touchpoint id -> its numbers'
    #: The service blueprint's lines drawn across the map: (name, y).
    blueprint: list[tuple[str, float]] = field(default_factory=list)

    def column_at(self, x: float) -> Column | None:
        """The stage column under ``x``; beyond the ends, the first or last column."""
        if not self.columns:
            return None
        for column in self.columns:
            if x < column.x + column.width:
                return column
        return self.columns[-1]

    def lane_at(self, y: float) -> Lane | None:
        for lane in self.lanes:
            if lane.y <= y < lane.y + lane.height:
                return lane
        return None

    def lane(self, key: str) -> Lane:
        return next(lane for lane in self.lanes if lane.key == key)

    def find_lane(self, key: str) -> Lane | None:
        """The lane of ``key``, or None when the map hides it or has none."""
        return next((lane for lane in self.lanes if lane.key == key), None)

    def column(self, stage_id: str) -> Column:
        return next(c for c in self.columns if c.stage_id == stage_id)


@functools.lru_cache(maxsize=4096)  # a map has a handful of channels and thousands of cards
def channel_key(channel: str) -> str:
    """Channels group case- and space-insensitively: 'Web', 'web ' share a lane."""
    return "channel:" + " ".join(channel.split()).casefold()


def stage_sequence(journey: Journey, stage_id: str) -> list[Touchpoint]:
    """The stage's touchpoints as the map reads them: left to right, a shared column in the
    stage's own order."""
    members = journey.touchpoints(stage_id)
    if len(members) < 2:
        return members
    grid = _grid(members, _successors(journey))
    by_id = {t.id: t for t in members}
    return [by_id[m] for m in grid.reading_order(list(by_id))]


def _successors(journey: Journey) -> dict[str, list[str]]:
    """Each card's flow targets as plain lists: networkx's views cost a lookup per card."""
    out: dict[str, list[str]] = {}
    for source, target in journey.graph.edges():
        out.setdefault(source, []).append(target)
    return out


def _grid(members: list[Touchpoint], successors: Mapping[str, Iterable[str]]) -> StageGrid:
    """The stage's grid, reused while its cards, their lanes and its inner flows stay the
    same: one edit changes one or two stages, and the others are not laid out again."""
    ids = tuple(t.id for t in members)
    inside = set(ids)
    flows = tuple(tuple(v for v in successors.get(i, ()) if v in inside) for i in ids)
    return _cached_grid(ids, tuple(channel_key(t.channel) for t in members), flows)


@functools.lru_cache(maxsize=256)
def _cached_grid(
    ids: tuple[str, ...], lanes: tuple[str, ...], flows: tuple[tuple[str, ...], ...]
) -> StageGrid:
    return stage_grid(ids, dict(zip(ids, lanes, strict=True)), dict(zip(ids, flows, strict=True)))


def compute_layout(journey: Journey, metrics: Metrics = METRICS) -> Layout:
    m = metrics
    header_top = m.margin + m.title_height
    lanes_top = header_top + m.header_height
    grid_left = m.margin + m.label_width
    stages = journey.stages()
    successors = _successors(journey)
    members = {s.id: journey.touchpoints(s.id) for s in stages}
    grids = {s.id: _grid(members[s.id], successors) for s in stages}
    sequences: dict[str, list[Touchpoint]] = {}
    for stage in stages:
        by_id = {t.id: t for t in members[stage.id]}
        sequences[stage.id] = [by_id[i] for i in grids[stage.id].reading_order(list(by_id))]

    # Lanes: one per channel (whatever its case) in order of first appearance along the
    # journey, titled as the map first writes it.
    lane_titles: dict[str, str] = {}
    channel_names: dict[str, str] = {}
    for stage in stages:
        for tp in sequences[stage.id]:
            key = channel_key(tp.channel)
            channel_names.setdefault(key, tp.channel.strip())
            lane_titles.setdefault(key, " ".join(shown(tp.channel).split()) or NO_CHANNEL)
    if not lane_titles:
        lane_titles[channel_key("")] = "Touchpoints"

    # Stage widths follow their grids; a hand-placed card widens its stage to hold it.
    step = m.card_width + m.slot_gap
    columns: list[Column] = []
    x = grid_left
    for stage in stages:
        count = grids[stage.id].columns
        width = 2 * m.stage_padding + count * m.card_width + max(0, count - 1) * m.slot_gap
        for tp in members[stage.id]:
            if tp.position is not None:
                width = max(width, tp.position.x + m.card_width + m.stage_padding)
        columns.append(Column(stage.id, x, max(width, m.min_stage_width)))
        x += columns[-1].width

    # Lane heights: a row of automatic cards, or deeper where a hand-placed card sits lower.
    base = 2 * m.lane_padding + m.card_height
    heights = dict.fromkeys(lane_titles, base)
    for tp in journey.touchpoints():
        if tp.position is not None:
            key = channel_key(tp.channel)
            heights[key] = max(heights[key], tp.position.y + m.card_height + m.lane_padding)
    card_x: dict[str, float] = {}
    for stage, column in zip(stages, columns, strict=True):
        grid = grids[stage.id]
        for tp in sequences[stage.id]:
            auto = column.x + m.stage_padding + grid.column[tp.id] * step
            card_x[tp.id] = auto if tp.position is None else column.x + tp.position.x
    rows = _rows(journey, lane_titles, heights, card_x, columns, m)

    lanes: list[Lane] = []
    y = lanes_top
    placed_at: dict[str, tuple[Placed, float]] = {}
    for row, placed in rows:
        lanes.append(dataclasses.replace(row, y=y))
        if placed is not None:
            placed_at[row.key] = (placed, y)
        y += row.height
    lane_y = {lane.key: lane.y for lane in lanes}
    cards: dict[str, Rect] = {}
    card_lane: dict[str, str] = {}
    for stage in stages:
        for tp in sequences[stage.id]:
            key = channel_key(tp.channel)
            card_lane[tp.id] = key
            dy = m.lane_padding if tp.position is None else tp.position.y
            cards[tp.id] = Rect(card_x[tp.id], lane_y[key] + dy, m.card_width, m.card_height)

    notes: dict[str, Rect] = {}
    note_lane: dict[str, str] = {}
    boxes: dict[str, dict[str, Rect]] = {}
    for key, (placed, top) in placed_at.items():
        boxes[key] = shifted(placed, top)
        if key in (PAIN_LANE, OPPORTUNITY_LANE):
            notes.update(boxes[key])
            note_lane.update(dict.fromkeys(placed.boxes, key))
    free: dict[str, Rect] = {}
    for key, placed_boxes in boxes.items():
        if key.startswith("lane:"):
            free.update(placed_boxes)
    shown_kinds = [lane.kind for lane in lanes]
    lines = [(name, lanes[i].y) for name, i in blueprint_lines(shown_kinds)]

    layout = Layout(
        metrics=m,
        width=max(x, grid_left + m.min_stage_width) + m.margin,
        height=y + m.margin,
        grid_left=grid_left,
        header_top=header_top,
        lanes_top=lanes_top,
        columns=columns,
        lanes=lanes,
        cards=cards,
        card_lane=card_lane,
        channel_names=channel_names,
        notes=notes,
        note_lane=note_lane,
        free_cards=free,
        owner_chips=boxes.get(OWNERS_LANE, {}),
        metric_chips=boxes.get(METRICS_LANE, {}),
        blueprint=lines,
    )
    layout.curve = _emotion_curve(journey, layout, [sequences[s.id] for s in stages])
    return layout


def _rows(
    journey: Journey,
    channel_titles: dict[str, str],
    channel_heights: dict[str, float],
    card_x: dict[str, float],
    columns: list[Column],
    m: Metrics,
) -> list[tuple[Lane, Placed | None]]:
    """The shown lanes top to bottom, each with its height (its ``y`` still 0) and what it
    holds placed relative to its top: the touchpoints lane one row per channel."""
    rank = {key: i for i, key in enumerate(channel_titles)}
    card_at = {tp: (x, 0) for tp, x in card_x.items()}  # a stack's order: x, then channel row
    for tp in journey.touchpoints():
        if tp.id in card_at:
            card_at[tp.id] = (card_x[tp.id], rank[channel_key(tp.channel)])
    cells = {c.stage_id: (c.x, c.width) for c in columns}
    out: list[tuple[Lane, Placed | None]] = []
    for lane in journey.lanes():
        if lane.hidden:
            continue
        if lane.kind == "touchpoints":
            for key, title in channel_titles.items():
                out.append((Lane(key, title, 0.0, channel_heights[key], lane.id), None))
            continue
        key = KEY_OF_KIND.get(lane.kind, f"lane:{lane.id}")
        if lane.collapsed:
            row = Lane(key, lane.name, 0.0, m.collapsed_lane_height, lane.id, lane.kind, True)
            out.append((row, None))
            continue
        placed = _fill(journey, lane, card_at, cells, m)
        height = m.emotion_lane_height if placed is None else placed.height
        out.append((Lane(key, lane.name, 0.0, height, lane.id, lane.kind), placed))
    return out


def _fill(
    journey: Journey,
    lane: DomainLane,
    card_at: dict[str, tuple[float, int]],
    cells: dict[str, tuple[float, float]],
    m: Metrics,
) -> Placed | None:
    """What a lane other than the touchpoints' holds, placed; None for the emotion lane."""
    note = (m.note_width, m.note_height)
    if lane.kind == "emotion":
        return None
    if lane.kind in ("pain_points", "opportunities"):
        items = journey.pain_points() if lane.kind == "pain_points" else journey.opportunities()
        pairs = [(i.id, i.touchpoint_id) for i in items]
        return stack_under(pairs, card_at, note, m.note_gap, m.note_padding, m.extra_lane_height)
    if lane.kind == "owners":
        pairs = [(t.id, t.id) for t in journey.touchpoints() if t.owner.strip()]
        chip = (m.card_width, m.chip_height)
        least = 2 * m.note_padding + m.chip_height
        return stack_under(pairs, card_at, chip, m.note_gap, m.note_padding, least)
    if lane.kind == "metrics":
        measured = {tp for s in journey.metric_snapshots() for tp, v in s.values.items() if v}
        pairs = [(t.id, t.id) for t in journey.touchpoints() if t.id in measured]
        chip = (m.card_width, m.metric_chip_height)
        least = 2 * m.note_padding + m.metric_chip_height
        return stack_under(pairs, card_at, chip, m.note_gap, m.note_padding, least)
    return fill_cells(journey.free_cards(lane_id=lane.id), cells, m)


def _emotion_curve(
    journey: Journey, layout: Layout, sequences: list[list[Touchpoint]]
) -> list[CurvePoint]:
    """One point per touchpoint with a feeling, under its card, left to right. Cards that
    share a column (or a hand-placed card over another's x) would put their points on one
    vertical, so points closer than :data:`CURVE_SPACING` are spread apart around their
    cards, keeping their order: top lane first within a column."""
    lane = layout.find_lane(EMOTION_LANE)
    if lane is None or lane.collapsed:
        return []
    amplitude = (lane.height / 2 - 22) / 2  # valence 2 -> 22 px inside the lane edge
    mid = lane.y + lane.height / 2
    lane_rank = {ln.key: i for i, ln in enumerate(layout.lanes)}
    everyone: dict[str, list[int]] = {}
    personas: dict[str, list[int]] = {}
    for e in journey.emotions():
        (personas if e.persona_id else everyone).setdefault(e.touchpoint_id, []).append(e.valence)
    cards, card_lane = layout.cards, layout.card_lane
    wanted: list[tuple[float, int, str, float]] = []
    for sequence in sequences:
        stage_points = []
        for tp in sequence:
            felt = everyone.get(tp.id) or personas.get(tp.id)
            if felt:
                valence = sum(felt) / len(felt)
                stage_points.append((cards[tp.id].cx, lane_rank[card_lane[tp.id]], tp.id, valence))
        stage_points.sort(key=lambda p: (p[0], p[1]))
        wanted.extend(stage_points)
    xs = _spread([p[0] for p in wanted], CURVE_SPACING)
    return [
        CurvePoint(i, x, mid - v * amplitude, v) for x, (_, _, i, v) in zip(xs, wanted, strict=True)
    ]


def _spread(xs: list[float], gap: float) -> list[float]:
    """``xs`` (in order) moved as little as possible so that neighbours are ``gap`` apart:
    runs of points too close are centred where they wanted to be, merged until none collide."""
    runs: list[tuple[float, int]] = []  # (sum of wanted starts, count): the run starts at mean
    for x in xs:
        total, count = x, 1
        while runs:
            prev_total, prev_count = runs[-1]
            prev_last = prev_total / prev_count + (prev_count - 1) * gap
            if total / count - prev_last >= gap:
                break
            runs.pop()
            # Each point of this run wants its run to start gap * prev_count further left.
            total = prev_total + total - count * prev_count * gap
            count += prev_count
        runs.append((total, count))
    out: list[float] = []
    for total, count in runs:
        start = total / count
        out.extend(start + i * gap for i in range(count))
    return out


def insertion_index(
    journey: Journey,
    layout: Layout,
    stage_id: str,
    x: float,
    moving: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Where a card dropped at ``x`` goes in the stage's order (other moving cards ignored)."""
    others = [t for t in journey.touchpoints(stage_id) if t.id not in moving]
    for i, tp in enumerate(others):
        if x < layout.cards[tp.id].cx:
            return i
    return len(others)
