"""The touchpoint card: a view of one touchpoint. It draws; it never changes the model.

Qt moves a selected card while the user drags it; the editor turns the drop into one undoable
command and the scene then puts the card where the model says.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjo_desktop.canvas import comment_badge, item_types
from cjo_desktop.canvas import evidence_paint as evidence
from cjo_desktop.canvas import painpoint_items as pain
from cjo_desktop.canvas.card_shapes import OUTLINE_SHAPE_ZOOM, card_shape, outline, strip
from cjo_desktop.canvas.icons import channel_icon
from cjo_desktop.canvas.recorded import RecordedDrawing
from cjo_desktop.canvas.text import elide, fit_lines, font, metrics, plain_tooltip, wrap_title
from cjo_desktop.domain import Touchpoint
from cjo_desktop.drawing import style
from cjo_desktop.drawing.comment_view import badge_tooltip
from cjo_desktop.drawing.evidence_view import CardEvidence, card_evidence
from cjo_desktop.drawing.metric_view import Rgb, fit_badge, short_badge
from cjo_desktop.drawing.painpoint_view import CardMark
from cjo_desktop.drawing.zoom import (
    FAR_LINE_STEP,
    FAR_TITLE_PX,
    ROOM_X,
    ROOM_Y,
    TITLE_PAD,
    CardDrawing,
    FarTitle,
    card_drawing,
    far_title,
)

HANDLE_RADIUS = 7.0
BADGE_HEIGHT = 17.0
#: From the card's left edge to the badge's text, plus the text's padding on its right.
BADGE_TEXT_INSET = 10 + 11
#: Where the pain tab ends, past the card's right edge: the metric badge keeps its room.
TAB_RIGHT = 14.0
#: The channel colour's strip on the left edge in the simple and block drawings.
FAR_STRIP = 10.0


class TouchpointCard(QGraphicsRectItem):
    """``touchpoint_id`` is the model id this card mirrors.

    A rect item only so that Qt reads the card's bounds (the item's rect, no pen) in C++:
    a Python boundingRect() is called several times per card per frame, which on a fitted
    2,000-card map cost as much as drawing the cached cards. The rect item never draws
    itself; paint() below does."""

    Type = item_types.CARD

    def __init__(
        self, touchpoint: Touchpoint, width: float, height: float, valence: float | None = None
    ) -> None:
        super().__init__()
        self.touchpoint_id = touchpoint.id
        self._size = (width, height)
        self._rect = QRectF(0, 0, width, height)
        # What the full drawing covers (badge above, handle right; the pain marks add theirs),
        # and the bounds: the simple drawing may grow into the card's cell of the grid.
        self._plain = self._rect.adjusted(-2, -BADGE_HEIGHT - 4, HANDLE_RADIUS + 2, 2)
        self._footprint = QRectF(self._plain)
        self._cell = self._rect.adjusted(-ROOM_X - 8, -ROOM_Y - 8, ROOM_X + 8, ROOM_Y + 8)
        self._far = False
        self.setPen(Qt.PenStyle.NoPen)
        self.setRect(self._plain)
        self._badge = ""
        self._badge_form = 0  # which of the badge's forms the map shows (metric_view)
        self._pain: CardMark | None = None
        self._fill: QColor | None = None
        self._metric_tip = ""
        self._comments = 0  # open comments: a tab on the top edge, left of the pain tab
        self._touchpoint = touchpoint
        self._shape = card_shape(
            width, height, HANDLE_RADIUS
        )  # hit-testing includes the connect handle
        self._valence: float | None = None
        self._lines: list[str] = []
        self._drawn: CardDrawing | None = None  # as last painted, for tests and tools
        self._far_lines: list[str] = []  # the simple drawing's title as last painted
        self._far_plate = QRectF()  # ...and the card it grew to, in its own coordinates
        self._for_export = False
        self._recorded = RecordedDrawing()  # the full drawing, replayed on the screen
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.set_touchpoint(touchpoint, valence)

    def type(self) -> int:
        return self.Type

    @property
    def touchpoint(self) -> Touchpoint:
        return self._touchpoint

    def set_for_export(self) -> None:
        """Paint for a picture: full detail at any scale (paper is read up close) and no
        bitmap cache, which would reach an SVG or PDF as a bitmap."""
        self._for_export = True
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    def set_touchpoint(self, touchpoint: Touchpoint, valence: float | None) -> None:
        if touchpoint == self._touchpoint and valence == self._valence and self._lines:
            return
        if not self._lines or touchpoint.name != self._touchpoint.name:  # text layout is slow
            room = self._size[0] - 26
            self._lines = fit_lines(touchpoint.name, style.CARD_TITLE_PX, True, room, 2)
        self._touchpoint, self._valence = touchpoint, valence
        self._evidence = card_evidence(touchpoint.evidence)
        colour, _ = style.channel_style(touchpoint.channel)
        self._colour = QColor(colour)
        self.setToolTip(plain_tooltip(self._tooltip()))
        self._redraw()

    def _redraw(self) -> None:
        """Something drawn changed: drop the recorded drawing, then repaint."""
        self._recorded.drop()
        self.update()

    def set_metric(self, badge: str, fill_rgb: Rgb | None, tooltip: str) -> None:
        """The number shown above the card and, when cards are coloured by it, the fill."""
        fill = QColor.fromRgbF(*fill_rgb) if fill_rgb is not None else None
        if (badge, fill, tooltip) == (self._badge, self._fill, self._metric_tip):
            return
        self._badge, self._fill, self._metric_tip = badge, fill, tooltip
        self.setToolTip(plain_tooltip(self._tooltip()))
        self._redraw()

    def set_comments(self, count: int) -> None:
        """How many open comments the badge shows (0: no badge); the scene counts them."""
        if count != self._comments:
            self._comments = count
            self.setToolTip(plain_tooltip(self._tooltip()))
            self._redraw()

    @property
    def comments(self) -> int:
        return self._comments

    def set_pain(self, mark: CardMark | None) -> None:
        """The pain-point mark to draw (None: none); the scene computes it, the card draws it."""
        if mark == self._pain:
            return
        self.prepareGeometryChange()
        self._pain = mark
        gap = pain.OUTLINE_GAP + 3
        extra = self._rect.adjusted(-gap, -BADGE_HEIGHT - 4, TAB_RIGHT + 2, gap)
        self._footprint = self._plain.united(extra) if mark else QRectF(self._plain)
        self._set_bounds()
        self.setToolTip(plain_tooltip(self._tooltip()))
        self._redraw()

    def set_far(self, far: bool) -> None:
        """Whether the view is zoomed out to the simple drawing (told by the scene): only then
        do the bounds hold the cell the card may grow into, so up close its cached picture
        and its place in Qt's index stay the size of what it draws."""
        if far != self._far:
            self._far = far
            self._set_bounds()
            if not self._for_export:  # far out a bitmap each (tiny); up close, recordings
                mode = QGraphicsItem.CacheMode
                self.setCacheMode(mode.DeviceCoordinateCache if far else mode.NoCache)

    def _set_bounds(self) -> None:
        self.prepareGeometryChange()
        self.setRect(self._cell.united(self._footprint) if self._far else self._footprint)

    def footprint(self) -> QRectF:
        """The card as drawn up close, in scene units: body, badge, handle and pain marks
        (its bounds also hold the cell a far-out card may grow into)."""
        return self.mapRectToScene(self._footprint)

    def set_badge_form(self, form: int) -> None:
        """Which form of its badge to show, decided for the whole map by the scene."""
        if form != self._badge_form:
            self._badge_form = form
            self._redraw()

    def badge_room(self) -> float:
        """The width the badge's text has, left of the comment and pain tabs if any."""
        return self._tabs_left() - 4 - BADGE_TEXT_INSET

    def _tabs_left(self) -> float:
        """Where the tabs at the right of the top edge start: comments, then pain."""
        left = self._tab_left()
        if self._comments:
            gap = 4 if self._pain is not None and self._pain.severity is not None else 0
            left -= gap + comment_badge.width(self._comments)
        return left

    def shown_badge(self) -> str:
        """The badge's text as drawn: the map's form, elided only if even the value alone
        does not fit."""
        fm = metrics(style.CARD_TEXT_PX, True)
        room = self.badge_room()
        text = fit_badge(self._badge, fm.horizontalAdvance, room, self._badge_form)
        return text or fm.elidedText(short_badge(self._badge), Qt.TextElideMode.ElideRight, room)

    def _tab_left(self) -> float:
        mark = self._pain
        if mark is None or mark.severity is None:
            return self._size[0] - 6
        return self._size[0] + TAB_RIGHT - pain.tab_width(mark)

    @property
    def pain(self) -> CardMark | None:
        return self._pain

    @property
    def evidence(self) -> CardEvidence:
        """The evidence mark the card draws (its touchpoint's evidence, so part of its state)."""
        return self._evidence

    @property
    def badge(self) -> str:
        return self._badge

    @property
    def fill(self) -> QColor | None:
        return self._fill

    def _tooltip(self) -> str:
        tp = self._touchpoint
        parts = [tp.name, f"Channel: {tp.channel or 'none'}"]
        if tp.owner:
            parts.append(f"Owner: {tp.owner}")
        if tp.description:
            parts.append(tp.description)
        if tp.evidence is not None:
            parts.append(f"Evidence: {tp.evidence.words}")
        if getattr(self, "_metric_tip", ""):
            parts.append(self._metric_tip)
        if getattr(self, "_pain", None):
            parts.append(self._pain.tooltip())  # type: ignore[union-attr]
        if getattr(self, "_comments", 0):
            parts.append(badge_tooltip(self._comments))
        return "\n".join(parts)

    # Qt's interface ----------------------------------------------------------
    def shape(self) -> QPainterPath:
        return self._shape

    def handle_center(self) -> QPointF:
        """The connect handle on the right edge: drag from it to another card to add a flow."""
        return QPointF(self._rect.right(), self._rect.center().y())

    def is_on_handle(self, local: QPointF) -> bool:
        d = local - self.handle_center()
        return bool((d.x() ** 2 + d.y() ** 2) <= (HANDLE_RADIUS + 3) ** 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        drawing = card_drawing(lod, on_screen=not self._for_export)
        selected = self.isSelected()
        self._drawn = drawing
        severity = self._pain.severity if self._pain else None
        if drawing is not CardDrawing.FULL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, drawing is CardDrawing.SIMPLE)
            painter.setPen(evidence.edge_pen(self._border(selected), self._evidence, selected))
            painter.setBrush(QBrush(self._fill or QColor(style.CARD_FILL)))
            if drawing is CardDrawing.SIMPLE:
                self._paint_simple(painter, lod, selected, severity)
                return
            painter.drawRect(self._rect)
            if severity:
                pain.paint_far(painter, self._rect, severity)
            painter.fillRect(QRectF(0, 0, FAR_STRIP, self._rect.height()), self._colour)
            return
        stroked = self._for_export or lod > OUTLINE_SHAPE_ZOOM
        if self._for_export:  # real text and lines in an SVG or PDF
            self._paint_full(painter, selected, stroked)
        else:
            self._recorded.paint(
                painter, (selected, stroked), lambda p: self._paint_full(p, selected, stroked)
            )
        if selected or option.state & QStyle.StateFlag.State_MouseOver:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(QColor(style.SELECTION), 1.5))
            painter.setBrush(QBrush(QColor(style.CARD_FILL)))
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
            painter.drawLine(
                self.handle_center() + QPointF(-3.5, 0), self.handle_center() + QPointF(3.5, 0)
            )
            painter.drawLine(
                self.handle_center() + QPointF(0, -3.5), self.handle_center() + QPointF(0, 3.5)
            )

    @staticmethod
    def _border(selected: bool) -> QPen:
        return QPen(QColor(style.SELECTION if selected else style.GRID), 3 if selected else 1.2)

    def _paint_full(self, painter: QPainter, selected: bool, stroked: bool) -> None:
        """Body, strip, title, channel, feeling, pain tab and badge at their own sizes."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        border = self._border(selected)
        body = QBrush(self._fill or QColor(style.CARD_FILL))
        severity = self._pain.severity if self._pain else None
        if severity:
            if stroked:  # an SVG or PDF, or magnified: a line
                pain.paint_outline(painter, self._rect, severity)
            else:
                dashes = outline(self._size, severity)
                painter.fillPath(dashes, pain.outline_pen(severity).brush())
        painter.setPen(evidence.edge_pen(border, self._evidence, selected))
        painter.setBrush(body)
        painter.drawRoundedRect(self._rect, 8, 8)
        painter.fillPath(strip(self._rect.height()), self._colour)
        self._paint_text(painter)
        left_of_tab = self._paint_pain_tab(painter)
        if self._comments:  # a tab left of the pain tab; the metric badge stops short of it
            left_of_tab = self._tabs_left()
            box = QRectF(left_of_tab, -BADGE_HEIGHT, comment_badge.width(self._comments), 0)
            box.setBottom(4)
            comment_badge.paint(painter, box, self._comments, box.adjusted(0, 0, 0, -4))
        if self._badge:
            self._paint_badge(painter, left_of_tab - 4)

    def is_recorded(self) -> bool:
        """Whether the window replays a recording of the full drawing (tests and tools)."""
        return self._recorded.recorded()

    def last_drawing(self) -> CardDrawing | None:
        """Which drawing the card last painted (None: not painted yet)."""
        return self._drawn

    def far_title_lines(self) -> list[str]:
        """The title's lines as the simple drawing last drew them (empty: none fitted)."""
        return self._far_lines

    def far_plate(self) -> QRectF:
        """The card as the simple drawing last drew it, grown to hold its name (own units)."""
        return QRectF(self._far_plate)

    def _paint_simple(
        self, painter: QPainter, lod: float, selected: bool, severity: str | None
    ) -> None:
        """Far out: the card grows into its cell of the grid to hold its name in screen type,
        on its fill and channel strip; a pain point shows as the rim's colour and pattern and
        the severity's icon, never as a block of colour the name would vanish on."""
        w, h = self._size
        room = far_title(lod, w, h, FAR_STRIP)
        lines: tuple[str, ...] = ()
        text_width = 0.0
        if room is not None:
            lines, text_width = wrap_title(
                self._touchpoint.name, room.pixel_size, room.min_width, room.max_width,
                self._far_lines_at_most(room, severity),
            )  # fmt: skip
        self._far_lines = list(lines)
        card = painter.worldTransform().mapRect(self._rect)
        strip = max(2.0, FAR_STRIP * lod)
        width = text_width + 2 * TITLE_PAD + strip
        content = QRectF(0, 0, width, len(lines) * FAR_LINE_STEP)
        content.adjust(0, 0, 0, 2 * TITLE_PAD)
        content.moveCenter(card.center())
        plate = card.united(content) if lines else card
        inverse, _ = painter.worldTransform().inverted()
        self._far_plate = inverse.mapRect(plate)
        painter.save()
        painter.resetTransform()
        painter.setBrush(QBrush(self._fill or QColor(style.CARD_FILL)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(plate)
        painter.fillRect(QRectF(plate.left(), plate.top(), strip, plate.height()), self._colour)
        if severity:
            pain.paint_far_rim(painter, plate, severity)
        rim = QPen(QColor(style.SELECTION), 2.0) if selected else QPen(QColor(style.GRID), 1.0)
        rim = evidence.edge_pen(rim, self._evidence, selected)
        painter.setPen(rim)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = rim.widthF() / 2 + (pain.FAR_RIM_PX if severity and selected else 0.0)
        painter.drawRect(plate.adjusted(inset, inset, -inset, -inset))
        if lines:
            painter.setPen(QColor(style.INK))
            painter.setFont(font(room.pixel_size if room else FAR_TITLE_PX))
            top = plate.center().y() - len(lines) * FAR_LINE_STEP / 2
            for i, text in enumerate(lines):
                row = QRectF(plate.left() + strip, top + i * FAR_LINE_STEP, 0, FAR_LINE_STEP)
                row.setRight(plate.right())
                painter.drawText(row, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    @staticmethod
    def _far_lines_at_most(room: FarTitle, severity: str | None) -> int:
        """A pain card's rim takes room from its lines (where it is wider than the padding)."""
        rim = 2 * max(0.0, pain.FAR_RIM_PX - TITLE_PAD) if severity else 0.0
        return min(room.max_lines, int((room.max_height - rim) // FAR_LINE_STEP))

    def _paint_text(self, painter: QPainter) -> None:
        w, h = self._size
        painter.setPen(QColor(style.INK))
        painter.setFont(font(style.CARD_TITLE_PX, True))
        for i, line in enumerate(self._lines):
            painter.drawText(QPointF(16, 22 + i * 19), line)
        # Channel: icon and name along the bottom edge.
        painter.save()
        painter.translate(16, h - 21)
        painter.scale(0.85, 0.85)
        painter.setPen(QPen(self._colour.darker(130), 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(channel_icon(style.channel_style(self._touchpoint.channel)[1]))
        painter.restore()
        painter.setPen(QColor(style.MUTED))
        painter.setFont(font(style.CARD_TEXT_PX))
        channel = self._touchpoint.channel or "no channel"
        right = w - 44 if self._valence is not None else w - 10
        tag = self._pain.insufficient_tag if self._pain else ""
        if tag:  # rules left unchecked: a quiet grey tag in the bottom row, never a pain mark
            width = pain.tag_width(tag)
            pain.paint_tag(painter, QRectF(right - width, h - 24, width, 18), tag)
            right -= width + 4
            painter.setPen(QColor(style.MUTED))
            painter.setFont(font(style.CARD_TEXT_PX))
        if self._evidence.tag:  # assumed or proposed: said in words, not only by the edge
            width = evidence.tag_width(self._evidence)
            evidence.paint_tag(painter, QRectF(right - width, h - 24, width, 18), self._evidence)
            right -= width + 4
            painter.setPen(QColor(style.MUTED))
            painter.setFont(font(style.CARD_TEXT_PX))
        text = elide(channel, style.CARD_TEXT_PX, False, right - 36)
        painter.drawText(
            QRectF(36, h - 23, right - 36, 18),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        if self._valence is not None:
            self._paint_valence(painter, QRectF(w - 40, h - 24, 30, 18))

    def _paint_pain_tab(self, painter: QPainter) -> float:
        """The pain tab (icon, letter and rank) on the top edge at the right; returns where
        it starts so the metric badge stops short of it."""
        mark = self._pain
        left = self._tab_left()
        if mark is None or mark.severity is None:
            return left
        width = pain.tab_width(mark)
        pain.paint_tab(painter, QRectF(left, -BADGE_HEIGHT, width, BADGE_HEIGHT + 4), mark, 4)
        return left

    def _paint_badge(self, painter: QPainter, right: float) -> None:
        """The metric as a tab on the card's top edge: readable without the card's colour;
        elided when pain-point tabs share the edge."""
        fm = metrics(style.CARD_TEXT_PX, True)
        painter.setFont(font(style.CARD_TEXT_PX, True))
        text = self.shown_badge()
        width = min(fm.horizontalAdvance(text) + 14, right - 10)
        box = QRectF(10, -BADGE_HEIGHT, width, BADGE_HEIGHT + 4)
        painter.setPen(QPen(QColor(style.GRID), 1))
        painter.setBrush(QBrush(QColor(style.CARD_FILL)))
        painter.drawRoundedRect(box, 5, 5)
        painter.setPen(QColor(style.INK))
        painter.drawText(box.adjusted(7, 0, -4, -4), Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_valence(self, painter: QPainter, box: QRectF) -> None:
        """The feeling as a signed number on its colour: readable without the colour."""
        v = self._valence if self._valence is not None else 0.0
        colour = QColor(style.VALENCE_COLOURS[max(-2, min(2, round(v)))])
        # A white rim keeps the pill apart from a card coloured by a metric.
        painter.setPen(QPen(QColor(style.ON_FILL), 1.5) if self._fill else Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(QColor(style.ON_FILL) if abs(v) >= 1.5 else QColor(style.INK))
        painter.setFont(font(style.CARD_TEXT_PX, True))
        text = f"{v:+.0f}" if float(v).is_integer() else f"{v:+.1f}"
        text = "0" if abs(v) < 0.05 else text
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text.replace("-", "\N{MINUS SIGN}"))
