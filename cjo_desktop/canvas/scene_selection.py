"""What is selected on the scene, by model id: a mixin of
:class:`~cjo_desktop.canvas.scene.JourneyScene`, so the scene module keeps to mirroring the map."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.flow_item import FlowItem
from cjo_desktop.canvas.note_items import NoteItem
from cjo_desktop.canvas.stage_header import StageHeader

if TYPE_CHECKING:
    from cjo_desktop.canvas.free_cards import FreeCardLayer

FlowKey = tuple[str, str | None]


class SelectionMixin(QGraphicsScene):
    """Reading and setting the selection by model id."""

    cards: dict[str, TouchpointCard]
    headers: dict[str, StageHeader]
    flows: dict[FlowKey, FlowItem]
    notes: dict[str, NoteItem]
    free: FreeCardLayer

    def selected_touchpoints(self) -> list[str]:
        return [i.touchpoint_id for i in self.selectedItems() if isinstance(i, TouchpointCard)]

    def selected_stages(self) -> list[str]:
        return [i.stage_id for i in self.selectedItems() if isinstance(i, StageHeader)]

    def selected_flows(self) -> list[FlowKey]:
        return [i.flow_key for i in self.selectedItems() if isinstance(i, FlowItem)]

    def selected_notes(self) -> list[str]:
        """Ids of the selected pain points' and opportunities' notes."""
        return [i.item_id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def selected_free_cards(self) -> list[str]:
        return self.free.selected()

    def select_ids(self, ids: Iterable[str | FlowKey], *, clear: bool = True) -> None:
        """Select items by model id; listeners hear one selectionChanged, not one per item."""
        blocked = self.blockSignals(True)
        try:
            if clear:
                self.clearSelection()
            for key in ids:
                item: QGraphicsItem | None
                if isinstance(key, tuple):
                    item = self.flows.get(key)
                else:
                    item = self.cards.get(key) or self.headers.get(key) or self.notes.get(key)
                    item = item or self.free.cards.get(key)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    def card_at(self, pos: object) -> TouchpointCard | None:
        for item in self.items(pos):  # type: ignore[call-overload]
            if isinstance(item, TouchpointCard):
                return item
        return None
