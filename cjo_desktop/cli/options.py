"""Option types and checks every command shares, so the same mistake gets the same words.

Two kinds of mistake, two exit statuses: a value that is wrong whatever the files hold (not a
number, out of range, not UTF-8, a title too long) is bad usage, refused by argparse before any
file is read (exit 2, with the command's usage); a value that names something the map does not
have (a snapshot, a metric) is bad input (exit 1, one ``error:`` line listing what exists).
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.limits import MAX_MONEY
from cjo_desktop.io.errors import MapFileError, printable

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey, Snapshot


class UsageError(Exception):
    """Wrong usage found after parsing (exit 2 with the command's usage)."""


def shown(value: str) -> str:
    """An option value as an error line quotes it: bytes that were not UTF-8 as ``\\xff``,
    controls escaped."""
    return f"'{printable(value)}'"


def text(value: str) -> str:
    """Any option that is text (a column, a label to look up): it must be valid UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"{shown(value)} is not valid UTF-8 text") from None
    return value


def map_text(what: str) -> Callable[[str], str]:
    """An option that becomes text in the map (a title, a snapshot label): the map's own rules
    (not empty, at most 500 characters, valid UTF-8) apply before any file is touched."""

    def parse(value: str) -> str:
        text(value)
        from cjo_desktop.domain import validate as check  # the map's rules, when asked for

        try:
            return check.name(value, what)
        except JourneyError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = what  # argparse names the type in some messages
    return parse


def amount(value: str) -> float:
    """A money amount, 0 to MAX_MONEY: no NaN, no infinity, no negative price."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= MAX_MONEY:
        raise argparse.ArgumentTypeError(
            f"expected an amount from 0 to {MAX_MONEY:,.0f}, not {shown(value)}"
        )
    return number


def number_between(low: float, high: float) -> Callable[[str], float]:
    """A finite number from ``low`` to ``high``."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"expected a number from {low:g} to {high:g}, not {shown(value)}"
            )
        return number

    parse.__name__ = "number"
    return parse


def column_value(value: str) -> tuple[str, str]:
    """``COLUMN=VALUE``: a segment of the rows."""
    column, sep, wanted = text(value).partition("=")
    if not sep or not column.strip() or not wanted.strip():
        raise argparse.ArgumentTypeError(f"expected COLUMN=VALUE, not {shown(value)}")
    return column.strip(), wanted.strip()


def known_snapshot(journey: Journey, source: str, label: str) -> Snapshot:
    """The snapshot labelled ``label``; an unknown label is bad input listing the labels."""
    try:
        return journey.metric_snapshot(label)
    except JourneyError as exc:
        labels = ", ".join(repr(s.label) for s in journey.metric_snapshots()) or "none"
        raise MapFileError(source, "", f"{exc} (snapshots: {labels})") from None


def known_metric(snapshot: Snapshot | None, source: str, metric: str) -> str:
    """``metric`` if ``snapshot`` holds it; else bad input listing the metrics it has."""
    if snapshot is None:
        raise MapFileError(
            source,
            "",
            f"no metric {metric!r}: the map has none (import some with 'cjo import-metrics')",
        )
    names = snapshot.metric_names()
    if metric not in names:
        raise MapFileError(
            source,
            "",
            f"no metric {metric!r} in snapshot {snapshot.label!r} (metrics: "
            f"{', '.join(names) or 'none'})",
        )
    return metric


def whole_between(low: int, high: int) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high`` (a count, a number of stages)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low:,} to {high:,}, not {shown(value)}"
            )
        return number

    parse.__name__ = "whole number"
    return parse
