"""The questions around lost and changed work: restore after a crash, reload after another
program changed the file. Module-level functions, so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from cjo_desktop.editor.recovery import Recovered, find_recovered, restore
from cjo_desktop.io import MapFileError

if TYPE_CHECKING:
    from cjo_desktop.app.shell.main_window import MainWindow

Button = QMessageBox.StandardButton


def ask_restore(parent: QWidget | None, found: list[Recovered]) -> bool:
    """True: restore them all; False: discard them."""
    lines = "\n".join(
        f"\N{BULLET} {r.title or 'Untitled'} ({r.original.name if r.original else 'never saved'}), "
        f"autosaved {r.saved_at.replace('T', ' ')}"
        for r in found
    )
    answer = QMessageBox.question(
        parent,
        "Recover unsaved work",
        f"cjo-desktop closed without saving. This work was recovered:\n\n{lines}\n\n"
        "Restore it? (Discard deletes it.)",
        Button.Yes | Button.Discard,
        Button.Yes,
    )
    return answer == Button.Yes


def ask_reload(parent: QWidget | None, path: Path, modified: bool) -> bool:
    """True: reload the file from disk; False: keep what is in the window."""
    extra = " Your unsaved changes would be lost." if modified else ""
    answer = QMessageBox.question(
        parent,
        "File changed on disk",
        f"{path.name} was changed by another program.\n\nReload it?{extra}",
        Button.Yes | Button.No,
        Button.No if modified else Button.Yes,
    )
    return answer == Button.Yes


def offer_recovery(window: MainWindow) -> list[MainWindow]:
    """At start: restore or discard work left by a crash. Returns extra windows opened."""
    found = find_recovered()
    if not found:
        return []
    if not ask_restore(window, found):
        for item in found:
            item.discard()
        return []
    from cjo_desktop.app.shell.main_window import MainWindow

    windows: list[MainWindow] = []
    for i, item in enumerate(found):
        target = window if i == 0 else MainWindow()
        try:
            restore(item, target.document)
        except MapFileError as exc:
            target.statusBar().showMessage(f"Could not recover: {exc}")
            continue
        item.discard()
        target.autosaver.save_now()  # the recovered work is protected again at once
        if target is not window:
            windows.append(target)
    return windows


def on_changed_on_disk(window: MainWindow, path: Path) -> None:
    if ask_reload(window, path, window.document.is_modified):
        window.files.open_path(path, ask=False)
