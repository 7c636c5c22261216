"""The canvas's free-card verbs: type a new card into a cell, edit a card's text in place,
drop dragged cards in other cells, and link selected cards to selected touchpoints; each one
undo step through ``document.push``.

Gestures and actions call these; nothing here touches the journey but through commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.free_card_item import FreeCardItem
from cjo_desktop.commands import AddFreeCard, EditFreeCard, LinkFreeCard, Macro, MoveFreeCard
from cjo_desktop.commands._base import plural
from cjo_desktop.domain import JourneyError
from cjo_desktop.domain.model import FreeCard
from cjo_desktop.drawing.lane_rows import fill_cells
from cjo_desktop.drawing.layout import Column, Lane, Layout

if TYPE_CHECKING:
    from cjo_desktop.editor.controller import EditorController

#: The id a card being typed has in the layout's sums before it exists.
_NEW = "new free card"


def free_cell(layout: Layout, pos: QPointF) -> tuple[Column, Lane] | None:
    """The stage column and the open lane of free cards under ``pos``, if it is in one."""
    lane = layout.lane_at(pos.y())
    column = layout.column_at(pos.x())
    if lane is None or column is None or not lane.key.startswith("lane:") or lane.collapsed:
        return None
    if not column.x <= pos.x() <= column.x + column.width:
        return None
    return column, lane


class FreeCardEditing(QObject):
    def __init__(self, controller: EditorController) -> None:
        super().__init__(controller)
        self.controller = controller

    # ------------------------------------------------------------------ adding
    def add_at(self, pos: QPointF) -> bool:
        """Double-click in a cell of a lane of free cards: type the new card's text where it
        will sit (Enter adds it, one undo step; Escape or nothing typed adds nothing)."""
        scene, journey = self.controller.scene, self.controller.journey
        layout = scene.layout
        cell = None if layout is None else free_cell(layout, pos)
        if layout is None or cell is None:
            return False
        column, lane = cell
        stage_id, lane_id = column.stage_id, lane.lane_id
        rect = self._slot(layout, column, lane)
        self.controller.view.ensureVisible(rect)

        def create(text: str) -> None:
            try:
                command = AddFreeCard(journey, stage_id, lane_id, text)
            except JourneyError as exc:
                self.controller.statusMessage.emit(str(exc))
                return
            if self.controller.push(command):
                scene.select_ids([command.card_id])

        self.controller.inline.start(rect, "", create, placeholder="New card")
        return True

    def _slot(self, layout: Layout, column: Column, lane: Lane) -> QRectF:
        """Where a new card of the cell will sit: after its last card, as the layout fills."""
        journey = self.controller.journey
        cards = journey.free_cards(column.stage_id, lane.lane_id)
        new = FreeCard(_NEW, column.stage_id, lane.lane_id, "new")
        placed = fill_cells(
            [*cards, new], {column.stage_id: (column.x, column.width)}, layout.metrics
        )
        box = placed.boxes[_NEW]
        return QRectF(box.x, lane.y + box.y, box.w, box.h)

    # ----------------------------------------------------------------- editing
    def edit_text(self, card_id: str) -> None:
        """Type over a card's text in place (double-click, F2); Enter sets it, one step."""
        item = self.controller.scene.free.cards.get(card_id)
        journey = self.controller.journey
        if item is None or card_id not in journey:
            return
        rect = item.footprint()
        self.controller.view.ensureVisible(rect)
        old = journey.free_card(card_id).text

        def commit(text: str) -> None:
            if text != old and card_id in journey:
                try:
                    command = EditFreeCard(journey, card_id, text=text)
                except JourneyError as exc:
                    self.controller.statusMessage.emit(str(exc))
                    return
                self.controller.push(command)

        self.controller.inline.start(rect, old, commit, placeholder="Card text")

    # ---------------------------------------------------------------- dropping
    def drop_moves(self, items: list[FreeCardItem]) -> list[MoveFreeCard]:
        """A move for each dragged card dropped in another cell of a lane of free cards;
        a card dropped anywhere else goes back."""
        scene, journey = self.controller.scene, self.controller.journey
        layout = scene.layout
        assert layout is not None
        moves: list[MoveFreeCard] = []
        for item in items:
            cell = free_cell(layout, item.sceneBoundingRect().center())
            card = journey.free_card(item.card_id) if item.card_id in journey else None
            if cell is None or card is None:
                continue
            column, lane = cell
            if (column.stage_id, lane.lane_id) == (card.stage_id, card.lane_id):
                continue
            try:
                moves.append(MoveFreeCard(journey, card.id, column.stage_id, lane.lane_id))
            except JourneyError as exc:
                self.controller.statusMessage.emit(str(exc))
        return moves

    def drop(self, cards: list[TouchpointCard], items: list[FreeCardItem]) -> None:
        """One drag of touchpoint cards and free cards: one undo step."""
        controller, scene = self.controller, self.controller.scene
        moves = self.drop_moves(items)
        if not moves:
            if cards:
                controller.move_cards(cards)
            if scene.layout is not None:
                scene.free.put_back(scene.layout)
            return
        stack = controller.document.undo_stack
        text = moves[0].text() if len(moves) == 1 and not cards else "Move cards"
        stack.beginMacro(text)
        try:
            if cards:
                controller.move_cards(cards)
            for move in moves:
                controller.push(move)
        finally:
            stack.endMacro()
        scene.flush()
        if scene.layout is not None:
            scene.free.put_back(scene.layout)
        scene.select_ids([m.item_id for m in moves] + [c.touchpoint_id for c in cards])

    # ----------------------------------------------------------------- linking
    def link_selection(self) -> None:
        """Link every selected free card to every selected touchpoint: one undo step."""
        controller, journey = self.controller, self.controller.journey
        cards = controller.scene.selected_free_cards()
        tps = controller.scene.selected_touchpoints()
        if not cards or not tps:
            controller.statusMessage.emit(
                "Select a free card and, with Ctrl+click, the touchpoint it supports"
            )
            return
        pairs = [(c, t) for c in cards for t in tps if t not in journey.free_card(c).supports]
        if not pairs:
            controller.statusMessage.emit("The selected cards support these touchpoints already")
            return
        if len(pairs) == 1:
            command: Macro | LinkFreeCard = LinkFreeCard(journey, *pairs[0])
        else:
            command = Macro(
                f"Link {plural(len(cards), 'card')} to {plural(len(tps), 'touchpoint')}"
            )
            for card_id, tp_id in pairs:
                LinkFreeCard(journey, card_id, tp_id, parent=command)
        controller.push(command)
