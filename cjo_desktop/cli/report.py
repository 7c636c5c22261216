"""``cjo report``: the map, its charts and its ranked pain points as one PDF.

Drawing needs Qt (the map picture) and matplotlib (the charts); both are imported only when
the command runs, so ``cjo`` itself starts without them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cjo_desktop.cli.options import UsageError, amount, known_snapshot, text
from cjo_desktop.cli.output import check_target, out
from cjo_desktop.cli.verbs import listed
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.io.errors import MapFileError


def cmd_report(args: argparse.Namespace) -> None:
    path = Path(args.out)
    if path.suffix.lower() != ".pdf":
        raise UsageError(
            f"cannot write a report to {path.suffix.lower() or 'a file without a suffix'} "
            "(choose .pdf)"
        )
    check_target(path)
    from cjo_desktop.io.files import load_map

    journey = load_map(args.file)
    for label in (args.snapshot, args.baseline, args.latest):
        if label is not None:
            known_snapshot(journey, args.file, label)
    from cjo_desktop.report import ReportOptions, make_report

    options = ReportOptions(
        snapshot=args.snapshot,
        baseline=args.baseline,
        latest=args.latest,
        value_per_customer=args.value_per_customer,
        author=args.author,
    )
    try:
        pages = make_report(journey, path, options)
    except JourneyError as exc:
        raise MapFileError(args.file, "", str(exc)) from None
    except OSError as exc:
        raise MapFileError(path, "", f"cannot write the file ({exc.strerror or exc})") from None
    except (ValueError, RuntimeError, MemoryError) as exc:  # a map the charts cannot draw
        raise MapFileError(args.file, "", f"cannot draw the report ({exc})") from None
    out(f"wrote {path} ({pages} pages)")


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "report",
        help=listed("report"),
        description="Write a multi-page PDF (A4 landscape): title and contents, the map, the "
        "emotion curve, metrics by stage, the funnel, the ranked pain points, the value-by-"
        "effort matrix and baseline against latest. Pages without data are left out and the "
        "contents say why.",
    )
    p.add_argument("file", metavar="MAP")
    p.add_argument("-o", "--output", dest="out", metavar="OUT.pdf", required=True)
    p.add_argument(
        "--snapshot",
        type=text,
        metavar="LABEL",
        help="judge the pain points and draw the charts on this snapshot, for this report only "
        "(default: the map's own setting, the one the editor's pain-point panel shows; a map "
        "that never set it uses all snapshots, the latest value winning)",
    )
    p.add_argument(
        "--baseline", type=text, metavar="LABEL", help="compared from (default: the first snapshot)"
    )
    p.add_argument(
        "--latest",
        type=text,
        metavar="LABEL",
        help="compared to (default: the last snapshot with survey values like the baseline's)",
    )
    p.add_argument(
        "--value-per-customer",
        type=amount,
        metavar="AMOUNT",
        help="prices each customer lost (default: the map's setting)",
    )
    p.add_argument(
        "--author", type=text, default="", metavar="NAME", help="who prepared the report"
    )
    p.set_defaults(run=cmd_report)
