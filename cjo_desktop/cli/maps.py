"""``cjo new``, ``templates``, ``validate``, ``info`` and ``schema``: maps as files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cjo_desktop.cli.options import map_text, text
from cjo_desktop.cli.output import err, out, out_json, write_file
from cjo_desktop.cli.verbs import listed
from cjo_desktop.io.errors import MapFileError

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey

# Each command imports the file format (pydantic, networkx) itself, so that ``cjo --help``
# and ``cjo --version`` start without it.

#: How the counts read in text: ``validate`` and ``info`` say the same thing the same way.
COUNT_WORDS = {"dropoffs": "drop-offs"}


def counts(journey: Journey) -> dict[str, int]:
    """What a map holds; a drop-off is counted apart from the flows between touchpoints."""
    flows = journey.flows()
    return {
        "stages": len(journey.stages()),
        "touchpoints": len(journey.touchpoints()),
        "emotions": len(journey.emotions()),
        "flows": sum(1 for f in flows if not f.is_dropoff),
        "dropoffs": sum(1 for f in flows if f.is_dropoff),
        "personas": len(journey.personas()),
    }


def counted(numbers: dict[str, int], *keys: str) -> str:
    """'5 stages, 40 flows, 17 drop-offs' for ``keys`` (default: all)."""
    return ", ".join(f"{numbers[k]} {COUNT_WORDS.get(k, k)}" for k in keys or numbers)


def info(journey: Journey) -> dict[str, Any]:
    """The summary ``cjo info`` prints, as plain data."""
    from cjo_desktop.analysis.evidence import evidence_json

    return {
        "title": journey.title,
        "counts": counts(journey),
        "stages": [
            {"id": s.id, "name": s.name, "touchpoints": [t.name for t in journey.touchpoints(s.id)]}
            for s in journey.stages()
        ],
        "personas": [p.name for p in journey.personas()],
        "lanes": [
            {
                "name": lane.name,
                "kind": lane.kind,
                "hidden": lane.hidden,
                "collapsed": lane.collapsed,
            }
            for lane in journey.lanes()
        ],
        "evidence": evidence_json(journey),
        "comments": journey.comment_counts(),
    }


def cmd_new(args: argparse.Namespace) -> None:
    path = Path(args.out)
    if path.exists() and not args.force:
        raise MapFileError(path, "", "exists already (use --force to replace it)")
    from cjo_desktop.io.files import save_map
    from cjo_desktop.io.templates import new_from_template

    journey = new_from_template(args.template, args.title)
    write_file(lambda p: save_map(journey, p), path)
    out(f"created {path} from template {args.template!r}")


def cmd_templates(args: argparse.Namespace) -> None:
    from cjo_desktop.io.templates import templates

    items = templates()
    width = max((len(t.name) for t in items), default=0)
    for t in items:
        out(f"{t.name:<{width}}  {t.summary}")


def cmd_validate(args: argparse.Namespace) -> int:
    from cjo_desktop.io.files import load_map

    failed = 0
    for name in args.files:
        try:
            journey = load_map(name)
        except MapFileError as exc:
            failed += 1
            err(str(exc))
            continue
        numbers = counted(counts(journey), "stages", "touchpoints", "flows", "dropoffs")
        out(f"{name}: ok ({numbers})")
    return 1 if failed else 0


def cmd_info(args: argparse.Namespace) -> None:
    from cjo_desktop.io.files import load_map

    summary = info(load_map(args.file))
    if args.json:
        out_json(summary)
        return
    out(summary["title"])
    out(counted(summary["counts"]))
    for stage in summary["stages"]:
        names = stage["touchpoints"]
        out(f"  {stage['name']} ({len(names)}): {', '.join(names) if names else '-'}")
    ev = summary["evidence"]
    out(f"evidence: {ev['observed']} observed, {ev['assumed']} assumed, "
        f"{ev['proposed']} proposed, {ev['unknown']} not stated")  # fmt: skip


def cmd_schema(args: argparse.Namespace) -> None:
    from cjo_desktop.io.schema import json_schema

    out_json(json_schema())


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "new",
        help=listed("new"),
        description="Create a new map file from a bundled template.",
    )
    p.add_argument("out", metavar="OUT", help="the map file to create, e.g. journey.cjo.json")
    p.add_argument(
        "--template", type=text, default="blank", help="template name (see 'cjo templates')"
    )
    p.add_argument("--title", type=map_text("the title"), help="the map's title")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(run=cmd_new)

    p = verbs.add_parser(
        "templates",
        help=listed("templates"),
        description="List the bundled templates, one per line.",
    )
    p.set_defaults(run=cmd_templates)

    p = verbs.add_parser(
        "validate",
        help=listed("validate"),
        description="Check map files; exit 1 if any is not a valid map.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="map files to check")
    p.set_defaults(run=cmd_validate)

    p = verbs.add_parser(
        "info",
        help=listed("info"),
        description="Print a map's title, counts and touchpoints per stage.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(run=cmd_info)

    p = verbs.add_parser(
        "schema",
        help=listed("schema"),
        description="Print the JSON Schema (draft 2020-12) of *.cjo.json files.",
    )
    p.set_defaults(run=cmd_schema)
