"""``cjo discover``: a map from an event log, its touchpoints the activities, its flows what
directly followed what, counted, and its drop-offs the cases that never reached a goal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cjo_desktop.cli.options import text, whole_between
from cjo_desktop.cli.output import out, write_file
from cjo_desktop.cli.verbs import listed
from cjo_desktop.domain.limits import MAX_COUNT
from cjo_desktop.io.errors import MapFileError

#: More stages than this would not fit a screen, nor tell anything.
MAX_STAGES = 50


def cmd_discover(args: argparse.Namespace) -> None:
    from cjo_desktop.analysis.discovery import discover
    from cjo_desktop.domain.errors import JourneyError
    from cjo_desktop.io.events import read_event_log
    from cjo_desktop.io.files import save_map

    path = Path(args.out)
    if path.exists() and not args.force:
        raise MapFileError(path, "", "exists already (use --force to replace it)")
    log = read_event_log(
        args.events, case=args.case, activity=args.activity, time=args.time, channel=args.channel
    )
    try:
        found = discover(
            list(log.traces.values()),
            goals=args.goal,
            stages=args.stages,
            min_count=args.min_count,
            channels=log.channels,
            title=f"Discovered from {Path(args.events).name}"[:500],
        )
    except JourneyError as exc:
        raise MapFileError(args.events, "", str(exc)) from None
    write_file(lambda p: save_map(found.journey, p), path)
    journey = found.journey
    drawn = len([f for f in journey.flows() if not f.is_dropoff])
    dropped = sum(found.dropoffs.values())
    goals = f"{dropped:,} of them dropped off before a goal" if args.goal else "no --goal given"
    hidden = f", {found.hidden:,} rarer than --min-count hidden" if found.hidden else ""
    out(
        f"saved {path}: {_n(len(journey.touchpoints()), 'activity', 'activities')} in "
        f"{_n(len(journey.stages()), 'stage')}, {_n(drawn, 'flow')}{hidden}, from "
        f"{_n(found.cases, 'case')} ({_n(log.events, 'event')}; {goals})"
    )


def _n(count: int, word: str, words: str = "") -> str:
    """``1 stage``, ``1,200 stages``."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "discover",
        help=listed("discover"),
        description="Read an event log (CSV, any of , ; or tab as delimiter, gzip too; one row "
        "per event with a header) and write a map: one touchpoint per activity, a flow for each "
        "activity that directly followed another in a case with how often, and drop-offs where "
        "cases ended without reaching a goal. Events are ordered per case by time, ties in file "
        "order. Stages come from where each activity typically (median) happens in its cases.",
    )
    p.add_argument("events", metavar="EVENTS")
    p.add_argument("-o", "--output", dest="out", metavar="MAP", required=True)
    p.add_argument("--force", action="store_true", help="replace MAP if it exists")
    p.add_argument(
        "--case", type=text, metavar="COL", help="case column (default: case, case_id, ...)"
    )
    p.add_argument(
        "--activity",
        type=text,
        metavar="COL",
        help="activity column (default: activity, concept:name, ...)",
    )
    p.add_argument(
        "--time",
        type=text,
        metavar="COL",
        help="time column, ISO 8601 (default: timestamp, time:timestamp, ...)",
    )
    p.add_argument("--channel", type=text, metavar="COL", help="channel column (default: none)")
    p.add_argument(
        "--goal",
        type=text,
        metavar="ACTIVITY",
        action="append",
        default=[],
        help="an activity that counts as success (repeatable); cases that reach none drop off "
        "where they end. Without a goal, no drop-offs are drawn.",
    )
    p.add_argument(
        "--stages",
        type=whole_between(1, MAX_STAGES),
        default=4,
        metavar="N",
        help="cut the typical positions into N stages; empty ones are left out (default: 4)",
    )
    p.add_argument(
        "--min-count",
        type=whole_between(1, MAX_COUNT),
        default=1,
        metavar="N",
        help="leave off flows and drop-offs seen fewer than N times (default: 1, all)",
    )
    p.set_defaults(run=cmd_discover)
