"""A drawing kept as a recorded QPicture once it is painted a second time (the window only).

A card up close costs Qt about 0.2 ms to draw, and as much again in Python to say what to
draw; replaying a recorded picture skips the Python. Recording costs about one more drawing,
so the first paint draws directly and only a drawing painted again in the same state is
recorded: a part of the map seen once costs what it did, one the user comes back to costs
less. Qt's own bitmap cache (DeviceCoordinateCache) did the opposite up close: a bitmap per
card overflowed Qt's 10 MB pixmap cache within a few screens and every new card paid for a
bitmap it never used again.

The pictures kept are bounded (``KEPT``, least recently painted dropped first), so a map of
40,000 cards panned end to end stays within some tens of megabytes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtGui import QPainter, QPicture

#: Pictures kept at most (about 8 KB each for a card).
KEPT = 4000

_kept: OrderedDict[int, RecordedDrawing] = OrderedDict()


class RecordedDrawing:
    """One item's drawing for one ``key`` (its state as far as the drawing shows it)."""

    __slots__ = ("_key", "_picture", "_seen")

    def __init__(self) -> None:
        self._picture: QPicture | None = None
        self._key: Hashable = None
        self._seen: Hashable = None

    def drop(self) -> None:
        """What is drawn changed: forget the picture and that it was seen."""
        self._picture = self._seen = None
        _kept.pop(id(self), None)

    def recorded(self) -> bool:
        return self._picture is not None

    def paint(self, painter: QPainter, key: Hashable, draw: Callable[[QPainter], None]) -> None:
        """Paint with ``draw``, or replay what it drew when last painted with ``key``."""
        if self._picture is not None and self._key == key:
            _kept.move_to_end(id(self))
            painter.drawPicture(0, 0, self._picture)
            return
        if self._seen != key:  # first paint in this state: draw, remember it was seen
            self._picture, self._seen = None, key
            draw(painter)
            return
        picture = QPicture()
        recorder = QPainter(picture)
        recorder.setRenderHints(painter.renderHints())
        draw(recorder)
        recorder.end()
        self._picture, self._key = picture, key
        _kept[id(self)] = self
        if len(_kept) > KEPT:
            _kept.popitem(last=False)[1]._picture = None
        painter.drawPicture(0, 0, picture)
