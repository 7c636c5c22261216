"""How a template looks in the start page's grid: its preview, its title in bold and its
one-line description below, wrapped to at most three lines."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Item data: the template's file name (``blank``), its description line, its preview QImage.
NAME_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 2
#: The preview's size in logical pixels: about the shape of a five-stage map.
PREVIEW = QSize(264, 116)
PAD = 8
SUMMARY_LINES = 3


def tile_size(font: QFont) -> QSize:
    line = QFontMetrics(font).lineSpacing()
    height = PAD + PREVIEW.height() + PAD + line * (1 + SUMMARY_LINES) + PAD
    return QSize(PREVIEW.width() + 2 * PAD, height)


def wrapped(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of ``width`` px, the last one
    elided when the text is longer."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        rest = " ".join([out[-1], *words])
        out[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out]


class TemplateTile(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return tile_size(option.font)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect
        pal: QPalette = option.palette
        state = option.state
        font: QFont = option.font
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.AlternateBase))
        frame = QRect(rect.x() + PAD, rect.y() + PAD, PREVIEW.width(), PREVIEW.height())
        image = index.data(PREVIEW_ROLE)
        if isinstance(image, QImage) and not image.isNull():
            painter.drawImage(frame, image)
        else:
            painter.fillRect(frame, pal.color(QPalette.ColorRole.Base))
            painter.setPen(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, "drawing the preview…")
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawRect(frame.adjusted(0, 0, -1, -1))
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        metrics = QFontMetrics(bold)
        line = metrics.lineSpacing()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        y = frame.bottom() + PAD
        width = frame.width()
        painter.drawText(
            QRect(frame.x(), y, width, line),
            left,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(font)
        if not selected:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        metrics = QFontMetrics(font)
        summary = str(index.data(SUMMARY_ROLE) or "")
        for text_line in wrapped(summary, metrics, width, SUMMARY_LINES):
            y += line
            painter.drawText(QRect(frame.x(), y, width, line), left, text_line)
        painter.restore()
