"""A persona's picture: read from a file the user chose, scaled down and kept in the map file
as base64; and the small pictures the panel shows (a persona's marker, its thumbnail).

The map file holds pictures whole so a map travels as one file; a face at a few hundred
pixels is all a persona needs, so any picture is scaled to fit :data:`PICTURE_PX` and saved
again (PNG when it has transparency, else JPEG), which keeps it far under the file's limit.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from cjo_desktop.canvas.persona_item import curve_pen, marker
from cjo_desktop.canvas.text import font
from cjo_desktop.domain.lanes import MAX_PICTURE
from cjo_desktop.drawing import style
from cjo_desktop.drawing.persona_curves import PersonaStyle

#: The longest side of a kept picture, in pixels.
PICTURE_PX = 256
#: JPEG quality tried in turn until the picture fits MAX_PICTURE.
_QUALITIES = (88, 75, 60)
#: What the file chooser offers.
FILE_FILTER = "Pictures (*.png *.jpg *.jpeg);;All files (*)"


class PictureError(ValueError):
    """A file that is not a picture this editor can read; the message says so in words."""


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture ready for the map file, and what was done to it, in words."""

    data: str
    note: str


def load_picture(path: Path) -> Picture:
    """Read ``path`` (PNG or JPEG; other formats Qt reads work too), scale it to fit
    PICTURE_PX and encode it for the map file. Raises PictureError."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PictureError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    image = QImage(str(path))
    if image.isNull():
        raise PictureError(f"{path.name} is not a PNG or JPEG picture ({size:,} bytes)")
    return encode(image)


def encode(image: QImage) -> Picture:
    """``image`` scaled to fit PICTURE_PX, as base64 PNG (with transparency) or JPEG."""
    width, height = image.width(), image.height()
    note = f"{_size(width, height)}, kept as it is"
    if max(width, height) > PICTURE_PX:
        image = image.scaled(
            PICTURE_PX,
            PICTURE_PX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        note = (
            f"scaled down from {_size(width, height)} to {_size(image.width(), image.height())} "
            "to keep the map file small"
        )
    data = b""
    if image.hasAlphaChannel():
        data = _bytes(image, "PNG", -1)
    if not data or len(data) > MAX_PICTURE:  # no transparency, or a PNG too large: JPEG
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor(style.PAPER))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        for quality in _QUALITIES:
            data = _bytes(flat, "JPEG", quality)
            if len(data) <= MAX_PICTURE:
                break
    return Picture(base64.b64encode(data).decode("ascii"), note)


def _size(width: int, height: int) -> str:
    return f"{width} \N{MULTIPLICATION SIGN} {height} px"


def _bytes(image: QImage, kind: str, quality: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind, quality)  # type: ignore[call-overload]  # the stubs want bytes
    return bytes(data.data())


def image_of(picture: str) -> QImage:
    """The picture a persona keeps ("" or unreadable: a null image)."""
    if not picture:
        return QImage()
    try:
        raw = base64.b64decode(picture, validate=True)
    except (binascii.Error, ValueError):
        return QImage()
    return QImage.fromData(raw)


def thumbnail(picture: str, side: int) -> QPixmap:
    """The picture scaled to fit a ``side`` square (a null pixmap when there is none)."""
    image = image_of(picture)
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(
        image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


def persona_icon(
    persona: PersonaStyle, picture: str | None, height: int = 32, name: str = ""
) -> QPixmap:
    """A persona's icon: its curve's sample (colour, line and marker shape) and, unless
    ``picture`` is None, its picture, or its initials where it has none."""
    width = height if picture is None else 2 * height
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    y = height / 2
    painter.setPen(curve_pen(persona, max(2.0, height / 12)))
    painter.drawLine(QPointF(2, y), QPointF(height - 4, y))
    painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
    painter.setBrush(QColor(persona.colour))
    painter.drawPolygon(marker(persona.marker, height / 6).translated((height - 2) / 2, y))
    if picture is not None:
        frame = QRectF(height, 0, height, height).adjusted(1, 1, -1, -1)
        thumb = thumbnail(picture, height - 2)
        if thumb.isNull():
            _initials(painter, frame, persona, name)
        else:
            x = frame.x() + (frame.width() - thumb.width()) / 2
            top = frame.y() + (frame.height() - thumb.height()) / 2
            painter.drawPixmap(QPointF(x, top), thumb)
    painter.end()
    return pixmap


def _initials(painter: QPainter, frame: QRectF, persona: PersonaStyle, name: str) -> None:
    """A persona without a picture: the first letters of its name in a tinted circle."""
    tint = QColor(persona.colour)
    tint.setAlphaF(0.22)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawEllipse(frame)
    letters = "".join(word[0] for word in name.split()[:2]).upper()
    painter.setPen(QColor(style.INK))
    painter.setFont(font(max(8, round(frame.height() * 0.38)), True))
    painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, letters)
