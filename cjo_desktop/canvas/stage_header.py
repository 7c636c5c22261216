"""A stage's column header: the name and how many touchpoints the stage holds."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import comment_badge, item_types
from cjo_desktop.canvas.text import elide, font, metrics, paint_far_text, plain_tooltip
from cjo_desktop.domain import Stage
from cjo_desktop.drawing import style
from cjo_desktop.drawing.comment_view import badge_tooltip
from cjo_desktop.drawing.zoom import FAR_TITLE_PX, far_text


class StageHeader(QGraphicsItem):
    Type = item_types.STAGE_HEADER

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage_id = stage.id
        self._stage = stage
        self._count = 0
        self._comments = 0  # open comments on the stage: a badge left of the count
        self._rect = QRectF()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setZValue(8)
        self._for_export = False

    def set_for_export(self) -> None:
        """Paint for a picture: the name at its own size at any scale."""
        self._for_export = True

    def type(self) -> int:
        return self.Type

    @property
    def stage(self) -> Stage:
        return self._stage

    def set_stage(self, stage: Stage, width: float, height: float, count: int) -> None:
        if (stage, width, height, count) == (
            self._stage,
            self._rect.width(),
            self._rect.height(),
            self._count,
        ):
            return
        self.prepareGeometryChange()
        self._stage, self._count = stage, count
        self._rect = QRectF(0, 0, width, height)
        self._set_tip()
        self.update()

    def set_comments(self, count: int) -> None:
        if count != self._comments:
            self._comments = count
            self._set_tip()
            self.update()

    def _set_tip(self) -> None:
        tip = self._stage.description or self._stage.name
        if self._comments:
            tip = f"{tip}\n{badge_tooltip(self._comments)}"
        self.setToolTip(plain_tooltip(tip))

    @property
    def comments(self) -> int:
        return self._comments

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect.adjusted(2, 2, -2, -4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.SELECTION), 3) if self.isSelected() else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.HEADER_FILL))
        painter.drawRoundedRect(r, 6, 6)
        painter.setPen(QColor(style.HEADER_TEXT))
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if far_text(style.HEADER_PX, lod, not self._for_export):
            box = r.adjusted(12, 0, -6, 0)
            paint_far_text(painter, box, self._stage.name, FAR_TITLE_PX, Qt.AlignmentFlag.AlignLeft)
            return
        name_font = font(style.HEADER_PX, True)
        painter.setFont(name_font)
        count = f"{self._count}"
        count_width = metrics(style.CARD_TEXT_PX).horizontalAdvance(count) + 16
        if self._comments:
            bubble = comment_badge.width(self._comments)
            box = QRectF(r.right() - count_width - bubble, r.center().y() - 8, bubble, 16)
            comment_badge.paint(painter, box, self._comments)
            painter.setFont(name_font)
            painter.setPen(QColor(style.HEADER_TEXT))
            count_width += bubble + 6
        name = elide(self._stage.name, style.HEADER_PX, True, r.width() - count_width - 24)
        painter.drawText(
            r.adjusted(12, 0, -count_width, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.setFont(font(style.CARD_TEXT_PX))
        painter.setPen(QColor(style.HEADER_COUNT))
        painter.drawText(
            r.adjusted(0, 0, -12, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
