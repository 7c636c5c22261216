"""Where everything goes on the map, computed in plain Python so it is fast to test and to rerun.

The map is a grid: stage columns left to right, lanes top to bottom (one lane per channel for
touchpoint cards, then the emotion curve, pain points and opportunities). Within a stage each
automatically placed card gets its own slot, ordered by the flows (topological where the flows
inside the stage are acyclic; the user's order breaks ties and orders cycles), so every card
has its own x and the emotion curve reads left to right. Pain points and opportunities are
notes in their lanes under their card, stacked where cards share a column (see
:func:`_place_notes`); those lanes grow to the tallest stack. A card the user placed by hand keeps
its position, stored relative to its stage column and its channel lane so it stays in its cell
when other columns or lanes grow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from cjo_desktop.domain import Journey, Opportunity, PainPoint, Touchpoint
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.style import METRICS, Metrics

EMOTION_LANE = "emotion"
PAIN_LANE = "pain"
OPPORTUNITY_LANE = "opportunity"
NO_CHANNEL = "No channel"


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


def channel_key(channel: str) -> str:
    """Channels group case- and space-insensitively: 'Web', 'web ' share a lane."""
    return "channel:" + " ".join(channel.split()).casefold()


def stage_sequence(journey: Journey, stage_id: str) -> list[Touchpoint]:
    """The stage's touchpoints ordered by the flows between them; ties in the user's order."""
    members = journey.touchpoints(stage_id)
    if len(members) < 2:
        return members
    rank = {t.id: i for i, t in enumerate(members)}
    sub = journey.flow_graph().subgraph(rank)
    dag = nx.condensation(sub)  # strongly connected parts collapse, so cycles cannot block
    first = {n: min(rank[m] for m in dag.nodes[n]["members"]) for n in dag}
    order = nx.lexicographical_topological_sort(dag, key=lambda n: first[n])
    by_id = {t.id: t for t in members}
    return [by_id[m] for n in order for m in sorted(dag.nodes[n]["members"], key=rank.__getitem__)]


def compute_layout(journey: Journey, metrics: Metrics = METRICS) -> Layout:
    m = metrics
    header_top = m.margin + m.title_height
    lanes_top = header_top + m.header_height
    grid_left = m.margin + m.label_width
    stages = journey.stages()
    sequences = {s.id: stage_sequence(journey, s.id) for s in stages}

    # Lanes: one per channel in order of first appearance along the journey.
    lane_titles: dict[str, str] = {}
    channel_names: dict[str, str] = {}
    for stage in stages:
        for tp in sequences[stage.id]:
            channel_names.setdefault(channel_key(tp.channel), tp.channel.strip())
            title = " ".join(shown(tp.channel).split()) or NO_CHANNEL
            lane_titles.setdefault(channel_key(tp.channel), title[:1].upper() + title[1:])
    if not lane_titles:
        lane_titles[channel_key("")] = "Touchpoints"

    # Slots and column widths.
    slot_of: dict[str, int] = {}
    columns: list[Column] = []
    x = grid_left
    for stage in stages:
        auto = [t for t in sequences[stage.id] if t.position is None]
        for i, tp in enumerate(auto):
            slot_of[tp.id] = i
        width = 2 * m.stage_padding + len(auto) * m.card_width + max(0, len(auto) - 1) * m.slot_gap
        for tp in sequences[stage.id]:
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
        for tp in sequences[stage.id]:
            key = channel_key(tp.channel)
            card_lane[tp.id] = key
            if tp.position is None:
                cx = column.x + m.stage_padding + slot_of[tp.id] * (m.card_width + m.slot_gap)
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
    layout.curve = _emotion_curve(journey, layout, stages_order=[s.id for s in stages])
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


def _emotion_curve(journey: Journey, layout: Layout, stages_order: list[str]) -> list[CurvePoint]:
    """One point per touchpoint with a feeling, left to right within each stage."""
    lane = layout.lane(EMOTION_LANE)
    amplitude = (lane.height / 2 - 22) / 2  # valence 2 -> 22 px inside the lane edge
    points: list[CurvePoint] = []
    for stage_id in stages_order:
        stage_points = []
        for tp in journey.touchpoints(stage_id):
            emotions = journey.emotions(tp.id)
            general = [e for e in emotions if e.persona_id is None] or emotions
            if not general:
                continue
            valence = sum(e.valence for e in general) / len(general)
            rect = layout.cards[tp.id]
            stage_points.append(
                CurvePoint(tp.id, rect.cx, lane.y + lane.height / 2 - valence * amplitude, valence)
            )
        points.extend(sorted(stage_points, key=lambda p: p.x))
    return points


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
