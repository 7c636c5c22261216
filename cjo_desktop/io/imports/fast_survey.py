"""The fast reader for survey responses: polars groups the rows, the accumulators do the maths.

Used only where it gives exactly what the exact reader would: a UTF-8 CSV, every score a valid
answer (otherwise the exact reader runs and names the line). Polars reads every column as text
and converts scores itself, so "4,5" or "n/a" is found rather than silently turned into null.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.analysis.survey import SurveyAccumulator
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.imports.kinds.base import Reading
from cjo_desktop.io.imports.kinds.responses import QUESTIONS
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.responses import SurveyResult

if TYPE_CHECKING:
    from cjo_desktop.io.imports.kinds.responses import ResponsesOptions


class NeedsExactReader(Exception):
    """The fast reader cannot promise the exact reader's result for this file."""


def _valid(pl: Any, column: str, question: str, options: ResponsesOptions) -> Any:
    x = pl.col(column)
    if question == "nps":
        return x.is_between(0, 10) & (x == x.floor())
    scale: Scale = options.scale(question)
    return x.is_between(scale.low, scale.high)


def read_fast(reading: Reading, options: ResponsesOptions, report: ImportReport) -> SurveyResult:
    """The survey of ``reading``'s file, counted into ``report`` (a trial one: the exact
    reader may have to start over)."""
    import polars as pl

    try:
        with _source(reading.path) as source:
            return _read(pl, source, reading, options, report)
    except pl.exceptions.PolarsError:  # bytes that are not UTF-8, a ragged row...
        raise NeedsExactReader from None


@contextlib.contextmanager
def _source(path: Path) -> Iterator[Path | BinaryIO]:
    """What polars reads: the path, or an open file when the name is not UTF-8 (polars takes
    only text names; the system takes any bytes)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        with open(path, "rb") as handle:
            yield handle
        return
    yield path


def _read(
    pl: Any,
    path: Path | BinaryIO,
    reading: Reading,
    options: ResponsesOptions,
    report: ImportReport,
) -> SurveyResult:
    """One pass over the file: per key, the row counts, the bad values and the sums."""
    spec = reading.spec
    key = spec.key or ""
    questions = {q: getattr(options, q) for q in QUESTIONS if getattr(options, q)}
    wanted = [key, *questions.values()]
    if spec.segment:
        wanted.append(spec.segment[0])
    if spec.date:
        wanted.append(spec.date)
    # Scores are parsed by polars itself: a cell that is not a plain number stops the scan
    # (and the exact reader then names its line). Keys stay as written; the resolver trims.
    numbers = {c: pl.Float64 for c in questions.values()}
    frame = pl.scan_csv(
        path,
        separator=reading.table.delimiter,
        encoding="utf8",
        has_header=True,
        infer_schema=False,
        schema_overrides=numbers,
    )
    frame = frame.select([pl.col(c) for c in dict.fromkeys(wanted)]).rename(
        {c: f"_{q}" for q, c in questions.items()}
    )
    if spec.segment:
        frame = frame.with_columns(pl.col(spec.segment[0]).str.strip_chars())
    # A number off the scale (or a fraction where NPS needs a whole number): exact reader.
    bad = [pl.col(f"_{q}").is_not_null() & ~_valid(pl, f"_{q}", q, options) for q in questions]
    inside = (pl.col(spec.segment[0]) == spec.segment[1].strip()) if spec.segment else None
    aggs: list[Any] = [
        pl.len().alias("rows"),
        pl.any_horizontal(bad).sum().alias("bad"),
        (pl.len() if inside is None else inside.sum()).alias("inside"),
    ]

    def used(expr: Any) -> Any:
        """Only rows of the chosen segment count (all rows without a segment)."""
        return expr if inside is None else pl.when(inside).then(expr)

    for q in questions:
        x = used(pl.col(f"_{q}"))
        aggs += [
            x.count().alias(f"{q}_n"),
            x.sum().alias(f"{q}_sum"),
            (x * x).sum().alias(f"{q}_sq"),
        ]
        if q == "nps":
            aggs += [
                (x >= 9).sum().alias("pro"),
                ((x >= 7) & (x < 9)).sum().alias("pas"),
                (x < 7).sum().alias("det"),
            ]
        else:
            scale = options.scale(q)
            top = x >= scale.high - 1 if scale.best == "high" else x <= scale.low + 1
            aggs.append(top.sum().alias(f"{q}_top2"))
    if spec.date:
        # The text minimum's first ten characters are the minimum of the first ten
        # characters (likewise the maximum): cut once per group, not once per row.
        day = used(pl.col(spec.date))
        aggs += [day.min().alias("_first"), day.max().alias("_last")]
    groups = frame.group_by(key).agg(aggs).collect()
    if int(groups["bad"].sum()):
        raise NeedsExactReader
    return _fold(groups, questions, reading, options, report)


def _fold(
    groups: Any,
    questions: dict[str, str],
    reading: Reading,
    options: ResponsesOptions,
    report: ImportReport,
) -> SurveyResult:
    spec, keys = reading.spec, reading.keys
    acc: SurveyAccumulator[str] = SurveyAccumulator(options.csat_scale, options.ces_scale)
    result = SurveyResult()
    key = spec.key or ""
    for g in groups.iter_rows(named=True):
        report.rows_read += int(g["rows"])
        outside = int(g["rows"]) - int(g["inside"])
        if outside:
            report.skip(
                f"not in segment {quoted(spec.segment[1].strip())}" if spec.segment else "",
                None,
                outside,
            )
        rows = int(g["inside"])
        if not rows:
            continue
        if not (g[key] or "").strip():
            report.skip("no touchpoint in the key column", None, rows)
            continue
        tp = keys.resolve(g[key], rows)
        if tp is None:
            report.skip(keys.missed(g[key]), None, rows)
            continue
        report.rows_used += rows
        acc.touch(tp)
        for q in questions:
            n = int(g[f"{q}_n"])
            target = {"nps": acc.nps, "csat": acc.csat, "ces": acc.ces}[q]
            extra = (
                {"promoters": int(g["pro"]), "passives": int(g["pas"]), "detractors": int(g["det"])}
                if q == "nps"
                else {"top2": int(g[f"{q}_top2"])}
            )
            target.add_summary(
                tp, n, float(g[f"{q}_sum"] or 0.0), float(g[f"{q}_sq"] or 0.0), **extra
            )
        if spec.date and g["_first"]:
            first, last = g["_first"][:10], g["_last"][:10]
            result.first_date = min(result.first_date or first, first)
            result.last_date = max(result.last_date, last)
    result.values = acc.results()
    return result
