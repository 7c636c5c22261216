"""An item's whole drawing kept as one image while the view stays far out.

Far out a map fits the window, and every repaint (a pan, a hover, a selection) redrew the
backdrop's lanes and titles and every curve through the map; those do not change between
repaints at one zoom. So far out on screen an item draws itself once into an image at the view's
scale and copies it after that, as the flow overview does (see :mod:`cjo_desktop.canvas.overview`).
Pictures (PNG, SVG, PDF) always draw directly.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.flow_item import OUTLINE_LOD

#: The largest image kept per item (4 bytes a pixel: 16 MB).
PICTURE_PIXELS = 4_000_000

Draw = Callable[[QPainter, QStyleOptionGraphicsItem], None]


class ScaledPicture:
    """One item's drawing at one scale; :meth:`clear` whenever what it draws changes."""

    def __init__(self) -> None:
        self._image: QImage | None = None
        self._key = (0.0, 0.0)

    def clear(self) -> None:
        self._image = None

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None,
        bounds: QRectF,
        draw: Draw,
    ) -> bool:
        """Copy the item's picture into view; False (nothing drawn) when it should draw
        itself: in a picture export, up close, in a turned view or when the image is too big."""
        transform = painter.worldTransform()
        if widget is None or transform.isRotating() or bounds.isEmpty():
            return False
        if option.levelOfDetailFromTransform(transform) >= OUTLINE_LOD:
            return False
        ratio = widget.devicePixelRatioF()
        sx, sy = transform.m11() * ratio, transform.m22() * ratio
        width, height = bounds.width() * sx, bounds.height() * sy
        if width * height > PICTURE_PIXELS or width < 1 or height < 1:
            return False
        if self._image is None or self._key != (sx, sy):
            self._image = _drawn(bounds, (sx, sy), ratio, draw)
            self._key = (sx, sy)
        blit(painter, self._image, bounds, option.exposedRect)
        return True


def _drawn(bounds: QRectF, scale: tuple[float, float], ratio: float, draw: Draw) -> QImage:
    sx, sy = scale
    image = QImage(
        math.ceil(bounds.width() * sx) + 2,
        math.ceil(bounds.height() * sy) + 2,
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    drawer = QPainter(image)
    drawer.translate(1, 1)
    drawer.scale(sx, sy)
    drawer.translate(-bounds.left(), -bounds.top())
    whole = QStyleOptionGraphicsItem()
    whole.exposedRect = bounds
    draw(drawer, whole)
    drawer.end()
    image.setDevicePixelRatio(ratio)
    return image


def blit(painter: QPainter, image: QImage, bounds: QRectF, exposed: QRectF) -> None:
    """The exposed part of the image, on whole device pixels (no resampling)."""
    transform = painter.worldTransform()
    ratio = image.devicePixelRatio()
    corner = transform.map(bounds.topLeft())
    x = round(corner.x() * ratio - 1) / ratio
    y = round(corner.y() * ratio - 1) / ratio
    target = transform.mapRect(exposed).intersected(
        QRectF(x, y, image.width() / ratio, image.height() / ratio)
    )
    if target.isEmpty():
        return
    source = QRectF(
        (target.x() - x) * ratio,
        (target.y() - y) * ratio,
        target.width() * ratio,
        target.height() * ratio,
    )
    painter.save()
    painter.resetTransform()
    painter.drawImage(target, image, source)
    painter.restore()


class PictureItem(QGraphicsItem):
    """An item that far out on screen copies one picture of itself: a subclass draws in
    ``_paint`` and calls ``self._picture.clear()`` with ``update()`` when what it draws
    changes."""

    def __init__(self) -> None:
        super().__init__()
        self._picture = ScaledPicture()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        bounds = self.boundingRect()
        if not self._picture.paint(
            painter, option, widget, bounds, lambda p, o: self._paint(p, o, widget)
        ):
            self._paint(painter, option, widget)

    def _paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        raise NotImplementedError(f"{type(self).__name__} draws nothing")
