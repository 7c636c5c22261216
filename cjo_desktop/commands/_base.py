"""What every journey command shares: the journey, children kept alive, merging, and texts.

Commands check their arguments when they are built, so a bad edit raises :class:`JourneyError`
before it reaches the stack: ``QUndoStack.push`` calls ``redo()`` and keeps the command even
when ``redo()`` raises, which would leave a half-done step in the history. A child command is
checked by its parent, which knows the state that earlier siblings leave behind.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtGui import QUndoCommand

from cjo_desktop.domain import DEFAULT_EMOTION_LABELS, Emotion, Journey, PainPoint
from cjo_desktop.domain.model import FreeCard
from cjo_desktop.domain.validate import insert_index

#: A flow's key: ``(source, target)``, ``target`` is ``None`` for a drop-off.
FlowKey = tuple[str, str | None]

#: ``QUndoCommand.id()`` of commands that may merge; ``mergeWith`` then checks the details.
MERGE_ID = 0x434A4F01

_MAX_NAME = 40


class Keep(Enum):
    """Marks an argument to leave as it is, where ``None`` already means something."""

    KEEP = "keep"


KEEP = Keep.KEEP


class Composite(QUndoCommand):
    """A command with child commands: children redo in order and undo in reverse.

    This is QUndoCommand's own parent/child contract, kept in Python: PySide leaves a child
    built with a Qt ``parent`` owned by Python, so when the stack deletes the parent the child
    is freed twice (a crash in ``QUndoStack.clear()``), and a child nobody references is freed
    at once (a crash on redo). Subclasses that do work of their own call ``super().redo()``
    before it and ``super().undo()`` after it, as orange-canvas-core does.
    """

    def __init__(self, text: str, parent: Composite | None = None) -> None:
        super().__init__(text)  # no Qt parent, on purpose: see above
        self._children: list[Composite] = []
        #: Built without a parent: then the command checks the journey itself; a parent
        #: checks its children, knowing what earlier siblings will have changed.
        self.standalone = parent is None
        if parent is not None:
            if not isinstance(parent, Composite):
                raise TypeError("a command's parent must be a journey command or a Macro")
            parent._children.append(self)

    def children(self) -> list[Composite]:
        return list(self._children)

    def redo(self) -> None:
        for child in self._children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self._children):
            child.undo()


class Macro(Composite):
    """Several commands as one undo step, for gestures no single command covers, e.g.
    ``m = Macro("Align cards"); UpdateItem(j, a, parent=m, position=p); stack.push(m)``.
    (``QUndoStack.beginMacro``/``endMacro`` work as well.)"""


class JourneyCommand(Composite):
    """Base of all journey commands: they hold the journey they change."""

    def __init__(self, journey: Journey, text: str, parent: Composite | None) -> None:
        super().__init__(text, parent)
        self.journey = journey


class FieldEdit(JourneyCommand):
    """Sets fields of one thing; repeated nudges of one field may merge into one undo step.

    Subclasses fill ``changes`` and ``merge_key`` (``None``: never merge) and record the old
    values in ``old`` on every redo.
    """

    changes: dict[str, Any]
    old: dict[str, Any]
    merge_key: tuple[object, ...] | None

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, FieldEdit)
            or self.merge_key is None
            or other.merge_key != self.merge_key
        ):
            return False
        self.changes = dict(other.changes)
        self.setText(other.text())  # the history names the value the run of edits ended on
        # Nudged back to where it started: the stack drops this step altogether.
        self.setObsolete(self.old == self.changes)
        return True


def merge_key(
    kind: str, key: object, changes: dict[str, Any], merge: bool
) -> tuple[object, ...] | None:
    """The key two edits must share to merge: same thing, same single field, both nudges."""
    if not merge or len(changes) != 1:
        return None
    return (kind, key, next(iter(changes)))


def quote(name: str) -> str:
    """A name as shown in the undo history: quoted, long names cut short."""
    if len(name) > _MAX_NAME:
        name = name[: _MAX_NAME - 1].rstrip() + "\u2026"
    return f'"{name}"'


def describe(journey: Journey, item_id: str) -> str:
    """How the undo history names an item: its quoted name, or where an emotion sits."""
    if item_id not in journey:
        return quote(item_id)
    item = journey.item(item_id)
    if isinstance(item, Emotion):
        return f"feeling of {describe(journey, item.touchpoint_id)}"
    if isinstance(item, PainPoint):
        return f"pain point at {describe(journey, item.touchpoint_id)}"
    if isinstance(item, FreeCard):
        return f"card {quote(item.text)}"
    return quote(item.name)


def feeling_text(valence: int, label: str = "") -> str:
    """A feeling as the undo history names it: "-2 (frustrated)", "+1 ("keen")"."""
    number = f"{valence:+d}" if valence else "0"
    return f"{number} ({quote(label) if label else DEFAULT_EMOTION_LABELS.get(valence, '')})"


def value_text(value: object) -> str:
    """A field's new value in the undo history: names quoted, lists joined, nothing said."""
    if value is None or value == "" or value == ():
        return "nothing"
    if isinstance(value, (list, tuple)):
        return ", ".join(quote(str(v)) for v in value)
    if isinstance(value, str):
        return quote(" ".join(value.split()))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def plural(count: int, word: str) -> str:
    """``1 touchpoint``, ``3 touchpoints``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def flow_text(journey: Journey, source: str, target: str | None, flow: str, drop: str) -> str:
    """Fill a template (``flow``, or ``drop`` for a drop-off) with {source} and {target}."""
    if target is None:
        return drop.format(source=describe(journey, source))
    return flow.format(source=describe(journey, source), target=describe(journey, target))


def check_index(index: int | None, length: int) -> None:
    """``None`` (the end) or a whole number in ``0..length``, as the journey's orders take."""
    insert_index(index, length)
