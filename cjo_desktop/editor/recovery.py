"""Autosave to a recovery folder, and recovery after a crash.

Unsaved work is written to the platform's application-data folder (``QStandardPaths``) after
a quiet interval (30 s by default, ``autosave/seconds`` in QSettings) and whenever the window
loses focus: a crash or a power cut then costs at most those seconds. Each document has its own
recovery map (a plain ``*.cjo.json``) and a small JSON note saying which file it belongs to and
when it was written. A clean save or close removes both; anything left at the next start is
work that was lost, and is offered back.

Recovery files belong to the live instance that writes them: it holds a ``QLockFile`` beside
them for as long as it runs, so another instance started meanwhile never offers them as lost
or deletes them. A crashed instance's lock is stale (its process is gone) and its work is
offered. Only the recovery copy and its note, inside the recovery folder, are ever deleted,
whatever a note says.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, QStandardPaths, QTimer

from cjo_desktop.editor.document import Document
from cjo_desktop.io import FILE_SUFFIX, MapFileError, dumps_map, load_map
from cjo_desktop.io.files import write_atomic

DEFAULT_SECONDS = 30
NOTE_SUFFIX = ".recovery.json"
LOCK_SUFFIX = ".lock"


def _owner_lock(folder: Path, stem: str) -> QLockFile:
    """The lock that says a live instance owns recovery ``stem``. Never stale by age (an editor
    runs for days); stale only when its process is gone, which QLockFile checks."""
    lock = QLockFile(str(folder / f"{stem}{LOCK_SUFFIX}"))
    lock.setStaleLockTime(0)
    return lock


def recovery_folder() -> Path:
    """Where recovery files live; ``CJO_RECOVERY_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("CJO_RECOVERY_DIR")
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def autosave_seconds() -> int:
    value = QSettings().value("autosave/seconds", DEFAULT_SECONDS)
    try:
        seconds: int = int(value)  # type: ignore[call-overload]
        return max(5, seconds)
    except (TypeError, ValueError):
        return DEFAULT_SECONDS


@dataclass(frozen=True)
class Recovered:
    """Work found after a crash: the recovery map, the file it belonged to (and the SHA-256 of
    that file as the crashed window had read it), when it was written. While it exists this
    instance owns it (``lock``), so no other instance offers it too."""

    map_path: Path
    note_path: Path
    original: Path | None
    original_sha256: str | None
    title: str
    saved_at: str
    lock: QLockFile

    def discard(self) -> None:
        self.map_path.unlink(missing_ok=True)
        self.note_path.unlink(missing_ok=True)
        self.lock.unlock()


def find_recovered(folder: Path | None = None) -> list[Recovered]:
    """Every recovery left behind by an instance that is gone, newest first; work of a running
    instance and unreadable leftovers are skipped."""
    folder = folder or recovery_folder()
    found: list[Recovered] = []
    for note in sorted(folder.glob(f"*{NOTE_SUFFIX}")) if folder.is_dir() else []:
        stem = note.name.removesuffix(NOTE_SUFFIX)
        map_path = folder / f"{stem}{FILE_SUFFIX}"  # the note's own "map" is not trusted
        if not map_path.is_file():
            continue
        lock = _owner_lock(folder, stem)
        if not lock.tryLock(0):
            continue  # a live instance owns it
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            original = data.get("original")
            digest = data.get("original_sha256")
            found.append(
                Recovered(
                    map_path,
                    note,
                    Path(original) if isinstance(original, str) and original else None,
                    digest if isinstance(digest, str) else None,
                    str(data.get("title", ""))[:500],
                    str(data.get("saved_at", ""))[:40],
                    lock,
                )
            )
        except (OSError, ValueError, AttributeError):
            lock.unlock()
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class AutoSaver(QObject):
    """Keeps one document's recovery file current while it has unsaved changes."""

    def __init__(self, document: Document, folder: Path | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.folder = folder or recovery_folder()
        self._stem = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
        self._lock = _owner_lock(self.folder, self._stem)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.save_now)
        document.journeyChanged.connect(self._changed)
        document.journeyReplaced.connect(self._changed)
        document.modifiedChanged.connect(self._modified_changed)

    @property
    def map_path(self) -> Path:
        return self.folder / f"{self._stem}{FILE_SUFFIX}"

    @property
    def note_path(self) -> Path:
        return self.folder / f"{self._stem}{NOTE_SUFFIX}"

    def _changed(self, *args: object) -> None:
        if self.document.is_modified:
            self.timer.start(autosave_seconds() * 1000)

    def _modified_changed(self, modified: bool) -> None:
        if modified:
            self._changed()
        else:  # saved, or undone back to the saved state: nothing to recover
            self.timer.stop()
            self.discard()

    def save_now(self) -> bool:
        """Write the recovery files if there is unsaved work; False if writing failed."""
        if not self.document.is_modified:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self._lock.isLocked() and not self._lock.tryLock(0):
                return False  # cannot claim the files as ours: write none another may take
            write_atomic(self.map_path, dumps_map(self.document.journey).encode("utf-8"))
            document = self.document
            note = {
                "map": self.map_path.name,
                "original": str(document.path) if document.path else None,
                "original_sha256": document.disk_sha256,
                "title": document.journey.title,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            write_atomic(self.note_path, json.dumps(note, indent=2).encode("utf-8"))
        except (OSError, ValueError):  # a full disk, a map too big for a file: keep editing,
            return False  # the next attempt may work (and Save says what is wrong)
        return True

    def discard(self) -> None:
        self.map_path.unlink(missing_ok=True)
        self.note_path.unlink(missing_ok=True)
        if self._lock.isLocked():
            self._lock.unlock()


def restore(recovered: Recovered, document: Document) -> None:
    """Load recovered work into ``document``: it keeps the original file name and shows as
    modified, so the user decides whether to save it over the file."""
    try:
        journey = load_map(recovered.map_path)
    except MapFileError:
        recovered.discard()
        raise
    document.replace(journey, recovered.original, recovered.original_sha256)
    document.undo_stack.resetClean()  # unsaved: the recovered work is not on disk yet
    document.modifiedChanged.emit(True)
