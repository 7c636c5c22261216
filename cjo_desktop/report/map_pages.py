"""The report's map pages as vector PDF, drawn by the editor's own scene: GUI thread only.

Qt's scene is not thread-safe, so the map is drawn here first, as a small PDF of its own (text
stays text, lines stay lines), and the report's pages are built afterwards (in a worker, in the
editor), the map laid onto its pages there (:mod:`cjo_desktop.report.stamp`). Card names print
at :data:`MIN_NAME_PT` or more, the rule of the picture export: a map that fits a page at that
size is one page; a wider one is cut into parts of whole stages, each with the lane names again
at its left. A part shows every lane, top to bottom, so a reader follows a stage from its
channels to its emotion, pain points and opportunities: on A4 landscape when the map's height
fits there at that size, on A4 portrait otherwise. Only a map too tall even for portrait is
cut into bands of lanes (landscape), and a stage too wide for a page alone into slices that
overlap a little. A map that would need more than MAX_PAGES parts (cards spread
over millions of units) is drawn whole on one page, its caption saying so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from cjo_desktop.canvas.export import MetricView, scene_for
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.text import elide, font
from cjo_desktop.domain import Journey
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Layout
from cjo_desktop.drawing.print_pages import MAX_PAGES, MIN_NAME_PT, MIN_SCALE, OVERLAP_PT
from cjo_desktop.drawing.style import CARD_TITLE_PX
from cjo_desktop.palette import PAPER
from cjo_desktop.report.stamp import AREA_PT, PORTRAIT_AREA_PT, area

#: The largest scale, points per scene unit: a small map prints as large as on a screen at
#: 133%, not blown up to fill the page.
MAX_SCALE = 1.0
EXACT = QPageSize.SizeMatchPolicy.ExactMatch  # the size asked, not the nearest paper size
#: Dots per inch of the writer's coordinates; text and lines stay vectors at any value.
RESOLUTION = 300

__all__ = ["AREA_PT", "MIN_NAME_PT", "MapPage", "MapPages", "render_map"]


@dataclass(frozen=True)
class MapPage:
    """One page of the map: its stages, which lanes when the map is too tall for one page
    (empty when it shows them all), which slice of its stages (pieces > 1 for a stage wider
    than a page), its size in points and whether its report page is A4 portrait."""

    stages: list[str]
    size: tuple[float, float]
    lanes: str = ""
    piece: int = 1
    pieces: int = 1
    portrait: bool = False


@dataclass(frozen=True)
class MapPages:
    """The map's pages as one PDF, page k of ``pdf`` drawn for ``pages[k]``."""

    pdf: bytes
    pages: list[MapPage]
    split: bool  # parts, rather than the whole map on one page
    name_pt: float  # the size card names print at


@dataclass(frozen=True)
class _Band:
    """Rows of the map shown together, below the stage headers: scene y range and words."""

    y: tuple[float, float]
    lanes: str


@dataclass(frozen=True)
class _Cut:
    stages: list[int]
    x: tuple[float, float]  # scene x range of the stages shown
    band: _Band
    piece: int
    pieces: int


def _slices(start: float, length: float, room: float, overlap: float) -> list[tuple[float, float]]:
    """Ranges of at most ``room`` covering ``start``..``start + length``, neighbours
    sharing ``overlap``, spread evenly."""
    if length <= room:
        return [(start, start + length)]
    count = min(math.ceil((length - overlap) / (room - overlap)), MAX_PAGES + 1)
    step = (length - room) / (count - 1)
    return [(start + k * step, start + k * step + room) for k in range(count)]


def _bands(layout: Layout, bottom: float, room: float) -> list[_Band]:
    """The lanes in bands of whole lanes at most ``room`` high (the stage headers, repeated
    above each, not counted); the legend below the lanes goes with the last band. A lane
    taller than ``room`` alone is sliced."""
    if bottom - layout.lanes_top <= room:
        return [_Band((layout.lanes_top, bottom), "")]
    edges = [lane.y + lane.height for lane in layout.lanes[:-1]] + [bottom]
    bands: list[_Band] = []
    start = layout.lanes_top
    while start < bottom - 1e-6 and len(bands) <= MAX_PAGES:
        ends = [e for e in edges if start < e <= start + room]
        end = max(ends) if ends else min(start + room, bottom)
        inside = [lane.title for lane in layout.lanes if start - 1e-6 <= lane.y < end - 1e-6] or [
            lane.title for lane in layout.lanes if lane.y < end and lane.y + lane.height > start
        ]
        words = f"lane {inside[0]}" if len(inside) == 1 else f"lanes {inside[0]} to {inside[-1]}"
        bands.append(_Band((start, end), words))
        start = end
    return bands


def _reach(scene: JourneyScene, journey: Journey) -> list[tuple[float, float]]:
    """Per stage, the scene x range its cards and their notes are drawn over (outlines,
    badges and the notes under a stage's last cards reach a little past the stage's column):
    a part shows them whole."""
    out = []
    for stage in journey.stages():
        ids = {tp.id for tp in journey.touchpoints(stage.id)}
        rects = [scene.cards[i].footprint() for i in ids if i in scene.cards]
        rects += [
            note.sceneBoundingRect()
            for note in scene.notes.values()
            if note.item is not None and note.item.touchpoint_id in ids
        ]
        left = min([r.left() for r in rects] + [math.inf])
        out.append((left, max([r.right() for r in rects] + [-math.inf])))
    return out


def _cuts(
    scene: JourneyScene,
    scale: float,
    flow_labels: Sequence[QRectF],
    reach: Sequence[tuple[float, float]],
    room: tuple[float, float],
) -> list[_Cut]:
    """The parts of the map at ``scale``: whole stages side by side and whole lanes in
    bands, sliced when needed. A group of stages takes as many as fit ``room`` (the page's
    area in points) with the lane names, their cards' reach past their columns and the
    margins that hold the flow labels its edges would clip. A stage too wide for a page is
    sliced, room kept for the widest flow label at both sides; its last slice shares its page
    with the stages after it when they fit there, its other slices then filling their pages."""
    layout = scene.layout
    assert layout is not None
    rect = scene.sceneRect()
    room_w = room[0] / scale - (layout.grid_left - rect.left())
    header = layout.lanes_top - layout.header_top
    bands = _bands(layout, rect.bottom(), room[1] / scale - header)

    def need(x0: float, x1: float) -> float:
        """The width a page showing ``x0``..``x1`` needs, cut flow labels held whole."""
        _, left, right = _cut_labels(flow_labels, QRectF(x0, rect.top(), x1 - x0, rect.height()))
        return x1 - x0 + left + right

    def span(group: list[int]) -> tuple[float, float]:
        first, last = layout.columns[group[0]], layout.columns[group[-1]]
        x0 = min([first.x] + [reach[i][0] for i in group])
        return x0, max([last.x + last.width] + [reach[i][1] for i in group])

    groups: list[list[int]] = []
    for i in range(len(layout.columns)):
        if groups and need(*span([*groups[-1], i])) <= room_w:
            groups[-1].append(i)
        else:
            groups.append([i])
    slack = 2 * max([r.width() for r in flow_labels] + [0.0])
    overlap = OVERLAP_PT / scale
    parts: list[tuple[list[int], tuple[float, float], int, int]] = []
    g = 0
    while g < len(groups) and len(parts) * len(bands) <= MAX_PAGES:
        group = groups[g]
        g += 1
        x0, x1 = span(group)
        if need(x0, x1) <= room_w:
            parts.append((group, (x0, x1), 1, 1))
            continue
        first, last = layout.columns[group[0]], layout.columns[group[-1]]
        x0, x1 = first.x, last.x + last.width  # sliced: the columns' own range
        width = room_w - slack
        xs = _slices(x0, x1 - x0, width, overlap)  # spread evenly
        step = width - overlap
        full = [(x0 + k * step, x0 + k * step + width) for k in range(len(xs) - 1)]
        rest = x0 + len(full) * step  # what is left after full slices: at most ``width``
        shared = list(group)
        end = x1
        while g < len(groups) and need(rest, span(groups[g])[1]) <= room_w:
            end = span(groups[g])[1]
            shared += groups[g]
            g += 1
        if len(shared) > len(group):  # the last slice shares its page with the next stages
            xs = [*full, (rest, end)]
        for p, x in enumerate(xs, 1):
            parts.append((group if p < len(xs) else shared, x, p, len(xs)))
    return [_Cut(s, x, band, p, n) for band in bands for s, x, p, n in parts]


def _cut_labels(labels: Sequence[QRectF], body: QRectF) -> tuple[list[QRectF], float, float]:
    """Flow labels cut by ``body``'s left or right edge, and the margins (scene units) that
    hold them whole, so a cut never clips a label."""
    inside = [r for r in labels if r.top() < body.bottom() and r.bottom() > body.top()]
    cut = [
        r
        for r in inside
        if r.left() < body.left() < r.right() or r.left() < body.right() < r.right()
    ]
    left = max([body.left() - r.left() for r in cut if r.left() < body.left()] + [0.0])
    right = max([r.right() - body.right() for r in cut if r.right() > body.right()] + [0.0])
    return cut, left, right


class _Writer:
    """A QPdfWriter whose every page has its own size, drawn in points."""

    def __init__(self) -> None:
        self.data = QByteArray()
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setCreator("cjo-desktop")
        self.writer.setResolution(RESOLUTION)
        self.painter: QPainter | None = None

    def page(self, width: float, height: float) -> QPainter:
        """A new page of ``width`` x ``height`` points; the painter draws in points."""
        layout = QPageLayout(
            QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", EXACT),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
        self.writer.setPageLayout(layout)
        if self.painter is None:
            self.painter = QPainter(self.writer)
        else:
            self.painter.restore()
            self.writer.newPage()
        self.painter.save()
        self.painter.scale(RESOLUTION / 72, RESOLUTION / 72)
        return self.painter

    def finish(self) -> bytes:
        if self.painter is not None:
            self.painter.restore()
            self.painter.end()
        return bytes(self.data.data())


def _draw(painter: QPainter, scene: JourneyScene, source: QRectF, target: QRectF) -> None:
    painter.save()
    painter.setClipRect(target)
    scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.restore()


def _part(
    writer: _Writer, scene: JourneyScene, cut: _Cut, scale: float, flow_labels: Sequence[QRectF]
) -> tuple[float, float]:
    """One part's page: the stage headers, its band of lanes, flow labels the cut would clip
    drawn whole into a margin, then the lane names at the left. Returns the page's size in
    points."""
    layout = scene.layout
    assert layout is not None
    left = scene.sceneRect().left()
    y0, y1 = cut.band.y
    header = (layout.header_top, layout.lanes_top)
    strips = [(header[0], y1)] if y0 <= header[1] + 1e-6 else [header, (y0, y1)]
    body = QRectF(cut.x[0], y0, cut.x[1] - cut.x[0], y1 - y0)
    cut_labels, margin_l, margin_r = _cut_labels(flow_labels, body)
    label_w = layout.grid_left - left
    width = (label_w + margin_l + body.width() + margin_r) * scale
    height = sum(b - a for a, b in strips) * scale
    painter = writer.page(width, height)
    painter.fillRect(QRectF(0, 0, width, height), QColor(PAPER))
    origin = (label_w + margin_l) * scale  # where body.left() lands
    top = 0.0
    for a, b in strips:
        source = QRectF(body.left(), a, body.width(), b - a)
        _draw(painter, scene, source, QRectF(origin, top, body.width() * scale, (b - a) * scale))
        if (a, b) != header:
            for r in cut_labels:
                shown_r = r.adjusted(-1, -1, 1, 1).intersected(
                    QRectF(r.left() - 1, a, r.width() + 2, b - a)
                )
                target = QRectF(
                    origin + (shown_r.left() - body.left()) * scale,
                    top + (shown_r.top() - a) * scale,
                    shown_r.width() * scale,
                    shown_r.height() * scale,
                )
                _draw(painter, scene, shown_r, target)
        names = QRectF(0, top, label_w * scale, (b - a) * scale)
        painter.fillRect(names, QColor(PAPER))
        _draw(painter, scene, QRectF(left, a, label_w, b - a), names)
        top += (b - a) * scale
    _continued(painter, scene, body.left(), origin, scale)
    return width, height


def _continued(
    painter: QPainter, scene: JourneyScene, x: float, origin: float, scale: float
) -> None:
    """A part that starts inside a stage (a slice of a wide stage) names that stage again at
    its left, on the header bar: the stage's own name sits on an earlier page."""
    layout, journey = scene.layout, scene.journey
    assert layout is not None and journey is not None
    for column in layout.columns:
        if not column.x + 1 < x < column.x + column.width - 60:
            continue
        painter.save()
        painter.translate(origin, 0)
        painter.scale(scale, scale)
        bar = QRectF(0, 2, column.x + column.width - x - 4, layout.metrics.header_height - 6)
        painter.setPen(QColor(style.HEADER_TEXT))
        painter.setFont(font(style.HEADER_PX, True))
        name = journey.stage(column.stage_id).name + " (continued)"
        text = elide(name, style.HEADER_PX, True, bar.width() - 60)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(bar.adjusted(12, 0, 0, 0), align, text)
        painter.restore()


def render_map(journey: Journey, metric_view: MetricView = (None, None, None)) -> MapPages:
    """The map's pages (see the module). GUI thread only."""
    scene = scene_for(journey, metric_view)
    try:
        layout = scene.layout
        rect = scene.sceneRect()
        writer = _Writer()
        writer.writer.setTitle(shown(journey.title))
        fits = {p: _fit(area(p), rect) for p in (False, True)}
        whole = max(fits, key=lambda p: fits[p])  # landscape on a tie
        if layout is None or not layout.columns or fits[whole] >= MIN_SCALE:
            return _whole(writer, scene, journey, fits[whole], whole)
        tall = rect.bottom() - layout.header_top
        portrait = AREA_PT[1] / tall < MIN_SCALE <= PORTRAIT_AREA_PT[1] / tall
        room = area(portrait)
        largest = min(MAX_SCALE, max(MIN_SCALE, room[1] / tall))
        stages = journey.stages()
        flow_labels = [
            item.mapRectToScene(item.label_rect)
            for item in scene.flows.values()
            if not item.label_rect.isEmpty()
        ]
        pages: list[MapPage] = []
        reach = _reach(scene, journey)
        scale, cuts = _fewest_pages(scene, largest, flow_labels, reach, room)
        if len(cuts) > MAX_PAGES:  # cards spread over millions of units: the whole map, small
            return _whole(writer, scene, journey, fits[False], False)
        for cut in cuts:
            size = _part(writer, scene, cut, scale, flow_labels)
            names = [stages[i].name for i in cut.stages]
            pages.append(MapPage(names, size, cut.band.lanes, cut.piece, cut.pieces, portrait))
        return MapPages(writer.finish(), pages, True, _name_pt(scale))
    finally:
        scene.set_journey(None)
        scene.deleteLater()


def _fit(room: tuple[float, float], rect: QRectF) -> float:
    """The scale that fits ``rect`` (scene units) into ``room`` (points)."""
    return min(room[0] / max(rect.width(), 1.0), room[1] / max(rect.height(), 1.0))


def _whole(
    writer: _Writer, scene: JourneyScene, journey: Journey, fit: float, portrait: bool
) -> MapPages:
    """The whole map on one page, at ``fit`` (at most MAX_SCALE)."""
    rect = scene.sceneRect()
    scale = min(MAX_SCALE, fit)
    size = (rect.width() * scale, rect.height() * scale)
    painter = writer.page(*size)
    painter.fillRect(QRectF(0, 0, *size), QColor(PAPER))
    _draw(painter, scene, rect, QRectF(0, 0, *size))
    names = [s.name for s in journey.stages()]
    page = MapPage(names, size, portrait=portrait)
    return MapPages(writer.finish(), [page], False, _name_pt(scale))


def _fewest_pages(
    scene: JourneyScene,
    largest: float,
    flow_labels: Sequence[QRectF],
    reach: Sequence[tuple[float, float]],
    room: tuple[float, float],
) -> tuple[float, list[_Cut]]:
    """The scale from ``largest`` down to MIN_SCALE that needs the fewest pages, the largest
    of those: a wide stage is shown whole at 7 pt rather than in three slices at 12 pt."""
    best: tuple[float, list[_Cut]] | None = None
    steps = 12
    for k in range(steps + 1):
        scale = largest * (MIN_SCALE / largest) ** (k / steps)
        cuts = _cuts(scene, scale, flow_labels, reach, room)
        if best is None or len(cuts) < len(best[1]):
            best = (scale, cuts)
    assert best is not None
    return best


def _name_pt(scale: float) -> float:
    return CARD_TITLE_PX * scale
