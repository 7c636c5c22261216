"""Moving the selection between cards with the keyboard, so every card-level command (rename,
feelings, pain points, delete) is reachable without a mouse.

Tab and Shift+Tab walk the cards in journey order; the arrow keys go to the nearest card in
the stage to the left or right, or the card above or below in the same stage. Keys with Ctrl
or Alt, and keys while a name is being typed in place, pass through untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView

_KEYS = {
    Qt.Key.Key_Tab: "next",
    Qt.Key.Key_Backtab: "previous",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}


class KeyboardNavigation(QObject):
    def __init__(self, scene: JourneyScene, view: JourneyView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        direction = _KEYS.get(Qt.Key(event.key()))
        if direction is None or mods != Qt.KeyboardModifier.NoModifier:
            return False
        focus = self.scene.focusItem()
        if focus is not None and focus.hasFocus() and not isinstance(focus, TouchpointCard):
            return False  # a name being typed in place
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # Tab is ours here, not the focus chain's
            return True
        target = self.step(direction)
        if target is not None:
            self.scene.select_ids([target.touchpoint.id])
            self.view.ensureVisible(target.sceneBoundingRect(), 40, 40)
        return True

    def step(self, direction: str) -> TouchpointCard | None:
        """The card to go to from the current one (the first card when none is selected)."""
        journey = self.scene.journey
        if journey is None:
            return None
        order = [self.scene.cards[t.id] for t in journey.touchpoints() if t.id in self.scene.cards]
        if not order:
            return None
        chosen = self.scene.selected_touchpoints()
        current = self.scene.cards.get(chosen[-1]) if chosen else None
        if current is None:
            return order[0] if direction != "previous" else order[-1]
        here = current.sceneBoundingRect().center()
        if direction in ("next", "previous"):
            i = order.index(current) + (1 if direction == "next" else -1)
            return order[i % len(order)]
        stage_ids = [s.id for s in journey.stages()]
        column = stage_ids.index(current.touchpoint.stage_id)
        if direction in ("up", "down"):
            same = [c for c in order if c.touchpoint.stage_id == current.touchpoint.stage_id]
            same.sort(key=lambda c: (c.sceneBoundingRect().center().y(), c.x()))
            i = same.index(current) + (1 if direction == "down" else -1)
            return same[i] if 0 <= i < len(same) else current
        step = -1 if direction == "left" else 1
        column += step
        while 0 <= column < len(stage_ids):
            there = [c for c in order if c.touchpoint.stage_id == stage_ids[column]]
            if there:
                return min(there, key=lambda c: abs(c.sceneBoundingRect().center().y() - here.y()))
            column += step
        return current
