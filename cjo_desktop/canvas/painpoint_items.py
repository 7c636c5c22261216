"""Drawing pain points: the outline, icon and tags a card paints, the dip marker the emotion
curve paints, and the legend that explains them. Painting only; what to show comes from
:mod:`cjo_desktop.drawing.painpoint_view`.

Every severity differs in four ways at once (colour, outline pattern, icon shape, letter), so
the marks read in greyscale print and for every colour-vision deficiency.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.text import font, metrics
from cjo_desktop.drawing import style
from cjo_desktop.drawing.painpoint_view import (
    SEVERITY_LETTERS,
    SEVERITY_SHAPES,
    CardMark,
    dip_label,
    tab_text,
)
from cjo_desktop.palette import DIP, INSUFFICIENT, SEVERITY

ICON_SIZE = 13.0
TAG_PX = 12
#: How far the outline sits outside the card, so it never hides the selection border.
OUTLINE_GAP = 5.0
#: Far out, cards are blocks: a brush pattern (in screen pixels) stands in for the outline's.
FAR_BRUSH = {
    "high": Qt.BrushStyle.SolidPattern,
    "medium": Qt.BrushStyle.Dense4Pattern,
    "low": Qt.BrushStyle.BDiagPattern,
}


#: Far out, the rim of a pain card (screen px) in the severity's colour and pattern.
FAR_RIM_PX = 2.5
#: ...and the size (screen px) of its severity icon, on the rim's top right corner.
FAR_ICON = 9.0


def colour(severity: str) -> QColor:
    return QColor(SEVERITY[severity].mark)


def outline_pen(severity: str) -> QPen:
    """High: thick solid; medium: dashed; low: dotted."""
    if severity == "high":
        return QPen(colour(severity), 4.0, Qt.PenStyle.SolidLine)
    pen = QPen(colour(severity), 3.0 if severity == "medium" else 2.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap if severity == "low" else Qt.PenCapStyle.FlatCap)
    pen.setDashPattern([3.0, 1.3] if severity == "medium" else [0.1, 1.9])
    return pen


@cache
def icon_path(shape: str, size: float = ICON_SIZE) -> QPainterPath:
    """The severity's shape centred on the origin: triangle, diamond or circle."""
    r = size / 2
    path = QPainterPath()
    if shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r - 1), QPointF(r + 1.5, r), QPointF(-r - 1.5, r)]))
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r - 1), QPointF(r + 1, 0), QPointF(0, r + 1)]))
        path.lineTo(-r - 1, 0)
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r - 0.5, r - 0.5)
    return path


def paint_icon(painter: QPainter, centre: QPointF, severity: str, size: float = ICON_SIZE) -> None:
    """The severity's shape, filled with its colour and rimmed white (it sits on outlines)."""
    painter.save()
    painter.translate(centre)
    painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
    painter.setBrush(QBrush(colour(severity)))
    painter.drawPath(icon_path(SEVERITY_SHAPES[severity], size))
    painter.restore()


def tab_width(mark: CardMark) -> float:
    """Width of the tab on a card's top edge: icon, letter and rank."""
    if mark.severity is None:
        return 0.0
    return 5 + ICON_SIZE + 4 + metrics(TAG_PX, True).horizontalAdvance(tab_text(mark)) + 7


def tag_width(text: str) -> float:
    return metrics(TAG_PX - 1).horizontalAdvance(text) + 12 if text else 0.0


def paint_tab(painter: QPainter, box: QRectF, mark: CardMark, tuck: float = 0.0) -> None:
    """The pain tab: white, rimmed in the severity's colour, icon and impact rank; its
    bottom ``tuck`` units overlap the card's top edge (like the metric badge), so the content
    is centred above it."""
    assert mark.severity is not None
    painter.setPen(QPen(colour(mark.severity), 1.5))
    painter.setBrush(QBrush(QColor(style.CARD_FILL)))
    painter.drawRoundedRect(box, 5, 5)
    box = box.adjusted(0, 0, 0, -tuck)
    paint_icon(painter, QPointF(box.x() + 5 + ICON_SIZE / 2, box.center().y()), mark.severity)
    painter.setPen(QColor(style.INK))
    painter.setFont(font(TAG_PX, True))
    painter.drawText(
        box.adjusted(5 + ICON_SIZE + 4, 0, 0, 0),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        tab_text(mark),
    )


def paint_tag(painter: QPainter, box: QRectF, text: str, tuck: float = 0.0) -> None:
    """'n<30': hollow, grey and dashed, so it reads as 'not known', never as a pain point."""
    pen = QPen(QColor(INSUFFICIENT), 1.2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(style.CARD_FILL)))
    painter.drawRoundedRect(box, 5, 5)
    box = box.adjusted(0, 0, 0, -tuck)
    painter.setPen(QColor(INSUFFICIENT))
    painter.setFont(font(TAG_PX - 1))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_outline(painter: QPainter, card: QRectF, severity: str) -> None:
    painter.setPen(outline_pen(severity))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    gap = OUTLINE_GAP
    painter.drawRoundedRect(card.adjusted(-gap, -gap, gap, gap), 8 + gap, 8 + gap)


def paint_far(painter: QPainter, card: QRectF, severity: str) -> None:
    """Far out: the block filled with the severity's colour in its own brush pattern."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour(severity), FAR_BRUSH[severity]))
    painter.drawRect(card)


def paint_far_rim(painter: QPainter, plate: QRectF, severity: str) -> None:
    """Far out, on screen (painter in screen px): the plate's rim in the severity's colour and
    pattern (solid, dashed, dotted) and its icon on the top rim at the right, clear of the
    name below it."""
    pen = outline_pen(severity)
    pen.setWidthF(FAR_RIM_PX)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FAR_RIM_PX / 2
    painter.drawRect(plate.adjusted(half, half, -half, -half))
    corner = plate.topRight() + QPointF(-FAR_RIM_PX - FAR_ICON / 2, half)
    paint_icon(painter, corner, severity, FAR_ICON)


def paint_dip(painter: QPainter, point: QPointF, radius: float, fall: float) -> None:
    """A downward triangle under the curve's point and how far the feeling fell."""
    top = point.y() + radius + 3
    x = point.x()
    painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
    painter.setBrush(QBrush(QColor(DIP)))
    painter.drawPolygon(QPolygonF([QPointF(x - 6, top), QPointF(x + 6, top), QPointF(x, top + 9)]))
    painter.setPen(QColor(DIP).darker(115))
    painter.setFont(font(style.CARD_TEXT_PX, True))
    painter.drawText(
        QRectF(x + 9, top - 4, 80, 17),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        dip_label(fall),
    )


class PainLegend(QGraphicsItem):
    """The key to the marks, drawn under the map's last lane (the scene grows by its height),
    so it never covers a card, a pain point's or opportunity's note, nor the metric legend
    in the title row."""

    ROW = 24.0
    PAD = 8.0
    GAP = 20.0

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[tuple[str, str]] = []
        self._width = 0.0
        self._bounds = QRectF()
        self._rows: list[list[tuple[str, str, float]]] = []
        self.setZValue(3)

    def set_legend(self, width: float, dip_threshold: float, ranked: bool) -> None:
        """Lay the entries out in rows no wider than ``width`` (the lane's inner width)."""
        entries = [(s, f"{SEVERITY_LETTERS[s]} {s}") for s in SEVERITY]
        if ranked:
            entries.append(("rank", "#1 = costliest first (impact rank)"))
        entries.append(("insufficient", "too few responses: rule not checked"))
        entries.append(("dip", f"emotion dip of {round(dip_threshold, 1):g} or more"))
        if (entries, width) == (self._entries, self._width):
            return
        self.prepareGeometryChange()
        self._entries, self._width = entries, width
        inner = width - 2 * self.PAD
        rows: list[list[tuple[str, str, float]]] = [[]]
        x = 0.0
        for key, text in entries:
            w = self._swatch_width(key) + metrics(style.CARD_TEXT_PX).horizontalAdvance(text)
            if rows[-1] and x + w > inner:
                rows.append([])
                x = 0.0
            rows[-1].append((key, text, w))
            x += w + self.GAP
        self._rows = rows
        used = max(sum(w + self.GAP for *_, w in row) - self.GAP for row in rows)
        self._bounds = QRectF(0, 0, used + 2 * self.PAD, len(rows) * self.ROW + self.PAD)
        self.update()

    @staticmethod
    def _swatch_width(key: str) -> float:
        if key in SEVERITY:
            return 52.0  # a bit of outline, then the icon
        return {"insufficient": tag_width("n<30") + 6, "dip": 18.0}.get(key, 0.0)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A box of its own: column rules and lane bands must not run through the words.
        painter.setPen(QPen(QColor(style.GRID), 1))
        painter.setBrush(QBrush(QColor(style.CARD_FILL)))
        painter.drawRoundedRect(self._bounds.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(font(style.CARD_TEXT_PX))
        for i, row in enumerate(self._rows):
            x, y = self.PAD, self.PAD / 2 + i * self.ROW
            for key, text, w in row:
                swatch = self._swatch_width(key)
                self._paint_swatch(painter, key, QRectF(x, y + 4, swatch - 8, self.ROW - 8))
                painter.setPen(QColor(style.INK))
                painter.drawText(
                    QRectF(x + swatch, y, w - swatch + 2, self.ROW),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
                x += w + self.GAP

    def _paint_swatch(self, painter: QPainter, key: str, box: QRectF) -> None:
        if key in SEVERITY:
            painter.setPen(outline_pen(key))
            painter.setBrush(QBrush(QColor(style.CARD_FILL)))
            painter.drawRoundedRect(QRectF(box.x() + 2, box.y() + 1, 24, box.height() - 2), 4, 4)
            paint_icon(painter, QPointF(box.x() + 36, box.center().y()), key)
        elif key == "insufficient":
            paint_tag(
                painter, QRectF(box.x(), box.y() - 1, tag_width("n<30"), box.height() + 2), "n<30"
            )
        elif key == "dip":
            c = box.center()
            painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
            painter.setBrush(QBrush(QColor(DIP)))
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x() - 6, c.y() - 4),
                        QPointF(c.x() + 6, c.y() - 4),
                        QPointF(c.x(), c.y() + 5),
                    ]
                )
            )
