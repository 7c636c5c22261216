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

#: Flows per cached path: paint() strokes only the paths whose box is in view.
GROUP = 64


class FlowOverview(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._groups: list[tuple[QRectF, QPainterPath]] = []
        self._bounds = QRectF()
        self._pen = QPen(QColor(style.FLOW), 1)
        self._pen.setCosmetic(True)
        self.setZValue(5)
        self.setVisible(False)
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_paths(self, paths: Iterable[QPainterPath]) -> None:
        """Group the flows left to right, so that a view of part of the map strokes only the
        groups there (one aliased colour: how they are grouped does not show)."""
        self.prepareGeometryChange()
        boxed = sorted(((p.boundingRect(), p) for p in paths), key=lambda bp: bp[0].left())
        self._groups = []
        bounds = QRectF()
        for start in range(0, len(boxed), GROUP):
            combined = QPainterPath()
            for _, path in boxed[start : start + GROUP]:
                combined.addPath(path)
            box = combined.boundingRect().adjusted(-1, -1, 1, 1)
            self._groups.append((box, combined))
            bounds = bounds.united(box)
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        # A cosmetic pen is one pixel wide at any zoom: a pixel's worth of scene around.
        pad = 1 / max(option.levelOfDetailFromTransform(painter.worldTransform()), 1e-6)
        exposed = option.exposedRect.adjusted(-pad, -pad, pad, pad)
        for box, group in self._groups:
            if box.intersects(exposed):
                painter.drawPath(group)
