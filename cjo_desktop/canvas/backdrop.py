"""The map's backdrop: title, lane bands with their labels, and column rules, in one item.

One item rather than hundreds keeps the scene light; it sits under everything and is never
selectable.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import lane_titles
from cjo_desktop.canvas.scaled_picture import PictureItem
from cjo_desktop.canvas.text import font, shown
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Layout
from cjo_desktop.drawing.metric_view import Legend, colour
from cjo_desktop.drawing.zoom import far_text


class Backdrop(PictureItem):
    def __init__(self) -> None:
        super().__init__()
        self._layout: Layout | None = None
        self._title = ""
        self._legend: Legend | None = None
        self._bounds = QRectF()
        self.setZValue(-10)
        self._for_export = False
        # exposedRect is only exact with this flag; paint() draws just the part in view.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_for_export(self) -> None:
        """Paint for a picture: lane names at their own size at any scale."""
        self._for_export = True

    def set_legend(self, legend: Legend | None) -> None:
        if legend != self._legend:
            self._legend = legend
            self._picture.clear()
            self.update()

    def set_layout(self, layout: Layout, title: str) -> None:
        self.prepareGeometryChange()
        self._layout, self._title = layout, shown(title)
        self._bounds = QRectF(0, 0, layout.width, layout.height)
        self._picture.clear()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        layout = self._layout
        if layout is None:
            return
        m = layout.metrics
        exposed = option.exposedRect
        far = far_text(
            style.LANE_LABEL_PX,
            option.levelOfDetailFromTransform(painter.worldTransform()),
            not self._for_export,
        )
        right = layout.width - m.margin
        painter.setPen(QColor(style.INK))
        painter.setFont(font(style.TITLE_PX, True))
        painter.drawText(
            QRectF(m.margin, m.margin, right - m.margin, m.title_height - 12),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._title,
        )
        line_at = {y: name for name, y in layout.blueprint}
        for i, lane in enumerate(layout.lanes):
            band = QRectF(m.margin, lane.y, right - m.margin, lane.height)
            if not band.intersects(exposed):
                continue
            fill = style.COLLAPSED_LANE if lane.collapsed else style.LANE_FILL[i % 2]
            painter.fillRect(band.intersected(exposed), QColor(fill))
            label = QRectF(m.margin + 10, lane.y, m.label_width - 20, lane.height)
            lane_titles.paint_title(
                painter, lane, label, far, line_at.get(lane.y), layout.grid_left
            )
        bottom = layout.lanes[-1].y + layout.lanes[-1].height if layout.lanes else layout.lanes_top
        painter.setPen(QPen(QColor(style.GRID), 1))
        # rules across the map only where in view: a 2,000-card map is 160,000 units wide
        start, end = max(m.margin, exposed.left() - 1), min(right, exposed.right() + 1)
        rules = [QLineF(start, y, end, y) for y in (*(lane.y for lane in layout.lanes), bottom)]
        rules += [QLineF(c.x, layout.header_top, c.x, bottom) for c in layout.columns]
        rules.append(QLineF(right, layout.header_top, right, bottom))
        rules.append(QLineF(m.margin, layout.lanes_top, m.margin, bottom))
        # On screen the rules are level or upright: crisp without antialiasing, and one call
        # draws them all (antialiased, each long rule cost as much as a card).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._for_export)
        painter.drawLines(rules)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        lane_titles.paint_lines(painter, layout.blueprint, start, end)
        if self._legend is not None:
            self._paint_legend(painter, QRectF(right - 330, m.margin - 6, 330, m.title_height))

    def _paint_legend(self, painter: QPainter, box: QRectF) -> None:
        """The colour scale of the cards: bad, neutral and good ends with their values."""
        legend = self._legend
        assert legend is not None
        bar = QRectF(box.x() + 120, box.y() + 8, box.width() - 130, 12)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        gradient.setColorAt(0.0, QColor.fromRgbF(*colour(-1.0)))
        gradient.setColorAt(0.5, QColor.fromRgbF(*colour(0.0)))
        gradient.setColorAt(1.0, QColor.fromRgbF(*colour(1.0)))
        painter.setPen(QPen(QColor(style.GRID), 1))
        painter.setBrush(QBrush(gradient))
        painter.drawRect(bar)
        painter.setPen(QColor(style.INK))
        painter.setFont(font(style.CARD_TEXT_PX, True))
        painter.drawText(
            QRectF(box.x(), bar.y() - 4, 116, 40),
            Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap,
            legend.title,
        )
        painter.setFont(font(style.CARD_TEXT_PX))
        painter.setPen(QColor(style.MUTED))
        below = QRectF(bar.x(), bar.bottom() + 2, bar.width(), 16)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, f"{legend.bad} worse")
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, legend.neutral)
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, f"better {legend.good}")
