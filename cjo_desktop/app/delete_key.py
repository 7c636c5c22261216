"""The Delete key in a panel's list. Edit > Delete holds the key window-wide, so a shortcut of
the list's own would be ambiguous and do nothing (Qt says "Ambiguous shortcut overload: Del"):
the list claims the key while it has the focus and handles the press itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


class DeleteKey(QObject):
    """Install on a list (its parent): Delete there calls ``remove`` (ShortcutOverride claims
    the key from the window's Delete while the list has the focus)."""

    def __init__(self, remove: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._remove = remove

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Delete):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._remove()
                return True
        return False
