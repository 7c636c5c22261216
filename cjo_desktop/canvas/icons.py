"""Small vector icons for channels, drawn as painter paths so they print sharp at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath


@cache
def channel_icon(name: str) -> QPainterPath:
    """An outline icon in a 16x16 box at the origin (stroke it, do not fill it)."""
    p = QPainterPath()
    if name == "web":
        p.addEllipse(QRectF(1, 1, 14, 14))
        p.addEllipse(QRectF(5, 1, 6, 14))
        p.moveTo(1, 8)
        p.lineTo(15, 8)
    elif name == "email":
        p.addRect(QRectF(1, 3, 14, 10))
        p.moveTo(1, 3)
        p.lineTo(8, 9)
        p.lineTo(15, 3)
    elif name == "mobile":
        p.addRoundedRect(QRectF(4, 1, 8, 14), 1.5, 1.5)
        p.moveTo(7, 12.5)
        p.lineTo(9, 12.5)
    elif name == "social":
        p.addEllipse(QPointF(4, 8), 2.2, 2.2)
        p.addEllipse(QPointF(12, 3.5), 2.2, 2.2)
        p.addEllipse(QPointF(12, 12.5), 2.2, 2.2)
        p.moveTo(6, 7)
        p.lineTo(10, 4.5)
        p.moveTo(6, 9)
        p.lineTo(10, 11.5)
    elif name == "search":
        p.addEllipse(QRectF(1, 1, 10, 10))
        p.moveTo(9.5, 9.5)
        p.lineTo(15, 15)
    elif name == "chat":
        p.addRoundedRect(QRectF(1, 2, 14, 9), 3, 3)
        p.moveTo(4, 11)
        p.lineTo(3, 15)
        p.lineTo(8, 11)
    elif name == "phone":
        p.moveTo(3, 1)
        p.lineTo(6, 1)
        p.lineTo(7, 5)
        p.lineTo(5, 6.5)
        p.cubicTo(6, 9, 7, 10, 9.5, 11)
        p.lineTo(11, 9)
        p.lineTo(15, 10)
        p.lineTo(15, 13)
        p.cubicTo(15, 14.5, 13, 15, 11, 14.5)
        p.cubicTo(6, 13, 3, 10, 1.5, 5)
        p.cubicTo(1, 3, 1.5, 1, 3, 1)
    elif name == "store":
        p.moveTo(1, 6)
        p.lineTo(3, 1)
        p.lineTo(13, 1)
        p.lineTo(15, 6)
        p.closeSubpath()
        p.addRect(QRectF(2, 6, 12, 9))
        p.addRect(QRectF(6, 9, 4, 6))
    elif name == "delivery":
        p.addRect(QRectF(1, 4, 14, 11))
        p.moveTo(1, 4)
        p.lineTo(4, 1)
        p.lineTo(12, 1)
        p.lineTo(15, 4)
        p.moveTo(8, 1)
        p.lineTo(8, 8)
    else:
        p.addEllipse(QRectF(3, 3, 10, 10))
    return p
