"""Lane titles in the label column, collapsed lanes' strips, and the service blueprint's lines.

The backdrop calls these for the lanes in view. A blueprint line runs across the whole map,
dashed and darker and thicker than a lane rule, just inside the top of the lane it opens, so a
report page cut between lanes keeps it whole. Its name sits in the label column right under it,
and the lane's own title is centred in what is left; under a collapsed lane, whose strip holds
nothing, the name goes in the strip just right of the label column. Either way it covers no
card, note or title.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from cjo_desktop.canvas.text import elide, fit_lines, font, paint_far_text
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Lane
from cjo_desktop.drawing.zoom import FAR_TITLE_PX

#: A blueprint line's name: small, italic, in the line's colour, so it reads as the line's and
#: not as a lane's title.
LINE_PX = 12
LINE_STEP = 15.0
#: The line's thickness (a lane rule is 1).
LINE_PEN = 3.0
#: Dash and gap in line widths.
DASH = (4.0, 2.0)
#: Between the line and its name under it, and under the name.
LINE_GAP = 3.0
#: A collapsed lane's title: regular weight, muted, after a disclosure triangle.
COLLAPSED_PX = 12
#: From one line of a lane's title to the next.
TITLE_STEP = 17.0
TRIANGLE = 8.0

_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@cache
def line_font() -> QFont:
    f = QFont(font(LINE_PX, True))
    f.setItalic(True)
    return f


def line_name_lines(name: str, width: float) -> list[str]:
    """A line's name wrapped to the label column's width: two lines at most."""
    return _line_name_lines(name, round(width))


@cache
def _line_name_lines(name: str, width: int) -> list[str]:
    return fit_lines(name, LINE_PX, True, width - 2, 2)  # the italic leans a little past


def line_pen(start: float) -> QPen:
    """The dashed pen, its dashes anchored at x = 0 so partial repaints line up."""
    pen = QPen(QColor(style.BLUEPRINT_LINE), LINE_PEN)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern(list(DASH))
    pen.setDashOffset((start / LINE_PEN) % sum(DASH))
    return pen


def paint_lines(
    painter: QPainter, lines: list[tuple[str, float]], start: float, end: float
) -> None:
    """Each line from ``start`` to ``end``, just inside the top of its lane."""
    if not lines or end <= start:
        return
    painter.setPen(line_pen(start))
    for _, y in lines:
        at = y + LINE_PEN / 2
        painter.drawLine(QPointF(start, at), QPointF(end, at))


def paint_title(
    painter: QPainter, lane: Lane, box: QRectF, far: bool, line: str | None, grid_left: float
) -> None:
    """The lane's title in ``box`` (its part of the label column), under the name of the
    blueprint line at its top, if any; a collapsed lane as a strip."""
    if lane.collapsed:
        _paint_collapsed(painter, lane, box, far)
        if line is not None:
            top = box.y() + (box.height() - LINE_STEP + LINE_PEN) / 2
            wide = QFontMetricsF(line_font()).horizontalAdvance(line) + 16
            strip = QRectF(grid_left + 6, top, wide, LINE_STEP)
            # Opaque: the view's pinned column draws this over the scene's own copy.
            painter.fillRect(strip, QColor(style.COLLAPSED_LANE))
            _paint_line_name(painter, strip.adjusted(6, 0, 0, 0), [line], far)
        return
    names = line_name_lines(line, box.width()) if line is not None else []
    if line is not None and (far or box.height() >= _head(names) + TITLE_STEP):
        head = QRectF(box.x(), box.y() + LINE_PEN + LINE_GAP, box.width(), len(names) * LINE_STEP)
        _paint_line_name(painter, head, names, far)
        box = box.adjusted(0, head.bottom() + LINE_GAP - box.y(), 0, 0)
    painter.setPen(QColor(style.MUTED))
    if far:
        paint_far_text(painter, box, lane.title, FAR_TITLE_PX, Qt.AlignmentFlag.AlignLeft)
        return
    painter.setFont(font(style.LANE_LABEL_PX, True))
    lines = title_lines(lane.title, box.width(), box.height())
    top = box.center().y() - len(lines) * TITLE_STEP / 2
    for i, text in enumerate(lines):
        painter.drawText(
            QRectF(box.x(), top + i * TITLE_STEP, box.width(), TITLE_STEP), _ALIGN, text
        )


def title_lines(title: str, width: float, height: float) -> list[str]:
    """A lane's title wrapped to its box, as many lines as the box holds, the last elided."""
    return _title_lines(title, round(width), max(1, int(height // TITLE_STEP)))


@lru_cache(maxsize=512)
def _title_lines(title: str, width: int, most: int) -> list[str]:
    return fit_lines(title, style.LANE_LABEL_PX, True, width, most)


def _head(names: list[str]) -> float:
    """The height a line's name takes at the top of its lane, the line and gaps included."""
    return LINE_PEN + 2 * LINE_GAP + len(names) * LINE_STEP


def _paint_line_name(painter: QPainter, box: QRectF, lines: list[str], far: bool) -> None:
    painter.setPen(QColor(style.BLUEPRINT_LINE))
    if far:
        paint_far_text(painter, box, " ".join(lines), FAR_TITLE_PX, Qt.AlignmentFlag.AlignLeft)
        return
    painter.setFont(line_font())
    for i, text in enumerate(lines):
        row = QRectF(box.x(), box.y() + i * LINE_STEP, box.width(), LINE_STEP)
        painter.drawText(row, _ALIGN, text)


def _paint_collapsed(painter: QPainter, lane: Lane, box: QRectF, far: bool) -> None:
    """A disclosure triangle pointing right (folded) and the title, muted, on one line."""
    mid = box.center().y()
    tri = QPainterPath(QPointF(box.x(), mid - TRIANGLE / 2))
    tri.lineTo(box.x() + TRIANGLE * 0.85, mid)
    tri.lineTo(box.x(), mid + TRIANGLE / 2)
    tri.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(style.MUTED)))
    painter.drawPath(tri)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QColor(style.MUTED))
    text_box = box.adjusted(TRIANGLE + 6, 0, 0, 0)
    if far:
        paint_far_text(painter, text_box, lane.title, FAR_TITLE_PX, Qt.AlignmentFlag.AlignLeft)
        return
    painter.setFont(font(COLLAPSED_PX))
    painter.drawText(text_box, _ALIGN, elide(lane.title, COLLAPSED_PX, False, text_box.width()))
