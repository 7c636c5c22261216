"""The badge of open comments: a tab with a speech bubble and the count, on a card's top edge
left of the pain tab, or in a stage header. Painted by the items inside their drawing (a
card's is part of its recorded drawing)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from cjo_desktop.canvas.text import font, metrics
from cjo_desktop.drawing import style
from cjo_desktop.drawing.comment_view import badge_text
from cjo_desktop.palette import COMMENT

#: The speech bubble's size, and the room from the tab's left edge to the count.
ICON_W, ICON_H = 11.0, 8.0
TEXT_LEFT = 6.0 + ICON_W + 4.0


def width(count: int) -> float:
    advance = metrics(style.CARD_TEXT_PX, True).horizontalAdvance(badge_text(count))
    return TEXT_LEFT + advance + 6.0


def _bubble(x: float, y: float) -> QPainterPath:
    """A speech bubble with its tail at the lower left, top left corner at (x, y)."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, ICON_W, ICON_H), 2.5, 2.5)
    tail = QPolygonF(
        [
            QPointF(x + 2, y + ICON_H - 1),
            QPointF(x + 1.5, y + ICON_H + 3),
            QPointF(x + 6, y + ICON_H - 1),
        ]
    )
    path.addPolygon(tail)
    return path.simplified()


def paint(painter: QPainter, box: QRectF, count: int, text_box: QRectF | None = None) -> None:
    """The tab at ``box`` with the bubble and ``count`` in white, centred in ``text_box``
    (default: the whole tab, its height)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
    painter.setBrush(QColor(COMMENT))
    painter.drawRoundedRect(box, 5, 5)
    row = text_box or box
    top = row.center().y() - (ICON_H + 3) / 2
    painter.setPen(QPen(QColor(style.ON_FILL), 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_bubble(box.left() + 6, top))
    painter.setPen(QColor(style.ON_FILL))
    painter.setFont(font(style.CARD_TEXT_PX, True))
    text = QRectF(box.left() + TEXT_LEFT, row.top(), box.width() - TEXT_LEFT, row.height())
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(text, align, badge_text(count))
    painter.restore()
