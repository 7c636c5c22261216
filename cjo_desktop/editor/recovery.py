"""Autosave to a recovery folder, and recovery after a crash.

Unsaved work is written to the platform's application-data folder (``QStandardPaths``) after
a quiet interval (30 s by default, ``autosave/seconds`` in QSettings) and whenever the window
loses focus: a crash or a power cut then costs at most those seconds. Each document has its own
recovery map (a plain ``*.cjo.json``) and a small JSON note saying which file it belongs to and
when it was written. A clean save or close removes both; anything left at the next start is
work that was lost, and is offered back.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer

from cjo_desktop.editor.document import Document
from cjo_desktop.io import FILE_SUFFIX, MapFileError, dumps_map, load_map
from cjo_desktop.io.files import write_atomic

DEFAULT_SECONDS = 30
NOTE_SUFFIX = ".recovery.json"


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
        return max(5, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_SECONDS


@dataclass(frozen=True)
class Recovered:
    """Work found after a crash: the recovery map, the file it belonged to, when written."""

    map_path: Path
    note_path: Path
    original: Path | None
    title: str
    saved_at: str

    def discard(self) -> None:
        self.map_path.unlink(missing_ok=True)
        self.note_path.unlink(missing_ok=True)


def find_recovered(folder: Path | None = None) -> list[Recovered]:
    """Every recovery left behind, newest first; unreadable leftovers are skipped."""
    folder = folder or recovery_folder()
    found: list[Recovered] = []
    for note in sorted(folder.glob(f"*{NOTE_SUFFIX}")) if folder.is_dir() else []:
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            map_path = folder / str(data["map"])
            if not map_path.is_file():
                continue
            original = Path(data["original"]) if data.get("original") else None
            found.append(
                Recovered(
                    map_path,
                    note,
                    original,
                    str(data.get("title", "")),
                    str(data.get("saved_at", "")),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class AutoSaver(QObject):
    """Keeps one document's recovery file current while it has unsaved changes."""

    def __init__(self, document: Document, folder: Path | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.folder = folder or recovery_folder()
        self._stem = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
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
            write_atomic(self.map_path, dumps_map(self.document.journey).encode("utf-8"))
            note = {
                "map": self.map_path.name,
                "original": str(self.document.path) if self.document.path else None,
                "title": self.document.journey.title,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            write_atomic(self.note_path, json.dumps(note, indent=2).encode("utf-8"))
        except OSError:
            return False  # a full disk must not interrupt editing; the next attempt may work
        return True

    def discard(self) -> None:
        self.map_path.unlink(missing_ok=True)
        self.note_path.unlink(missing_ok=True)


def restore(recovered: Recovered, document: Document) -> None:
    """Load recovered work into ``document``: it keeps the original file name and shows as
    modified, so the user decides whether to save it over the file."""
    try:
        journey = load_map(recovered.map_path)
    except MapFileError:
        recovered.discard()
        raise
    document.replace(journey, recovered.original)
    document.undo_stack.resetClean()  # unsaved: the recovered work is not on disk yet
    document.modifiedChanged.emit(True)
