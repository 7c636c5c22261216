"""Notes in the map's Pain points and Opportunities lanes: one per manual pain point and one
per opportunity, under the card it belongs to. A note mirrors one domain item and draws it;
it never changes the model (Delete and double-click reach the editor through the scene).

Everything is drawn as text and paths (no pixmaps), so an SVG or PDF keeps the words as
words. A pain point shows its severity as on the cards: colour, outline pattern, icon shape
and letter; an opportunity its effort as a letter and what it wins back as a number.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import item_types
from cjo_desktop.canvas import painpoint_items as pain
from cjo_desktop.canvas.text import fit_lines, font, metrics, plain_tooltip
from cjo_desktop.domain import Opportunity, PainPoint
from cjo_desktop.drawing import style
from cjo_desktop.drawing.painpoint_view import SEVERITY_LETTERS, opportunity_meta

NOTE_PX = 12
LINE = 15.0
TEXT_LEFT = 34.0
PAD = 7.0
PAIN_LINES = 3
NAME_LINES = 2
#: Far out the note is a plain block, like the cards.
DETAIL_LOD = 0.4


class NoteItem(QGraphicsItem):
    """``item_id`` is the pain point's or opportunity's id; ``is_pain`` says which."""

    Type = item_types.NOTE

    def __init__(self, item: PainPoint | Opportunity, width: float, height: float) -> None:
        super().__init__()
        self.item_id = item.id
        self.is_pain = isinstance(item, PainPoint)
        self._item: PainPoint | Opportunity | None = None
        self._size = (width, height)
        self._rect = QRectF(0, 0, width, height)
        self._bounds = self._rect.adjusted(-3, -3, 3, 3)
        self._lines: list[str] = []
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setZValue(5)

    def type(self) -> int:
        return self.Type

    @property
    def item(self) -> PainPoint | Opportunity | None:
        return self._item

    @property
    def lines(self) -> list[str]:
        return self._lines

    def set_item(self, item: PainPoint | Opportunity, size: tuple[float, float], tip: str) -> None:
        if item == self._item and size == self._size and tip == self.toolTip():
            return
        if size != self._size:
            self.prepareGeometryChange()
            self._size, self._rect = size, QRectF(0, 0, *size)
            self._bounds = self._rect.adjusted(-3, -3, 3, 3)
        self._item = item
        room = size[0] - TEXT_LEFT - PAD
        if isinstance(item, PainPoint):
            self._lines = fit_lines(item.description, NOTE_PX, False, room, PAIN_LINES)
        else:
            self._lines = fit_lines(item.name, NOTE_PX, True, room, NAME_LINES)
        self.setToolTip(plain_tooltip(tip))
        self.update()

    # Qt's interface ----------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        item = self._item
        if item is None:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= DETAIL_LOD)
        if isinstance(item, PainPoint):
            pen = QPen(pain.outline_pen(item.severity))
            pen.setWidthF(pen.widthF() / 2)
            colour = pain.colour(item.severity)
        else:
            pen = QPen(QColor(style.GRID), 1.2)
            colour = QColor(style.OPPORTUNITY)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style.CARD_FILL)))
        if lod < DETAIL_LOD:
            painter.drawRect(self._rect)
            painter.fillRect(QRectF(0, 0, 8, self._rect.height()), colour)
            return
        painter.drawRoundedRect(self._rect, 6, 6)
        if self.isSelected():
            painter.setPen(QPen(QColor(style.SELECTION), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-1.5, -1.5, 1.5, 1.5), 7, 7)
        if isinstance(item, PainPoint):
            self._paint_pain(painter, item)
        else:
            self._paint_opportunity(painter, item)

    def _paint_pain(self, painter: QPainter, p: PainPoint) -> None:
        """Icon and letter in the left column, the description in up to three lines."""
        pain.paint_icon(painter, QPointF(PAD + 10, PAD + 9), p.severity)
        painter.setPen(QColor(style.INK))
        painter.setFont(font(NOTE_PX, True))
        painter.drawText(
            QRectF(PAD, PAD + 20, 20, LINE),
            Qt.AlignmentFlag.AlignCenter,
            SEVERITY_LETTERS[p.severity],
        )
        painter.setFont(font(NOTE_PX))
        for i, line in enumerate(self._lines):
            painter.drawText(QPointF(TEXT_LEFT, PAD + 12 + i * LINE), line)

    def _paint_opportunity(self, painter: QPainter, o: Opportunity) -> None:
        """A '+' in a green disc, the name in up to two lines, effort and what it wins back."""
        centre = QPointF(PAD + 10, PAD + 9)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(style.OPPORTUNITY)))
        painter.drawEllipse(centre, 8, 8)
        painter.setPen(QPen(QColor(style.ON_FILL), 2.0))
        painter.drawLine(centre + QPointF(-4, 0), centre + QPointF(4, 0))
        painter.drawLine(centre + QPointF(0, -4), centre + QPointF(0, 4))
        painter.setPen(QColor(style.INK))
        painter.setFont(font(NOTE_PX, True))
        painter.drawText(QRectF(PAD, PAD + 20, 20, LINE), Qt.AlignmentFlag.AlignCenter, o.effort)
        for i, line in enumerate(self._lines):
            painter.drawText(QPointF(TEXT_LEFT, PAD + 12 + i * LINE), line)
        painter.setPen(QColor(style.MUTED))
        painter.setFont(font(NOTE_PX))
        room = self._size[0] - TEXT_LEFT - PAD
        meta = metrics(NOTE_PX).elidedText(opportunity_meta(o), Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(TEXT_LEFT, self._size[1] - PAD - 3), meta)
