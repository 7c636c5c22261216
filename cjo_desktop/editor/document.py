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
from cjo_desktop.io import SCHEMA_VERSION
from cjo_desktop.io.files import read_map, replace_map
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
        #: SHA-256 of the file as this document last read or wrote it (None: no such file):
        #: a save over a file that no longer has it would overwrite someone else's change.
        self.disk_sha256: str | None = None
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
    def replace(self, journey: Journey, path: Path | None, disk_sha256: str | None = None) -> None:
        """Show another journey (after Open or New): a fresh history, unmodified.
        ``disk_sha256`` is the SHA-256 of ``path``'s bytes that ``journey`` came from."""
        self.undo_stack.clear()
        self.journey.changed.disconnect(self._relay)
        self.journey = journey
        journey.changed.connect(self._relay)
        self.disk_sha256 = disk_sha256
        self.journeyReplaced.emit()
        self._set_path(path)
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def open(self, path: Path) -> None:
        """Load ``path``; raises MapFileError and leaves the document as it was on bad input.
        ``upgraded_from`` tells whether the file was in an older format (upgraded in memory;
        saving writes the current one)."""
        loaded = read_map(path)
        self.upgraded_from = loaded.version if loaded.version < SCHEMA_VERSION else None
        self.replace(loaded.journey, path, loaded.sha256)

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> None:
        """Write atomically to ``path`` (default: the current file), keeping the version it
        replaces as FILE.bak. Raises OSError or MapFileError on failure, and
        :class:`FileChangedError` when the current file was changed by someone else since this
        document read or wrote it (``overwrite=True`` saves anyway, after the user said so); the
        document then stays modified. Save As to another file never checks: the file dialog
        asked already."""
        target = path or self.path
        if target is None:
            raise ValueError("the document has no file yet; choose one with Save As")
        check = not overwrite and target == self.path
        self.disk_sha256 = replace_map(
            self.journey, target, self.disk_sha256, check=check, who="cjo-desktop"
        )
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
