"""All flow arrows in view, painted by one item in one paint() call (the window only).

Each FlowItem stays in the scene for what the user does with it (click, select, tooltip,
rubber band) but is marked as painting nothing; this layer paints the flows Qt's index finds
in the exposed area. A Python paint() costs Qt about as much to call as a short arrow costs to
draw, and at 100% a 4,000-flow map has some two hundred arrows in view. Drawing all lines
first, then heads, then labels also keeps every label on top of every line, and a selected
flow on top of the others. Exports keep the items painting themselves (the scene built for
them has no layer), so pictures are drawn exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from cjo_desktop.canvas.flow_item import LABEL_BACK, LABEL_LOD, OUTLINE_LOD, FlowItem
from cjo_desktop.canvas.text import font
from cjo_desktop.drawing import style

#: Width (scene units) of the slices of the map the layer files flows under.
SLICE = 512.0
#: A flow over more slices than this is checked in every paint instead (few are that long).
MAX_SLICES = 32


class FlowLayer(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._selected: set[FlowItem] = set()
        # The flows in the order they were added (drawn in that order), their boxes, and
        # where to find them: by slice of the map, or among the long ones. Asking Qt's index
        # instead returned every card in view as well, each a Python wrapper to look up.
        self._flows: list[FlowItem] = []
        self._boxes: list[QRectF] = []
        self._slices: dict[int, list[int]] = {}
        self._long: list[int] = []
        self.setZValue(5)  # where the flow items are: over the lanes, under the cards
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def take_over(self, flows: Iterable[FlowItem]) -> None:
        """Paint ``flows`` from now on (they paint nothing themselves) and repaint: their
        routes may have changed, which their own updates no longer show."""
        no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        old = set(self._flows)
        self._flows, self._boxes, self._slices, self._long = list(flows), [], {}, []
        lefts, tops, rights, bottoms = [0.0], [0.0], [0.0], [0.0]
        for i, item in enumerate(self._flows):
            if item not in old:
                item.setFlag(no_contents)
            box = item.boundingRect()  # routes are in scene coordinates (items at 0, 0)
            self._boxes.append(box)
            lefts.append(box.left())
            tops.append(box.top())
            rights.append(box.right())
            bottoms.append(box.bottom())
            first, last = int(box.left() // SLICE), int(box.right() // SLICE)
            if last - first >= MAX_SLICES:
                self._long.append(i)
                continue
            for key in range(first, last + 1):
                self._slices.setdefault(key, []).append(i)
        rect = QRectF(min(lefts), min(tops), max(rights) - min(lefts), max(bottoms) - min(tops))
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)
        self.update()

    def selection_changed(self) -> None:
        """Repaint the flows that were selected or unselected (connected to the scene)."""
        if not isValid(self):  # a scene being deleted drops its items, then their selection
            return
        scene = self.scene()
        if scene is None:
            return
        selected = {i for i in scene.selectedItems() if isinstance(i, FlowItem)}
        for item in selected ^ self._selected:
            self.update(item.sceneBoundingRect())
        self._selected = selected

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.scene()
        if scene is None:
            return
        exposed = option.exposedRect
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        flows = self._in(exposed)
        flows.sort(key=FlowItem.isSelected)  # stable: the selected last, on top
        if lod < OUTLINE_LOD:
            for item in flows:  # routes are in scene coordinates: the items sit at the origin
                item.paint_line(painter, lod, exposed)
            return
        # One call per colour for the bars, state set once per kind of mark: at 100% some
        # two hundred arrows are in view, and per-arrow state changes cost more than drawing.
        bars: dict[int, tuple[QBrush, list[QRectF]]] = {}
        stroked: list[FlowItem] = []
        for item in flows:
            runs = item.bars()
            if runs is None:
                stroked.append(item)
                continue
            look = item.look()
            bars.setdefault(id(look), (look.fill, []))[1].extend(runs)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for fill, rects in bars.values():
            painter.setBrush(fill)
            painter.drawRects(rects)
        for item in stroked:  # dashed drop-offs and the odd slanted route
            item.paint_line(painter, lod, exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        current: QBrush | None = None
        for item in flows:
            if item.head_rect().intersects(exposed):
                head_fill = item.look().fill
                if head_fill is not current:
                    painter.setBrush(head_fill)
                    current = head_fill
                painter.drawPolygon(item.head())
        if lod >= LABEL_LOD:
            self._paint_labels(painter, flows, exposed)

    @staticmethod
    def _paint_labels(painter: QPainter, flows: list[FlowItem], exposed: QRectF) -> None:
        painter.setFont(font(style.FLOW_LABEL_PX, True))
        for item in flows:
            box = item.label_box()
            static = item.static_label()
            if static is None or not box.intersects(exposed):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LABEL_BACK)
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(item.look().text)
            size = static.size()
            centre = box.center()
            painter.drawStaticText(
                QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), static
            )

    def _in(self, exposed: QRectF) -> list[FlowItem]:
        """The flows whose boxes meet ``exposed``, in the order they were added."""
        found = set(self._long)
        for key in range(int(exposed.left() // SLICE), int(exposed.right() // SLICE) + 1):
            found.update(self._slices.get(key, ()))
        boxes, flows = self._boxes, self._flows
        return [
            flows[i] for i in sorted(found) if boxes[i].intersects(exposed) and flows[i].isVisible()
        ]
