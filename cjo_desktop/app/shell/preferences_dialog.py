"""Edit > Preferences: theme, export defaults, autosave interval and the author's name.

Changes apply when OK is pressed (the theme at once, the rest the next time it is read);
Cancel leaves every setting as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from cjo_desktop.app.shell import preferences as prefs
from cjo_desktop.app.shell.preferences import Preferences

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
PAGE_LABELS = {"A4": "A4 landscape", "A3": "A3 landscape"}


class PreferencesDialog(QDialog):
    """A form over :class:`Preferences`; ``applied`` carries what was saved."""

    applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        current = prefs.load()
        self.theme = QComboBox()
        for key, label in THEME_LABELS.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(list(THEME_LABELS).index(current.theme))
        self.theme.setAccessibleName("Theme")
        self.theme.setAccessibleDescription("Light, dark, or the desktop's own colours")
        self.scale = QSpinBox()
        self.scale.setRange(1, 4)
        self.scale.setSuffix("\N{MULTIPLICATION SIGN}")
        self.scale.setValue(current.export_scale)
        self.scale.setAccessibleName("Default PNG export scale")
        self.page = QComboBox()
        for key, label in PAGE_LABELS.items():
            self.page.addItem(label, key)
        self.page.setCurrentIndex(list(PAGE_LABELS).index(current.export_page))
        self.page.setAccessibleName("Default PDF page size")
        self.autosave = QSpinBox()
        self.autosave.setRange(prefs.AUTOSAVE_MIN, prefs.AUTOSAVE_MAX)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(current.autosave_seconds)
        self.autosave.setAccessibleName("Autosave interval in seconds")
        self.autosave.setAccessibleDescription(
            "Unsaved work is copied to a recovery file after this many quiet seconds"
        )
        self.author = QLineEdit(current.author)
        self.author.setMaxLength(200)
        self.author.setPlaceholderText("Your name, on reports and comments")
        self.author.setAccessibleName("Author name")
        note = QLabel("Unsaved work is also protected whenever the window loses focus.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Theme:", self.theme)
        form.addRow("PNG &scale:", self.scale)
        form.addRow("PDF &page:", self.page)
        form.addRow("&Autosave after:", self.autosave)
        form.addRow("", note)
        form.addRow("A&uthor:", self.author)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            theme=self.theme.currentData(),
            export_scale=self.scale.value(),
            export_page=self.page.currentData(),
            autosave_seconds=self.autosave.value(),
            author=self.author.text().strip(),
        )

    def accept(self) -> None:
        chosen = self.preferences()
        prefs.save(chosen)
        prefs.apply_theme(chosen.theme)
        self.applied.emit(chosen)
        super().accept()
