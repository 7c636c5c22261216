"""Flows between touchpoints, and drop-offs (a flow whose target is ``None``)."""

from __future__ import annotations

from typing import Any

from cjo_desktop.commands._base import (
    Composite,
    FieldEdit,
    JourneyCommand,
    flow_text,
    merge_key,
    value_text,
)
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain import Flow, Journey, JourneyError

#: Between a flow's two ends in the undo history.
ARROW = "\N{RIGHTWARDS ARROW}"


class AddFlow(AddItem):
    """Connect two touchpoints, or record a drop-off at ``source`` when ``target`` is None."""

    def __init__(
        self,
        journey: Journey,
        source: str,
        target: str | None,
        count: int | None = None,
        label: str = "",
        parent: Composite | None = None,
    ) -> None:
        super().__init__(journey, Flow(source, target, count, label), parent=parent)


class RemoveFlow(JourneyCommand):
    """Remove one flow or drop-off; undo brings back its count and label."""

    def __init__(
        self,
        journey: Journey,
        source: str,
        target: str | None,
        parent: Composite | None = None,
    ) -> None:
        self._flow: Flow = journey.flow(source, target)
        text = flow_text(
            journey,
            source,
            target,
            "Disconnect {source} from {target}",
            "Remove drop-off at {source}",
        )
        super().__init__(journey, text, parent)
        self.source = source
        self.target = target

    def redo(self) -> None:
        self._flow = self.journey.remove_flow(self.source, self.target)

    def undo(self) -> None:
        self.journey.add_item(self._flow)


class UpdateFlow(FieldEdit):
    """Change a flow's ``count`` or ``label``; with ``merge=True`` a run of edits of one field
    (a spin box) becomes one undo step."""

    def __init__(
        self,
        journey: Journey,
        source: str,
        target: str | None,
        parent: Composite | None = None,
        *,
        merge: bool = False,
        **changes: Any,
    ) -> None:
        flow = journey.flow(source, target)
        if not changes:
            raise JourneyError("an update needs at least one field to change")
        journey.check_update_flow(source, target, **changes)
        if len(changes) == 1:  # the field and its new value: "Set count of ... to 1200"
            field, value = next(iter(changes.items()))
            to = " to " + value_text(value).replace("{", "{{").replace("}", "}}")
            templates = (
                f"Set {field} of flow {{source}} {ARROW} {{target}}{to}",
                f"Set {field} of drop-off at {{source}}{to}",
            )
        else:
            templates = ("Edit flow from {source} to {target}", "Edit drop-off at {source}")
        text = flow_text(journey, source, target, *templates)
        super().__init__(journey, text, parent)
        self.source = source
        self.target = target
        self.changes = dict(changes)
        self.old = {key: getattr(flow, key) for key in changes}
        self.merge_key = merge_key("flow", flow.key, self.changes, merge)
        if self.standalone and self.old == self.changes:
            self.setObsolete(True)

    def redo(self) -> None:
        flow = self.journey.flow(self.source, self.target)
        self.old = {key: getattr(flow, key) for key in self.changes}
        self.journey.update_flow(self.source, self.target, **self.changes)

    def undo(self) -> None:
        self.journey.update_flow(self.source, self.target, **self.old)
