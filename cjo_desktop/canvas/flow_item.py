"""A flow arrow: a stroked path, a filled arrowhead and the count label.

Qt's own path, polygon and text items do the drawing; the arrow only hides Qt's dashed
selection box (selection shows as colour) and caches itself, so a 4,000-flow map pans smoothly.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjo_desktop.canvas import style
from cjo_desktop.canvas.routing import Point, Route
from cjo_desktop.canvas.text import font, metrics
from cjo_desktop.domain import Flow

ARROW = 9.0


def _path(route: Route) -> QPainterPath:
    pts = [QPointF(x, y) for x, y in route.points]
    path = QPainterPath(pts[0])
    if route.kind == "cubic":
        path.cubicTo(pts[1], pts[2], pts[3])
    else:
        for p in pts[1:]:
            path.lineTo(p)
    return path


def line_width(count: int | None, max_count: int) -> float:
    """1.5 px without a count; up to 8 px for the busiest flow, by square root of volume."""
    if count is None or max_count <= 0:
        return 1.5
    return 1.5 + 6.5 * math.sqrt(count / max_count)


def format_count(count: int) -> str:
    return f"{count:,}".replace(",", "\N{THIN SPACE}")


def label_text(flow: Flow) -> str:
    """What the arrow says: its volume (the flow's note is in its tooltip and the inspector)."""
    if flow.count is None:
        return ""
    return f"{format_count(flow.count)} left" if flow.is_dropoff else format_count(flow.count)


def label_size(text: str) -> tuple[float, float]:
    fm = metrics(style.FLOW_LABEL_PX, True)
    return fm.horizontalAdvance(text) + 8, fm.height() + 2


class FlowItem(QGraphicsPathItem):
    Type = QGraphicsItem.UserType + 2

    def __init__(self, flow: Flow) -> None:
        super().__init__()
        self.flow_key = flow.key
        self.flow = flow
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(5)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._head = QGraphicsPolygonItem(self)
        self._head.setPen(QPen(Qt.PenStyle.NoPen))
        self._label = QGraphicsSimpleTextItem(self)
        self._label.setFont(font(style.FLOW_LABEL_PX, True))
        self._label_bg = QGraphicsPathItem(self)
        self._label_bg.setPen(QPen(Qt.PenStyle.NoPen))
        self._label_bg.setBrush(QBrush(QColor(255, 255, 255, 230)))
        self._label_bg.setZValue(-0.5)
        self._hit = QPainterPath()

    def type(self) -> int:
        return self.Type

    def set_route(self, flow: Flow, route: Route, width: float, label_at: Point) -> None:
        self.flow = flow
        path = _path(route)
        colour = QColor(style.DROPOFF if flow.is_dropoff else style.FLOW)
        pen = QPen(
            colour, width, Qt.PenStyle.DashLine if flow.is_dropoff else Qt.PenStyle.SolidLine
        )
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.setPen(pen)
        self.prepareGeometryChange()
        self.setPath(path)
        stroker = QPainterPathStroker()
        stroker.setWidth(max(10.0, width + 6))
        self._hit = stroker.createStroke(path)
        end = path.pointAtPercent(1.0)
        angle = math.radians(-path.angleAtPercent(0.999))
        size = ARROW + width
        back = QPointF(math.cos(angle), math.sin(angle)) * size
        side = QPointF(-math.sin(angle), math.cos(angle)) * size * 0.5
        self._head.setPolygon(QPolygonF([end, end - back + side, end - back - side]))
        self._head.setBrush(QBrush(colour))
        self._set_label(label_text(flow), QPointF(*label_at), colour)
        tip = flow.label or ("drop-off" if flow.is_dropoff else "flow")
        self.setToolTip(f"{tip}: {label_text(flow)}" if label_text(flow) else tip)

    def _set_label(self, text: str, anchor: QPointF, colour: QColor) -> None:
        self._label.setText(text)
        self._label.setBrush(QBrush(colour.darker(140)))
        self._label.setVisible(bool(text))
        self._label_bg.setVisible(bool(text))
        if not text:
            return
        r = self._label.boundingRect()
        self._label.setPos(anchor.x() - r.width() / 2, anchor.y() - r.height() / 2)
        bg = QPainterPath()
        bg.addRoundedRect(r.translated(self._label.pos()).adjusted(-4, -1, 4, 1), 6, 6)
        self._label_bg.setPath(bg)

    def shape(self) -> QPainterPath:
        return self._hit

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        plain = QStyleOptionGraphicsItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[operator]
        super().paint(painter, plain, widget)

    def set_selected_look(self, selected: bool) -> None:
        pen = self.pen()
        base = QColor(style.DROPOFF if self.flow.is_dropoff else style.FLOW)
        pen.setColor(QColor(style.SELECTION) if selected else base)
        self.setPen(pen)
        self._head.setBrush(QBrush(pen.color()))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.set_selected_look(bool(value))
        return super().itemChange(change, value)
