"""The open document: one journey, its undo stack, its file and whether it is saved.

Every edit reaches the journey as a command pushed with :meth:`Document.push`; the clean state
of the undo stack is the "saved" state, so undoing back to the last save makes the document
unmodified again, as in every Qt editor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.domain import Change, Journey
from cjo_desktop.io import SCHEMA_VERSION, save_map
from cjo_desktop.io.files import load_map_versioned, write_atomic
from cjo_desktop.io.templates import new_from_template


class Document(QObject):
    """``journeyReplaced`` fires when a different journey object is loaded into the document."""

    journeyReplaced = Signal()
    #: Every change of the current journey, as a Qt signal: widgets connect here rather than
    #: to ``journey.changed``, so Qt drops the connection when a widget is destroyed.
    journeyChanged = Signal(object)  # Change
    pathChanged = Signal(object)  # Path | None
    modifiedChanged = Signal(bool)
    saved = Signal(object)  # Path, after every successful save

    def __init__(self, journey: Journey | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journey = journey if journey is not None else new_from_template("blank")
        self.path: Path | None = None
        self.upgraded_from: int | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.journey.changed.connect(self._relay)

    def _relay(self, change: Change) -> None:
        self.journeyChanged.emit(change)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # ------------------------------------------------------------------ edits
    def push(self, command: QUndoCommand) -> None:
        """Run ``command`` and record it for undo: the only way the editor changes the map."""
        self.undo_stack.push(command)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ------------------------------------------------------------------ files
    def replace(self, journey: Journey, path: Path | None) -> None:
        """Show another journey (after Open or New): a fresh history, unmodified."""
        self.undo_stack.clear()
        self.journey.changed.disconnect(self._relay)
        self.journey = journey
        journey.changed.connect(self._relay)
        self.journeyReplaced.emit()
        self._set_path(path)
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def open(self, path: Path) -> None:
        """Load ``path``; raises MapFileError and leaves the document as it was on bad input.
        ``upgraded_from`` tells whether the file was in an older format (upgraded in memory;
        saving writes the current one)."""
        journey, version = load_map_versioned(path)
        self.upgraded_from = version if version < SCHEMA_VERSION else None
        self.replace(journey, path)

    def save(self, path: Path | None = None) -> None:
        """Write atomically to ``path`` (default: the current file); raises OSError on failure,
        in which case the document stays modified."""
        target = path or self.path
        if target is None:
            raise ValueError("the document has no file yet; choose one with Save As")
        if target.is_file():  # the version being replaced stays beside it as FILE.bak
            write_atomic(target.with_name(target.name + ".bak"), target.read_bytes())
        save_map(self.journey, target)
        self.saved.emit(target)
        self._set_path(target)
        self.undo_stack.setClean()

    def _set_path(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.pathChanged.emit(path)

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"
