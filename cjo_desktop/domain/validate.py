"""Checks every journey edit applies to its input before anything changes.

Each returns the clean value or raises :class:`JourneyError` with a message a user can read.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.model import VALENCE_MAX, VALENCE_MIN, Position


def insert_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= length:
        raise JourneyError(f"index {index!r} is outside 0..{length}")
    return index


def text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise JourneyError(f"{what} must be text, not {type(value).__name__}")
    return value


def name(value: object) -> str:
    name = text(value, "name")
    if not name.strip():
        raise JourneyError("a name cannot be empty")
    return name


def tags(tags: Iterable[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise JourneyError("tags must be a list of words, not one string")
    return tuple(text(t, "a tag") for t in tags)


def valence(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise JourneyError(f"valence must be a whole number, not {value!r}")
    if not VALENCE_MIN <= value <= VALENCE_MAX:
        raise JourneyError(f"valence {value} is outside {VALENCE_MIN}..{VALENCE_MAX}")
    return value


def count(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise JourneyError(f"a flow count must be a whole number of 0 or more, not {value!r}")
    return value


def position(value: object) -> Position | None:
    if value is None:
        return None
    if isinstance(value, Position) and math.isfinite(value.x) and math.isfinite(value.y):
        return value
    raise JourneyError(f"a position must be a Position or None, not {value!r}")


def clean_field(key: str, value: Any) -> Any:
    if key == "name":
        return name(value)
    if key == "valence":
        return valence(value)
    if key == "tags":
        return tags(value)
    if key == "position":
        return position(value)
    if key == "persona_id":
        return None if value is None else text(value, "persona id")
    return text(value, key)
