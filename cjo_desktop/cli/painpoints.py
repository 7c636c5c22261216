"""``cjo painpoints``: the pain points a map's rules find and its team flagged, ranked by what
they cost, priced with the map's own settings (``--value-per-customer`` overrides its value).
Without a value the ranking is by customers at risk, or by severity and sample size where no
volumes exist (each row says which).
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import TYPE_CHECKING, Any

from cjo_desktop.cli.options import amount, known_snapshot, text
from cjo_desktop.cli.output import out, out_data, out_json
from cjo_desktop.cli.verbs import listed

if TYPE_CHECKING:
    from cjo_desktop.analysis.impact import Ranked

KEYS = (
    "rank",
    "touchpoint_id",
    "touchpoint",
    "source",
    "severity",
    "impact",
    "touchpoint_rank",
    "touchpoint_impact",
    "explanation",
)


def records(points: list[Ranked]) -> list[dict[str, Any]]:
    """One record per pain point, with its touchpoint's place in the ranking that counts each
    touchpoint once and its combined impact (the largest of its pain points, not the sum)."""
    from cjo_desktop.analysis.impact import by_touchpoint

    place = {g.touchpoint_id: (i, g.impact) for i, g in enumerate(by_touchpoint(points), 1)}
    return [
        {
            "rank": i,
            "touchpoint_id": p.touchpoint_id,
            "touchpoint": p.touchpoint,
            "source": p.source,
            "severity": p.severity,
            "impact": round(p.impact, 2),
            "touchpoint_rank": place[p.touchpoint_id][0],
            "touchpoint_impact": round(place[p.touchpoint_id][1], 2),
            "explanation": p.explanation,
        }
        for i, p in enumerate(points, 1)
    ]


def cmd_painpoints(args: argparse.Namespace) -> None:
    from cjo_desktop.analysis.basis import judged_snapshot
    from cjo_desktop.analysis.impact import rank_map
    from cjo_desktop.analysis.sources import source_words
    from cjo_desktop.io.exports.metrics_table import safe_cell
    from cjo_desktop.io.files import load_map

    journey = load_map(args.file)
    if args.snapshot is not None:
        known_snapshot(journey, args.file, args.snapshot)
    snapshot = judged_snapshot(journey, args.snapshot)
    points = rank_map(journey, snapshot, value_per_customer=args.value_per_customer)
    rows = records(points)
    if args.format == "json":
        out_json([{k: r[k] for k in KEYS[1:]} for r in rows])
    elif args.format == "csv":
        table = io.StringIO()
        writer = csv.writer(table, lineterminator="\n")
        writer.writerow(KEYS)
        writer.writerows([safe_cell(r[k]) for k in KEYS] for r in rows)
        out_data(table.getvalue())
    elif not rows:
        out("no pain points: no rule fires on this map's data and feelings")
    else:
        grouped: dict[int, list[tuple[dict[str, Any], Ranked]]] = {}
        for r, p in zip(rows, points, strict=True):
            grouped.setdefault(r["touchpoint_rank"], []).append((r, p))
        for place, found in grouped.items():
            out(f"{place:>3}. {found[0][0]['touchpoint']}")
            for r, p in found:
                words = source_words(journey, p.source, p.key)
                out(f"     [{r['severity']}] ({words}): {r['explanation']}")


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "painpoints",
        help=listed("painpoints"),
        description="Apply the map's pain-point rules (by default: NPS below 0, CSAT top-2 "
        "below 70%, CES at or above 5, drop-off at or above 30%, a feeling of -1 or worse, a "
        "dip of 2) to its metrics and feelings, add the pain points flagged by hand, and rank "
        "them by estimated impact with the map's value per customer.",
    )
    p.add_argument("file", metavar="MAP")
    p.add_argument(
        "--snapshot",
        type=text,
        metavar="LABEL",
        help="judge on this metric snapshot for this run only (default: the map's own setting, "
        "the one the editor's pain-point panel shows and the report uses; a map that never set "
        "it is judged on all snapshots, the latest value winning)",
    )
    p.add_argument(
        "--value-per-customer",
        type=amount,
        metavar="AMOUNT",
        help="e.g. the average order value or CLTV: prices each customer lost (default: the "
        "map's setting)",
    )
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(run=cmd_painpoints)
