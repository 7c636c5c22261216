"""Aggregated values: one row per touchpoint, a column per metric, taken as they are."""

from __future__ import annotations

from dataclasses import dataclass

from cjo_desktop.io.imports.kinds.base import ImportKind, Reading, Rows
from cjo_desktop.io.imports.spec import KindOptions


@dataclass
class AggregatedOptions(KindOptions):
    """Every column besides the key is a metric: nothing to choose."""

    kind = "aggregated"


def _read(reading: Reading, options: AggregatedOptions) -> Rows:
    from cjo_desktop.io.imports.tables_of_numbers import read_aggregated

    return Rows(read_aggregated(reading.table, reading.spec, reading.keys, reading.report))


AGGREGATED = ImportKind(
    AggregatedOptions,
    name="aggregated values",
    title="Aggregated values (one row per touchpoint)",
    read=_read,
    method=lambda o: "aggregated values per touchpoint",
    evidence=lambda roles: 0,  # any table with a key column: the fallback of a guess
    fill=lambda o, guesses: True,
    columns=lambda o: (),
)
