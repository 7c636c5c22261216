"""The headless ``cjo`` command: create, check, inspect and export maps from a shell or a script.

Exit status: 0 on success, 1 on bad input (one ``error:`` line on stderr naming the file and the
place), 2 on wrong usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cjo_desktop import __version__
from cjo_desktop.cli_metrics import add_commands as add_metric_commands
from cjo_desktop.cli_painpoints import add_commands as add_painpoint_commands
from cjo_desktop.cli_report import add_commands as add_report_commands
from cjo_desktop.domain import Journey
from cjo_desktop.io import SCHEMA_VERSION, MapFileError, json_schema, load_map, save_map
from cjo_desktop.io.exports import EXPORTERS, exporter_for
from cjo_desktop.io.templates import new_from_template, templates

#: Picture formats render the Qt scene; they are looked up only when asked for.
PICTURE_SUFFIXES = {".png", ".svg", ".pdf"}


class UsageError(Exception):
    """Wrong usage detected after parsing (exit 2)."""


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def cmd_new(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise MapFileError(out, "", "exists already (use --force to replace it)")
    journey = new_from_template(args.template, args.title)
    _write(lambda p: save_map(journey, p), out)
    _out(f"created {out} from template {args.template!r}")


def cmd_templates(args: argparse.Namespace) -> None:
    items = templates()
    width = max((len(t.name) for t in items), default=0)
    for t in items:
        _out(f"{t.name:<{width}}  {t.summary}")


def cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            journey = load_map(name)
        except MapFileError as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        _out(
            f"{name}: ok ({len(journey.stages())} stages, {len(journey.touchpoints())} "
            f"touchpoints, {len(journey.flows())} flows)"
        )
    return 1 if failed else 0


def info(journey: Journey) -> dict[str, Any]:
    """The summary ``cjo info`` prints, as plain data."""
    return {
        "title": journey.title,
        "counts": {
            "stages": len(journey.stages()),
            "touchpoints": len(journey.touchpoints()),
            "emotions": len(journey.emotions()),
            "flows": sum(1 for f in journey.flows() if not f.is_dropoff),
            "dropoffs": sum(1 for f in journey.flows() if f.is_dropoff),
            "personas": len(journey.personas()),
        },
        "stages": [
            {"id": s.id, "name": s.name, "touchpoints": [t.name for t in journey.touchpoints(s.id)]}
            for s in journey.stages()
        ],
    }


def cmd_info(args: argparse.Namespace) -> None:
    summary = info(load_map(args.file))
    if args.json:
        _out(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    _out(summary["title"])
    _out(", ".join(f"{n} {k}" for k, n in summary["counts"].items()))
    for stage in summary["stages"]:
        names = stage["touchpoints"]
        _out(f"  {stage['name']} ({len(names)}): {', '.join(names) if names else '-'}")


def cmd_schema(args: argparse.Namespace) -> None:
    _out(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def cmd_export(args: argparse.Namespace) -> None:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if not 1 <= args.scale <= 4:
        raise UsageError(f"--scale must be between 1 and 4, not {args.scale:g}")
    journey = load_map(args.file)
    exporter = exporter_for(out)
    if exporter is None and suffix in PICTURE_SUFFIXES:
        view = (args.snapshot, None, args.colour_by)
        exporter = _picture_exporter(
            suffix, args.scale, args.transparent, args.page, view, not args.no_painpoints
        )
    if exporter is None:
        raise UsageError(
            f"cannot export to {suffix or 'a file without a suffix'} "
            f"(choose one of: {', '.join(_export_suffixes())})"
        )
    _write(lambda p: exporter(journey, p), out)
    _out(f"wrote {out}")


def _picture_exporter(
    suffix: str,
    scale: float,
    transparent: bool = False,
    page: str = "A4",
    view: tuple[str | None, str | None, str | None] = (None, None, None),
    painpoints: bool = True,
) -> Callable[[Journey, Path], None] | None:
    try:
        from cjo_desktop.canvas import export as picture
    except ImportError:  # Qt is not installed: the picture formats are not offered
        return None
    return picture.exporter(
        suffix,
        scale=scale,
        transparent=transparent,
        page=page,
        metric_view=view,
        painpoints=painpoints,
    )


def _export_suffixes() -> list[str]:
    suffixes = list(EXPORTERS)
    if _picture_exporter(".png", 1) is not None:
        suffixes += sorted(PICTURE_SUFFIXES)
    return suffixes


def _write(write: Callable[[Path], None], out: Path) -> None:
    try:
        write(out)
    except OSError as exc:
        raise MapFileError(out, "", f"cannot write the file ({exc.strerror or exc})") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cjo",
        description="Create, check, inspect and export customer journey maps (*.cjo.json).",
    )
    parser.add_argument(
        "--version", action="version", version=f"cjo {__version__} (file format {SCHEMA_VERSION})"
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")

    p = verbs.add_parser(
        "new",
        help="create a map from a template",
        description="Create a new map file from a bundled template.",
    )
    p.add_argument("out", metavar="OUT", help="the map file to create, e.g. journey.cjo.json")
    p.add_argument("--template", default="blank", help="template name (see 'cjo templates')")
    p.add_argument("--title", help="the map's title")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(run=cmd_new)

    p = verbs.add_parser(
        "templates",
        help="list the bundled templates",
        description="List the bundled templates, one per line.",
    )
    p.set_defaults(run=cmd_templates)

    p = verbs.add_parser(
        "validate",
        help="check map files",
        description="Check map files; exit 1 if any is not a valid map.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="map files to check")
    p.set_defaults(run=cmd_validate)

    p = verbs.add_parser(
        "info",
        help="summarize a map",
        description="Print a map's title, counts and touchpoints per stage.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(run=cmd_info)

    p = verbs.add_parser(
        "schema",
        help="print the JSON Schema of the map file",
        description="Print the JSON Schema (draft 2020-12) of *.cjo.json files.",
    )
    p.set_defaults(run=cmd_schema)

    formats = "; ".join(f"{s} {what}" for s, (_, what) in EXPORTERS.items())
    p = verbs.add_parser(
        "export",
        help="export a map to another format",
        description=f"Export a map; the format comes from OUT's suffix: {formats}; "
        ".png, .svg and .pdf pictures of the map.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", dest="out", metavar="OUT", required=True)
    p.add_argument(
        "--scale", type=float, default=2.0, help="pixel scale of PNG exports, 1 to 4 (default 2)"
    )
    p.add_argument(
        "--transparent", action="store_true", help="PNG: transparent instead of white background"
    )
    p.add_argument(
        "--page", choices=["A4", "A3"], default="A4", help="PDF: landscape page size (default A4)"
    )
    p.add_argument(
        "--snapshot", metavar="LABEL", help="pictures: the metric snapshot shown (default latest)"
    )
    p.add_argument(
        "--colour-by", metavar="METRIC", help="pictures: colour the cards by a metric, e.g. nps"
    )
    p.add_argument(
        "--no-painpoints",
        action="store_true",
        help="pictures: leave out the pain-point outlines, icons and legend",
    )
    p.set_defaults(run=cmd_export)
    add_metric_commands(verbs)
    add_painpoint_commands(verbs)
    add_report_commands(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not as noise when Python exits
    except MapFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `cjo metrics MAP | head`: the reader stopped listening
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return int(status or 0)


if __name__ == "__main__":
    sys.exit(main())
