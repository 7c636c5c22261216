"""The map for the report, drawn by the editor's own scene: GUI thread only.

Qt's scene is not thread-safe, so the pictures are made here first, as plain RGB arrays, and
the pages are built from them afterwards (in a worker, in the editor). A map too wide to read
on one A4 page is also cut into parts of whole stages, each with the lane names again at its
left, sized to fill a page.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from cjo_desktop.canvas.export import MetricView, scene_for
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.domain import Journey
from cjo_desktop.palette import PAPER

#: The part of an A4 landscape page a map picture may fill, in inches (width, height).
AREA_IN = (10.6, 6.2)
#: Pixels across a picture: about 250 dpi across the page.
TARGET_PX = 2600
#: Pixels of all the parts together: the PDF writer keeps every picture until the file is
#: done (4 bytes a pixel), so many parts are drawn at a lower resolution rather than taking
#: gigabytes (40 parts once held 1.7 GB). Ten parts fit at the full 2,600 pixels across.
PARTS_PIXELS = 40_000_000
#: Split when the whole map on one page is drawn at less than this share of the largest
#: scale its height allows (the scale of a part).
SPLIT_BELOW = 0.75


@dataclass(frozen=True)
class Picture:
    """An RGB picture kept compressed: a map of 40 parts held 1.1 GB of pixels until its pages
    were built; compressed, one part at a time is unpacked, while its page is drawn."""

    shape: tuple[int, int, int]  # (height, width, 3)
    data: bytes

    @classmethod
    def of(cls, pixels: np.ndarray) -> Picture:
        height, width, depth = pixels.shape
        return cls((height, width, depth), zlib.compress(pixels.tobytes(), 1))

    def pixels(self) -> np.ndarray:
        raw = np.frombuffer(zlib.decompress(self.data), dtype=np.uint8)
        return raw.reshape(self.shape)


@dataclass(frozen=True)
class MapPart:
    """Consecutive stages drawn together."""

    stages: list[str]
    picture: Picture


@dataclass(frozen=True)
class MapPictures:
    overview: Picture
    parts: list[MapPart] = field(default_factory=list)


def _array(image: QImage) -> Picture:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return Picture.of(raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3))


def _render(
    scene: JourneyScene, sources: list[QRectF], scale: float, labels: Sequence[QRectF] = ()
) -> Picture:
    """The ``sources`` rectangles of the scene side by side, at ``scale``. ``labels`` (flow
    labels, scene coordinates) cut by the last source's left or right edge are drawn whole
    again on top, reaching into a white margin, so a cut never clips a label."""
    body = sources[-1]
    cut = [
        r
        for r in labels
        if r.left() < body.left() < r.right() or r.left() < body.right() < r.right()
    ]
    left_margin = max([body.left() - r.left() for r in cut if r.left() < body.left()] + [0.0])
    right_margin = max([r.right() - body.right() for r in cut if r.right() > body.right()] + [0.0])
    before = sum(r.width() for r in sources[:-1])
    width = (before + left_margin + body.width() + right_margin) * scale
    height = max(r.height() for r in sources) * scale
    image = QImage(max(1, round(width)), max(1, round(height)), QImage.Format.Format_RGB32)
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    x = 0.0
    for source in sources:
        if source is body:
            x += left_margin * scale
        target = QRectF(x, 0, source.width() * scale, source.height() * scale)
        scene.render(painter, target, source)
        x += target.width()
    origin_x = (before + left_margin) * scale  # where body.left() landed
    for r in cut:
        source = r.adjusted(-1, -1, 1, 1)
        target = QRectF(
            origin_x + (source.left() - body.left()) * scale,
            (source.top() - body.top()) * scale,
            source.width() * scale,
            source.height() * scale,
        )
        scene.render(painter, target, source)
    painter.end()
    return _array(image)


def group_stages(widths: list[float], label_width: float, max_width: float) -> list[list[int]]:
    """Consecutive stage indices per part: as many as fit in ``max_width`` with the lane
    labels; a stage wider than that alone makes a part."""
    parts: list[list[int]] = []
    used = label_width
    for i, w in enumerate(widths):
        if parts and used + w <= max_width:
            parts[-1].append(i)
            used += w
        else:
            parts.append([i])
            used = label_width + w
    return parts


def render_map(journey: Journey, metric_view: MetricView = (None, None, None)) -> MapPictures:
    """The whole map and, when it is too wide for one page, its parts. GUI thread only."""
    scene = scene_for(journey, metric_view)
    try:
        layout = scene.layout
        rect = scene.sceneRect()
        scale = min(2.0, TARGET_PX / max(rect.width(), 1.0))
        overview = _render(scene, [rect], scale)
        parts: list[MapPart] = []
        page_w, page_h = AREA_IN
        fits_whole = min(page_w / rect.width(), page_h / rect.height())
        best = page_h / (rect.height() - (layout.header_top if layout else 0))
        if layout is not None and len(layout.columns) > 1 and fits_whole < SPLIT_BELOW * best:
            # parts start below the map's title, which a cut would clip
            top = layout.header_top
            label = QRectF(0, top, layout.grid_left, rect.height() - top)
            max_width = page_w / page_h * label.height()
            widths = [c.width for c in layout.columns]
            flow_labels = [
                item.mapRectToScene(item.label_rect)
                for item in scene.flows.values()
                if not item.label_rect.isEmpty()
            ]
            stages = journey.stages()
            bodies = []
            for group in group_stages(widths, layout.grid_left, max_width):
                first, last = layout.columns[group[0]], layout.columns[group[-1]]
                body = QRectF(first.x, top, last.x + last.width - first.x, label.height())
                bodies.append((group, body, min(2.0, TARGET_PX / (label.width() + body.width()))))
            pixels = sum((label.width() + b.width()) * b.height() * k * k for _, b, k in bodies)
            shrink = min(1.0, (PARTS_PIXELS / max(pixels, 1.0)) ** 0.5)
            for group, body, part_scale in bodies:
                picture = _render(scene, [label, body], part_scale * shrink, flow_labels)
                parts.append(MapPart([stages[i].name for i in group], picture))
        return MapPictures(overview, parts)
    finally:
        scene.set_journey(None)
        scene.deleteLater()
