"""Edits of one item: add it whole, or set its fields; and the map's title and description.

Each asks the journey's check-only methods when it is built, so a value the journey would
refuse never reaches the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjo_desktop.commands._base import (
    Composite,
    FieldEdit,
    JourneyCommand,
    describe,
    feeling_text,
    flow_text,
    merge_key,
    quote,
    value_text,
)
from cjo_desktop.domain import Emotion, Flow, Journey, JourneyError, Kind, PainPoint
from cjo_desktop.domain.fields import checked
from cjo_desktop.domain.journey_checks import Addable
from cjo_desktop.domain.model import KIND_OF, FreeCard

#: How each kind of item is taken out again, by its id.
_REMOVE: dict[Kind, Callable[[Journey, str], object]] = {
    Kind.STAGE: Journey.remove_stage,
    Kind.TOUCHPOINT: Journey.remove_touchpoint,
    Kind.EMOTION: Journey.remove_emotion,
    Kind.PERSONA: Journey.remove_persona,
    Kind.PAIN_POINT: Journey.remove_pain_point,
    Kind.OPPORTUNITY: Journey.remove_opportunity,
    Kind.LANE: Journey.remove_lane,
    Kind.FREE_CARD: Journey.remove_free_card,
}


class AddItem(JourneyCommand):
    """Add an item built whole (its id fixed by the caller) at ``index`` in its order.

    Its values are checked when the command is built; built without a parent, it also asks
    the journey whether the item fits (its id free, what it refers to there, the index).
    Paste and duplicate add copies of items this way; the ``Add...`` commands build the item
    from their arguments first.
    """

    def __init__(
        self,
        journey: Journey,
        item: Addable,
        index: int | None = None,
        parent: Composite | None = None,
        text: str | None = None,
    ) -> None:
        item = checked(item)
        super().__init__(journey, text or _add_text(journey, item), parent)
        if self.standalone:
            journey.check_add_item(item, index)
        self.item = item
        self.index = index

    def redo(self) -> None:
        self.journey.add_item(self.item, self.index)

    def undo(self) -> None:
        item = self.item
        if isinstance(item, Flow):
            self.journey.remove_flow(item.source, item.target)
        else:
            _REMOVE[KIND_OF[type(item)]](self.journey, item.id)


def _add_text(journey: Journey, item: Addable) -> str:
    if isinstance(item, Flow):
        connect, drop = "Connect {source} to {target}", "Add drop-off at {source}"
        return flow_text(journey, item.source, item.target, connect, drop)
    if isinstance(item, Emotion):
        feeling = feeling_text(item.valence, item.label)
        return f"Add feeling {feeling} to {describe(journey, item.touchpoint_id)}"
    if isinstance(item, PainPoint):
        return f"Flag pain point at {describe(journey, item.touchpoint_id)}"
    if isinstance(item, FreeCard):
        return f"Add card {quote(item.text)}"
    return f"Add {KIND_OF[type(item)].value} {quote(item.name)}"


class SetTitle(JourneyCommand):
    """Rename the map."""

    def __init__(self, journey: Journey, title: str, parent: Composite | None = None) -> None:
        journey.check_title(title)
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
        journey.check_description(description)
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
        journey.check_update(item_id, **changes)
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
    fields = [f.removesuffix("_id").replace("_", " ") for f in changes]
    if len(changes) == 1:
        field, value = next(iter(changes.items()))
        if kind is Kind.EMOTION and field == "valence":
            return f"Set {what} to {feeling_text(value)}"
        if field == "persona_id":
            persona = "everyone" if value is None else describe(journey, value)
            return f"Give {what} to {persona}"
        if field in _LONG_TEXTS:
            return f"Edit {fields[0]} of {what}"
        if isinstance(value, str) and value and value in journey:  # a stage, a pain point...
            return f"Set {fields[0]} of {what} to {describe(journey, value)}"
        return f"Set {fields[0]} of {what} to {value_text(value)}"
    return f"Edit {', '.join(fields[:-1])} and {fields[-1]} of {what}"


#: Fields whose value is too long to repeat in the undo history.
_LONG_TEXTS = frozenset({"description", "strategy"})
