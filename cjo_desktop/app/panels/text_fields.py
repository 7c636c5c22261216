"""The Inspector's text fields that say when an edit is finished, and show a long value's
start while idle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


class TextBox(QPlainTextEdit):
    """A multi-line field that says when editing is finished: on focus out or Ctrl+Return."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(90)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)


class StartShown(QObject):
    """A long value in a narrow field shows its start ("Trailhead Outfitters: onl"), not its
    tail, while the field is idle; focus the program gives puts the cursor at the end to add
    to the text (a click puts it where clicked, Tab or a shortcut selects all, as usual)."""

    _QT_PLACES_CURSOR = (
        Qt.FocusReason.MouseFocusReason,
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and isinstance(event, QFocusEvent):
            if event.type() == QEvent.Type.FocusOut:
                watched.setCursorPosition(0)
            elif event.reason() not in self._QT_PLACES_CURSOR:
                watched.end(False)
        return False
