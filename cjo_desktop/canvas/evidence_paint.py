"""Painting evidence: an assumed or proposed card's dashed or dotted edge and its tag, an
assumed feeling's hollow dot, and the evidence view's legend. What to draw comes from
``drawing.evidence_view``; this only paints it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.text import font, metrics
from cjo_desktop.drawing import style
from cjo_desktop.drawing.evidence_view import CardEvidence, LegendEntry

TAG_PX = 11
#: The legend's box: it sits in the title row, where the metric legend sits.
LEGEND_WIDTH = 545.0
LEGEND_HEIGHT = 40.0


def edge_pen(border: QPen, mark: CardEvidence, selected: bool) -> QPen:
    """The card's edge: dashed (assumed) or dotted (proposed) in the mark's colour, a little
    heavier than a plain edge so the pattern reads; the selection's colour when selected."""
    if not mark.dashes:
        return border
    colour = QColor(style.SELECTION) if selected else QColor.fromRgbF(*mark.colour or (0, 0, 0))
    pen = QPen(colour, max(border.widthF(), 2.0))
    pen.setDashPattern(list(mark.dashes))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def tag_width(mark: CardEvidence) -> float:
    return metrics(TAG_PX, True).horizontalAdvance(mark.tag) + 12 if mark.tag else 0.0


def paint_tag(painter: QPainter, box: QRectF, mark: CardEvidence) -> None:
    """'assumed' / 'proposed' in the mark's colour on white, with the edge's dashes."""
    colour = QColor.fromRgbF(*mark.colour or (0, 0, 0))
    pen = QPen(colour, 1.2)
    pen.setDashPattern(list(mark.dashes))
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(style.CARD_FILL)))
    painter.drawRoundedRect(box, 5, 5)
    painter.setPen(colour)
    painter.setFont(font(TAG_PX, True))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark.tag)


def paint_hollow_dot(painter: QPainter, centre: QPointF, radius: float, colour: QColor) -> None:
    """An assumed feeling: the valence's colour as a dashed rim round a white centre."""
    pen = QPen(colour, 2.5)
    pen.setDashPattern([2.0, 1.5])
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(style.CARD_FILL)))
    painter.drawEllipse(centre, radius, radius)


class EvidenceLegend(QGraphicsItem):
    """The evidence view's key in the title row: a swatch, the status and the count of cards
    for each status, so the colours are never read alone."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[LegendEntry] = []
        self._bounds = QRectF(0, 0, LEGEND_WIDTH, LEGEND_HEIGHT)
        self.setZValue(3)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        if entries != self._entries:
            self._entries = list(entries)
            self.update()

    @property
    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(style.INK))
        painter.setFont(font(style.CARD_TEXT_PX, True))
        painter.drawText(QRectF(0, 0, LEGEND_WIDTH, 16), "Cards by evidence")
        painter.setFont(font(style.CARD_TEXT_PX))
        x = 0.0
        for entry in self._entries:
            swatch = QRectF(x, 20, 14, 14)
            painter.setPen(QPen(QColor(style.GRID), 1))
            painter.setBrush(QBrush(QColor.fromRgbF(*entry.fill)))
            painter.drawRoundedRect(swatch, 3, 3)
            painter.setPen(QColor(style.INK))
            text = f"{entry.status} {entry.count}"
            painter.drawText(QPointF(x + 19, 32), text)
            x += 19 + metrics(style.CARD_TEXT_PX).horizontalAdvance(text) + 16
        paint_hollow_dot(painter, QPointF(x + 7, 27), 6, QColor(style.MUTED))
        painter.setPen(QColor(style.INK))
        painter.drawText(QPointF(x + 19, 32), "feeling assumed")
