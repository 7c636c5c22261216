"""Pictures of the templates for the start page, drawn by the editor's own scene.

Measured on the bundled templates (offscreen, 2 shared cores): about 5-30 ms a template, under
0.1 s for all of them. That is too little for a thread (and a QGraphicsScene belongs to the UI
thread), but enough to hold up the first paint of the window: :class:`PreviewLoader` draws one
template per turn of the event loop, after the page is up.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter

from cjo_desktop import palette
from cjo_desktop.canvas.export import scene_for, scene_image
from cjo_desktop.io import MapFileError, load_map

#: The scale the map is drawn at before it is shrunk: at 0.5 the cards keep their names and
#: colours, so the shrunk picture looks like the map; drawn straight at thumbnail size the
#: scene's far-away view turns every card into a plain block.
DRAW_SCALE = 0.5


def render_preview(path: Path, size: QSize, device_pixel_ratio: float = 1.0) -> QImage:
    """The map in ``path`` fitted into ``size`` (logical pixels) on paper, centred."""
    drawn = scene_image(scene_for(load_map(path)), DRAW_SCALE)
    pixels = QSize(
        round(size.width() * device_pixel_ratio), round(size.height() * device_pixel_ratio)
    )
    shrunk = drawn.scaled(
        pixels, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    out = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(QColor(palette.PAPER))
    painter = QPainter(out)
    x = (pixels.width() - shrunk.width()) // 2
    painter.drawImage(x, 0, shrunk)  # top-aligned: the title and stage headers lead the eye
    painter.end()
    out.setDevicePixelRatio(device_pixel_ratio)
    return out


class PreviewLoader(QObject):
    """Draws the queued templates one per event-loop turn; ``ready`` (name, image) for each,
    ``failed`` (name, message) for a file that will not load."""

    ready = Signal(str, QImage)
    failed = Signal(str, str)
    finished = Signal()

    def __init__(self, size: QSize, device_pixel_ratio: float, parent: QObject | None = None):
        super().__init__(parent)
        self.size = size
        self.device_pixel_ratio = device_pixel_ratio
        self._queue: deque[tuple[str, Path]] = deque()

    def start(self, items: list[tuple[str, Path]]) -> None:
        self._queue.extend(items)
        QTimer.singleShot(0, self, self._next)  # not after the page is gone

    @property
    def pending(self) -> int:
        return len(self._queue)

    def _next(self) -> None:
        if not self._queue:
            return
        name, path = self._queue.popleft()
        try:
            image = render_preview(path, self.size, self.device_pixel_ratio)
        except (MapFileError, OSError, ValueError) as exc:
            self.failed.emit(name, str(exc))
        else:
            self.ready.emit(name, image)
        if self._queue:
            QTimer.singleShot(0, self, self._next)  # not after the page is gone
        else:
            self.finished.emit()
