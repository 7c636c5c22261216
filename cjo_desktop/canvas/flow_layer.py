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

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from cjo_desktop.canvas.flow_item import LABEL_LOD, OUTLINE_LOD, FlowItem


class FlowLayer(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._selected: set[FlowItem] = set()
        self.setZValue(5)  # where the flow items are: over the lanes, under the cards
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def take_over(self, flows: Iterable[FlowItem]) -> None:
        """Paint ``flows`` from now on (they paint nothing themselves) and repaint: their
        routes may have changed, which their own updates no longer show."""
        rect = QRectF()
        for item in flows:
            if not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents:
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
            rect = rect.united(item.sceneBoundingRect())
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
        found = scene.items(
            exposed,
            Qt.ItemSelectionMode.IntersectsItemBoundingRect,
            Qt.SortOrder.AscendingOrder,
        )
        flows = [i for i in found if isinstance(i, FlowItem) and i.isVisible()]
        flows.sort(key=FlowItem.isSelected)  # stable: the selected last, on top
        for item in flows:  # routes are in scene coordinates: the items sit at the origin
            item.paint_line(painter, lod, exposed)
        if lod < OUTLINE_LOD:
            return
        for item in flows:
            if item.head_rect().intersects(exposed):
                item.paint_head(painter)
        if lod >= LABEL_LOD:
            for item in flows:
                if item.label_rect.intersects(exposed):
                    item.paint_label(painter)
