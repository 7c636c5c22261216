"""Checks every journey edit applies to its input before anything changes.

Each returns the clean value or raises :class:`JourneyError` with a message a user can read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from cjo_desktop.domain import painpoints
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.model import VALENCE_MAX, VALENCE_MIN, Position


def insert_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= length:
        raise JourneyError(f"index {index!r} is outside 0..{length}")
    return index


#: The longest texts a map file holds: an edit that the file could not save is refused here.
MAX_NAME = 500
MAX_TEXT = 20_000
MAX_TAG = 200
MAX_METRIC_NAME = 200
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


def text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise JourneyError(f"{what} must be text, not {type(value).__name__}")
    if len(value) > limit:
        raise JourneyError(f"{what} is {len(value):,} characters long; at most {limit:,} fit")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file could hold it
        raise JourneyError(f"{what} contains a character that is not valid text") from None
    return value


def name(value: object, what: str = "a name") -> str:
    name = text(value, what, MAX_NAME)
    if not name.strip():
        raise JourneyError(f"{what} cannot be empty")
    return name


def identifier(value: object) -> str:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise JourneyError(
            f"{value!r:.70} is not a valid id (letters, digits, '_', '.', ':' "
            "or '-', starting with a letter or digit, at most 64)"
        )
    return value


def tags(tags: Iterable[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise JourneyError("tags must be a list of words, not one string")
    return tuple(text(t, "a tag", MAX_TAG) for t in tags)


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
    if key in _ITEM_CHECKS:
        return _ITEM_CHECKS[key](value)
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


_ITEM_CHECKS = {
    "severity": painpoints.severity,
    "effort": painpoints.effort,
    "impact": painpoints.impact,
}
