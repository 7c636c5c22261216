"""Map > Add Service Blueprint Lanes: the blueprint's lanes a map lacks, in one undo step."""

from __future__ import annotations

from cjo_desktop.commands._base import JourneyCommand, plural
from cjo_desktop.commands.items import AddItem, UpdateItem
from cjo_desktop.domain import Journey
from cjo_desktop.domain.blueprint import blueprint_plan


class ApplyBlueprintPreset(JourneyCommand):
    """Add the lanes of a service blueprint the map has no lane of, each at its place (see
    :func:`~cjo_desktop.domain.blueprint.blueprint_plan`), and show its hidden customer
    actions, frontstage, backstage and support lanes. Obsolete when there is nothing to do."""

    def __init__(self, journey: Journey) -> None:
        plan = blueprint_plan(journey)
        super().__init__(journey, _text(len(plan.add), len(plan.show)), None)
        for lane, index in plan.add:
            AddItem(journey, lane, index, parent=self)
        for lane_id in plan.show:
            UpdateItem(journey, lane_id, parent=self, hidden=False)
        self.plan = plan
        if not plan:
            self.setObsolete(True)


def _text(added: int, shown: int) -> str:
    parts = [f"add {plural(added, 'blueprint lane')}"] if added else []
    parts += [f"show {plural(shown, 'hidden lane')}"] if shown else []
    return ("Service blueprint: " + " and ".join(parts)) if parts else "Service blueprint"
