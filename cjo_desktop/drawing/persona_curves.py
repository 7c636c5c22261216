"""Each persona's own feeling curve in the emotion lane, beside the map's curve, and the legend
that names them; plain Python from the layout, so the scene and every export draw the same.

A persona's point sits at its touchpoint's point of the map's curve (every touchpoint with any
feeling has one), nudged sideways by the persona's place in the list so that two personas who
feel the same there show two marks, not one, and neither hides under the map's own dot. Each
persona has a colour from a palette that stays apart under the common colour-vision
deficiencies and a marker shape of its own, so no curve is told from another by colour alone.
The legend sits in the lane's label column, under the lane's title and left of the +2 / 0 / -2
marks: curve points are never there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjo_desktop.domain import Journey
from cjo_desktop.drawing.layout import EMOTION_LANE, Lane, Layout, Rect
from cjo_desktop.palette import PERSONA_COLOURS

#: The marker of each persona in turn; every renderer (Qt, matplotlib) draws these shapes.
MARKERS = ("square", "triangle", "diamond", "triangle_down", "pentagon", "hexagon")
#: Line patterns once the colours have all been used: solid, then dashed, then dotted.
DASHES = ("solid", "dashed", "dotted")
#: How far a persona's point may sit from its touchpoint's point, either side (scene units):
#: well inside half the curve's spacing, so it never reads as the neighbour's.
NUDGE = 12.0
#: Between the valence +2 / -2 lines and the lane's edge (see layout's emotion curve).
EDGE = 22.0
#: A legend row's height, and the room kept clear around the lane title and the lane's edges;
#: and before the +2 / 0 / -2 marks, so a name never reads as if it went on into "-2".
ROW = 16.0
GAP = 5.0
MARKS_GAP = 10.0
#: The +2 / 0 / -2 marks at the right of the label column (see the emotion curve item): their
#: width at the map's small type and their distance from the stages.
AXIS_MARKS = 24.0
#: The legend's name for the map's own curve.
EVERYONE = "Everyone"


@dataclass(frozen=True, slots=True)
class PersonaStyle:
    """How one persona's curve is drawn: colour, marker shape and line pattern."""

    colour: str
    marker: str
    dash: str


def persona_style(index: int) -> PersonaStyle:
    """The style of the persona at ``index`` in the map's persona order."""
    n = len(PERSONA_COLOURS)
    return PersonaStyle(
        PERSONA_COLOURS[index % n], MARKERS[index % len(MARKERS)], DASHES[(index // n) % 3]
    )


def persona_styles(journey: Journey) -> dict[str, PersonaStyle]:
    """Persona id -> its style, by its place in the map's list."""
    return {p.id: persona_style(i) for i, p in enumerate(journey.personas())}


@dataclass(frozen=True, slots=True)
class PersonaPoint:
    touchpoint_id: str
    x: float
    y: float
    valence: float


@dataclass(frozen=True, slots=True)
class PersonaCurve:
    persona_id: str
    name: str
    style: PersonaStyle
    points: tuple[PersonaPoint, ...]


def emotion_lane(layout: Layout) -> Lane | None:
    """The emotion lane, or None when the map has none (or it is too low to hold a curve)."""
    lane = next((ln for ln in layout.lanes if ln.key == EMOTION_LANE), None)
    if lane is None or lane.height < 4 * EDGE:
        return None
    return lane


def valence_y(lane: Lane, valence: float) -> float:
    """Where a valence sits in the emotion lane: +2 and -2 ``EDGE`` inside its edges."""
    amplitude = (lane.height / 2 - EDGE) / 2
    return lane.y + lane.height / 2 - valence * amplitude


def nudges(count: int) -> list[float]:
    """Each persona's sideways offset from its touchpoint's point, left to right: spread over
    ``NUDGE`` either side and never 0, so no persona's mark hides under the map's own dot."""
    if count < 1:
        return []
    slots = count + count % 2  # an even number of slots has none in the middle
    step = 2 * NUDGE / (slots - 1)
    return [-NUDGE + k * step for k in range(count)]


def persona_curves(journey: Journey, layout: Layout) -> list[PersonaCurve]:
    """A curve per persona with at least one feeling, in the map's persona order; its points
    follow the map's curve. No emotion lane: no curves."""
    lane = emotion_lane(layout)
    personas = journey.personas()
    if lane is None or not personas or not layout.curve:
        return []
    felt: dict[tuple[str, str], list[int]] = {}
    for e in journey.emotions():
        if e.persona_id is not None:
            felt.setdefault((e.persona_id, e.touchpoint_id), []).append(e.valence)
    if not felt:
        return []
    offsets = nudges(len(personas))
    curves = []
    for k, persona in enumerate(personas):
        points = []
        for p in layout.curve:
            values = felt.get((persona.id, p.touchpoint_id))
            if values:
                v = sum(values) / len(values)
                x = p.x + offsets[k]
                points.append(PersonaPoint(p.touchpoint_id, x, valence_y(lane, v), v))
        if points:
            curves.append(PersonaCurve(persona.id, persona.name, persona_style(k), tuple(points)))
    return curves


@dataclass(frozen=True, slots=True)
class LegendRow:
    """One line of the legend: a sample of the curve (``style`` None: the map's own curve)
    and its name, in ``box``; ``more`` rows say how many curves did not fit."""

    text: str
    style: PersonaStyle | None
    box: Rect
    persona_id: str | None = None
    more: bool = False


def legend_rows(
    layout: Layout, curves: Sequence[PersonaCurve], title_height: float = ROW
) -> list[LegendRow]:
    """The legend's rows in the emotion lane's label column: the map's curve, then each
    persona's, under the lane title (``title_height`` high, centred in the lane as the
    backdrop draws it); when they do not all fit there, they start at the top of the lane
    instead and go on under the title. Rows that find no room end in "+N more"."""
    lane = emotion_lane(layout)
    if lane is None or not curves:
        return []
    m = layout.metrics
    left = m.margin + 10
    width = layout.grid_left - AXIS_MARKS - MARKS_GAP - left
    mid = lane.y + lane.height / 2
    above = (lane.y + GAP, mid - title_height / 2 - GAP)
    below = (mid + title_height / 2 + GAP, lane.y + lane.height - GAP)
    entries: list[tuple[str, PersonaStyle | None, str | None]] = [(EVERYONE, None, None)]
    entries += [(c.name, c.style, c.persona_id) for c in curves]
    slots = _slots(*below)
    if len(slots) < len(entries):
        slots = _slots(*above) + slots
    if width < 3 * ROW or not slots:
        return []
    if len(slots) < len(entries):
        shown = entries[: len(slots) - 1]
        hidden = len(entries) - len(shown)
        rows = [
            LegendRow(t, s, Rect(left, y, width, ROW), p)
            for (t, s, p), y in zip(shown, slots, strict=False)
        ]
        more = Rect(left, slots[len(shown)], width, ROW)
        return [*rows, LegendRow(f"+{hidden} more", None, more, more=True)]
    return [
        LegendRow(t, s, Rect(left, y, width, ROW), p)
        for (t, s, p), y in zip(entries, slots, strict=False)
    ]


def _slots(top: float, bottom: float) -> list[float]:
    """The tops of the rows that fit between ``top`` and ``bottom``."""
    count = max(0, int((bottom - top) // ROW))
    return [top + i * ROW for i in range(count)]
