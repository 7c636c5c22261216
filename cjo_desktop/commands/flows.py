"""Flows between touchpoints, and drop-offs (a flow whose target is ``None``)."""

from __future__ import annotations

from typing import Any

from cjo_desktop.commands._base import Composite, FieldEdit, JourneyCommand, describe, merge_key
from cjo_desktop.commands._probe import check_flow_fields
from cjo_desktop.domain import Flow, Journey, JourneyError


class AddFlow(JourneyCommand):
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
        check_flow_fields({"count": count, "label": label})
        text = _flow_text(
            journey, source, target, "Connect {source} to {target}", "Add drop-off at {source}"
        )
        super().__init__(journey, text, parent)
        if self.standalone:
            journey.touchpoint(source)
            if target is not None:
                journey.touchpoint(target)
            if journey.has_flow(source, target):
                raise JourneyError(f"a flow from {source!r} to {target!r} exists already")
        self.source = source
        self.target = target
        self.count = count
        self.label = label

    def redo(self) -> None:
        self.journey.add_flow(self.source, self.target, count=self.count, label=self.label)

    def undo(self) -> None:
        self.journey.remove_flow(self.source, self.target)


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
        text = _flow_text(
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
        flow = self._flow
        self.journey.add_flow(flow.source, flow.target, count=flow.count, label=flow.label)


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
        check_flow_fields(changes)
        text = _flow_text(
            journey,
            source,
            target,
            "Edit flow from {source} to {target}",
            "Edit drop-off at {source}",
        )
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


def _flow_text(journey: Journey, source: str, target: str | None, flow: str, drop: str) -> str:
    """Fill a template (``flow``, or ``drop`` for a drop-off) with {source} and {target}."""
    if target is None:
        return drop.format(source=describe(journey, source))
    return flow.format(source=describe(journey, source), target=describe(journey, target))
