"""All flows as one hairline path, shown instead of thousands of arrows when zoomed far out.

At that zoom an arrow is a hairline without head or label; one item drawing one path costs a
fraction of thousands of items each painting their own, which keeps a 4,000-flow map smooth.
The scene swaps between the two when the view crosses the zoom threshold, never in paint().
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.drawing import style


class FlowOverview(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._pen = QPen(QColor(style.FLOW), 1)
        self._pen.setCosmetic(True)
        self.setZValue(5)
        self.setVisible(False)

    def set_paths(self, paths: Iterable[QPainterPath]) -> None:
        self.prepareGeometryChange()
        combined = QPainterPath()
        for path in paths:
            combined.addPath(path)
        self._path = combined
        self._bounds = combined.boundingRect().adjusted(-1, -1, 1, 1)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        painter.drawPath(self._path)
