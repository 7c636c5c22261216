"""Fonts and text fitting shared by the canvas items (Qt's word wrap does not elide).

Text a user wrote reaches the painter through :func:`fit_lines`, :func:`elide` or
:func:`shown`, so control characters are drawn as visible symbols, the same on screen and in
every picture export, and an SVG export never carries a character XML cannot hold.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from PySide6 import QtGui
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPainter, QRawFont

from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.style import FONT_FAMILIES, OWN_SYMBOLS, text_face

__all__ = [
    "elide",
    "fit_lines",
    "font",
    "metrics",
    "paint_far_text",
    "plain_tooltip",
    "shown",
    "wrap_title",
]


@cache
def families() -> list[str]:
    """The text face first, then the other candidates; for characters none of them has (other
    scripts, emoji) Qt asks the system's font fallback (fontconfig on Linux)."""
    installed = frozenset(QFontDatabase.families())

    def usable(family: str) -> bool:
        if family not in installed:
            return False
        raw = QRawFont.fromFont(QFont(family))  # the family's own font, without fallbacks
        has = raw.supportsCharacter
        return raw.familyName() == family and all(has(ord(c)) for c in OWN_SYMBOLS)

    face = text_face(usable)
    return [face, *(f for f in FONT_FAMILIES if f != face)]


@cache
def font(pixel_size: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(families())
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same shapes at any zoom
    return f


@cache
def metrics(pixel_size: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(pixel_size, bold))


def fit_lines(text: str, pixel_size: int, bold: bool, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines``, the last one elided with an ellipsis."""
    fm = metrics(pixel_size, bold)
    words = shown(text).split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if fm.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[i:])
            break
    if current:
        lines.append(current)
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines[:max_lines]]


def _wrap(pieces: list[str], fm: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if not current or fm.horizontalAdvance((current + piece).rstrip()) <= width:
            current += piece
            continue
        lines.append(current.rstrip())
        current = piece
    return [*lines, current.rstrip()] if current else lines


@lru_cache(maxsize=8192)
def wrap_title(
    text: str, pixel_size: int, min_width: float, max_width: float, max_lines: int
) -> tuple[tuple[str, ...], float]:
    """The narrowest wrap of ``text`` between ``min_width`` and ``max_width`` into at most
    ``max_lines`` whole lines (breaking at spaces and after hyphens and slashes), and its width;
    when even the widest needs more lines, the last line is elided."""
    fm = metrics(pixel_size)
    pieces = re.findall(r"[^\s/-]+[/-]?\s*|[/-]\s*", shown(text))
    if not pieces or max_lines < 1:
        return (), 0.0
    stripped = [fm.horizontalAdvance(piece.rstrip()) for piece in pieces]
    width = max(min_width, max(stripped), sum(fm.horizontalAdvance(p) for p in pieces) / max_lines)
    while True:
        width = min(width, max_width)
        lines = _wrap(pieces, fm, width)
        widest = max(fm.horizontalAdvance(line) for line in lines)
        if len(lines) <= max_lines and widest <= width:
            return tuple(lines), widest
        if width >= max_width:
            break
        width += 4
    if len(lines) > max_lines:  # the words past the last line join it, to be elided
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    elided = [fm.elidedText(line, Qt.TextElideMode.ElideRight, max_width) for line in lines]
    return tuple(elided), max(fm.horizontalAdvance(line) for line in elided)


def paint_far_text(
    painter: QPainter, box: QRectF, text: str, pixel_size: int, align: Qt.AlignmentFlag
) -> None:
    """``text`` in ``box`` (scene units) at ``pixel_size`` screen px, wrapped to the lines the
    box holds on screen and elided after the last: names stay legible however far out."""
    on_screen = painter.worldTransform().mapRect(box)
    step = pixel_size + 1
    lines, _ = wrap_title(
        text, pixel_size, on_screen.width(), on_screen.width(), int(on_screen.height() // step)
    )
    if not lines:
        return
    painter.save()
    painter.resetTransform()
    painter.setFont(font(pixel_size))
    top = on_screen.center().y() - len(lines) * step / 2
    for i, line in enumerate(lines):
        row = QRectF(on_screen.left(), top + i * step, on_screen.width(), step)
        painter.drawText(row, align | Qt.AlignmentFlag.AlignVCenter, line)
    painter.restore()


def elide(text: str, pixel_size: int, bold: bool, width: float) -> str:
    """``text`` as shown, on one line of at most ``width``, with an ellipsis if cut."""
    return metrics(pixel_size, bold).elidedText(shown(text), Qt.TextElideMode.ElideRight, width)


def plain_tooltip(text: str) -> str:
    """``text`` for setToolTip: Qt would read a name like "<b>Sale</b>" or "<img src=...>" as
    markup, so text that looks like markup is escaped and stays the words the user wrote."""
    text = shown(text)
    return QtGui.Qt.convertFromPlainText(text) if QtGui.Qt.mightBeRichText(text) else text
