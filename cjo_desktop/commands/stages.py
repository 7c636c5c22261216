"""Adding, removing and reordering stages (the columns of the map)."""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, JourneyCommand, check_index, quote
from cjo_desktop.commands.items import AddItem
from cjo_desktop.commands.lanes import RemoveFreeCard
from cjo_desktop.commands.touchpoints import RemoveTouchpoint
from cjo_desktop.domain import Journey, Kind, Stage


class AddStage(AddItem):
    """Add a stage at ``index`` (the end when ``None``); its id is fixed when built."""

    def __init__(
        self,
        journey: Journey,
        name: str,
        index: int | None = None,
        stage_id: str | None = None,
        description: str = "",
        parent: Composite | None = None,
    ) -> None:
        if stage_id is None:
            stage_id = journey.new_id(Kind.STAGE)
        super().__init__(journey, Stage(stage_id, name, description), index, parent)
        self.stage_id = stage_id


class RemoveStage(JourneyCommand):
    """Remove a stage with all its touchpoints, each through :class:`RemoveTouchpoint`, and
    its free cards.

    Undo puts back the stage, its cards, their emotions and flows, in their old order.
    ``removing`` holds the ids and flow keys that sibling commands remove already (see
    :class:`~cjo_desktop.commands.removal.RemoveItems`); it is updated in place.
    """

    def __init__(
        self,
        journey: Journey,
        stage_id: str,
        parent: Composite | None = None,
        *,
        removing: set[object] | None = None,
    ) -> None:
        stage = journey.stage(stage_id)
        super().__init__(journey, f"Remove stage {quote(stage.name)}", parent)
        self.stage_id = stage_id
        self._stage: Stage = stage
        self._index = -1
        removing = set() if removing is None else removing
        removing.add(stage_id)
        for tp in journey.touchpoints(stage_id):
            if tp.id not in removing:
                RemoveTouchpoint(journey, tp.id, parent=self, removing=removing)
        for card in journey.free_cards(stage_id=stage_id):
            if card.id not in removing:
                removing.add(card.id)
                RemoveFreeCard(journey, card.id, parent=self)

    def redo(self) -> None:
        super().redo()
        self._index = self.journey.stage_index(self.stage_id)
        self._stage = self.journey.remove_stage(self.stage_id)

    def undo(self) -> None:
        self.journey.add_item(self._stage, self._index)
        super().undo()


class MoveStage(JourneyCommand):
    """Move a stage so that it ends at ``index`` in the stage order."""

    def __init__(
        self, journey: Journey, stage_id: str, index: int, parent: Composite | None = None
    ) -> None:
        stage = journey.stage(stage_id)
        super().__init__(journey, f"Move stage {quote(stage.name)}", parent)
        if self.standalone:
            check_index(index, len(journey.stages()) - 1)
            if index == journey.stage_index(stage_id):
                self.setObsolete(True)
        self.stage_id = stage_id
        self.index = index
        self._old = -1

    def redo(self) -> None:
        self._old = self.journey.stage_index(self.stage_id)
        self.journey.move_stage(self.stage_id, self.index)

    def undo(self) -> None:
        self.journey.move_stage(self.stage_id, self._old)
