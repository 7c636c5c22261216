"""Stage names and lane titles that stay in sight while the user scrolls a large map.

Drawn in the view's foreground, never in the scene, so exports are unaffected. Sizes are in
screen pixels whatever the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from cjo_desktop.canvas import lane_titles
from cjo_desktop.canvas.text import elide, font
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Layout

HEADER_PX = 28
LABEL_PX = 118
MIN_ZOOM = 0.25


def needed(layout: Layout, visible: QRectF) -> tuple[bool, bool]:
    """Whether the header row and the lane labels have scrolled out of view."""
    return (
        visible.top() > layout.header_top + 2,
        visible.left() > layout.metrics.margin + layout.metrics.label_width * 0.5,
    )


def paint(
    painter: QPainter, layout: Layout, journey: Journey, visible: QRectF, zoom: float
) -> None:
    if zoom < MIN_ZOOM:
        return
    headers, labels = needed(layout, visible)
    unit = 1 / zoom
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    text_px = max(1, round(style.CARD_TEXT_PX * unit))
    if labels:
        _paint_labels(painter, layout, visible, zoom)
    if headers:
        height = HEADER_PX * unit
        painter.setFont(font(text_px, True))
        for column in layout.columns:
            box = QRectF(column.x, visible.top(), column.width, height)
            if not box.intersects(visible):
                continue
            painter.fillRect(box.adjusted(unit, 0, -unit, 0), QColor(style.HEADER_FILL))
            painter.setPen(QColor(style.HEADER_TEXT))
            name = journey.stage(column.stage_id).name
            # The name follows the left edge of the window inside a wide column.
            left = max(column.x, visible.left() + (LABEL_PX * unit if labels else 0))
            room = column.x + column.width - left - 16 * unit
            if room * zoom > 24:
                shown = elide(name, text_px, True, room)
                painter.drawText(
                    QRectF(left + 8 * unit, box.y(), room, height),
                    Qt.AlignmentFlag.AlignVCenter,
                    shown,
                )
    painter.restore()


def _paint_labels(painter: QPainter, layout: Layout, visible: QRectF, zoom: float) -> None:
    """The lane titles pinned at the left, drawn as the backdrop draws them (collapsed strips,
    blueprint lines and their names), at their size in screen pixels."""
    line_at = {y: name for name, y in layout.blueprint}
    painter.save()
    painter.translate(visible.left(), 0)
    painter.scale(1 / zoom, 1 / zoom)  # one unit a screen pixel across, the scene's y * zoom
    for i, lane in enumerate(layout.lanes):
        if lane.y > visible.bottom() or lane.y + lane.height < visible.top():
            continue
        box = QRectF(0, lane.y * zoom, LABEL_PX, lane.height * zoom)
        # Opaque, in the lane's own band colour: cards scrolled under the pinned labels
        # are hidden, not shown through them, and the column reads as the lane's start.
        fill = style.COLLAPSED_LANE if lane.collapsed else style.LANE_FILL[i % 2]
        painter.fillRect(box, QColor(fill))
        painter.setPen(QColor(style.GRID))
        painter.drawLine(box.topRight(), box.bottomRight())
        label = box.adjusted(8, 0, -6, 0)
        lane_titles.paint_title(painter, lane, label, False, line_at.get(lane.y), LABEL_PX)
    lines = [(name, y * zoom) for name, y in layout.blueprint]
    lane_titles.paint_lines(painter, lines, 0, LABEL_PX)
    painter.restore()
