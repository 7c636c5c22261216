"""Aggregated tables (one row per touchpoint, a column per metric) and funnel counts.

These files are small (a row per touchpoint or per flow), so they are read row by row with
exact line numbers for every message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from cjo_desktop.analysis.funnel import funnel_from_flows, funnel_from_visitors
from cjo_desktop.domain.limits import MAX_COUNT, MAX_METRIC_NAME, MAX_VALUE, describe_number
from cjo_desktop.domain.metrics import MetricValue
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.imports.expected import ExpectedDropoffs
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import Row, Table, TableError, detect_decimal_comma, parse_number

if TYPE_CHECKING:
    from cjo_desktop.io.imports.kinds.funnel import FunnelOptions

K = TypeVar("K")
_MAX = describe_number(MAX_COUNT)
_COUNT_RANGE = f"count (a whole number from 0 to {_MAX})"
_VALUE_RANGE = f"values run from -{describe_number(MAX_VALUE)} to {describe_number(MAX_VALUE)}"

#: Words that mean "left the journey" in the target column of flow rows.
EXIT_WORDS = {"", "exit", "(exit)", "drop-off", "dropoff", "drop off", "left", "-", "none"}


@dataclass
class FunnelResult:
    values: dict[str, dict[str, MetricValue]] = field(default_factory=dict)
    flow_counts: dict[tuple[str, str | None], int] = field(default_factory=dict)
    expected_dropoffs: dict[str, float] = field(default_factory=dict)  # touchpoint id -> share


def read_aggregated(
    table: Table, spec: ImportSpec, keys: KeyResolver, report: ImportReport
) -> dict[str, dict[str, MetricValue]]:
    key_col = table.column_index(spec.key or "")
    rows = list(table.rows())
    metric_cols = [i for i, name in enumerate(table.header) if i != key_col]
    if not metric_cols:
        raise table.error(0, None, "the table has no metric columns besides the key column")
    for i in metric_cols:
        if len(table.header[i]) > MAX_METRIC_NAME:
            raise table.error(
                0,
                table.header[i],
                f"a column name longer than {MAX_METRIC_NAME} characters cannot be a metric name",
            )
    comma = {i: detect_decimal_comma([r.cells[i] for r in rows[:200]]) for i in metric_cols}
    values: dict[str, dict[str, MetricValue]] = {}
    for row in rows:
        report.rows_read += 1
        key = row.cells[key_col].strip()
        if not key:
            report.skip("no touchpoint in the key column", row.line)
            continue
        parsed: dict[str, MetricValue] = {}
        bad = False
        for i in metric_cols:
            text = row.cells[i].strip()
            if not text:
                continue
            try:
                x = parse_number(text, comma[i])
            except ValueError:
                x = None
            if x is None or abs(x) > MAX_VALUE:
                if not spec.skip_invalid:
                    why = "is not a number" if x is None else f"is out of range ({_VALUE_RANGE})"
                    raise table.error(row.line, table.header[i], f"{quoted(text)} {why}")
                bad = True
                continue
            parsed[table.header[i]] = MetricValue(x)
        if bad:
            report.skip("a value that is not a number in range", row.line)
            continue
        tp = keys.resolve(key)
        if tp is None:
            report.skip(keys.missed(key), row.line)
            continue
        report.rows_used += 1
        values.setdefault(tp, {}).update(parsed)
    if any(comma.values()):
        report.notes.append("numbers with decimal commas")
    return values


def _count(
    table: Table, line: int, column: int, text: str, spec: ImportSpec, report: ImportReport
) -> int | None:
    try:
        x = parse_number(text, False)
    except ValueError:
        x = -1.0
    if x < 0 or x != int(x) or x > MAX_COUNT:
        if not spec.skip_invalid:
            raise table.error(line, table.header[column], f"{quoted(text)} is not a {_COUNT_RANGE}")
        report.skip("a count that is not a whole number in range", line)
        return None
    return int(x)


def _add(totals: dict[K, int], key: K, count: int, table: Table, line: int, column: int) -> None:
    """Counts of one key add up; the sum must stay a count a map can hold."""
    total = totals.get(key, 0) + count
    if total > MAX_COUNT:
        raise table.error(
            line, table.header[column], f"the counts up to here add up to more than {_MAX}"
        )
    totals[key] = total


def _expected(
    expected: ExpectedDropoffs | None, row: Row, spec: ImportSpec, report: ImportReport
) -> tuple[bool, float | None]:
    """Whether the row can be used, and its expected drop-off (None: none given); a bad one
    stops the import, or with ``skip_invalid`` skips the row."""
    if expected is None:
        return True, None
    try:
        return True, expected.read(row)
    except TableError:
        if not spec.skip_invalid:
            raise
        report.skip("an expected drop-off that is not a share or a percentage", row.line)
        return False, None


def read_funnel(
    table: Table,
    spec: ImportSpec,
    options: FunnelOptions,
    keys: KeyResolver,
    order: list[str],
    report: ImportReport,
) -> FunnelResult:
    """Flow rows (from, to, count) or visitor counts per touchpoint (key, visitors), each
    with an optional expected drop-off (of the row's "from" touchpoint in flow rows)."""
    result = FunnelResult()
    rows: Iterable[Row] = table.rows()
    expected = None
    if options.expected:  # the column's unit is its first value's: read the rows ahead
        rows = list(rows)
        expected = ExpectedDropoffs.of(table, options.expected, rows)
    if options.source and options.target:
        src, dst = table.column_index(options.source), table.column_index(options.target)
        cnt = table.column_index(options.count or "count")
        leaving: dict[str, int] = {}  # a touchpoint's visitors are what leaves or arrives
        arriving: dict[str, int] = {}
        for row in rows:
            report.rows_read += 1
            count = _count(table, row.line, cnt, row.cells[cnt].strip(), spec, report)
            if count is None:
                continue
            usable, share = _expected(expected, row, spec, report)
            if not usable:
                continue
            source = keys.resolve(row.cells[src]) if row.cells[src].strip() else None
            target_text = row.cells[dst].strip()
            target = None if target_text.casefold() in EXIT_WORDS else keys.resolve(target_text)
            if source is None or (target is None and target_text.casefold() not in EXIT_WORDS):
                missed = row.cells[src] if source is None else target_text
                report.skip(keys.missed(missed, "a step that"), row.line)
                continue
            report.rows_used += 1
            if expected is not None and share is not None:
                expected.keep(source, share, row)
            pair = (source, target)
            _add(result.flow_counts, pair, count, table, row.line, cnt)
            _add(leaving, source, count, table, row.line, cnt)
            if target is not None:
                _add(arriving, target, count, table, row.line, cnt)
        flows: dict[tuple[str | None, str | None], int] = {
            (a, b): n for (a, b), n in result.flow_counts.items()
        }
        per_tp, _shares = funnel_from_flows(flows)
        result.values = {k: v for k, v in per_tp.items() if k is not None}
        result.expected_dropoffs = expected.shares if expected is not None else {}
        return result
    key_col = table.column_index(spec.key or "")
    vis = table.column_index(options.visitors or "visitors")
    visitors: dict[str, int] = {}
    for row in rows:
        report.rows_read += 1
        count = _count(table, row.line, vis, row.cells[vis].strip(), spec, report)
        if count is None:
            continue
        usable, share = _expected(expected, row, spec, report)
        if not usable:
            continue
        tp = keys.resolve(row.cells[key_col])
        if tp is None:
            report.skip(keys.missed(row.cells[key_col]), row.line)
            continue
        report.rows_used += 1
        if expected is not None and share is not None:
            expected.keep(tp, share, row)
        _add(visitors, tp, count, table, row.line, vis)
    steps = [tp for tp in order if tp in visitors] + [tp for tp in visitors if tp not in order]
    result.values = funnel_from_visitors(steps, visitors)
    result.expected_dropoffs = expected.shares if expected is not None else {}
    return result
