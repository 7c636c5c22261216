"""Stage names and lane titles that stay in sight while the user scrolls a large map.

Drawn in the view's foreground, never in the scene, so exports are unaffected. Sizes are in
screen pixels whatever the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

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
        width = LABEL_PX * unit
        painter.setFont(font(max(1, round(style.LANE_LABEL_PX * unit)), True))
        for i, lane in enumerate(layout.lanes):
            box = QRectF(visible.left(), lane.y, width, lane.height)
            if not box.intersects(visible):
                continue
            # Opaque, in the lane's own band colour: cards scrolled under the pinned labels
            # are hidden, not shown through them, and the column reads as the lane's start.
            painter.fillRect(box, QColor(style.LANE_FILL[i % 2]))
            painter.setPen(QColor(style.GRID))
            painter.drawLine(box.topRight(), box.bottomRight())
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                box.adjusted(8 * unit, 0, -6 * unit, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                lane.title,
            )
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
