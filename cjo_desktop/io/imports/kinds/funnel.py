"""Funnel counts: flow rows (from, to, count) or visitors per touchpoint (key, visitors)."""

from __future__ import annotations

from dataclasses import dataclass

from cjo_desktop.io.imports.kinds.base import ImportKind, Reading, Rows
from cjo_desktop.io.imports.spec import KindOptions


@dataclass
class FunnelOptions(KindOptions):
    kind = "funnel"
    source: str | None = None  # flow rows: from, to, count
    target: str | None = None
    count: str | None = None
    visitors: str | None = None  # per touchpoint: key, visitors


def _read(reading: Reading, options: FunnelOptions) -> Rows:
    from cjo_desktop.io.imports.tables_of_numbers import read_funnel

    funnel = read_funnel(
        reading.table, reading.spec, options, reading.keys, reading.order, reading.report
    )
    return Rows(funnel.values, funnel.flow_counts)


def _fill(options: FunnelOptions, guesses: dict[str, str]) -> bool:
    if not (options.source or options.visitors):
        options.source, options.target = guesses.get("source"), guesses.get("target")
        options.count = options.count or guesses.get("count")
        if not options.source:
            options.visitors = guesses.get("visitors")
    return not (options.source and options.target)  # flow rows name touchpoints in from and to


FUNNEL = ImportKind(
    FunnelOptions,
    name="funnel counts",
    title="Funnel counts (flows or visitors)",
    read=_read,
    method=lambda o: "funnel flow rows" if o.source else "funnel visitor counts",
    evidence=lambda roles: 2 if "source" in roles and "target" in roles else -1,
    fill=_fill,
    columns=lambda o: (o.source, o.target),
    guesses={
        "source": ("from", "source", "previous", "from step"),
        "target": ("to", "target", "next", "to step", "destination"),
        "count": ("count", "visitors", "users", "sessions", "customers", "n"),
        "visitors": ("visitors", "users", "sessions", "count", "customers"),
    },
)
