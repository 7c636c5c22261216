"""A tiny observer so views (the Qt canvas, a notebook widget) can follow a journey without Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

Action = Literal["add", "remove", "update", "move"]


@dataclass(frozen=True, slots=True)
class Change:
    """One edit of a journey.

    ``kind`` is the node kind (``"stage"``, ``"touchpoint"``...), ``"flow"`` or ``"journey"``
    for the map's own fields; ``key`` is the node id, or ``(source, target)`` for a flow.
    ``old`` and ``new`` are the item before and after (``None`` when it did not exist);
    ``index`` is the position for ordered kinds (stages, touchpoints within their stage).
    """

    action: Action
    kind: str
    key: Any
    old: Any = None
    new: Any = None
    index: int | None = None


class Signal(Generic[T]):
    """Callbacks run in connection order; a callback may disconnect itself while running."""

    def __init__(self) -> None:
        self._slots: list[Callable[[T], None]] = []

    def connect(self, slot: Callable[[T], None]) -> None:
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[[T], None]) -> None:
        self._slots.remove(slot)

    def emit(self, value: T) -> None:
        for slot in list(self._slots):
            slot(value)

    def __len__(self) -> int:
        return len(self._slots)
