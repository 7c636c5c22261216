"""A feeling set from the keyboard shows in the History panel with the card's name and value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow


def test_pressing_a_feeling_key_names_the_card_in_the_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey = window.document.journey
    cards = journey.touchpoints()[:2]
    stack = window.document.undo_stack
    for tp, key in zip(cards, (Qt.Key.Key_1, Qt.Key.Key_5), strict=True):
        window.scene.select_ids([tp.id])
        window.view.setFocus()
        qtbot.keyClick(window.view, key)
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts == [
        f'Set feeling of "{cards[0].name}" to -2 (frustrated)',
        f'Set feeling of "{cards[1].name}" to +2 (delighted)',
    ]
