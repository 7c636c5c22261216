"""What every feature's actions share: they edit the open map only by pushing undo commands,
and a refused edit is said in the status bar, not raised."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.editor.document import Document


class EditActions(QObject):
    """Base of a feature's actions; ``message`` carries status-bar text. Subclasses set
    ``_document``."""

    message = Signal(str)
    _document: Document

    @property
    def journey(self) -> Journey:
        return self._document.journey

    def _push(self, build: Callable[[], QUndoCommand]) -> bool:
        """Build a command and push it; False (and a message) when the journey refuses it."""
        try:
            command = build()
        except JourneyError as exc:
            self.message.emit(f"Not changed: {exc}")
            return False
        self._document.push(command)
        return True
