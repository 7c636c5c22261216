"""The persona dialog: a name, a short description and an optional picture, chosen from a file
and kept in the map (scaled to fit 256 px). It only asks; the panel's actions push the edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.personas.picture import (
    FILE_FILTER,
    PICTURE_PX,
    PictureError,
    load_picture,
    thumbnail,
)
from cjo_desktop.domain.limits import MAX_NAME
from cjo_desktop.palette import ERROR_TEXT, MUTED

#: The preview's side in the dialog, in pixels.
PREVIEW_PX = 96
#: (name, description, picture) as the dialog returns them.
Values = tuple[str, str, str]


def ask_picture_path(parent: QWidget) -> Path | None:
    """The picture file the user picks, or None; a function so tests can replace it."""
    title = "Choose a picture of the persona"
    name, _ = QFileDialog.getOpenFileName(parent, title, "", FILE_FILTER)
    return Path(name) if name else None


class PersonaDialog(QDialog):
    """``values()`` once accepted; OK stays off while the name is blank."""

    def __init__(
        self,
        title: str,
        values: Values = ("", "", ""),
        parent: QWidget | None = None,
        choose: Callable[[QWidget], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._choose = choose or ask_picture_path
        name, description, picture = values
        self.picture = picture
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Persona name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText("e.g. Weekend hiker")
        self.description = QPlainTextEdit(description)
        self.description.setAccessibleName("Persona description")
        self.description.setPlaceholderText("Goals, context and needs, in a sentence or two")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.preview = QLabel()
        self.preview.setAccessibleName("Persona picture")
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 1px dashed {MUTED}; color: {MUTED}")
        self.choose = QPushButton("C&hoose Picture…")
        self.choose.setToolTip("A PNG or JPEG; it is kept in the map file")
        self.clear = QPushButton("C&lear Picture")
        self.note = QLabel(
            f"Pictures are scaled to fit {PICTURE_PX} \N{MULTIPLICATION SIGN} {PICTURE_PX} px "
            "and kept in the map file, so the map travels whole."
        )
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Picture note")
        self.choose.clicked.connect(self._choose_picture)
        self.clear.clicked.connect(lambda: self._set_picture("", "No picture."))
        pictures = QVBoxLayout()
        pictures.addWidget(self.choose)
        pictures.addWidget(self.clear)
        pictures.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addLayout(pictures, 1)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Description", self.description)
        form.addRow("Picture", row)
        form.addRow("", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda _t: self._update_ok())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._show_preview()
        self._update_ok()

    def values(self) -> Values:
        return (self.name.text().strip(), self.description.toPlainText().strip(), self.picture)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def _choose_picture(self) -> None:
        path = self._choose(self)
        if path is None:
            return
        try:
            picture = load_picture(path)
        except PictureError as exc:
            self.note.setText(f"{exc}. Choose a PNG or JPEG file.")
            self.note.setStyleSheet(f"color: {ERROR_TEXT}")
            return
        self._set_picture(picture.data, f"{path.name}: {picture.note}.")

    def _set_picture(self, data: str, note: str) -> None:
        self.picture = data
        self.note.setText(note)
        self.note.setStyleSheet("")
        self._show_preview()

    def _show_preview(self) -> None:
        pixmap = thumbnail(self.picture, PREVIEW_PX - 4)
        if pixmap.isNull():
            self.preview.setPixmap(pixmap)
            self.preview.setText("no picture")
        else:
            self.preview.setPixmap(pixmap)
        self.clear.setEnabled(bool(self.picture))
