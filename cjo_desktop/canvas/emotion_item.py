"""The emotion curve: a smooth line through each touchpoint's valence, journey order, with
a marked dot per point and a zero line, so dips read at a glance and without colour."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.evidence_paint import paint_hollow_dot
from cjo_desktop.canvas.painpoint_items import paint_dip
from cjo_desktop.canvas.scaled_picture import PictureItem
from cjo_desktop.canvas.text import font
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import CurvePoint, Lane

#: Points per cached piece of the curve (see ``_stretch``): a piece is stroked whole, so a
#: short one keeps the stroke near the view (64 points were 15,000 units of curve at 100%).
CHUNK = 8
#: Up to this zoom the window draws the curve as the short straight lines Qt would flatten it
#: into, with flat ends: Qt's rasteriser has a fast path for wide antialiased lines but not for
#: a wide curve, which cost 1.6 ms per 1,600 pixels (a tenth of a frame at 100%) against 0.14.
#: The two look the same to the pixel's shade; closer in, the facets would show. Pictures (SVG,
#: PDF, PNG) keep the curve.
LINES_LOD = 1.5
_SCREEN_PEN = QPen(QColor(style.INK), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
#: What the emotion lane says while no card has a feeling.
EMPTY_HINT = "No feelings recorded yet: select a card and press 1-5"


class EmotionCurve(PictureItem):
    def __init__(self) -> None:
        super().__init__()
        self._points: list[CurvePoint] = []
        self._lane: Lane | None = None
        self._left = self._right = 0.0
        self._xs: list[float] = []
        self._bounds = QRectF()
        self._dips: dict[str, float] = {}
        self._assumed: set[str] = set()
        self._chunks: list[QPainterPath] | None = None
        self._chunk_lines: list[list[QLineF] | None] | None = None
        self.setZValue(4)
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_curve(self, points: list[CurvePoint], lane: Lane, left: float, right: float) -> None:
        self.prepareGeometryChange()
        self._points, self._lane, self._left, self._right = points, lane, left, right
        self._xs = [p.x for p in points]
        self._chunks = None
        self._chunk_lines = None
        self._bounds = QRectF(left, lane.y, right - left, lane.height)
        self._picture.clear()
        self.update()

    def set_dips(self, dips: dict[str, float]) -> None:
        """Touchpoint id -> how far the feeling fell there: marked under the curve's point."""
        if dips != self._dips:
            self._dips = dict(dips)
            self._picture.clear()
            self.update()

    def set_assumed(self, touchpoint_ids: set[str]) -> None:
        """Touchpoints whose feeling is assumed or proposed: drawn as hollow, dashed dots."""
        if touchpoint_ids != self._assumed:
            self._assumed = set(touchpoint_ids)
            self._picture.clear()
            self.update()

    @property
    def assumed(self) -> set[str]:
        return set(self._assumed)

    @property
    def dips(self) -> dict[str, float]:
        return dict(self._dips)

    @property
    def points(self) -> list[CurvePoint]:
        return list(self._points)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def hint_box(self) -> QRectF:
        """Where an empty curve says how to record feelings: between the +2 and 0 lines,
        inside the stages, wrapped; clear of the axis labels even on a one-stage map."""
        lane = self._lane
        if lane is None:
            return QRectF()
        mid = lane.y + lane.height / 2
        top = mid - 2 * (lane.height / 2 - 22) / 2
        return QRectF(
            self._left + 8, top + 6, max(0.0, self._right - self._left - 16), mid - top - 10
        )

    def _paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        lane = self._lane
        if lane is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mid = lane.y + lane.height / 2
        amplitude = (lane.height / 2 - 22) / 2
        painter.setFont(font(style.CARD_TEXT_PX))
        # Only the part in view: Qt dashes a dotted line over its whole length before clipping,
        # and on a 2,000-card map that was a third of every repaint.
        exposed = option.exposedRect
        period = 3.0  # a dotted pen's dot and gap, in pen widths: the dots keep their places
        start = self._left + max(0.0, (exposed.left() - self._left) // period * period - period)
        left, right = start, min(self._right, exposed.right() + period)
        for v, word in ((2, "+2"), (0, "0"), (-2, "\N{MINUS SIGN}2")):
            y = mid - v * amplitude
            pen = QPen(
                QColor(style.GRID), 1, Qt.PenStyle.SolidLine if v == 0 else Qt.PenStyle.DotLine
            )
            painter.setPen(pen)
            if left < right:
                painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                QRectF(self._left - 34, y - 9, 28, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                word,
            )
        if not self._points:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                self.hint_box(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                EMPTY_HINT,
            )
            return
        # Only the stretch in view: a 2,000-point curve is mostly off screen when zoomed in.
        first = max(0, bisect.bisect_left(self._xs, exposed.left()) - 1)
        last = min(len(self._points), bisect.bisect_right(self._xs, exposed.right()) + 1)
        visible = self._points[first:last]
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        on_screen = widget is not None and lod <= LINES_LOD
        if on_screen:  # see LINES_LOD
            painter.setPen(_SCREEN_PEN)
            painter.drawLines(self._stretch_lines(first, last))
        else:
            painter.setPen(QPen(QColor(style.INK), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._stretch(first, last))
        if lod * 7 < 1.5:  # the dots would be under two pixels wide: the line says it all
            return
        ink = QColor(style.INK)
        for p in visible:
            colour = QColor(style.VALENCE_COLOURS[max(-2, min(2, round(p.valence)))])
            radius = 7 if p.valence > -1 else 9  # dips are drawn larger: shape, not just colour
            centre = QPointF(p.x, p.y)
            if p.touchpoint_id in self._assumed:
                paint_hollow_dot(painter, centre, radius, colour)
            elif on_screen:  # the rim as a disc under the dot: two fills cost less than a stroke
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                painter.drawEllipse(centre, radius + 0.75, radius + 0.75)
                painter.setBrush(colour)
                painter.drawEllipse(centre, radius - 0.75, radius - 0.75)
            else:
                painter.setPen(QPen(ink, 1.5))
                painter.setBrush(QBrush(colour))
                painter.drawEllipse(centre, radius, radius)
            fall = self._dips.get(p.touchpoint_id)
            if fall is not None:
                paint_dip(painter, centre, radius, fall)

    def _stretch_lines(self, first: int, last: int) -> list[QLineF]:
        """The same stretch as ``_stretch``, as the short lines Qt flattens it into (once
        per piece and layout)."""
        self._stretch(first, last)  # makes the pieces
        assert self._chunks is not None
        if self._chunk_lines is None:
            self._chunk_lines = [None] * len(self._chunks)
        lines: list[QLineF] = []
        for i in range(first // CHUNK, max(first, last - 2) // CHUNK + 1):
            if i >= len(self._chunks):
                break
            piece = self._chunk_lines[i]
            if piece is None:
                piece = self._chunk_lines[i] = [
                    QLineF(a, b)
                    for poly in self._chunks[i].toSubpathPolygons()
                    for a, b in itertools.pairwise([poly.at(k) for k in range(poly.size())])
                ]
            lines.extend(piece)
        return lines

    def _stretch(self, first: int, last: int) -> QPainterPath:
        """The curve through points ``first`` to ``last - 1`` (at least), joined from pieces
        built once per layout: rebuilding it in every paint cost more than stroking it."""
        if self._chunks is None:
            pts = self._points
            self._chunks = [smooth_path(pts[i : i + CHUNK + 1]) for i in range(0, len(pts), CHUNK)]
        path = QPainterPath()
        for chunk in self._chunks[first // CHUNK : max(first, last - 2) // CHUNK + 1]:
            if path.isEmpty():
                path = QPainterPath(chunk)
            else:
                path.connectPath(chunk)
        return path


class XY(Protocol):
    """A point of a curve: the map's own, or a persona's."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...


def smooth_path(points: Sequence[XY]) -> QPainterPath:
    """A smooth curve through the points: horizontal tangents, so it never overshoots."""
    path = QPainterPath()
    if points:
        path.moveTo(points[0].x, points[0].y)
        for a, b in itertools.pairwise(points):
            dx = (b.x - a.x) / 2
            path.cubicTo(QPointF(a.x + dx, a.y), QPointF(b.x - dx, b.y), QPointF(b.x, b.y))
    return path
