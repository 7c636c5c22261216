"""``cjo painpoints``: the pain points the default rules find, ranked by what they cost.

Until maps store their own rules and value per customer, the defaults apply and the value comes
from ``--value-per-customer``; without it the ranking is by customers lost, or by severity and
sample size where no volumes exist (each row says which).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import Any

from cjo_desktop.analysis.impact import PainPoint, rank
from cjo_desktop.analysis.painpoints import DEFAULT_RULES, evaluate, merged
from cjo_desktop.domain import JourneyError
from cjo_desktop.io import MapFileError, load_map
from cjo_desktop.io.exports.metrics_table import safe_cell

KEYS = ("rank", "touchpoint_id", "touchpoint", "source", "severity", "impact", "explanation")


def records(points: list[PainPoint]) -> list[dict[str, Any]]:
    return [
        {
            "rank": i,
            "touchpoint_id": p.touchpoint_id,
            "touchpoint": p.touchpoint,
            "source": p.source,
            "severity": p.severity,
            "impact": round(p.impact, 2),
            "explanation": p.explanation,
        }
        for i, p in enumerate(points, 1)
    ]


def cmd_painpoints(args: argparse.Namespace) -> None:
    journey = load_map(args.file)
    snapshots = journey.metric_snapshots()
    try:
        chosen = [journey.metric_snapshot(args.snapshot)] if args.snapshot else snapshots
    except JourneyError as exc:
        labels = ", ".join(repr(s.label) for s in snapshots) or "none"
        raise MapFileError(args.file, "", f"{exc} (snapshots: {labels})") from None
    snapshot = merged(chosen)
    points = rank(
        journey,
        snapshot,
        evaluate(journey, snapshot, DEFAULT_RULES),
        args.value_per_customer,
        period=args.period,
    )
    rows = records(points)
    if args.format == "json":
        print(json.dumps([{k: r[k] for k in KEYS[1:]} for r in rows], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(KEYS)
        writer.writerows([safe_cell(r[k]) for k in KEYS] for r in rows)
        print(out.getvalue(), end="")
    elif not rows:
        print("no pain points: no rule fires on this map's data and feelings")
    else:
        for r in rows:
            print(
                f"{r['rank']:>3}. [{r['severity']}] {r['touchpoint']} ({r['source']}): "
                f"{r['explanation']}"
            )


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "painpoints",
        help="rank a map's pain points by impact",
        description="Apply the default pain-point rules (NPS below 0, CSAT top-2 below 70%%, "
        "CES at or above 5, drop-off at or above 30%%, a feeling of -1 or worse, a dip of 2) "
        "to a map's metrics and feelings, and rank what they find by estimated impact.",
    )
    p.add_argument("file", metavar="MAP")
    p.add_argument(
        "--snapshot",
        metavar="LABEL",
        help="use this metric snapshot (default: all, the latest value winning)",
    )
    p.add_argument(
        "--value-per-customer",
        type=float,
        metavar="AMOUNT",
        help="e.g. the average order value or CLTV: prices each customer lost",
    )
    p.add_argument("--period", default="period", help="the period the counts cover")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(run=cmd_painpoints)
