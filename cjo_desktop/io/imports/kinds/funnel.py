"""Funnel counts: flow rows (from, to, count) or visitors per touchpoint (key, visitors).

Either shape may carry an expected drop-off column: it is what a funnel's owner knows of each
step (an ad loses most viewers), it is given per touchpoint like the counts, and it lands on
the touchpoints in the same undoable import, so it is an option of this kind, not a kind of
its own (every import adds a snapshot, and a table of expectations alone has no metrics).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from cjo_desktop.io.imports.kinds.base import ColumnType, ImportKind, Reading, Rows
from cjo_desktop.io.imports.spec import KindOptions


@dataclass
class FunnelOptions(KindOptions):
    kind = "funnel"
    source: str | None = None  # flow rows: from, to, count
    target: str | None = None
    count: str | None = None
    visitors: str | None = None  # per touchpoint: key, visitors
    expected: str | None = None  # expected drop-off per touchpoint (a share or a percentage)


def _read(reading: Reading, options: FunnelOptions) -> Rows:
    from cjo_desktop.io.imports.tables_of_numbers import read_funnel

    funnel = read_funnel(
        reading.table, reading.spec, options, reading.keys, reading.order, reading.report
    )
    return Rows(funnel.values, funnel.flow_counts, expected_dropoffs=funnel.expected_dropoffs)


def _fill(options: FunnelOptions, guesses: dict[str, str]) -> bool:
    if not (options.source or options.visitors):
        options.source, options.target = guesses.get("source"), guesses.get("target")
        options.count = options.count or guesses.get("count")
        if not options.source:
            options.visitors = guesses.get("visitors")
    options.expected = options.expected or guesses.get("expected")
    return not (options.source and options.target)  # flow rows name touchpoints in from and to


def _evidence(roles: dict[str, str]) -> int:
    """From and to columns say flow rows; an expected drop-off column says a funnel too (it
    would be read as a metric of that name by the aggregated kind)."""
    if "source" in roles and "target" in roles:
        return 2
    return 1 if "expected" in roles else -1


def _flags(p: argparse.ArgumentParser, column: ColumnType) -> None:
    p.add_argument(
        "--expected-dropoff",
        type=column,
        metavar="COL",
        help="funnel: each touchpoint's expected drop-off, as shares (0.12) or percentages (12%%)",
    )


FUNNEL = ImportKind(
    FunnelOptions,
    name="funnel counts",
    title="Funnel counts (flows or visitors)",
    read=_read,
    method=lambda o: "funnel flow rows" if o.source else "funnel visitor counts",
    evidence=_evidence,
    fill=_fill,
    columns=lambda o: (o.source, o.target, o.expected),
    guesses={
        "source": ("from", "source", "previous", "from step"),
        "target": ("to", "target", "next", "to step", "destination"),
        "count": ("count", "visitors", "users", "sessions", "customers", "n"),
        "visitors": ("visitors", "users", "sessions", "count", "customers"),
        "expected": (
            "expected dropoff",
            "expected drop off",
            "expected dropoff %",
            "expected drop off %",
            "expected dropoff (%)",
            "expected drop off (%)",
        ),
    },
    add_flags=_flags,
    from_flags=lambda args: FunnelOptions(expected=args.expected_dropoff),
)
