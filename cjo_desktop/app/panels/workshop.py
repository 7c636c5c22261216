"""Workshop mode: a facilitator types what the room calls out, one touchpoint per Enter.

The keys stay in the name field: Enter adds and clears, Tab and Shift+Tab walk the stages,
Alt+C goes to the channel (kept for the next cards), Escape hands the keyboard back to the
canvas. Each touchpoint is one undo step. The map follows the room: the view scrolls to the
stage Tab moves to and to each card added, which may be off screen on a projected map.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGraphicsView, QHBoxLayout, QLabel, QLineEdit, QWidget

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands import AddStage, AddTouchpoint
from cjo_desktop.domain import Change, JourneyError
from cjo_desktop.editor.document import Document

#: The name of the stage created when the room starts on an empty map.
FIRST_STAGE_NAME = "Stage 1"

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NAVIGATION = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
#: Room kept around what the view scrolls to, in view pixels.
_MARGIN = 40
#: How much of a stage header's left end must show: the stage's name.
_NAME_WIDTH = 240.0
#: The hint in the name field; the channel's own field says how to reach it.
HINT = "Touchpoint name: Enter adds, Tab next stage, Esc done"
CHANNEL_HINT = "Alt+C to set"
TOOLTIP = (
    "Type what the room calls out; Enter adds it to the stage shown on the left.\n"
    "Tab / Shift+Tab: next / previous stage. Alt+C: set the channel of the next cards\n"
    "(it stays until you change it; Enter there adds the card too). Esc: back to the map."
)


class WorkshopBar(QWidget):
    """``done`` asks for the canvas to take the keyboard back; ``stageChanged`` carries the
    current stage id; ``touchpointAdded`` carries the id of each touchpoint added."""

    done = Signal()
    stageChanged = Signal(str)
    touchpointAdded = Signal(str)

    def __init__(
        self,
        document: Document,
        scene: JourneyScene,
        parent: QWidget | None = None,
        *,
        view: QGraphicsView | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workshop")
        self._document = document
        self._scene = scene
        self._view = view
        self._stage_id: str | None = None
        self.stage_label = QLabel()
        self.stage_label.setAccessibleName("Current stage")
        self.stage_label.setMinimumWidth(120)
        self.entry = QLineEdit()
        self.entry.setAccessibleName("New touchpoint name")
        self.entry.setPlaceholderText(HINT)
        self.entry.setToolTip(TOOLTIP)
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.channel.setAccessibleName("New touchpoint channel")
        channel_line = self.channel.lineEdit()
        assert channel_line is not None  # editable
        channel_line.setPlaceholderText(CHANNEL_HINT)
        self.channel.setToolTip("The channel of the next cards (Alt+C); it stays until changed")
        self.channel.setMinimumWidth(120)
        channel_label = QLabel("&Channel")
        channel_label.setBuddy(self.channel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Stage:"))
        layout.addWidget(self.stage_label)
        layout.addWidget(self.entry, 1)
        layout.addWidget(channel_label)
        layout.addWidget(self.channel)
        for watched in (self.entry, self.channel, channel_line):
            watched.installEventFilter(self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh)
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self._follow_selection)
        scene.selectionChanged.connect(self._selection_timer.start)
        document.journeyReplaced.connect(self._on_journey_replaced)
        document.journeyChanged.connect(self._on_change)
        self._refresh()

    # ------------------------------------------------------------------ public
    def current_stage(self) -> str | None:
        """The stage new touchpoints go to: the chosen one while it exists, else the first."""
        journey = self._document.journey
        stages = journey.stages()
        if any(s.id == self._stage_id for s in stages):
            return self._stage_id
        return stages[0].id if stages else None

    def set_stage(self, stage_id: str | None) -> None:
        """Make ``stage_id`` current (``None``: the first stage); says so only on a change."""
        before = self.current_stage()
        self._stage_id = stage_id
        self._refresh()
        current = self.current_stage()
        if current is not None and current != before:
            self.stageChanged.emit(current)

    def focus_entry(self, stage_id: str | None = None) -> None:
        """Show the bar and put the cursor in the name field, ready for the next call-out."""
        if stage_id is not None:
            self.set_stage(stage_id)
        self.show()
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()

    def step_stage(self, delta: int) -> None:
        """Move to the next (``+1``) or previous (``-1``) stage, wrapping around."""
        stages = [s.id for s in self._document.journey.stages()]
        current = self.current_stage()
        if current is None:
            return
        self.set_stage(stages[(stages.index(current) + delta) % len(stages)])
        self._show_stage()

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        ours = key in _ENTER or key == Qt.Key.Key_Escape
        ours = ours or (watched is self.entry and key in _NAVIGATION)
        if not ours:
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is ours, not a window shortcut's
            return True
        if key in _ENTER:
            self._add()
        elif key == Qt.Key.Key_Escape:
            self.done.emit()
        else:
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step_stage(-1 if key == Qt.Key.Key_Backtab or shift else 1)
        return True

    def _add(self) -> None:
        name = self.entry.text().strip()
        if not name:
            return
        channel = self.channel.currentText().strip()
        journey = self._document.journey
        stage_id = self.current_stage()
        stack = self._document.undo_stack
        try:
            if stage_id is None:
                # An empty map: the first stage and the touchpoint are one undo step.
                stack.beginMacro(f'Add touchpoint "{name}"')
                try:
                    stage = AddStage(journey, FIRST_STAGE_NAME)
                    self._document.push(stage)
                    stage_id = self._stage_id = stage.stage_id
                    command = AddTouchpoint(journey, stage_id, name, channel=channel)
                    self._document.push(command)
                finally:
                    stack.endMacro()
            else:
                command = AddTouchpoint(journey, stage_id, name, channel=channel)
                self._document.push(command)
        except JourneyError:
            return
        self.entry.clear()
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
        if channel and self.channel.findText(channel) < 0:
            self.channel.addItem(channel)
        self._show_card(command.touchpoint_id)
        self.touchpointAdded.emit(command.touchpoint_id)

    # ------------------------------------------------------------------ following the room
    def _show_stage(self) -> None:
        """Scroll to the current stage: its header and its last card (where the next one
        goes), and at least the header's left end, which carries the stage's name."""
        stage_id, view = self.current_stage(), self._view
        if view is None or stage_id is None:
            return
        self._scene.flush()
        header = self._scene.headers.get(stage_id)
        if header is None:
            return
        rect = header.sceneBoundingRect()
        view.ensureVisible(rect, _MARGIN, _MARGIN)
        cards = self._document.journey.touchpoints(stage_id)
        last = self._scene.cards.get(cards[-1].id) if cards else None
        if last is not None:
            view.ensureVisible(last.sceneBoundingRect(), _MARGIN, _MARGIN)
        name = QRectF(rect.left(), rect.top(), min(rect.width(), _NAME_WIDTH), rect.height())
        view.ensureVisible(name, _MARGIN, _MARGIN)

    def _show_card(self, tp_id: str) -> None:
        """Scroll so the card just added is in view, even when it landed off screen."""
        if self._view is None:
            return
        self._scene.flush()
        card = self._scene.cards.get(tp_id)
        if card is not None:
            self._view.ensureVisible(card.sceneBoundingRect(), _MARGIN, _MARGIN)

    # ------------------------------------------------------------------ following
    def _on_journey_replaced(self) -> None:
        self._stage_id = None
        self._refresh()

    def _on_change(self, change: Change) -> None:
        self._refresh_timer.start()

    def _typing(self) -> bool:
        return self.entry.hasFocus() or self.channel.hasFocus()

    def _follow_selection(self) -> None:
        """Outside the field, the stage follows what the canvas has selected."""
        if self._typing():
            return
        journey = self._document.journey
        cards = [i for i in self._scene.selected_touchpoints() if i in journey]
        stages = [i for i in self._scene.selected_stages() if i in journey]
        if cards:
            self.set_stage(journey.touchpoint(cards[0]).stage_id)
        elif stages:
            self.set_stage(stages[0])

    def _refresh(self) -> None:
        """Show the current stage's name and offer the channels the map already uses."""
        self._refresh_timer.stop()
        journey = self._document.journey
        current = self.current_stage()
        if current is None:
            self.stage_label.setText(f"{FIRST_STAGE_NAME} (new)")
        else:
            self.stage_label.setText(journey.stage(current).name)
        channels = sorted({t.channel for t in journey.touchpoints() if t.channel})
        existing = [self.channel.itemText(i) for i in range(self.channel.count())]
        if channels != existing:
            text = self.channel.currentText()
            self.channel.clear()
            self.channel.addItems(channels)
            self.channel.setCurrentText(text)
