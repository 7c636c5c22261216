"""Small pieces of the import wizard's form, shared by the dialog and the kinds' pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    widget.setAccessibleName(name)
    return widget


def combo(name: str, items: Sequence[tuple[object, str]]) -> QComboBox:
    box = named(QComboBox(), name)
    refill(box, items, items[0][0] if items else None)
    return box


def refill(box: QComboBox, items: Sequence[tuple[object, str]], current: object) -> None:
    """New entries without signals: presetting the form is not the user choosing."""
    blocked = box.blockSignals(True)
    box.clear()
    for data, text in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(blocked)


def hbox(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QComboBox | QLineEdit) else 0)
    return box
