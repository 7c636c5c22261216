"""The system clipboard, with one workaround kept in one place.

On Qt's offscreen platform (tests, headless runs) a QMimeData left on the clipboard crashes
the interpreter at exit (PySide6 6.12), so there we clear our own data when Python exits. On
real desktops the data is left for the clipboard manager, as users expect.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

_cleanup_registered = False


def clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def put(data: QMimeData) -> None:
    global _cleanup_registered
    clipboard().setMimeData(data)
    if not _cleanup_registered and QGuiApplication.platformName() == "offscreen":
        atexit.register(_clear_own_data)
        _cleanup_registered = True


def _clear_own_data() -> None:
    if QGuiApplication.instance() is not None:
        clipboard().clear()
