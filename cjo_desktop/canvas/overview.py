"""All flows as one hairline path, shown instead of thousands of arrows when zoomed far out.

At that zoom an arrow is a hairline without head or label; one item drawing one path costs a
fraction of thousands of items each painting their own, which keeps a 4,000-flow map smooth.
The scene swaps between the two when the view crosses the zoom threshold, never in paint().
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.scaled_picture import blit
from cjo_desktop.drawing import style

#: The largest picture of all flows kept for panning far out (4 bytes a pixel: 16 MB).
PICTURE_PIXELS = 4_000_000
#: Flows per cached path: paint() strokes only the paths whose box is in view.
GROUP = 64


class FlowOverview(QGraphicsItem):
    """Every flow (or, in ``colour``, every other kind of line) as one hairline picture."""

    def __init__(self, colour: str = style.FLOW) -> None:
        super().__init__()
        self._groups: list[tuple[QRectF, QPainterPath]] = []
        self._bounds = QRectF()
        self._picture: QImage | None = None  # every flow at one scale (_picture_for)
        self._picture_key = (0.0, 0.0)
        self._pen = QPen(QColor(colour), 1)
        self._pen.setCosmetic(True)
        self.setZValue(5)
        self.setVisible(False)
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_paths(self, paths: Iterable[QPainterPath]) -> None:
        """Group the flows left to right, so that a view of part of the map strokes only the
        groups there (one aliased colour: how they are grouped does not show)."""
        self.prepareGeometryChange()
        boxed = sorted(((p.boundingRect(), p) for p in paths), key=lambda bp: bp[0].left())
        self._groups = []
        bounds = QRectF()
        for start in range(0, len(boxed), GROUP):
            combined = QPainterPath()
            for _, path in boxed[start : start + GROUP]:
                combined.addPath(path)
            box = combined.boundingRect().adjusted(-1, -1, 1, 1)
            self._groups.append((box, combined))
            bounds = bounds.united(box)
        self._bounds = bounds
        self._picture = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        picture = self._picture_for(painter, widget)
        if picture is not None:
            blit(painter, picture, self._bounds, option.exposedRect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        # A cosmetic pen is one pixel wide at any zoom: a pixel's worth of scene around.
        pad = 1 / max(option.levelOfDetailFromTransform(painter.worldTransform()), 1e-6)
        exposed = option.exposedRect.adjusted(-pad, -pad, pad, pad)
        for box, group in self._groups:
            if box.intersects(exposed):
                painter.drawPath(group)

    def _picture_for(self, painter: QPainter, widget: QWidget | None) -> QImage | None:
        """All flows drawn once at the painter's scale, when that picture is small: far out
        the user pans over the same hairlines, and stroking them again was half the cost of
        a frame. None off the screen (``widget`` None: an SVG or PDF keeps its lines), for a
        turned view and for a scale too close."""
        transform = painter.worldTransform()
        if widget is None or transform.isRotating():
            return None
        ratio = widget.devicePixelRatioF()
        sx, sy = transform.m11() * ratio, transform.m22() * ratio
        width, height = self._bounds.width() * sx, self._bounds.height() * sy
        if width * height > PICTURE_PIXELS or width < 1 or height < 1:
            return None
        key = (sx, sy)
        if self._picture is None or self._picture_key != key:
            image = QImage(
                math.ceil(width) + 2,
                math.ceil(height) + 2,
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.fill(Qt.GlobalColor.transparent)
            drawer = QPainter(image)
            drawer.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            drawer.setPen(self._pen)
            drawer.translate(1, 1)
            drawer.scale(sx, sy)
            drawer.translate(-self._bounds.left(), -self._bounds.top())
            for _, group in self._groups:
                drawer.drawPath(group)
            drawer.end()
            image.setDevicePixelRatio(ratio)
            self._picture, self._picture_key = image, key
        return self._picture
