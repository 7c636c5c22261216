"""The card's shapes that are made once and shared: its hit shape, the channel strip and the
pain outline as a shape to fill (making them in every paint cost more than drawing them)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from cjo_desktop.canvas import painpoint_items as pain

_SHAPES: dict[tuple[float, float, float], QPainterPath] = {}


def card_shape(width: float, height: float, handle_radius: float) -> QPainterPath:
    """Body and connect handle, shared by the cards of one size: uniting the two paths
    took longer than the rest of making a card."""
    shape = _SHAPES.get((width, height, handle_radius))
    if shape is None:
        body, handle = QPainterPath(), QPainterPath()
        body.addRoundedRect(QRectF(0, 0, width, height), 8, 8)
        centre = QPointF(width, height / 2)
        handle.addEllipse(centre, handle_radius + 3, handle_radius + 3)
        shape = _SHAPES[(width, height, handle_radius)] = body.united(handle)
    return shape


_OUTLINES: dict[tuple[float, float, str], QPainterPath] = {}
#: How far a quarter circle's Bezier control points lie along its tangents (as Qt's own).
KAPPA = 0.5522847498
#: Above this zoom the outline is stroked in paint(): the shape's corners are flattened for
#: 100% and would show their facets when magnified.
OUTLINE_SHAPE_ZOOM = 1.25


@cache
def strip(height: float) -> QPainterPath:
    """The channel colour's strip along the card's rounded left edge, made once per height
    (a path intersection in every paint cost more than filling it)."""
    strip = QPainterPath()
    strip.addRoundedRect(QRectF(0.5, 0.5, 14, height - 1), 7, 7)
    clip = QPainterPath()
    clip.addRect(QRectF(0, 0, 7, height))
    return strip.intersected(clip)


def outline(size: tuple[float, float], severity: str) -> QPainterPath:
    """The pain outline's dashes or dots as a shape to fill, made once per card size and
    severity: stroking a dashed rounded rectangle in every paint cost more than the rest of
    the card. The rectangle is traced as QPainter.drawRoundedRect traces it (from the top
    left, clockwise), so the dashes fall where stroking the outline puts them (to the pixel
    at 100%; below it a dash's end may move by a fraction of a pixel)."""
    key = (*size, severity)
    shape = _OUTLINES.get(key)
    if shape is None:
        gap = pain.OUTLINE_GAP
        x1, y1, x2, y2 = -gap, -gap, size[0] + gap, size[1] + gap
        r = 8 + gap
        k = (1 - KAPPA) * r
        path = QPainterPath(QPointF(x1 + r, y1))
        path.lineTo(x2 - r, y1)
        path.cubicTo(x2 - k, y1, x2, y1 + k, x2, y1 + r)
        path.lineTo(x2, y2 - r)
        path.cubicTo(x2, y2 - k, x2 - k, y2, x2 - r, y2)
        path.lineTo(x1 + r, y2)
        path.cubicTo(x1 + k, y2, x1, y2 - k, x1, y2 - r)
        path.lineTo(x1, y1 + r)
        path.cubicTo(x1, y1 + k, x1 + k, y1, x1 + r, y1)
        path.closeSubpath()
        stroker = QPainterPathStroker(pain.outline_pen(severity))
        shape = _OUTLINES[key] = stroker.createStroke(path)
    return shape
