"""Survey responses (one row per answer) folded into NPS, CSAT and CES per touchpoint.

Two readers give the same numbers. The exact reader walks the rows one by one with Python's csv
module (any encoding, exact line numbers for every message). A plain UTF-8 CSV with no bad
value takes the fast reader instead: polars groups a million rows in a fraction of the time
and hands per-key sums to the same accumulators, so the statistics live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cjo_desktop.analysis.survey import SurveyAccumulator
from cjo_desktop.domain.metrics import MetricValue
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.kinds.base import Progress
from cjo_desktop.io.imports.kinds.responses import QUESTIONS
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.spec import ImportSpec
from cjo_desktop.io.tables import Table, TableError, detect_decimal_comma, parse_number

if TYPE_CHECKING:
    from cjo_desktop.io.imports.kinds.responses import ResponsesOptions


class Cancelled(Exception):
    """The user stopped the import; nothing was changed."""


@dataclass
class SurveyResult:
    values: dict[str, dict[str, MetricValue]] = field(default_factory=dict)
    first_date: str = ""
    last_date: str = ""


def question_columns(table: Table, options: ResponsesOptions) -> dict[str, int]:
    """Column index per question the options name; at least one is needed."""
    wanted = {q: getattr(options, q) for q in QUESTIONS if getattr(options, q)}
    if not wanted:
        raise TableError(table.source, "", "choose at least one score column (NPS, CSAT or CES)")
    return {q: table.column_index(name) for q, name in wanted.items()}


def _scale_text(options: ResponsesOptions, question: str) -> str:
    if question == "nps":
        return "0-10 whole numbers"
    scale = options.scale(question)
    return f"{scale.low}-{scale.high}"


def _check(acc: SurveyAccumulator[str], question: str, x: float) -> bool:
    from cjo_desktop.analysis.scales import nps_check

    if question == "nps":
        return nps_check(x)
    scale = acc.csat.scale if question == "csat" else acc.ces.scale
    return scale is not None and scale.check(x)


def read_exact(
    table: Table,
    spec: ImportSpec,
    options: ResponsesOptions,
    keys: KeyResolver,
    report: ImportReport,
    progress: Progress | None = None,
) -> SurveyResult:
    """Row by row, naming the line and column of anything wrong."""
    key_col = table.column_index(spec.key or "")
    cols = question_columns(table, options)
    seg = (table.column_index(spec.segment[0]), spec.segment[1].strip()) if spec.segment else None
    date_col = table.column_index(spec.date) if spec.date else None
    acc: SurveyAccumulator[str] = SurveyAccumulator(options.csat_scale, options.ces_scale)
    decimal_comma: dict[str, bool] = {}
    samples: dict[str, list[str]] = {q: [] for q in cols}
    pending: list[tuple[int, list[str]]] = []
    result = SurveyResult()

    def fold(line: int, cells: list[str]) -> None:
        if seg is not None and cells[seg[0]].strip() != seg[1]:
            report.skip(f"not in segment {quoted(seg[1])}", line)  # first, as the fast reader does
            return
        key = cells[key_col].strip()
        if not key:
            report.skip("no touchpoint in the key column", line)
            return
        answers: dict[str, float | None] = {}
        for q, i in cols.items():
            text = cells[i].strip()
            if not text:
                answers[q] = None
                continue
            try:
                x = parse_number(text, decimal_comma[q])
            except ValueError:
                x = None
            if x is None or not _check(acc, q, x):
                what = "not a number" if x is None else f"outside the {q.upper()} scale"
                if not spec.skip_invalid:
                    raise table.error(
                        line,
                        table.header[i],
                        f"{quoted(text)} is {what} ({_scale_text(options, q)})",
                    )
                report.skip(f"{q.upper()} value {what}", line)
                return
            answers[q] = x
        tp = keys.resolve(key)
        if tp is None:
            report.skip(keys.missed(key), line)
            return
        report.rows_used += 1
        acc.add(tp, answers.get("nps"), answers.get("csat"), answers.get("ces"))
        if date_col is not None:
            day = cells[date_col].strip()[:10]
            if day:
                result.first_date = min(result.first_date or day, day)
                result.last_date = max(result.last_date, day)

    for n, row in enumerate(table.rows(), 1):
        report.rows_read += 1
        if not decimal_comma:  # decide per column from the first rows, then replay them
            pending.append((row.line, row.cells))
            for q, i in cols.items():
                if row.cells[i].strip():
                    samples[q].append(row.cells[i].strip())
            if len(pending) < 200:
                continue
            decimal_comma.update({q: detect_decimal_comma(s) for q, s in samples.items()})
            for line, cells in pending:
                fold(line, cells)
            pending.clear()
            continue
        fold(row.line, row.cells)
        if (
            progress is not None
            and n % 20000 == 0
            and not progress(table.bytes_read, table.size_bytes)
        ):
            raise Cancelled
    if not decimal_comma:
        decimal_comma.update({q: detect_decimal_comma(s) for q, s in samples.items()})
        for line, cells in pending:
            fold(line, cells)
    if any(decimal_comma.values()):
        report.notes.append("numbers with decimal commas")
    result.values = acc.results()
    return result
