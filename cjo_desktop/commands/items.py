"""Edits of fields: the map's title and description, and any field of one item."""

from __future__ import annotations

from typing import Any

from cjo_desktop.commands._base import (
    Composite,
    FieldEdit,
    JourneyCommand,
    describe,
    merge_key,
    quote,
)
from cjo_desktop.commands._probe import check_update
from cjo_desktop.domain import Journey, JourneyError, Kind


class SetTitle(JourneyCommand):
    """Rename the map."""

    def __init__(self, journey: Journey, title: str, parent: Composite | None = None) -> None:
        Journey(title)  # the domain's own check of the value
        super().__init__(journey, f"Rename map to {quote(title)}", parent)
        self.title = title
        self._old = journey.title
        if self.standalone and title == journey.title:
            self.setObsolete(True)

    def redo(self) -> None:
        self._old = self.journey.title
        self.journey.set_title(self.title)

    def undo(self) -> None:
        self.journey.set_title(self._old)


class SetDescription(JourneyCommand):
    """Change the map's description."""

    def __init__(self, journey: Journey, description: str, parent: Composite | None = None) -> None:
        Journey(description=description)
        super().__init__(journey, "Edit map description", parent)
        self.description = description
        self._old = journey.description
        if self.standalone and description == journey.description:
            self.setObsolete(True)

    def redo(self) -> None:
        self._old = self.journey.description
        self.journey.set_description(self.description)

    def undo(self) -> None:
        self.journey.set_description(self._old)


class UpdateItem(FieldEdit):
    """Set fields of a stage, touchpoint, emotion or persona; rename is ``name=``.

    With ``merge=True`` and a single field, consecutive edits of that field on the same item
    (arrow-key nudges, spin boxes) become one undo step.
    """

    def __init__(
        self,
        journey: Journey,
        item_id: str,
        parent: Composite | None = None,
        *,
        merge: bool = False,
        **changes: Any,
    ) -> None:
        item = journey.item(item_id)
        if not changes:
            raise JourneyError("an update needs at least one field to change")
        check_update(journey, item, changes)
        super().__init__(journey, _update_text(journey, item_id, changes), parent)
        self.item_id = item_id
        self.changes = dict(changes)
        self.old = {key: getattr(item, key) for key in changes}
        self.merge_key = merge_key("item", item_id, self.changes, merge)
        if self.standalone and self.old == self.changes:
            self.setObsolete(True)

    def redo(self) -> None:
        item = self.journey.item(self.item_id)
        self.old = {key: getattr(item, key) for key in self.changes}
        self.journey.update(self.item_id, **self.changes)

    def undo(self) -> None:
        self.journey.update(self.item_id, **self.old)


def _update_text(journey: Journey, item_id: str, changes: dict[str, Any]) -> str:
    kind = journey.kind_of(item_id)
    what = describe(journey, item_id)
    word = "feeling" if kind is Kind.EMOTION else kind.value
    if set(changes) == {"name"}:
        return f"Rename {word} {what} to {quote(changes['name'])}"
    if set(changes) == {"position"}:
        return f"Move {word} {what}" if changes["position"] else f"Auto-place {word} {what}"
    if len(changes) == 1:
        field = next(iter(changes)).replace("_", " ")
        return f"Change {field} of {what}"
    return f"Edit {word} {what}" if kind is not Kind.EMOTION else f"Edit {what}"
