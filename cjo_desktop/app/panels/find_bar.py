"""The find bar: type to select every matching touchpoint and stage, step through them.

Matching is case-insensitive on a stage's name and on a touchpoint's name, channel, owner and
tags, in journey order. Journey edits only recount the matches; the canvas selection moves when
the user types or steps, never behind their back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Change, Journey
from cjo_desktop.editor.document import Document

_STEP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3)


def find_matches(journey: Journey, text: str) -> list[str]:
    """Ids of the stages and touchpoints that ``text`` matches, in journey order."""
    needle = text.strip().casefold()
    if not needle:
        return []
    found: list[str] = []
    for stage in journey.stages():
        if needle in stage.name.casefold():
            found.append(stage.id)
        for tp in journey.touchpoints(stage.id):
            words = (tp.name, tp.channel, tp.owner, *tp.tags)
            if any(needle in word.casefold() for word in words):
                found.append(tp.id)
    return found


class FindBar(QWidget):
    """``closed`` fires when Escape or the close button hides the bar (give the canvas focus)."""

    closed = Signal()

    def __init__(
        self,
        document: Document,
        scene: JourneyScene,
        view: JourneyView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("find")
        self._document = document
        self._scene = scene
        self._view = view
        self._matches: list[str] = []
        self._current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find touchpoints and stages")
        self.field.setAccessibleName("Find touchpoints and stages")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.status = QLabel()
        self.status.setAccessibleName("Find result")
        self.status.setMinimumWidth(80)
        previous = self._button("\u2191", "Previous match (Shift+F3)", self.find_previous)
        following = self._button("\u2193", "Next match (F3)", self.find_next)
        close = self._button("\u2715", "Close find bar (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self._recount_timer = QTimer(self, singleShot=True, interval=0)
        self._recount_timer.timeout.connect(self._recount)
        document.journeyReplaced.connect(self._on_journey_replaced)
        document.journeyChanged.connect(self._on_change)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ public
    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    @property
    def current(self) -> str | None:
        """The id of the match the view is centred on."""
        return self._matches[self._current] if self._current >= 0 else None

    def activate(self) -> None:
        """Show the bar with the field focused and its text selected, ready to type over."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._search(self.field.text())

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self.field or kind not in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key not in (*_STEP_KEYS, Qt.Key.Key_Escape):
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is ours, not a window shortcut's
        elif key == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()
        return True

    # ------------------------------------------------------------------ searching
    def _search(self, text: str) -> None:
        self._matches = find_matches(self._document.journey, text)
        self._current = 0 if self._matches else -1
        self._show_current()

    def _step(self, delta: int) -> None:
        if self._recount_timer.isActive():
            self._recount()
        if not self._matches:
            return
        self._current = (self._current + delta) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        """Select every match and centre the view on the current one."""
        self._update_status()
        if self.field.text().strip():
            self._scene.select_ids(self._matches)
        current = self.current
        if current is not None:
            item = self._scene.cards.get(current) or self._scene.headers.get(current)
            if item is not None:
                self._view.centerOn(item)

    def _update_status(self) -> None:
        if not self.field.text().strip():
            self.status.setText("")
        elif not self._matches:
            self.status.setText("No matches")
        else:
            self.status.setText(f"{self._current + 1} of {len(self._matches)}")

    # ------------------------------------------------------------------ following
    def _on_journey_replaced(self) -> None:
        self._recount()

    def _on_change(self, change: Change) -> None:
        if self.field.text():
            self._recount_timer.start()

    def _recount(self) -> None:
        """Match again after an edit, staying on the current match while it still matches."""
        self._recount_timer.stop()
        current = self.current
        self._matches = find_matches(self._document.journey, self.field.text())
        if current in self._matches:
            self._current = self._matches.index(current)
        else:
            self._current = min(self._current, len(self._matches) - 1)
            if self._matches and self._current < 0:
                self._current = 0
        self._update_status()
