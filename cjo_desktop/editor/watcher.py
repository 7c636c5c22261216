"""Notices when another program changes the open file, so the user can reload or keep theirs.

Our own saves change the file too: the watcher remembers the hash of what this program last
read or wrote, and speaks only when the file's bytes differ from it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from cjo_desktop.editor.document import Document


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ExternalChangeWatcher(QObject):
    changedOnDisk = Signal(object)  # Path

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.document = document
        self._watcher = QFileSystemWatcher(self)
        self._known: str | None = None
        self._watcher.fileChanged.connect(self._on_file_changed)
        document.pathChanged.connect(self._follow)
        document.journeyReplaced.connect(self.remember)
        self._follow(document.path)

    def _follow(self, path: Path | None) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if path is not None and path.exists():
            self._watcher.addPath(str(path))
        self.remember()

    def remember(self) -> None:
        """Call after this program reads or writes the file."""
        path = self.document.path
        self._known = _digest(path) if path else None

    def _on_file_changed(self, name: str) -> None:
        path = Path(name)
        # An atomic replace removes the watched inode: watch the new file again.
        if path.exists() and name not in self._watcher.files():
            self._watcher.addPath(name)
        now = _digest(path)
        if now is not None and now != self._known:
            self._known = now  # ask once per change
            self.changedOnDisk.emit(path)
