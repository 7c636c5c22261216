"""New, Open, Save, Save As, Open Recent and the "save your changes?" question.

Every dialog goes through a module-level function (``ask_open_path``, ``ask_save_path``,
``ask_save_changes``, ``ask_overwrite``, ``ask_template``, ``show_error``) so tests replace
them with ``monkeypatch`` and never block on a modal window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QWidget,
)

from cjo_desktop.editor.document import Document
from cjo_desktop.io import FILE_SUFFIX, SCHEMA_VERSION, MapFileError, load_map
from cjo_desktop.io.files import FileChangedError
from cjo_desktop.io.templates import new_from_template, templates

MAP_FILTER = "Journey maps (*.cjo.json);;JSON (*.json);;All files (*)"
RECENT_KEY = "files/recent"
MAX_RECENT = 10
Button = QMessageBox.StandardButton


# ------------------------------------------------------------ dialogs (patched in tests)
def ask_open_path(parent: QWidget | None, folder: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open journey map", folder, MAP_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save journey map as", suggestion, MAP_FILTER)
    return Path(name) if name else None


def ask_save_changes(parent: QWidget | None, name: str) -> Button:
    """Save, Discard or Cancel, with Save as the default as in every editor."""
    return QMessageBox.question(
        parent,
        "Save changes?",
        f"Do you want to save the changes you made to {name}?\n\n"
        "Your changes will be lost if you don't save them.",
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )


def ask_overwrite(parent: QWidget | None, path: Path) -> Button:
    """Another program changed the file since it was opened here. Save (overwrite it; its
    version is kept as FILE.bak), SaveAll (shown as "Save As…") or Cancel, Cancel the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "File changed on disk",
        f"{path.name} was changed by another program since you opened or saved it here.\n\n"
        "Overwrite it with your version? Its current version will be kept as "
        f"{path.name}.bak.",
        Button.Save | Button.SaveAll | Button.Cancel,
        parent,
    )
    box.button(Button.Save).setText("&Overwrite")
    box.button(Button.SaveAll).setText("Save &As…")
    box.setDefaultButton(Button.Cancel)
    return Button(box.exec())


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class TemplateDialog(QDialog):
    """New map: choose a template and, optionally, a title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New journey map")
        self.choices = QListWidget()
        self.choices.setAccessibleName("Templates")
        for t in templates():
            self.choices.addItem(t.name)
        self.choices.setCurrentRow(0)
        self.choices.itemDoubleClicked.connect(self.accept)
        self.title = QLineEdit()
        self.title.setPlaceholderText("keep the template's title")
        self.title.setAccessibleName("Title")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Template:", self.choices)
        form.addRow("T&itle:", self.title)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str | None]:
        item = self.choices.currentItem()
        return (item.text() if item else "blank"), (self.title.text().strip() or None)


def ask_template(parent: QWidget | None) -> tuple[str, str | None] | None:
    """The template name and title for a new map, or ``None`` when the user cancels."""
    dialog = TemplateDialog(parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def with_map_suffix(path: Path) -> Path:
    """``trip`` and ``trip.json`` both become ``trip.cjo.json``; a right suffix is kept."""
    if path.name.endswith(FILE_SUFFIX):
        return path
    stem = path.name.removesuffix(".json")
    return path.with_name(stem + FILE_SUFFIX)


# ------------------------------------------------------------------ the helper
class FileOps(QObject):
    """The file verbs of one window's document; ``message`` carries status-bar text."""

    message = Signal(str)
    recentChanged = Signal()

    def __init__(self, document: Document, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window

    # ------------------------------------------------------------------- verbs
    def new_map(self) -> bool:
        if not self.maybe_save():
            return False
        choice = ask_template(self.window)
        if choice is None:
            return False
        return self.new_from_template(*choice, ask=False)

    def new_from_template(self, name: str, title: str | None = None, *, ask: bool = True) -> bool:
        """A new untitled map from the template ``name`` (New, the start page)."""
        if ask and not self.maybe_save():
            return False
        try:
            journey = new_from_template(name, title)
        except (MapFileError, ValueError) as exc:
            show_error(self.window, "Cannot create map", str(exc))
            return False
        self.document.replace(journey, None)
        self.message.emit(f"New map from the {name} template")
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = ask_open_path(self.window, self._folder())
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open ``path``; a bad file is reported once and the current map stays as it was."""
        if ask and not self.maybe_save():
            return False
        try:
            self.document.open(path)
        except MapFileError as exc:
            show_error(self.window, "Cannot open map", str(exc))
            self.message.emit("The map was not opened")
            return False
        self.add_recent(path)
        old = self.document.upgraded_from
        if old is not None:
            self.message.emit(
                f"Opened {path}: it was in file format {old} and has been "
                f"upgraded; saving writes format {SCHEMA_VERSION}"
            )
        else:
            self.message.emit(f"Opened {path}")
        return True

    def open_copy(self, path: Path) -> bool:
        """Open ``path`` as a new untitled map (the bundled example): Save never overwrites
        it and it stays out of the recent files."""
        if not self.maybe_save():
            return False
        try:
            journey = load_map(path)
        except MapFileError as exc:
            show_error(self.window, "Cannot open map", str(exc))
            return False
        self.document.replace(journey, None)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        current = self.document.path
        suggestion = str(current) if current else str(Path(self._folder()) / self._new_name())
        path = ask_save_path(self.window, suggestion)
        return self._save_to(with_map_suffix(path)) if path else False

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current map: saved, or discarded on purpose."""
        if not self.document.is_modified:
            return True
        answer = ask_save_changes(self.window, self.document.display_name)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def _save_to(self, path: Path, *, overwrite: bool = False) -> bool:
        try:
            self.document.save(path, overwrite=overwrite)
        except FileChangedError:
            answer = ask_overwrite(self.window, path)
            if answer == Button.Save:
                return self._save_to(path, overwrite=True)
            if answer == Button.SaveAll:  # "Save As…"
                return self.save_as()
            self.message.emit("The map was not saved")
            return False
        except MapFileError as exc:  # locked by another program, or the lock cannot be made
            show_error(self.window, "Cannot save map", str(exc))
            self.message.emit("The map was not saved")
            return False
        except (OSError, ValueError) as exc:  # a full disk, or something the file cannot hold
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
            show_error(self.window, "Cannot save map", f"{path}: {reason}")
            self.message.emit("The map was not saved")
            return False
        self.add_recent(path)
        self.message.emit(f"Saved {path}")
        return True

    def _new_name(self) -> str:
        title = self.document.journey.title.strip() or "journey"
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
        return (safe or "journey") + FILE_SUFFIX

    def _folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.recent_files()
        return str(recent[0].parent) if recent else str(Path.home())

    # ----------------------------------------------------------------- recent
    def recent_files(self) -> list[Path]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):  # INI stores a one-item list as a plain string
            value = [value] if value else []
        items = value if isinstance(value, list) else []
        return [Path(str(v)) for v in items if v][:MAX_RECENT]

    def _store_recent(self, paths: list[Path]) -> None:
        QSettings().setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        self.recentChanged.emit()

    def add_recent(self, path: Path) -> None:
        path = path.absolute()
        self._store_recent([path, *(p for p in self.recent_files() if p != path)])

    def remove_recent(self, path: Path) -> None:
        self._store_recent([p for p in self.recent_files() if p != path])

    def clear_recent(self) -> None:
        self._store_recent([])

    def open_recent(self, path: Path) -> bool:
        if not path.is_file():
            self.remove_recent(path)
            show_error(
                self.window,
                "File not found",
                f"{path} no longer exists; it was removed from the recent files.",
            )
            return False
        return self.open_path(path)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Rebuild the Open Recent submenu just before it shows."""
        menu.clear()
        paths = self.recent_files()
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number % 10} {path.name}")
            action.setStatusTip(f"Open {path}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if paths:
            menu.addSeparator()
        clear = menu.addAction("&Clear Recent Files")
        clear.setStatusTip("Forget the list of recently used maps")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_recent)
