"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 leaks a reference to
None on every void method call, which kills a real editing session within minutes."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    item = QGraphicsRectItem()
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        path.addRect(QRectF(0, 0, 1, 1))
    assert abs(sys.getrefcount(None) - before) < 100
