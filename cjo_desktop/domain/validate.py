"""Checks every journey edit applies to its input before anything changes.

Each returns the clean value or raises :class:`JourneyError` with a message a user can read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.limits import (
    MAX_COUNT,
    MAX_METRIC_NAME,
    MAX_NAME,
    MAX_TAG,
    MAX_TEXT,
    MAX_VALUE,
    VALENCE_MAX,
    VALENCE_MIN,
    describe_number,
)
from cjo_desktop.domain.metrics import MetricValue, Snapshot

__all__ = ["MAX_METRIC_NAME", "MAX_NAME", "MAX_TAG", "MAX_TEXT"]


def insert_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= length:
        raise JourneyError(f"index {index!r} is outside 0..{length}")
    return index


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


def count(value: object, what: str = "a flow count") -> int | None:
    """A whole number of people or rows, 0 to MAX_COUNT, or None where unknown."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise JourneyError(
            f"{what} must be a whole number from 0 to {describe_number(MAX_COUNT)}, "
            f"not {excerpt(value)}"
        )
    return value


def number(
    value: object, what: str, limit: float = MAX_VALUE, low: float | None = None
) -> float | None:
    """A finite number from ``low`` (default ``-limit``) to ``limit``, or None where undefined."""
    if value is None:
        return None
    low = -limit if low is None else low
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not low <= value <= limit
    ):
        raise JourneyError(
            f"{what} must be a number from {describe_number(low)} to "
            f"{describe_number(limit)}, not {excerpt(value)}"
        )
    return value


def expected_dropoff(value: object) -> float | None:
    """A share from 0 to 1 (the file's unit; people type a percentage), or None: not set."""
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= 1
    ):
        raise JourneyError(
            f"an expected drop-off must be a share from 0 to 1 (0% to 100%), not {excerpt(value)}"
        )
    return float(value)


def metric_value(value: MetricValue, what: str) -> None:
    """Every number of one metric value within the map's ranges (see :mod:`limits`)."""
    if not isinstance(value, MetricValue):
        raise JourneyError(f"{what} must be a MetricValue, not {type(value).__name__}")
    number(value.value, f"{what}: the value")
    count(value.n, f"{what}: n")
    number(value.ci_low, f"{what}: the interval's low end")
    number(value.ci_high, f"{what}: the interval's high end")
    for key, x in value.detail.items():
        text(key, f"{what}: a detail name", MAX_METRIC_NAME)
        number(x, f"{what}: {key[:40]!r}")


def snapshot_numbers(snapshot: Snapshot) -> None:
    """Every metric name and number of ``snapshot`` is one a map can hold."""
    for tp_id, per in snapshot.values.items():
        for metric, value in per.items():
            name(metric, "a metric name")
            text(metric, "a metric name", MAX_METRIC_NAME)
            metric_value(value, f"{metric[:40]!r} at {tp_id[:64]!r}")
    for metric, value in snapshot.summary.items():
        name(metric, "a metric name")
        text(metric, "a metric name", MAX_METRIC_NAME)
        metric_value(value, f"journey-wide {metric[:40]!r}")


def excerpt(value: object) -> str:
    """A value quoted in a message, cut short: a number can have thousands of digits (and
    Python refuses to write out more than a few thousand)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"a number of about {round(value.bit_length() * math.log10(2)):,} digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"
