"""Turns the key cells of a file into touchpoint ids, once per distinct key.

Keys that match nothing are counted for the report; with ``add_missing`` they get ids of new
touchpoints instead, created when the import is applied, so an analyst can start a map from
the data alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjo_desktop.domain.model import Kind
from cjo_desktop.domain.validate import MAX_NAME
from cjo_desktop.io.imports.matching import Match, Matcher, normalize
from cjo_desktop.io.imports.report import SharedKey

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey


class KeyResolver:
    def __init__(self, journey: Journey, mode: Match = "auto", add_missing: bool = False) -> None:
        self._journey = journey
        self._matcher = Matcher(journey, mode)
        self._add_missing = add_missing
        self._cache: dict[str, str | None] = {}
        self._first_spelling: dict[str, str] = {}
        self.new_touchpoints: dict[str, str] = {}  # new id -> name, in first-seen order
        self.unmatched: dict[str, int] = {}  # key as first written -> rows
        self.shared: dict[str, SharedKey] = {}  # key naming several touchpoints -> them, rows

    def resolve(self, key: str, rows: int = 1) -> str | None:
        k = normalize(key)
        if k not in self._cache:
            self._first_spelling[k] = key.strip()
            tp = self._matcher.find(key)
            # a name two touchpoints share matches, ambiguously: it is not missing
            fits = len(key.strip()) <= MAX_NAME  # a longer key cannot name a touchpoint
            if tp is None and self._add_missing and k not in self._matcher.ambiguous and fits:
                tp = self._fresh_id()
                self.new_touchpoints[tp] = key.strip()
            self._cache[k] = tp
        tp = self._cache[k]
        if tp is None:
            spelling = self._first_spelling[k]
            touchpoints = self._matcher.sharing(key)
            if touchpoints:
                shared = self.shared.setdefault(spelling, SharedKey(tuple(touchpoints)))
                shared.rows += rows
            else:
                self.unmatched[spelling] = self.unmatched.get(spelling, 0) + rows
        return tp

    def missed(self, key: str, subject: str = "key") -> str:
        """Why ``key`` gave no touchpoint, as the import report counts skipped rows
        ("key matches no touchpoint", "key names more than one touchpoint")."""
        if self._matcher.sharing(key):
            return f"{subject} names more than one touchpoint"
        return f"{subject} matches no touchpoint"

    def _fresh_id(self) -> str:
        while True:
            candidate = self._journey.new_id(Kind.TOUCHPOINT)
            if candidate not in self.new_touchpoints:
                return candidate

    @property
    def ambiguous(self) -> set[str]:
        """Touchpoint names used twice in the map: rows naming them must use the id."""
        return self._matcher.ambiguous
