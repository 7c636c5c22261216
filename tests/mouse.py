"""Real mouse input for canvas tests: QTest.mouseMove sends no button state, so a drag made
with it never drags; these send the same QMouseEvents a user's mouse would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

LEFT = Qt.MouseButton.LeftButton


def _send(
    view: QGraphicsView,
    kind: QEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier,
) -> None:
    local = QPointF(pos)
    glob = QPointF(view.viewport().mapToGlobal(pos))
    event = QMouseEvent(kind, local, glob, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(
    view: QGraphicsView,
    start: QPointF,
    end: QPointF,
    steps: int = 8,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press at scene point ``start``, move in steps with the button held, release at ``end``."""
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    _send(view, QEvent.Type.MouseButtonPress, a, LEFT, LEFT, modifiers)
    for i in range(1, steps + 1):
        p = a + (b - a) * i / steps
        _send(view, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, b, LEFT, Qt.MouseButton.NoButton, modifiers)


def click(
    view: QGraphicsView,
    at: QPointF,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    p = view.mapFromScene(at)
    _send(view, QEvent.Type.MouseButtonPress, p, LEFT, LEFT, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, p, LEFT, Qt.MouseButton.NoButton, modifiers)


def double_click(view: QGraphicsView, at: QPointF) -> None:
    p = view.mapFromScene(at)
    click(view, at)
    _send(view, QEvent.Type.MouseButtonDblClick, p, LEFT, LEFT, Qt.KeyboardModifier.NoModifier)
    _send(
        view,
        QEvent.Type.MouseButtonRelease,
        p,
        LEFT,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
