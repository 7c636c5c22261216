"""The emotion curve: a smooth line through each touchpoint's valence, journey order, with
a marked dot per point and a zero line, so dips read at a glance and without colour."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import style
from cjo_desktop.canvas.layout import CurvePoint, Lane
from cjo_desktop.canvas.text import font


class EmotionCurve(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._points: list[CurvePoint] = []
        self._lane: Lane | None = None
        self._left = self._right = 0.0
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(4)

    def set_curve(self, points: list[CurvePoint], lane: Lane, left: float, right: float) -> None:
        self.prepareGeometryChange()
        self._points, self._lane, self._left, self._right = points, lane, left, right
        self._path = QPainterPath()
        if points:
            self._path.moveTo(points[0].x, points[0].y)
            for a, b in itertools.pairwise(points):
                dx = (b.x - a.x) / 2
                self._path.cubicTo(
                    QPointF(a.x + dx, a.y), QPointF(b.x - dx, b.y), QPointF(b.x, b.y)
                )
        self._bounds = QRectF(left, lane.y, right - left, lane.height)
        self.update()

    @property
    def points(self) -> list[CurvePoint]:
        return list(self._points)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lane = self._lane
        if lane is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mid = lane.y + lane.height / 2
        amplitude = (lane.height / 2 - 22) / 2
        painter.setFont(font(style.CARD_TEXT_PX))
        for v, word in ((2, "+2"), (0, "0"), (-2, "\N{MINUS SIGN}2")):
            y = mid - v * amplitude
            pen = QPen(
                QColor(style.GRID), 1, Qt.PenStyle.SolidLine if v == 0 else Qt.PenStyle.DotLine
            )
            painter.setPen(pen)
            painter.drawLine(QPointF(self._left, y), QPointF(self._right, y))
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                QRectF(self._left - 34, y - 9, 28, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                word,
            )
        if not self._points:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                self._bounds,
                Qt.AlignmentFlag.AlignCenter,
                "No feelings recorded yet: select a card and press 1-5",
            )
            return
        painter.setPen(QPen(QColor(style.INK), 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        for p in self._points:
            colour = QColor(style.VALENCE_COLOURS[max(-2, min(2, round(p.valence)))])
            painter.setPen(QPen(QColor(style.INK), 1.5))
            painter.setBrush(QBrush(colour))
            radius = 7 if p.valence > -1 else 9  # dips are drawn larger: shape, not just colour
            painter.drawEllipse(QPointF(p.x, p.y), radius, radius)
