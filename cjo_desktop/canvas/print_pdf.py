"""The map as a PDF that prints: card names at 6 pt or more, as real, selectable text.

The page plan (:mod:`cjo_desktop.drawing.print_pages`) says one page or a grid of them; a
tiled page shows its part of the map, ticks in the margin where the neighbouring pages' parts
begin (the overlap to lay the sheets over), and a key at its foot: which page of how many, its
row and column, and a small grid of all the pages with this one filled.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.text import elide, font
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing import style
from cjo_desktop.drawing.print_pages import (
    KEY_PT,
    MARGIN_PT,
    OVERLAP_PT,
    PagePlan,
    Tile,
    plan_pages,
)
from cjo_desktop.palette import PAPER

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
#: Dots per inch of the writer's coordinates; text and lines stay vectors at any value.
RESOLUTION = 300
KEY_TEXT_PT = 7.0
TICK_PT = 8.0


def pdf_bytes(scene: JourneyScene, title: str, page: str = "A4") -> bytes:
    """The map on ``page`` paper as vectors, one page or tiled (see the module)."""
    source = scene.sceneRect()
    plan = plan_pages(source.width(), source.height(), page)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(shown(title))
    writer.setCreator("cjo-desktop")
    writer.setResolution(RESOLUTION)
    orientation = (
        QPageLayout.Orientation.Landscape if plan.landscape else QPageLayout.Orientation.Portrait
    )
    margin = MARGIN_PT * 25.4 / 72
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page]),
            orientation,
            QMarginsF(margin, margin, margin, margin),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    unit = RESOLUTION / 72  # writer pixels per point
    for tile in plan.tiles:
        if tile.row or tile.column:
            writer.newPage()
        x, y, w, h = tile.rect
        target = QRectF(0, 0, plan.content[0] * unit, plan.content[1] * unit)
        painter.save()
        part = QRectF(source.left() + x, source.top() + y, w, h)
        strip = _lane_strip(scene, part, target)
        clip = QPainterPath()
        clip.addRect(target)
        if strip is not None:  # the map is drawn beside the lane names, not under them
            names = QPainterPath()
            names.addRect(strip[0])
            clip = clip.subtracted(names)
        painter.setClipPath(clip)
        scene.render(painter, target, part, Qt.AspectRatioMode.IgnoreAspectRatio)
        if strip is not None:
            painter.setClipRect(strip[0])
            painter.fillRect(strip[0], QColor(PAPER))
            scene.render(painter, strip[0], strip[1], Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()
        if plan.pages > 1:
            _marks(painter, plan, tile, unit)
            _key(painter, plan, tile, unit, title)
    painter.end()
    return bytes(data.data())


def _lane_strip(scene: JourneyScene, part: QRectF, target: QRectF) -> tuple[QRectF, QRectF] | None:
    """Where the lane names go again (page rectangle, scene rectangle) on a page that does
    not start at the map's left edge, as the editor keeps them at the left of the view;
    None on the first column of pages."""
    layout = scene.layout
    if layout is None or not layout.lanes:
        return None
    left = scene.sceneRect().left()
    width = layout.grid_left - left
    top = max(part.top(), layout.lanes[0].y)
    bottom = min(part.bottom(), layout.lanes[-1].y + layout.lanes[-1].height)
    if width <= 0 or part.left() <= left or bottom <= top:
        return None
    scale = target.width() / part.width()
    names = QRectF(
        target.left(),
        target.top() + (top - part.top()) * scale,
        width * scale,
        (bottom - top) * scale,
    )
    return names, QRectF(left, top, width, bottom - top)


def _marks(painter: QPainter, plan: PagePlan, tile: Tile, unit: float) -> None:
    """Ticks in the margin on the lines where the neighbouring pages' parts begin."""
    width, height = plan.content[0] * unit, plan.content[1] * unit
    inset, tick, gap = OVERLAP_PT * unit, TICK_PT * unit, 2 * unit
    painter.setPen(QPen(QColor(style.INK), 0.6 * unit))
    before, after = tile.column > 0, tile.column < plan.columns - 1
    xs = [x for x, has in ((inset, before), (width - inset, after)) if has]
    above, below = tile.row > 0, tile.row < plan.rows - 1
    ys = [y for y, has in ((inset, above), (height - inset, below)) if has]
    for x in xs:
        painter.drawLine(QPointF(x, -gap), QPointF(x, -gap - tick))
        foot = height + KEY_PT * unit + gap  # below the page key
        painter.drawLine(QPointF(x, foot), QPointF(x, foot + tick))
    for y in ys:
        painter.drawLine(QPointF(-gap, y), QPointF(-gap - tick, y))
        painter.drawLine(QPointF(width + gap, y), QPointF(width + gap + tick, y))


def _key(painter: QPainter, plan: PagePlan, tile: Tile, unit: float, title: str) -> None:
    """The page key at the foot: words at the left, the grid of pages at the right."""
    top = plan.content[1] * unit + 5 * unit
    size = KEY_TEXT_PT * unit
    cell = min(5.0, 30.0 / plan.rows) * unit
    grid_w = plan.columns * cell
    words = f"{plan.key(tile)} · overlap marks in the margin"
    painter.setFont(font(round(size)))
    painter.setPen(QColor(style.INK))
    room = plan.content[0] * unit - grid_w - 8 * unit
    words_w = painter.fontMetrics().horizontalAdvance(words)
    painter.drawText(QPointF(0, top + size), words)
    painter.setFont(font(round(size)))
    named = elide(title, round(size), False, max(0.0, room - words_w - 12 * unit))
    painter.drawText(QPointF(words_w + 12 * unit, top + size), named)
    left = plan.content[0] * unit - grid_w
    grid_top = top + size / 2 - plan.rows * cell / 2 + 2 * unit
    painter.setPen(QPen(QColor(style.INK), 0.5 * unit))
    for r in range(plan.rows):
        for c in range(plan.columns):
            box = QRectF(left + c * cell, grid_top + r * cell, cell, cell)
            here = (r, c) == (tile.row, tile.column)
            painter.setBrush(QColor(style.INK) if here else Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
