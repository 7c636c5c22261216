"""Which touchpoint a row means: by id or by name, forgiving about case, spaces and accents'
composed or decomposed forms, and never guessing beyond that."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey

Match = Literal["id", "name", "auto"]


def normalize(key: str) -> str:
    """'  Checkout:  Payment ' and 'checkout: payment' are the same key; so are the composed
    and decomposed forms of 'é' (NFKC)."""
    return " ".join(unicodedata.normalize("NFKC", key).split()).casefold()


@dataclass
class Matcher:
    """Maps the keys found in a file to touchpoint ids; remembers what did not match."""

    journey: Journey
    mode: Match = "auto"
    unmatched: dict[str, int] = field(default_factory=dict)  # key as written -> rows

    def __post_init__(self) -> None:
        self._by_id = {normalize(t.id): t.id for t in self.journey.touchpoints()}
        self._by_name: dict[str, str] = {}
        self._named: dict[str, list[str]] = {}
        self.ambiguous: set[str] = set()
        for tp in self.journey.touchpoints():
            name = normalize(tp.name)
            if name in self._by_name:
                self.ambiguous.add(name)
            self._by_name.setdefault(name, tp.id)
            self._named.setdefault(name, []).append(tp.id)

    def find(self, key: str) -> str | None:
        """The touchpoint id for ``key``, or None (a name shared by two touchpoints is not
        guessed: match by id instead)."""
        k = normalize(key)
        if self.mode in ("id", "auto") and k in self._by_id:
            return self._by_id[k]
        if self.mode in ("name", "auto") and k in self._by_name and k not in self.ambiguous:
            return self._by_name[k]
        return None

    def sharing(self, key: str) -> list[str]:
        """The ids of the touchpoints that share the name ``key`` when it is matched by name
        and is ambiguous (else empty): such a key matches too much, not nothing."""
        k = normalize(key)
        if self.mode == "id" or k not in self.ambiguous or self.find(key) is not None:
            return []
        return list(self._named[k])

    def resolve(self, keys: Iterable[tuple[str, int]]) -> dict[str, str]:
        """Resolve distinct keys (with their row counts): normalized key -> touchpoint id."""
        found: dict[str, str] = {}
        for key, rows in keys:
            tp = self.find(key)
            if tp is None:
                self.unmatched[key] = self.unmatched.get(key, 0) + rows
            else:
                found[normalize(key)] = tp
        return found
