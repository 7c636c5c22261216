"""Survey responses: one row per answer, folded into NPS, CSAT and CES per touchpoint."""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CSAT_MEAN,
    CSAT_TOP2,
    HIGHER_IS_BETTER,
    SCALE_HIGH,
    SCALE_LOW,
    MetricValue,
)
from cjo_desktop.domain.quoting import quoted
from cjo_desktop.io.imports.kinds.base import ColumnType, ImportKind, Reading, Rows, Values
from cjo_desktop.io.imports.spec import KindOptions

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey
    from cjo_desktop.io.imports.responses import SurveyResult

#: The questions a survey row may answer, as the options and the readers name them.
QUESTIONS = ("nps", "csat", "ces")
Best = Literal["high", "low"]
#: The metrics a question's scale is recorded with, the first one read back.
SCALED = {"csat": (CSAT_MEAN, CSAT_TOP2), "ces": (CES_MEAN,)}

# The readers (polars, the tables) are imported when a file is read: the CLI builds its
# flags from this module before it knows whether any file will be.


@dataclass
class ResponsesOptions(KindOptions):
    kind = "responses"
    nps: str | None = None
    csat: str | None = None
    ces: str | None = None
    #: The scales as stated; None: not stated, taken from the map's last import of that
    #: question, else the import stops (:func:`settle_scales`): a scale is never assumed.
    csat_scale: Scale | None = None
    ces_scale: Scale | None = None
    #: What the flags stated of a scale given only in part (points, best end); the rest
    #: comes from the map's record.
    ces_partial: tuple[int | None, Best | None] = (None, None)

    def scale(self, question: str) -> Scale:
        """The settled scale of ``csat`` or ``ces``; a reader asks only after settling."""
        scale = self.csat_scale if question == "csat" else self.ces_scale
        if scale is None:
            raise ValueError(f"the {question.upper()} scale is not stated")
        return scale


def recorded_scale(journey: Journey, question: str) -> Scale | None:
    """The scale the map's latest import of ``question`` (csat or ces) stated, or None: values
    record their scale and best end, so a second survey of the same tool needs no flags."""
    metrics = SCALED[question]
    for snapshot in reversed(journey.metric_snapshots()):
        for per in snapshot.values.values():
            for metric in metrics:
                v = per.get(metric)
                if v is not None and {SCALE_LOW, SCALE_HIGH, HIGHER_IS_BETTER} <= v.detail.keys():
                    best: Best = "high" if v.detail[HIGHER_IS_BETTER] else "low"
                    try:
                        return Scale(int(v.detail[SCALE_LOW]), int(v.detail[SCALE_HIGH]), best)
                    except ValueError:
                        return None  # a hand-edited record that is no scale: ask again
    return None


def settle_scales(options: ResponsesOptions, journey: Journey) -> None:
    """Fill each used question's scale from the map's record where the options leave it open;
    raises ValueError naming the flags when neither says it."""
    missing: list[str] = []
    if options.csat and options.csat_scale is None:
        options.csat_scale = recorded_scale(journey, "csat")
        if options.csat_scale is None:
            missing.append(f"--csat-best high|low for the CSAT answers in {quoted(options.csat)}")
    if options.ces and options.ces_scale is None:
        recorded = recorded_scale(journey, "ces")
        points, best = options.ces_partial
        points = points or (recorded.high if recorded else None)
        best = best or (recorded.best if recorded else None)
        if points in (5, 7) and best is not None:
            options.ces_scale = Scale.ces(points, best)  # type: ignore[arg-type]
        else:
            wanted = (("--ces-scale 5|7", points), ("--ces-best low|high", best))
            flags = " and ".join(flag for flag, known in wanted if not known)
            missing.append(f"{flags} for the CES answers in {quoted(options.ces)}")
    if missing:
        raise ValueError(
            "the map records no scale for these answers and which end is best differs between "
            "survey tools: give " + "; ".join(missing)
        )


def _read(reading: Reading, options: ResponsesOptions) -> Rows:
    result = _survey(reading, options)
    values = _with_direction(result.values, options)
    summary = _summary(values, reading.spec.weights)
    return Rows(values, period=(result.first_date, result.last_date), summary=summary)


def _survey(reading: Reading, options: ResponsesOptions) -> SurveyResult:
    """The fast reader where it gives what the exact one would; else the exact reader."""
    from concurrent.futures import ThreadPoolExecutor

    from cjo_desktop.io.imports.fast_survey import NeedsExactReader, read_fast
    from cjo_desktop.io.imports.report import ImportReport
    from cjo_desktop.io.imports.responses import read_exact

    table, report = reading.table, reading.report
    if table.format == "csv" and table.encoding.replace("_", "-") in ("utf-8", "utf-8-sig"):
        trial = ImportReport(report.source, report.kind)
        # Hash the file while polars reads it: both release the GIL, the machine has cores.
        with ThreadPoolExecutor(1) as pool:
            hashed = pool.submit(lambda: table.sha256)
            try:
                result: SurveyResult | None = read_fast(reading, options, trial)
            except NeedsExactReader:
                result = None
            hashed.result()  # a file that cannot be read says so here
        if result is not None and table.long_lines:
            result = None  # a line the csv module refuses: the exact reader names it
        if result is not None:
            report.rows_read, report.rows_used = trial.rows_read, trial.rows_used
            report.skipped = trial.skipped
            return result
    return read_exact(table, reading.spec, options, reading.keys, report, reading.progress)


def _with_direction(values: Values, options: ResponsesOptions) -> Values:
    """CSAT and CES values remember which end of their scale was best."""
    scales = {
        metric: scale
        for question, scale in (("csat", options.csat_scale), ("ces", options.ces_scale))
        if scale is not None
        for metric in SCALED[question]
    }
    out: Values = {}
    for tp, per in values.items():
        out[tp] = {}
        for metric, v in per.items():
            scale = scales.get(metric)
            if scale is not None:
                record = {
                    HIGHER_IS_BETTER: 1.0 if scale.best == "high" else 0.0,
                    SCALE_LOW: float(scale.low),
                    SCALE_HIGH: float(scale.high),
                }
                v = dataclasses.replace(v, detail={**v.detail, **record})
            out[tp][metric] = v
    return out


def _summary(values: Values, weights: dict[str, float]) -> dict[str, MetricValue]:
    from cjo_desktop.analysis.weighted import weighted_mean, weighted_share

    out: dict[str, MetricValue] = {}
    for metric in (CSAT_MEAN, CES_MEAN):
        per_tp = {tp: m[metric] for tp, m in values.items() if metric in m}
        if per_tp:
            out[f"{metric}_weighted"] = weighted_mean(per_tp, weights)
    top2 = {tp: m[CSAT_TOP2] for tp, m in values.items() if CSAT_TOP2 in m}
    if top2:
        out[f"{CSAT_TOP2}_weighted"] = weighted_share(top2, weights)
    return out


def _method(options: ResponsesOptions) -> str:
    parts = [f"NPS from {quoted(options.nps)} (0-10)"] if options.nps else []
    for q, scale in (("csat", options.csat_scale), ("ces", options.ces_scale)):
        column = getattr(options, q)
        if column and scale is not None:
            scale_text = f"{scale.low}-{scale.high}, {scale.best} is best"
            parts.append(f"{q.upper()} from {quoted(column)} ({scale_text})")
    return "survey responses: " + "; ".join(parts)


def _evidence(roles: dict[str, str]) -> int:
    return 1 if set(QUESTIONS) & set(roles) else -1


def _fill(options: ResponsesOptions, guesses: dict[str, str]) -> bool:
    if not (options.nps or options.csat or options.ces):
        options.nps, options.csat, options.ces = (guesses.get(q) for q in QUESTIONS)
    return True


def _flags(p: argparse.ArgumentParser, column: ColumnType) -> None:
    p.add_argument("--nps", type=column, metavar="COL", help="NPS answers, 0-10")
    p.add_argument("--csat", type=column, metavar="COL", help="CSAT answers")
    p.add_argument("--csat-scale", type=int, choices=[5], default=5, help="CSAT scale 1-5")
    p.add_argument(
        "--csat-best",
        choices=["high", "low"],
        help="which end of the CSAT scale is best; needed for CSAT answers unless the map "
        "records it from an earlier import",
    )
    p.add_argument("--ces", type=column, metavar="COL", help="CES answers")
    p.add_argument(
        "--ces-scale",
        type=int,
        choices=[5, 7],
        help="CES scale 1-5 or 1-7; needed for CES answers unless the map records it",
    )
    p.add_argument(
        "--ces-best",
        choices=["low", "high"],
        help="which end of the CES scale is best (low: least effort); needed for CES answers "
        "unless the map records it",
    )


def _from_flags(args: argparse.Namespace) -> ResponsesOptions:
    return ResponsesOptions(
        nps=args.nps,
        csat=args.csat,
        ces=args.ces,
        csat_scale=Scale(1, args.csat_scale, args.csat_best) if args.csat_best else None,
        ces_scale=None,
        ces_partial=(args.ces_scale, args.ces_best),
    )


RESPONSES = ImportKind(
    ResponsesOptions,
    name="survey responses",
    title="Survey responses (one row per answer)",
    read=_read,
    method=_method,
    evidence=_evidence,
    fill=_fill,
    columns=lambda o: (o.nps, o.csat, o.ces),
    guesses={
        "nps": ("nps", "nps score", "likelihood to recommend", "recommend", "ltr"),
        "csat": ("csat", "csat score", "satisfaction", "satisfied"),
        "ces": ("ces", "ces score", "effort", "customer effort"),
    },
    add_flags=_flags,
    from_flags=_from_flags,
    settle=settle_scales,
    per_segment=True,
)
