"""The edit verbs of the canvas (what menus, keys and gestures do), each as undo commands.

The main window binds actions to these methods; the gestures call them too. Nothing here
touches the journey except through ``document.push``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QRectF, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.commands import (
    MIME_TYPE,
    AddFlow,
    AddStage,
    AddTouchpoint,
    ClearEmotion,
    DuplicateItems,
    FragmentError,
    MoveTouchpoints,
    PasteFragment,
    RemoveItems,
    SetEmotion,
    UpdateItem,
    feeling_macro_text,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.editor import clipboard
from cjo_desktop.editor.accessible import describe_selection
from cjo_desktop.editor.document import Document
from cjo_desktop.editor.free_card_edit import FreeCardEditing
from cjo_desktop.editor.gestures import Gestures
from cjo_desktop.editor.inline_edit import InlineEditor
from cjo_desktop.editor.keyboard_nav import KeyboardNavigation


def ask_delete(parent: QWidget | None, question: str) -> bool:
    """Confirm a destructive delete; tests replace this function."""
    answer = QMessageBox.question(
        parent,
        "Delete stage",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class EditorController(QObject):
    """``statusMessage`` carries short feedback for the status bar ("Nothing to paste")."""

    statusMessage = Signal(str)

    def __init__(self, document: Document, scene: JourneyScene, view: JourneyView) -> None:
        super().__init__(document)
        self.document, self.scene, self.view = document, scene, view
        self.inline = InlineEditor(scene)
        self.free = FreeCardEditing(self)
        self.gestures = Gestures(self)
        self.confirm: Callable[[str], bool] = lambda question: ask_delete(view, question)
        document.journeyReplaced.connect(self._show_journey)
        scene.selectionChanged.connect(self._describe_selection)
        self.keyboard = KeyboardNavigation(scene, view)
        self._show_journey()

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def _show_journey(self) -> None:
        self.inline.cancel()
        self.scene.set_journey(self.document.journey)
        self._describe_selection()

    def _describe_selection(self) -> None:
        text = describe_selection(self.scene.journey, self.scene.selectedItems())
        self.view.setAccessibleDescription(text)

    def _push(self, command: object) -> bool:
        """Push, turning a refused edit into a status message instead of an exception."""
        try:
            self.document.push(command)  # type: ignore[arg-type]
        except JourneyError as exc:
            self.statusMessage.emit(str(exc))
            return False
        self.scene.flush()
        return True

    def push(self, command: object) -> bool:
        """Push an edit from a helper of the editor, as the controller's own verbs do."""
        return self._push(command)

    # --------------------------------------------------------------- stages
    def current_stage(self) -> str | None:
        """The stage the user is working in: a selected header, or a selected card's stage."""
        stages = self.scene.selected_stages()
        if stages:
            return stages[0]
        cards = self.scene.selected_touchpoints()
        if cards:
            return self.journey.touchpoint(cards[0]).stage_id
        return None

    def _new_stage(self, index: int | None) -> None:
        names = {s.name for s in self.journey.stages()}
        n = len(names) + 1
        while f"Stage {n}" in names:
            n += 1
        command = AddStage(self.journey, f"Stage {n}", index=index)
        if self._push(command):
            self.scene.select_ids([command.stage_id])
            self.rename(command.stage_id)

    def add_stage(self) -> None:
        self._new_stage(None)

    def insert_stage_before(self) -> None:
        stage = self.current_stage()
        self._new_stage(0 if stage is None else self.journey.stage_index(stage))

    def insert_stage_after(self) -> None:
        stage = self.current_stage()
        self._new_stage(None if stage is None else self.journey.stage_index(stage) + 1)

    # ---------------------------------------------------------- touchpoints
    def add_touchpoint(self) -> None:
        """Type a new card's name in place at the end of the current stage."""
        layout = self.scene.layout
        stages = self.journey.stages()
        if layout is None or not stages:
            self.statusMessage.emit("Add a stage first")
            return
        stage_id = self.current_stage() or stages[0].id
        cards = self.scene.selected_touchpoints()
        channel = self.journey.touchpoint(cards[0]).channel if cards else ""
        column = layout.column(stage_id)
        m = layout.metrics
        lane_keys = [lane for lane in layout.lanes if lane.is_channel]
        lane = next(
            (ln for ln in lane_keys if layout.channel_names.get(ln.key) == channel), lane_keys[0]
        )
        rect = QRectF(
            column.x + column.width - m.card_width - m.stage_padding,
            lane.y + m.lane_padding,
            m.card_width,
            m.card_height,
        )
        self.view.ensureVisible(rect)

        def create(name: str) -> None:
            command = AddTouchpoint(self.journey, stage_id, name, channel=channel)
            if self._push(command):
                self.scene.select_ids([command.touchpoint_id])

        self.inline.start(rect, "", create, placeholder="New touchpoint")

    def move_cards(self, cards: list[TouchpointCard]) -> None:
        """One drag of one or many cards: one undo step, even when channels change too."""
        moves, channels = self.gestures.drop_moves(cards)
        if not moves:
            return
        stack = self.document.undo_stack
        stack.beginMacro(MoveTouchpoints(self.journey, moves).text())
        try:
            self._push(MoveTouchpoints(self.journey, moves))
            for tp_id, channel in channels:
                self._push(UpdateItem(self.journey, tp_id, channel=channel))
        finally:
            stack.endMacro()
        self.scene.flush()
        self.scene.select_ids([m[0] for m in moves])

    def connect_touchpoints(self, source: str, target: str | None) -> None:
        if self.journey.has_flow(source, target):
            self.statusMessage.emit("These touchpoints are connected already")
            return
        self._push(AddFlow(self.journey, source, target))

    def add_dropoff(self, source: str) -> None:
        """Record where customers leave at ``source``, then select the drop-off so the
        Inspector shows its count and label to fill in."""
        if self.journey.has_flow(source, None):
            self.statusMessage.emit("This touchpoint has a drop-off already")
            return
        if self._push(AddFlow(self.journey, source, None)):
            self.scene.select_ids([(source, None)])

    # ------------------------------------------------------------- renaming
    def rename(self, item_id: str) -> None:
        item = self.scene.cards.get(item_id) or self.scene.headers.get(item_id)
        if item is None:
            return
        rect = item.footprint() if isinstance(item, TouchpointCard) else item.sceneBoundingRect()
        name = self.journey.item(item_id).name  # type: ignore[union-attr]
        self.view.ensureVisible(rect)

        def commit(text: str) -> None:
            if text != name and item_id in self.journey:
                self._push(UpdateItem(self.journey, item_id, name=text))

        self.inline.start(
            QRectF(rect.x() + 6, rect.y(), rect.width() - 12, rect.height()), name, commit
        )

    def rename_selection(self) -> None:
        selected = self.scene.selected_touchpoints() + self.scene.selected_stages()
        if selected:
            self.rename(selected[0])
        elif self.scene.selected_free_cards():
            self.free.edit_text(self.scene.selected_free_cards()[0])

    # -------------------------------------------------------- selection verbs
    def selection_keys(self) -> list[str | tuple[str, str | None]]:
        keys: list[str | tuple[str, str | None]] = []
        keys += self.scene.selected_stages()
        keys += self.scene.selected_touchpoints()
        keys += self.scene.selected_flows()
        keys += self.scene.selected_notes()  # pain points and opportunities: RemoveItems takes them
        keys += self.scene.selected_free_cards()
        return keys

    def select_all(self) -> None:
        self.scene.select_ids([*self.scene.cards, *self.scene.flows])

    def delete_selection(self) -> None:
        keys = self.selection_keys()
        if not keys:
            return
        full = [s for s in self.scene.selected_stages() if self.journey.touchpoints(s)]
        if full:
            names = ", ".join(
                f"\N{LEFT DOUBLE QUOTATION MARK}{self.journey.stage(s).name}"
                "\N{RIGHT DOUBLE QUOTATION MARK}"
                for s in full
            )
            count = sum(len(self.journey.touchpoints(s)) for s in full)
            if not self.confirm(f"Delete {names} with its {count} touchpoint(s)?"):
                return
        self._push(RemoveItems(self.journey, keys))

    def set_feeling(self, valence: int | None) -> None:
        """Feeling of every selected card for everyone (no persona): -2..+2, or cleared."""
        cards = self.scene.selected_touchpoints()
        if not cards:
            self.statusMessage.emit("Select a touchpoint to set how the customer feels")
            return
        stack = self.document.undo_stack
        stack.beginMacro(feeling_macro_text(self.journey, cards, valence))
        try:
            for tp_id in cards:
                if valence is None:
                    if self.journey.emotions(tp_id):
                        self._push(ClearEmotion(self.journey, tp_id))
                else:
                    self._push(SetEmotion(self.journey, tp_id, valence))
        finally:
            stack.endMacro()

    # -------------------------------------------------------------- clipboard
    def copy(self) -> bool:
        free = self.scene.selected_free_cards()
        keys = [k for k in self.selection_keys() if k not in free]
        if free:  # a free card needs its lane: the clipboard has no place for it yet
            self.statusMessage.emit("Free cards are not copied or cut; Delete removes them")
        if not keys:
            return False
        fragment = fragment_of(self.journey, keys)
        data = QMimeData()
        data.setData(MIME_TYPE, to_json(fragment).encode("utf-8"))
        data.setText(
            "\n".join(t.name for t in fragment.touchpoints)
            or "\n".join(s.name for s in fragment.stages)
        )
        clipboard.put(data)
        return True

    def cut(self) -> None:
        free = self.scene.selected_free_cards()
        if self.copy():
            keys = [k for k in self.selection_keys() if k not in free]
            self._push(RemoveItems(self.journey, keys))

    def paste(self) -> None:
        data = clipboard.clipboard().mimeData()
        if data is None or not data.hasFormat(MIME_TYPE):
            self.statusMessage.emit("Nothing to paste: copy touchpoints or stages first")
            return
        try:
            fragment = from_json(bytes(data.data(MIME_TYPE).data()))
        except FragmentError as exc:
            self.statusMessage.emit(f"Cannot paste: {exc}")
            return
        stage = self.current_stage() or (
            self.journey.stages()[0].id if self.journey.stages() else None
        )
        try:
            command = PasteFragment(self.journey, fragment, target_stage_id=stage)
        except (FragmentError, JourneyError) as exc:
            self.statusMessage.emit(f"Cannot paste: {exc}")
            return
        if self._push(command):
            self.scene.select_ids(command.new_ids)

    def duplicate(self) -> None:
        keys = self.selection_keys()
        if not keys:
            return
        command = DuplicateItems(self.journey, keys)
        if self._push(command):
            self.scene.select_ids(command.new_ids)
