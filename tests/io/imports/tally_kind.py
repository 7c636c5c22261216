"""A tiny import kind that exists only in tests: a number per touchpoint from two columns.

It shows the extension point: registering this one module is all the CLI's flags, the spec,
the guesses and the apply path need to take a new kind.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from cjo_desktop.domain.metrics import MetricValue
from cjo_desktop.io.imports.kinds.base import ColumnType, ImportKind, Reading, Rows
from cjo_desktop.io.imports.spec import KindOptions


@dataclass
class TallyOptions(KindOptions):
    kind = "tally"
    column: str | None = None


def _read(reading: Reading, options: TallyOptions) -> Rows:
    table, report, keys = reading.table, reading.report, reading.keys
    key, col = table.column_index(reading.spec.key or ""), table.column_index(options.column or "")
    values: dict[str, dict[str, MetricValue]] = {}
    for row in table.rows():
        report.rows_read += 1
        tp = keys.resolve(row.cells[key])
        if tp is None:
            report.skip(keys.missed(row.cells[key]), row.line)
            continue
        report.rows_used += 1
        values[tp] = {"tally": MetricValue(float(row.cells[col]))}
    return Rows(values)


def _fill(options: TallyOptions, guesses: dict[str, str]) -> bool:
    options.column = options.column or guesses.get("tally")
    return True


def _flags(p: argparse.ArgumentParser, column: ColumnType) -> None:
    p.add_argument("--tally", type=column, metavar="COL", help="the tallies")


TALLY = ImportKind(
    TallyOptions,
    name="tallies",
    title="Tallies (a number per touchpoint)",
    read=_read,
    method=lambda o: f"tallies from {o.column}",
    evidence=lambda roles: 5 if "tally" in roles else -1,
    fill=_fill,
    columns=lambda o: (o.column,),
    guesses={"tally": ("tally", "tallies")},
    add_flags=_flags,
    from_flags=lambda args: TallyOptions(column=args.tally),
)
