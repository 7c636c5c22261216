"""``cjo import-metrics`` and ``cjo metrics``: data onto a map, and the numbers back out."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cjo_desktop.cli.options import (
    UsageError,
    column_value,
    known_snapshot,
    map_text,
    number_between,
    text,
)
from cjo_desktop.cli.output import check_target, flush, out, out_data, out_json, write_file
from cjo_desktop.cli.verbs import listed
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.io.atomic import real_target
from cjo_desktop.io.errors import MapFileError, printable
from cjo_desktop.io.imports.kinds.registry import guess_kind, kind_ids, kind_of, kinds
from cjo_desktop.io.imports.plan import UNSORTED
from cjo_desktop.io.lock import DEFAULT_WAIT

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey
    from cjo_desktop.io.imports.run import ImportResult
    from cjo_desktop.io.imports.spec import ImportSpec

# The commands import the file format, the readers and the tables themselves, so that
# ``cjo --help`` and ``cjo --version`` start without pydantic, networkx and polars.


def spec_from_args(args: argparse.Namespace) -> ImportSpec:
    from cjo_desktop.io.imports.spec import ImportSpec
    from cjo_desktop.io.tables import open_table

    kind = args.kind
    if kind is None:
        with open_table(args.data, args.sheet) as table:
            kind = guess_kind(table.header)
    return ImportSpec(
        kind_of(kind).options_from(args),
        key=args.key,
        match=args.match,
        sheet=args.sheet,
        segment=args.segment,
        date=args.date,
        snapshot=getattr(args, "snapshot", None),
        add_missing=getattr(args, "add_missing", False),
        skip_invalid=getattr(args, "skip_invalid", False),
    )


def import_into_map(
    map_path: Path,
    data: Path,
    spec: ImportSpec,
    out_path: Path,
    announce: Callable[[ImportResult], None] = lambda result: None,
    wait: float = DEFAULT_WAIT,
) -> ImportResult:
    """The read-modify-write of an import: load the map, import, apply, save to ``out_path``.
    In place (``out_path`` is the map, or a link to it) all of it holds the map's lock, so two
    imports take turns instead of one losing the other's snapshot, and the version replaced
    stays as MAP.bak. ``announce`` runs just before the save, so an output that fails stops
    the save too. Nothing is saved if any step fails."""
    from cjo_desktop.io.files import load_map, save_map, update_map
    from cjo_desktop.io.imports.plan import apply_import
    from cjo_desktop.io.imports.run import run_import

    def edit(journey: Journey) -> ImportResult:
        result = run_import(journey, data, spec)
        label = result.snapshot.label
        if any(s.label == label for s in journey.metric_snapshots()):
            raise MapFileError(
                map_path,
                "",
                f"a metric snapshot labelled {label!r} exists already; "
                "choose another label with --snapshot",
            )
        try:
            apply_import(journey, result)
        except JourneyError as exc:
            raise MapFileError(map_path, "", str(exc)) from None
        announce(result)
        return result

    if real_target(out_path).absolute() != real_target(map_path).absolute():
        journey = load_map(map_path)
        result = edit(journey)
        write_file(lambda p: save_map(journey, p), out_path)
        return result
    try:
        return update_map(map_path, edit, wait=wait, who="cjo import-metrics")
    except OSError as exc:  # read-only, or the folder refuses the new file
        raise MapFileError(map_path, "", f"cannot write the file ({exc.strerror or exc})") from None


def cmd_import_metrics(args: argparse.Namespace) -> None:
    map_path = Path(args.map)
    out_path = Path(args.out) if args.out else map_path
    check_target(out_path)  # before the work, and before its report is printed
    spec = spec_from_args(args)
    import_into_map(map_path, Path(args.data), spec, out_path, _print_report, args.wait)
    out(f"saved {out_path}")


def _print_report(result: ImportResult) -> None:
    assert result.report is not None
    for line in result.report.lines():
        out(line)
    flush()


def _cell(column: str, v: Any) -> str:
    """A value as the table shows it: p and q to two significant digits (tiny ones as
    "<0.0001"), other decimals to one place and never "-0.0"."""
    if v is None:
        return "-"
    if isinstance(v, float) and column in ("p_value", "q_value"):
        return "<0.0001" if v < 0.0001 else f"{v:.2g}"
    if isinstance(v, float):
        text = f"{v:.1f}"
        return text.lstrip("-") if float(text) == 0 else text
    return printable(str(v))


def _table(records: list[dict[str, Any]], columns: list[str]) -> list[str]:
    """Aligned columns; cells are escaped first, so the widths are what the terminal shows."""
    rows = [[_cell(c, r[c]) for c in columns] for r in records]
    widths = [
        max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(columns)
    ]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return lines


def _print_records(records: list[dict[str, Any]], fmt: str, keys: tuple[str, ...]) -> None:
    if fmt == "json":
        out_json([{k: r[k] for k in keys} for r in records])
    elif fmt == "csv":
        from cjo_desktop.io.exports.metrics_table import records_csv

        out_data(records_csv([{k: r[k] for k in keys} for r in records]))
    elif records:
        for line in _table(records, [k for k in keys if k not in ("touchpoint_id", "snapshot")]):
            out(line)
    else:
        out("no metrics: import some with 'cjo import-metrics'")


def cmd_metrics(args: argparse.Namespace) -> None:
    from cjo_desktop.io.exports.metrics_table import (
        COMPARE_KEYS,
        RECORD_KEYS,
        compare_records,
        metric_records,
    )
    from cjo_desktop.io.files import load_map

    journey = load_map(args.file)
    for label in (args.snapshot, args.compare):
        if label is not None:
            known_snapshot(journey, args.file, label)
    if args.compare:
        records = compare_records(journey, args.snapshot, args.compare)
    else:
        records = metric_records(journey, args.snapshot)
    _print_records(records, args.format, RECORD_KEYS + (COMPARE_KEYS if args.compare else ()))


def cmd_segments(args: argparse.Namespace) -> None:
    from cjo_desktop.io.files import load_map
    from cjo_desktop.io.imports.segments import SEGMENT_KEYS, segment_records

    needs = [kind for kind in kinds() if kind.per_segment]
    what = "a per-segment table needs " + " or ".join(kind.name for kind in needs)
    if args.kind is not None and not kind_of(args.kind).per_segment:
        raise UsageError(f"{what} ({' or '.join(f'--kind {kind.id}' for kind in needs)})")
    journey = load_map(args.map)
    spec = spec_from_args(args)
    if not kind_of(spec.kind).per_segment:
        raise MapFileError(args.data, "", what)
    records = segment_records(journey, Path(args.data), spec, args.column)
    _print_records(records, args.format, SEGMENT_KEYS)


def _data_arguments(p: argparse.ArgumentParser) -> None:
    """The map, the data file and how to read it: shared by import-metrics and segments."""
    p.add_argument("map", metavar="MAP")
    p.add_argument("data", metavar="DATA", help="a .csv, .tsv, .txt or .xlsx file")
    p.add_argument("--sheet", type=text, help="the worksheet of an .xlsx file (default: the first)")
    p.add_argument(
        "--kind",
        choices=kind_ids(),
        help="what the rows are (default: guessed from the column names)",
    )
    p.add_argument("--key", type=text, metavar="COL", help="the column naming the touchpoint")
    p.add_argument(
        "--match",
        choices=["id", "name", "auto"],
        default="auto",
        help="match keys to touchpoint ids or names (default: either)",
    )
    for kind in kinds():  # each kind's own columns and settings
        kind.add_flags(p, text)
    p.add_argument("--segment", type=column_value, metavar="COL=VALUE", help="only these rows")
    p.add_argument(
        "--date", type=text, metavar="COL", help="a date column: gives the snapshot its period"
    )


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "import-metrics",
        help=listed("import-metrics"),
        description="Compute metrics from survey responses, funnel counts or a table of values "
        "per touchpoint, store them as a labelled snapshot with their provenance, and print "
        "the import report. Without -o the map is saved in place, atomically.",
    )
    _data_arguments(p)
    p.add_argument(
        "--snapshot",
        type=map_text("a snapshot label"),
        metavar="LABEL",
        help="the snapshot's label (default: the data file's name and the time)",
    )
    p.add_argument(
        "--add-missing",
        action="store_true",
        help=f"keys matching no touchpoint become touchpoints in a stage {UNSORTED!r}",
    )
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip rows with a non-number or out-of-scale value (they are counted)",
    )
    p.add_argument("-o", "--output", dest="out", metavar="OUT", help="write the map here")
    p.add_argument(
        "--wait",
        type=number_between(0, 24 * 3600),
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to wait while another program changes the same map "
        f"(default {DEFAULT_WAIT:.0f})",
    )
    p.set_defaults(run=cmd_import_metrics)

    p = verbs.add_parser(
        "metrics",
        help=listed("metrics"),
        description="One record per touchpoint and metric of a snapshot (default: the latest).",
    )
    p.add_argument("file", metavar="MAP")
    p.add_argument("--snapshot", type=text, metavar="LABEL", help="default: the latest")
    p.add_argument(
        "--compare",
        type=text,
        metavar="BASELINE",
        help="another snapshot: adds its value and the change with its 95%% interval, p, "
        "q (Benjamini-Hochberg over all the changes) and the answers a survey needs; a change "
        "is better or worse only when q < 0.05, else 'no significant change'",
    )
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_metrics)

    p = verbs.add_parser(
        "segments",
        help=listed("segments"),
        description="Compute NPS, CSAT and CES per touchpoint for every value of a segment "
        "column, compare each segment with the rest of the responses (95% interval, p, q; "
        "better or worse only when q < 0.05) and print the table (the map is not changed).",
    )
    _data_arguments(p)
    p.add_argument("--column", type=text, required=True, metavar="COL", help="the segment column")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_segments)
