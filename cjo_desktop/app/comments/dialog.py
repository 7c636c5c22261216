"""The dialog that writes a comment: which element it is on, and what it says."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from cjo_desktop.domain.limits import MAX_TEXT


class CommentDialog(QDialog):
    """``choices``: (target, its name), the first chosen at the start."""

    def __init__(
        self,
        choices: list[tuple[str, str]],
        author: str,
        parent: QWidget | None = None,
        text: str = "",
        title: str = "Add comment",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.target = QComboBox()
        self.target.setAccessibleName("Comment on")
        for target, name in choices:
            self.target.addItem(name, target)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName("Comment")
        self.text.setPlaceholderText("What should the team look at here?")
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._enable)
        form = QFormLayout(self)
        on = QLabel("&On:")
        on.setBuddy(self.target)
        form.addRow(on, self.target)
        form.addRow("By:", QLabel(author))
        said = QLabel("&Comment:")
        said.setBuddy(self.text)
        form.addRow(said, self.text)
        form.addRow(self.buttons)
        self.target.setEnabled(len(choices) > 1)
        self._enable()
        self.text.setFocus()
        self.resize(460, 260)

    def _enable(self) -> None:
        text = self.text.toPlainText()
        ok = bool(text.strip()) and len(text) <= MAX_TEXT
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def chosen(self) -> tuple[str, str]:
        """(target, text) as entered."""
        return str(self.target.currentData()), self.text.toPlainText().strip()
