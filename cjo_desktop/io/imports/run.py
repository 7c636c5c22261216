"""One import from start to finish: read, match, compute, report; then apply to a journey.

``run_import`` never changes the journey, so a failed or cancelled import leaves the map as it
was; ``apply_import`` adds the result in one go (the editor wraps the same parts in one
undoable command).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cjo_desktop.analysis.weighted import weighted_mean, weighted_share
from cjo_desktop.domain import Journey, JourneyError, MetricValue, Provenance, Snapshot
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CSAT_MEAN,
    CSAT_TOP2,
    HIGHER_IS_BETTER,
    rounded,
)
from cjo_desktop.domain.quoting import listed, quoted
from cjo_desktop.io.imports.fast_survey import NeedsExactReader, read_fast
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.responses import Progress, read_exact
from cjo_desktop.io.imports.spec import ImportSpec, guess_columns
from cjo_desktop.io.imports.tables_of_numbers import read_aggregated, read_funnel
from cjo_desktop.io.tables import Table, TableError, open_table

UNSORTED = "Unsorted"
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class ImportResult:
    snapshot: Snapshot
    new_touchpoints: dict[str, str] = field(default_factory=dict)  # id -> name
    flow_counts: dict[tuple[str, str | None], int] = field(default_factory=dict)
    report: ImportReport | None = None


def _fill_guesses(table: Table, spec: ImportSpec) -> None:
    """Columns the user did not name are taken from header names that say what they hold."""
    guesses = guess_columns(table.header)
    if spec.kind == "funnel" and not (spec.source or spec.visitors):
        spec.source, spec.target = guesses.get("source"), guesses.get("target")
        spec.count = spec.count or guesses.get("count")
        if not spec.source:
            spec.visitors = guesses.get("visitors")
    if spec.kind == "funnel" and spec.source and spec.target:
        return  # flow rows name touchpoints in their from and to columns
    if spec.key is None:
        if "key" not in guesses:
            raise TableError(
                table.source,
                "",
                "cannot tell which column names the touchpoint; "
                f"choose one with --key (columns: {listed(table.header, quote=False, limit=30)})",
            )
        spec.key = guesses["key"]
    if spec.kind == "responses" and not (spec.nps or spec.csat or spec.ces):
        spec.nps, spec.csat, spec.ces = (guesses.get(q) for q in ("nps", "csat", "ces"))


def _method(spec: ImportSpec) -> str:
    if spec.kind == "responses":
        parts = [f"NPS from {quoted(spec.nps)} (0-10)"] if spec.nps else []
        for q, scale in (("csat", spec.csat_scale), ("ces", spec.ces_scale)):
            column = getattr(spec, q)
            if column:
                parts.append(
                    f"{q.upper()} from {quoted(column)} "
                    f"({scale.low}-{scale.high}, {scale.best} is best)"
                )
        return "survey responses: " + "; ".join(parts)
    if spec.kind == "funnel":
        return "funnel flow rows" if spec.source else "funnel visitor counts"
    return "aggregated values per touchpoint"


def _summary(
    values: dict[str, dict[str, MetricValue]], weights: dict[str, float]
) -> dict[str, MetricValue]:
    out: dict[str, MetricValue] = {}
    for metric in (CSAT_MEAN, CES_MEAN):
        per_tp = {tp: m[metric] for tp, m in values.items() if metric in m}
        if per_tp:
            out[f"{metric}_weighted"] = weighted_mean(per_tp, weights)
    top2 = {tp: m[CSAT_TOP2] for tp, m in values.items() if CSAT_TOP2 in m}
    if top2:
        out[f"{CSAT_TOP2}_weighted"] = weighted_share(top2, weights)
    return out


def _with_direction(
    values: dict[str, dict[str, MetricValue]], spec: ImportSpec
) -> dict[str, dict[str, MetricValue]]:
    """CSAT and CES values remember which end of their scale was best."""
    best = {
        CSAT_TOP2: spec.csat_scale.best,
        CSAT_MEAN: spec.csat_scale.best,
        CES_MEAN: spec.ces_scale.best,
    }
    out: dict[str, dict[str, MetricValue]] = {}
    for tp, per in values.items():
        out[tp] = {}
        for metric, v in per.items():
            if metric in best:
                flag = 1.0 if best[metric] == "high" else 0.0
                v = dataclasses.replace(v, detail={**v.detail, HIGHER_IS_BETTER: flag})
            out[tp][metric] = v
    return out


def run_import(
    journey: Journey, path: Path, spec: ImportSpec, progress: Progress | None = None
) -> ImportResult:
    """Read ``path`` as ``spec`` says; raises TableError on bad input, Cancelled if stopped."""
    keys = KeyResolver(journey, spec.match, spec.add_missing)
    report = ImportReport(str(path), spec.kind)
    period = ("", "")
    flow_counts: dict[tuple[str, str | None], int] = {}
    with open_table(path, spec.sheet) as table:
        _fill_guesses(table, spec)
        for column in (
            spec.key,
            spec.nps,
            spec.csat,
            spec.ces,
            spec.date,
            spec.source,
            spec.target,
            spec.segment[0] if spec.segment else None,
        ):
            if column:
                table.column_index(column)  # a misspelt column fails before any work
        if spec.kind == "responses":
            values, period = _responses(path, table, spec, keys, report, progress)
            if period[0] and not all(ISO_DAY.fullmatch(day) for day in period):
                # first and last are text minima and maxima: right only for YYYY-MM-DD
                example = next(day for day in period if not ISO_DAY.fullmatch(day))
                report.notes.append(
                    f"dates in {quoted(spec.date)} are not written YYYY-MM-DD "
                    f"(as in {quoted(example)}): "
                    "the snapshot has no period"
                )
                period = ("", "")
        elif spec.kind == "funnel":
            funnel = read_funnel(table, spec, keys, [t.id for t in journey.touchpoints()], report)
            values, flow_counts = funnel.values, funnel.flow_counts
        else:
            values = read_aggregated(table, spec, keys, report)
        sha, sheet = table.sha256, table.sheet
        report.notes[:0] = [n for n in table.notes if n not in report.notes]  # after the rows:
        # a reader may learn mid-file that it is not UTF-8
    report.unmatched = dict(keys.unmatched)
    report.ambiguous = dict(keys.shared)
    report.added_touchpoints = list(keys.new_touchpoints.values())
    names = {t.id: t.name for t in journey.touchpoints()} | keys.new_touchpoints
    report.added_flows = [
        f"{names[a]} -> {names[b] if b is not None else 'drop-off'}"
        for a, b in flow_counts
        if not journey.has_flow(a, b)
    ]
    report.without_data = [t.name for t in journey.touchpoints() if t.id not in values]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # a file name that is not UTF-8 still names the snapshot, its odd bytes written as \xff
    name = os.fsencode(path.name).decode("utf-8", "backslashreplace")
    label = spec.snapshot or f"{name} {now:%Y-%m-%d %H:%M}"
    report.snapshot = label
    provenance = Provenance(
        source=name,
        sha256=sha,
        sheet=sheet,
        imported_at=now.isoformat(),
        method=_method(spec),
        segment=f"{spec.segment[0]} = {spec.segment[1]}" if spec.segment else "",
        period=f"{period[0]}..{period[1]}" if period[0] else "",
    )
    if spec.kind == "responses":
        values = _with_direction(values, spec)
    summary = _summary(values, spec.weights) if spec.kind == "responses" else {}
    snapshot = rounded(Snapshot(label, provenance, values, summary))
    try:  # the same ranges the map file holds, checked before the map is touched
        check.snapshot_numbers(snapshot)
    except JourneyError as exc:
        raise TableError(str(path), "", f"cannot be imported: {exc}") from None
    return ImportResult(snapshot, dict(keys.new_touchpoints), flow_counts, report)


def _responses(
    path: Path,
    table: Table,
    spec: ImportSpec,
    keys: KeyResolver,
    report: ImportReport,
    progress: Progress | None,
) -> tuple[dict[str, dict[str, MetricValue]], tuple[str, str]]:
    if table.format == "csv" and table.encoding.replace("_", "-") in ("utf-8", "utf-8-sig"):
        trial = ImportReport(report.source, report.kind)
        # Hash the file while polars reads it: both release the GIL, the machine has cores.
        with ThreadPoolExecutor(1) as pool:
            hashed = pool.submit(lambda: table.sha256)
            try:
                result = read_fast(path, table.header, table.delimiter, spec, keys, trial)
            except NeedsExactReader:
                result = None
            hashed.result()  # a file that cannot be read says so here
        if result is not None and table.long_lines:
            result = None  # a line the csv module refuses: the exact reader names it
        if result is not None:
            report.rows_read, report.rows_used = trial.rows_read, trial.rows_used
            report.skipped = trial.skipped
            return result.values, (result.first_date, result.last_date)
    result = read_exact(table, spec, keys, report, progress)
    return result.values, (result.first_date, result.last_date)


def apply_import(journey: Journey, result: ImportResult) -> None:
    """Add the snapshot, any new touchpoints (in a stage named 'Unsorted') and flow counts.

    A label that exists already is refused before anything is added, so a failed apply leaves
    the journey as it was."""
    label = result.snapshot.label
    if not label.strip():
        raise JourneyError("a snapshot label cannot be empty")
    if any(s.label == label for s in journey.metric_snapshots()):
        raise JourneyError(f"a metric snapshot labelled {quoted(label)} exists already")
    if result.new_touchpoints:
        stage = next((s for s in journey.stages() if s.name == UNSORTED), None)
        stage_id = stage.id if stage else journey.add_stage(UNSORTED).id
        for tp_id, name in result.new_touchpoints.items():
            journey.add_touchpoint(stage_id, name, id=tp_id)
    for (source, target), count in result.flow_counts.items():
        if journey.has_flow(source, target):
            journey.update_flow(source, target, count=count)
        else:
            journey.add_flow(source, target, count=count)
    journey.add_metric_snapshot(result.snapshot)
