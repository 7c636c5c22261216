"""Fonts and text fitting shared by the canvas items (Qt's word wrap does not elide).

Text a user wrote reaches the painter through :func:`fit_lines`, :func:`elide` or
:func:`shown`, so control characters are drawn as visible symbols, the same on screen and in
every picture export, and an SVG export never carries a character XML cannot hold.
"""

from __future__ import annotations

from functools import cache

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont

from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing.style import FONT_FAMILIES, OWN_SYMBOLS, text_face

__all__ = ["elide", "fit_lines", "font", "metrics", "plain_tooltip", "shown"]


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


def elide(text: str, pixel_size: int, bold: bool, width: float) -> str:
    """``text`` as shown, on one line of at most ``width``, with an ellipsis if cut."""
    return metrics(pixel_size, bold).elidedText(shown(text), Qt.TextElideMode.ElideRight, width)


def plain_tooltip(text: str) -> str:
    """``text`` for setToolTip: Qt would read a name like "<b>Sale</b>" or "<img src=...>" as
    markup, so text that looks like markup is escaped and stays the words the user wrote."""
    text = shown(text)
    return QtGui.Qt.convertFromPlainText(text) if QtGui.Qt.mightBeRichText(text) else text
