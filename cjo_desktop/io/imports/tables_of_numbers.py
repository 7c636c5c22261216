"""Aggregated tables (one row per touchpoint, a column per metric) and funnel counts.

These files are small (a row per touchpoint or per flow), so they are read row by row with
exact line numbers for every message.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjo_desktop.analysis.funnel import funnel_from_flows, funnel_from_visitors
from cjo_desktop.domain.metrics import MetricValue
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.domain.validate import MAX_METRIC_NAME
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import Table, detect_decimal_comma, parse_number

#: Words that mean "left the journey" in the target column of flow rows.
EXIT_WORDS = {"", "exit", "(exit)", "drop-off", "dropoff", "drop off", "left", "-", "none"}


@dataclass
class FunnelResult:
    values: dict[str, dict[str, MetricValue]] = field(default_factory=dict)
    flow_counts: dict[tuple[str, str | None], int] = field(default_factory=dict)


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
                parsed[table.header[i]] = MetricValue(parse_number(text, comma[i]))
            except ValueError:
                if not spec.skip_invalid:
                    raise table.error(
                        row.line, table.header[i], f"{quoted(text)} is not a number"
                    ) from None
                bad = True
        if bad:
            report.skip("a value that is not a number", row.line)
            continue
        tp = keys.resolve(key)
        if tp is None:
            report.skip("key matches no touchpoint", row.line)
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
    if x < 0 or x != int(x):
        if not spec.skip_invalid:
            raise table.error(
                line,
                table.header[column],
                f"{quoted(text)} is not a count (a whole number of 0 or more)",
            )
        report.skip("a count that is not a whole number", line)
        return None
    return int(x)


def read_funnel(
    table: Table, spec: ImportSpec, keys: KeyResolver, order: list[str], report: ImportReport
) -> FunnelResult:
    """Flow rows (from, to, count) or visitor counts per touchpoint (key, visitors)."""
    result = FunnelResult()
    if spec.source and spec.target:
        src, dst = table.column_index(spec.source), table.column_index(spec.target)
        cnt = table.column_index(spec.count or "count")
        for row in table.rows():
            report.rows_read += 1
            count = _count(table, row.line, cnt, row.cells[cnt].strip(), spec, report)
            if count is None:
                continue
            source = keys.resolve(row.cells[src]) if row.cells[src].strip() else None
            target_text = row.cells[dst].strip()
            target = None if target_text.casefold() in EXIT_WORDS else keys.resolve(target_text)
            if source is None or (target is None and target_text.casefold() not in EXIT_WORDS):
                report.skip("a step that matches no touchpoint", row.line)
                continue
            report.rows_used += 1
            pair = (source, target)
            result.flow_counts[pair] = result.flow_counts.get(pair, 0) + count
        flows: dict[tuple[str | None, str | None], int] = {
            (a, b): n for (a, b), n in result.flow_counts.items()
        }
        per_tp, _shares = funnel_from_flows(flows)
        result.values = {k: v for k, v in per_tp.items() if k is not None}
        return result
    key_col = table.column_index(spec.key or "")
    vis = table.column_index(spec.visitors or "visitors")
    visitors: dict[str, int] = {}
    for row in table.rows():
        report.rows_read += 1
        count = _count(table, row.line, vis, row.cells[vis].strip(), spec, report)
        tp = keys.resolve(row.cells[key_col]) if count is not None else None
        if count is None:
            continue
        if tp is None:
            report.skip("key matches no touchpoint", row.line)
            continue
        report.rows_used += 1
        visitors[tp] = visitors.get(tp, 0) + count
    steps = [tp for tp in order if tp in visitors] + [tp for tp in visitors if tp not in order]
    result.values = funnel_from_visitors(steps, visitors)
    return result
