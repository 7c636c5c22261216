"""A free card on the map: the team's text in a stage-by-lane cell, in its colour, with its
owner at the bottom, a link mark when it has a link, and the evidence look the touchpoint cards
use. It draws; it never changes the model (dragging it to another cell, editing and deleting
reach the editor through the scene, as for the cards).

Everything is drawn as text and paths, so an SVG or PDF keeps the words as words. Up close the
window replays a recorded drawing (see :mod:`cjo_desktop.canvas.recorded`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjo_desktop.canvas import comment_badge, item_types
from cjo_desktop.canvas import evidence_paint as evidence
from cjo_desktop.canvas.recorded import RecordedDrawing
from cjo_desktop.canvas.text import elide, fit_lines, font, paint_far_text, plain_tooltip
from cjo_desktop.domain.model import FreeCard
from cjo_desktop.drawing import style
from cjo_desktop.drawing.comment_view import badge_tooltip
from cjo_desktop.drawing.evidence_view import CardEvidence, card_evidence
from cjo_desktop.drawing.free_card_view import FreeCardLook, link_tooltip, openable
from cjo_desktop.drawing.zoom import FAR_TITLE_PX, CardDrawing, card_drawing

TEXT_PX = 13
OWNER_PX = 11
PAD = 8.0
LINE = 16.0
#: The bottom row (owner, evidence tag) and the link mark in the top right corner.
ROW = 18.0
MARK = 14.0
BADGE_HEIGHT = 17.0


def open_address(address: str) -> bool:
    """Open a web or mail address with the desktop's own program; tests replace this."""
    return QDesktopServices.openUrl(QUrl(address))


def open_link(link: str) -> bool:
    """Open a free card's link if it is a web or mail address; False when it is not."""
    address = openable(link)
    return address is not None and open_address(address)


class LinkMark(QGraphicsItem):
    """The small "opens elsewhere" mark of a card with a link: its tooltip is the address, a
    click opens it."""

    def __init__(self, parent: FreeCardItem) -> None:
        super().__init__(parent)
        self._link = ""
        self._rect = QRectF(0, 0, MARK, MARK)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    @property
    def link(self) -> str:
        return self._link

    def set_link(self, link: str) -> None:
        self._link = link
        self.setToolTip(plain_tooltip(link_tooltip(link)) if link else "")
        self.setVisible(bool(link))

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A box with an arrow leaving its top right corner, in the card's muted ink."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        parent = self.parentItem()
        ink = parent.ink if isinstance(parent, FreeCardItem) else QColor(style.MUTED)
        pen = QPen(ink, 1.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QPainterPath()
        box.moveTo(6, 2.5)
        box.lineTo(2.5, 2.5)
        box.lineTo(2.5, 11.5)
        box.lineTo(11.5, 11.5)
        box.lineTo(11.5, 8)
        painter.drawPath(box)
        painter.drawLine(QPointF(6.5, 7.5), QPointF(12, 2))
        painter.drawLine(QPointF(8.5, 2), QPointF(12, 2))
        painter.drawLine(QPointF(12, 2), QPointF(12, 5.5))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()  # the release opens; the card under it is not selected or dragged

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.contains(event.pos()):
            open_link(self._link)
        event.accept()


class FreeCardItem(QGraphicsItem):
    """``card_id`` is the free card this item mirrors."""

    Type = item_types.FREE_CARD

    def __init__(self, card: FreeCard, size: tuple[float, float]) -> None:
        super().__init__()
        self.card_id = card.id
        self._card: FreeCard | None = None
        self._size = size
        self._rect = QRectF(0, 0, *size)
        self._bounds = self._rect.adjusted(-3, -BADGE_HEIGHT - 2, 3, 3)
        self._look = FreeCardLook(style.CARD_FILL, style.INK)
        self._fill, self._ink = QColor(style.CARD_FILL), QColor(style.INK)
        self._lines: list[str] = []
        self._evidence = card_evidence(None)
        self._comments = 0
        self._text_tip = ""
        self._for_export = False
        self._recorded = RecordedDrawing()
        self.mark = LinkMark(self)
        self.mark.setPos(size[0] - PAD - MARK + 3, 5)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )  # not focusable: the arrow keys keep walking the touchpoint cards
        self.setZValue(9)

    def type(self) -> int:
        return self.Type

    def set_for_export(self) -> None:
        """Paint for a picture: the full drawing at any scale, no recording."""
        self._for_export = True

    def set_far(self, far: bool) -> None:
        """Far out (told by the scene) the card is a bitmap, as the cards are: its simple
        drawing sizes its text in screen pixels, which a recorded drawing cannot replay."""
        if not self._for_export:
            mode = QGraphicsItem.CacheMode
            self.setCacheMode(mode.DeviceCoordinateCache if far else mode.NoCache)

    @property
    def card(self) -> FreeCard | None:
        return self._card

    @property
    def lines(self) -> list[str]:
        """The text's lines as drawn (wrapped, the last one elided)."""
        return list(self._lines)

    @property
    def look(self) -> FreeCardLook:
        return self._look

    @property
    def evidence(self) -> CardEvidence:
        """The evidence mark it draws: an assumed card's dashes and tag, as on the cards."""
        return self._evidence

    @property
    def ink(self) -> QColor:
        return QColor(self._ink)

    @property
    def comments(self) -> int:
        return self._comments

    def set_card(
        self, card: FreeCard, size: tuple[float, float], look: FreeCardLook, tip: str
    ) -> None:
        """What to draw, from the scene; nothing happens when nothing changed."""
        if (card, size, look) == (self._card, self._size, self._look) and tip == self._text_tip:
            return
        if size != self._size:
            self.prepareGeometryChange()
            self._size, self._rect = size, QRectF(0, 0, *size)
            self._bounds = self._rect.adjusted(-3, -BADGE_HEIGHT - 2, 3, 3)
            self.mark.setPos(size[0] - PAD - MARK + 3, 5)
        self._card, self._look = card, look
        self._fill, self._ink = QColor(look.fill), QColor(look.ink)
        self._evidence = card_evidence(card.evidence)
        room = size[0] - 2 * PAD - (MARK if card.link else 0)
        bottom_row = bool(card.owner.strip() or self._evidence.tag)
        rows = int((size[1] - 2 * PAD - (ROW if bottom_row else 0) + 4) // LINE)
        self._lines = fit_lines(card.text, TEXT_PX, False, room, max(1, rows))
        self.mark.set_link(card.link)
        self._text_tip = tip
        self.setToolTip(plain_tooltip(self._tip()))
        self._redraw()

    def set_comments(self, count: int) -> None:
        """How many open comments its badge shows (0: none); the scene counts them."""
        if count != self._comments:
            self._comments = count
            self.setToolTip(plain_tooltip(self._tip()))
            self._redraw()

    def _tip(self) -> str:
        badge = f"\n{badge_tooltip(self._comments)}" if self._comments else ""
        return self._text_tip + badge

    def _redraw(self) -> None:
        self._recorded.drop()
        self.update()

    def footprint(self) -> QRectF:
        """The card's body in scene units (its bounds also hold the comment badge)."""
        return self.mapRectToScene(self._rect)

    def open_link(self) -> bool:
        """Open the card's link (Ctrl+click); False when it has none that opens."""
        return self._card is not None and open_link(self._card.link)

    # Qt's interface ----------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, 6, 6)
        return path

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.button() == Qt.MouseButton.LeftButton and self.open_link():
            event.accept()
            return
        super().mousePressEvent(event)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._card is None:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        drawing = card_drawing(lod, on_screen=not self._for_export)
        selected = self.isSelected()
        if drawing is not CardDrawing.FULL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(evidence.edge_pen(self._border(selected), self._evidence, selected))
            painter.setBrush(QBrush(self._fill))
            painter.drawRect(self._rect)
            if drawing is CardDrawing.SIMPLE:
                painter.setPen(self._ink)
                box = self._rect.adjusted(3, 2, -3, -2)
                paint_far_text(
                    painter, box, self._card.text, FAR_TITLE_PX, Qt.AlignmentFlag.AlignCenter
                )
            return
        if self._for_export:
            self._paint_full(painter, selected)
        else:
            self._recorded.paint(painter, selected, lambda p: self._paint_full(p, selected))

    @staticmethod
    def _border(selected: bool) -> QPen:
        return QPen(QColor(style.SELECTION if selected else style.GRID), 2.5 if selected else 1.2)

    def _paint_full(self, painter: QPainter, selected: bool) -> None:
        """Body, text, owner, evidence tag and comment badge at their own sizes."""
        card = self._card
        assert card is not None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(evidence.edge_pen(self._border(selected), self._evidence, selected))
        painter.setBrush(QBrush(self._fill))
        painter.drawRoundedRect(self._rect, 6, 6)
        w, h = self._size
        painter.setPen(self._ink)
        painter.setFont(font(TEXT_PX))
        for i, line in enumerate(self._lines):
            painter.drawText(QPointF(PAD, PAD + 12 + i * LINE), line)
        right = w - PAD
        if self._evidence.tag:
            width = evidence.tag_width(self._evidence)
            evidence.paint_tag(
                painter, QRectF(right - width, h - PAD - 16, width, 16), self._evidence
            )
            right -= width + 4
        if card.owner.strip():
            muted = QColor(self._ink)
            muted.setAlphaF(0.75)
            painter.setPen(muted)
            painter.setFont(font(OWNER_PX))
            owner = elide(card.owner, OWNER_PX, False, right - PAD)
            row = QRectF(PAD, h - PAD - 16, right - PAD, 16)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, owner)
        if self._comments:
            width = comment_badge.width(self._comments)
            box = QRectF(w - 6 - width, -BADGE_HEIGHT, width, BADGE_HEIGHT + 4)
            comment_badge.paint(painter, box, self._comments, box.adjusted(0, 0, 0, -4))
