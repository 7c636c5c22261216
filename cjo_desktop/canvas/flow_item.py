"""A flow arrow: the line (width by volume), its arrowhead and its count, as one item.

Drawing is where a big map spends its time, so this item is careful: a long arrow is cut into
pieces and only the pieces in view are stroked (Qt strokes a whole path even when most of it is
off screen), and when zoomed far out it draws a thin aliased line and skips head and label.
Selection shows as colour, never as Qt's dashed box.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import item_types
from cjo_desktop.canvas.text import font, metrics, plain_tooltip
from cjo_desktop.domain import Flow
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Rect
from cjo_desktop.drawing.map_routes import ARROW
from cjo_desktop.drawing.routing import Point, Route, label_text

#: Below this zoom: thin aliased lines, no heads, no labels.
OUTLINE_LOD = 0.3
LABEL_LOD = 0.45
#: Arrows longer than this are stroked piece by piece.
PIECE_LENGTH = 800.0
STEP = 30.0
#: ...but a long arrow is a gentle curve: a chord of 1/50 of its length is still smooth.
STEPS_PER_ARROW = 50


def _path(route: Route) -> QPainterPath:
    pts = [QPointF(x, y) for x, y in route.points]
    if route.kind == "cubic":
        path = QPainterPath(pts[0])
        path.cubicTo(pts[1], pts[2], pts[3])
    else:  # one call for the whole polyline (4,000 flows are built on opening a big map)
        path = QPainterPath()
        path.addPolygon(QPolygonF(pts))
    return path


def label_size(text: str) -> tuple[float, float]:
    fm = metrics(style.FLOW_LABEL_PX, True)
    return fm.horizontalAdvance(text) + 8, fm.height() + 2


class _Look:
    """Pens and brushes made once, not in every paint() of thousands of arrows."""

    def __init__(self, colour: str, dashed: bool = False) -> None:
        c = QColor(colour)
        self.pen = QPen(c, 1.5)
        self.pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        if dashed:
            self.pen.setStyle(Qt.PenStyle.DashLine)
        self.outline = QPen(c, 1)
        self.outline.setCosmetic(True)
        self.fill = QBrush(c)
        self.text = c.darker(140)


_FLOW = _Look(style.FLOW)
_DROPOFF = _Look(style.DROPOFF, dashed=True)
_SELECTED = _Look(style.SELECTION)
LABEL_BACK = QBrush(QColor(style.FLOW_LABEL_BACK))
_PENS: dict[tuple[int, float], QPen] = {}


def _pen(look: _Look, width: float) -> QPen:
    """The look's pen at ``width``, made once per width rather than once per paint."""
    pen = _PENS.get((id(look), width))
    if pen is None:
        if len(_PENS) > 4096:  # widths follow counts: a long session edits many
            _PENS.clear()
        pen = _PENS[(id(look), width)] = QPen(look.pen)
        pen.setWidthF(width)
    return pen


class FlowItem(QGraphicsItem):
    Type = item_types.FLOW

    def __init__(self, flow: Flow) -> None:
        super().__init__()
        self.flow_key = flow.key
        self.flow = flow
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(5)
        self._path = QPainterPath()
        self._curved = False
        self._pieces: list[tuple[QRectF, list[QLineF]]] | None = None
        self._runs: tuple[Point, ...] = ()  # the route's corners when every run is level/upright
        self._bars: list[QRectF] | None = None
        self._head = QPolygonF()
        self._head_box = QRectF()
        self._width = 1.5
        self._text = ""
        self._label_rect = QRectF()
        self._static: QStaticText | None = None
        self._bounds = QRectF()
        self._hit: QPainterPath | None = None

    def type(self) -> int:
        return self.Type

    def set_route(self, flow: Flow, route: Route, width: float, label: Rect | None) -> None:
        """``label`` is the count's box as placed (None: no room, the tooltip says it)."""
        self.prepareGeometryChange()
        self.flow, self._width = flow, width
        self._path = _path(route)
        self._curved = route.kind == "cubic"
        self._pieces = None
        self._bars = None
        level = all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(route.points))
        self._runs = route.points if not self._curved and level else ()
        self._hit = None
        end = QPointF(*route.points[-1])
        if route.kind == "cubic":
            angle = math.radians(-self._path.angleAtPercent(0.999))
        else:  # along the last run, however short a part of a long route it is
            (ax, ay), (bx, by) = route.points[-2], route.points[-1]
            angle = math.atan2(by - ay, bx - ax)
        size = ARROW + width
        back = QPointF(math.cos(angle), math.sin(angle)) * size
        side = QPointF(-math.sin(angle), math.cos(angle)) * size * 0.5
        self._head = QPolygonF([end, end - back + side, end - back - side])
        self._head_box = self._head.boundingRect()
        count = label_text(flow)
        self._text = count if label is not None else ""
        self._static = None
        if label is not None and count:
            self._label_rect = QRectF(label.x, label.y, label.w, label.h)
        else:
            self._label_rect = QRectF()
        pad = width / 2 + 1
        bounds = self._path.boundingRect().adjusted(-pad, -pad, pad, pad)
        bounds = bounds.united(self._head.boundingRect())
        self._bounds = bounds.united(self._label_rect) if self._text else bounds
        tip = flow.label or ("drop-off" if flow.is_dropoff else "flow")
        self.setToolTip(plain_tooltip(f"{tip}: {count}" if count else tip))
        self.update()

    @property
    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def route_path(self) -> QPainterPath:
        """The route as drawn (not a copy, unlike ``path``: the overview reads all 4,000)."""
        return self._path

    @property
    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    # Qt's interface -----------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit is None:  # only hit-testing needs it: build on first use
            stroker = QPainterPathStroker()
            stroker.setWidth(max(10.0, self._width + 6))
            self._hit = stroker.createStroke(self._path)
            self._hit.addPolygon(self._head)
            if self._text:
                self._hit.addRect(self._label_rect)
        return self._hit

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        self.paint_line(painter, lod, option.exposedRect)
        if lod >= OUTLINE_LOD:
            self.paint_head(painter)
            if lod >= LABEL_LOD:
                self.paint_label(painter)

    def look(self) -> _Look:
        return _SELECTED if self.isSelected() else (_DROPOFF if self.flow.is_dropoff else _FLOW)

    def head_rect(self) -> QRectF:
        return self._head_box

    def head(self) -> QPolygonF:
        """The arrowhead as drawn (not a copy: the screen's layer reads it in every paint)."""
        return self._head

    def label_box(self) -> QRectF:
        """The count's box (not a copy; empty when the count is not drawn)."""
        return self._label_rect

    def static_label(self) -> QStaticText | None:
        """The count laid out once for the screen (None: no count drawn)."""
        if not self._text:
            return None
        if self._static is None:
            self._static = QStaticText(self._text)
            self._static.prepare(QTransform(), font(style.FLOW_LABEL_PX, True))
        return self._static

    def paint_line(self, painter: QPainter, lod: float, exposed: QRectF) -> None:
        """The line; far out (``lod`` < OUTLINE_LOD) a thin aliased one. The parts are
        separate so that the screen's FlowLayer can draw all lines before any head or label."""
        look = self.look()
        if lod < OUTLINE_LOD:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(look.outline)
            painter.drawPath(self._path)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_pen(look, self._width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        w = self._width
        exposed = exposed.adjusted(-w, -w, w, w)
        for rect, piece in self._visible_pieces():
            if rect.intersects(exposed):
                painter.drawLines(piece)

    def bars(self) -> list[QRectF] | None:
        """The line as filled bars (square caps) when every run is level or upright and the
        line solid, else None: the screen fills bars without antialiasing several times faster
        than it strokes lines, and a level or upright edge needs no antialiasing."""
        if not self._runs or self.flow.is_dropoff:
            return None
        if self._bars is None:
            h = self._width / 2
            self._bars = [
                QRectF(
                    QPointF(min(a[0], b[0]) - h, min(a[1], b[1]) - h),
                    QPointF(max(a[0], b[0]) + h, max(a[1], b[1]) + h),
                )
                for a, b in itertools.pairwise(self._runs)
            ]
        return self._bars

    def paint_head(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.look().fill)
        painter.drawPolygon(self._head)

    def paint_label(self, painter: QPainter) -> None:
        """The count on its backing, as plain text (pictures; the window's layer draws the
        laid-out ``static_label`` instead)."""
        if not self._text:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACK)
        painter.drawRoundedRect(self._label_rect, 6, 6)
        painter.setPen(self.look().text)
        painter.setFont(font(style.FLOW_LABEL_PX, True))
        painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._text)

    def _visible_pieces(self) -> list[tuple[QRectF, list[QLineF]]]:
        """The arrow as line segments in pieces of about PIECE_LENGTH, built on first paint.

        Separate segments with square caps, not a polyline: Qt's antialiased stroker is
        several times slower on joined paths than on lines. Vertices closer than STEP are
        dropped; a 30-px chord of these gentle curves is indistinguishable from the curve.
        """
        if self._pieces is None:
            polygon = self._path.toSubpathPolygons()[0]
            points = [polygon.at(i) for i in range(polygon.size())]
            kept = points
            if self._curved:  # thin out Qt's flattening; polyline corners all stay
                step = max(STEP, self._path.length() / STEPS_PER_ARROW)
                kept = [points[0]]
                for p in points[1:-1]:
                    d = p - kept[-1]
                    if abs(d.x()) + abs(d.y()) >= step:
                        kept.append(p)
                kept.append(points[-1])
            self._pieces = []
            start, length = 0, 0.0
            for i in range(1, len(kept)):
                d = kept[i] - kept[i - 1]
                length += math.hypot(d.x(), d.y())
                if length >= PIECE_LENGTH or i == len(kept) - 1:
                    part = kept[start : i + 1]
                    lines = [QLineF(a, b) for a, b in itertools.pairwise(part)]
                    pad = self._width + 1  # a straight piece has a zero-height box
                    box = QPolygonF(part).boundingRect().adjusted(-pad, -pad, pad, pad)
                    self._pieces.append((box, lines))
                    start, length = i, 0.0
        return self._pieces
