"""Where everything goes on the map, computed in plain Python so it is fast to test and to rerun.

The map is a grid: stage columns left to right, lanes top to bottom (one lane per channel for
touchpoint cards, then the emotion curve, pain points and opportunities). Within a stage, cards
share columns: a card sits right of another only when a flow inside the stage orders them
(see :mod:`cjo_desktop.drawing.stage_grid`), so a stage is as wide as its longest chain of
flows and the map reads at a glance. Emotion points of cards that share a column are spread
apart so they never stack. Pain points and opportunities are notes in their lanes under their
card, stacked where cards share a column (see :func:`_place_notes`); those lanes grow to the
tallest stack. A card the user placed by hand keeps its position, stored relative to its stage
column and its channel lane so it stays in its cell when other columns or lanes grow; it keeps
its grid cell too, so moving it moves no other card.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cjo_desktop.domain import Journey, Opportunity, PainPoint, Touchpoint
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.stage_grid import StageGrid, stage_grid
from cjo_desktop.drawing.style import METRICS, Metrics

EMOTION_LANE = "emotion"
PAIN_LANE = "pain"
OPPORTUNITY_LANE = "opportunity"
NO_CHANNEL = "No channel"
#: Emotion points closer than this are spread apart: room for a dip's dot and its "dip -2" mark,
#: and a column of two to four cards keeps its points under its cards.
CURVE_SPACING = 48.0


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class Column:
    stage_id: str
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Lane:
    """A horizontal band. ``key`` is ``"channel:<name>"`` for card lanes, else a lane constant."""

    key: str
    title: str
    y: float
    height: float

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
    lanes: list[Lane] = []
    y = lanes_top
    for key, title in lane_titles.items():
        lanes.append(Lane(key, title, y, heights[key]))
        y += heights[key]
    lanes.append(Lane(EMOTION_LANE, "Emotion", y, m.emotion_lane_height))
    y += m.emotion_lane_height

    lane_y = {lane.key: lane.y for lane in lanes}
    cards: dict[str, Rect] = {}
    card_lane: dict[str, str] = {}
    for stage, column in zip(stages, columns, strict=True):
        grid = grids[stage.id]
        for tp in sequences[stage.id]:
            key = channel_key(tp.channel)
            card_lane[tp.id] = key
            if tp.position is None:
                cx = column.x + m.stage_padding + grid.column[tp.id] * step
                cy = lane_y[key] + m.lane_padding
            else:
                cx, cy = column.x + tp.position.x, lane_y[key] + tp.position.y
            cards[tp.id] = Rect(cx, cy, m.card_width, m.card_height)

    notes: dict[str, Rect] = {}
    note_lane: dict[str, str] = {}
    for key, title, items in (
        (PAIN_LANE, "Pain points", journey.pain_points()),
        (OPPORTUNITY_LANE, "Opportunities", journey.opportunities()),
    ):
        placed, deepest = _place_notes(items, cards, y, m)
        height = max(
            m.extra_lane_height,
            2 * m.note_padding + deepest * m.note_height + max(0, deepest - 1) * m.note_gap,
        )
        lanes.append(Lane(key, title, y, height))
        notes.update(placed)
        note_lane.update(dict.fromkeys(placed, key))
        y += height

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
    )
    layout.curve = _emotion_curve(journey, layout, [sequences[s.id] for s in stages])
    return layout


def _place_notes(
    items: Sequence[PainPoint | Opportunity], cards: dict[str, Rect], top: float, m: Metrics
) -> tuple[dict[str, Rect], int]:
    """Each note under its card, a card's notes stacked; cards whose notes would overlap
    (cards of one column in different channel lanes share an x) share one stack, which starts
    at the leftmost of them. Returns the notes' boxes and the deepest stack's count."""
    by_card: dict[str, list[str]] = {}
    for item in items:
        if item.touchpoint_id in cards:
            by_card.setdefault(item.touchpoint_id, []).append(item.id)
    order = sorted(by_card, key=lambda tp: (cards[tp].x, cards[tp].y))
    placed: dict[str, Rect] = {}
    deepest = 0
    stack_x, depth = float("-inf"), 0
    for tp in order:
        x = cards[tp].x
        if x >= stack_x + m.note_width + m.note_gap:
            stack_x, depth = x, 0  # clear of the stack on the left: a stack of its own
        for note_id in by_card[tp]:
            y = top + m.note_padding + depth * (m.note_height + m.note_gap)
            placed[note_id] = Rect(stack_x, y, m.note_width, m.note_height)
            depth += 1
        deepest = max(deepest, depth)
    return placed, deepest


def _emotion_curve(
    journey: Journey, layout: Layout, sequences: list[list[Touchpoint]]
) -> list[CurvePoint]:
    """One point per touchpoint with a feeling, under its card, left to right. Cards that
    share a column (or a hand-placed card over another's x) would put their points on one
    vertical, so points closer than :data:`CURVE_SPACING` are spread apart around their
    cards, keeping their order: top lane first within a column."""
    lane = layout.lane(EMOTION_LANE)
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
