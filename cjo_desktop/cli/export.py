"""``cjo export``: a map in another format, chosen by the output's suffix."""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cjo_desktop.cli.options import UsageError, known_metric, known_snapshot, number_between, text
from cjo_desktop.cli.output import check_target, out, write_file
from cjo_desktop.cli.verbs import listed
from cjo_desktop.io.exports import EXPORTERS, exporter_for

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey, Snapshot

#: Picture formats render the Qt scene; they are looked up only when asked for.
PICTURE_SUFFIXES = (".pdf", ".png", ".svg")

MetricView = tuple[str | None, str | None, str | None]


def cmd_export(args: argparse.Namespace) -> None:
    path = Path(args.out)
    suffix = path.suffix.lower()
    exporter = exporter_for(path)
    picture = exporter is None and suffix in PICTURE_SUFFIXES and _have_qt()
    if exporter is None and not picture:
        _unknown_suffix(suffix)
    if not picture and (args.snapshot is not None or args.colour_by is not None):
        raise UsageError("--snapshot and --colour-by apply to pictures (.png, .svg, .pdf) only")
    if not picture and args.comments:
        raise UsageError(
            "--comments applies to pictures (.png, .svg, .pdf) only; "
            "the map file keeps every comment"
        )
    check_target(path)
    from cjo_desktop.io.files import load_map

    journey = load_map(args.file)  # before Qt loads: a bad map is refused quickly
    if suffix == ".graphml":
        exporter = _drawn_graphml
    if exporter is None:
        view = _metric_view(journey, args)
        exporter = _picture_exporter(
            suffix,
            args.scale,
            args.transparent,
            args.page,
            view,
            not args.no_painpoints,
            comments=args.comments,
        )
        if exporter is None:  # Qt is there but does not load
            _unknown_suffix(suffix)
    write_file(lambda p: exporter(journey, p), path)
    out(f"wrote {path}")


def _drawn_graphml(journey: Journey, path: Path) -> None:
    """GraphML with yEd's drawing of the map: io writes it, the drawing layer computes it."""
    from cjo_desktop.drawing.graph_drawing import map_drawing
    from cjo_desktop.io.exports.graphml import EXIT_NODE, write_graphml

    write_graphml(journey, path, map_drawing(journey, EXIT_NODE))


def _unknown_suffix(suffix: str) -> NoReturn:
    raise UsageError(
        f"cannot export to {suffix or 'a file without a suffix'} "
        f"(choose one of: {', '.join(_export_suffixes())})"
    )


def _have_qt() -> bool:
    """Whether pictures are offered, without the second it takes to load Qt."""
    return importlib.util.find_spec("PySide6") is not None


def _metric_view(journey: Journey, args: argparse.Namespace) -> MetricView:
    """The snapshot and colour asked for, refused when the map has no such thing: a picture
    silently drawn without them would look like the one asked for."""
    shown: Snapshot | None
    if args.snapshot is not None:
        shown = known_snapshot(journey, args.file, args.snapshot)
    else:
        snapshots = journey.metric_snapshots()
        shown = snapshots[-1] if snapshots else None
    if args.colour_by is not None:
        known_metric(shown, args.file, args.colour_by)
    return (args.snapshot, None, args.colour_by)


def _picture_exporter(
    suffix: str,
    scale: float,
    transparent: bool = False,
    page: str = "A4",
    view: MetricView = (None, None, None),
    painpoints: bool = True,
    *,
    comments: bool = False,
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
        comments=comments,
    )


def _export_suffixes() -> list[str]:
    return list(EXPORTERS) + (list(PICTURE_SUFFIXES) if _have_qt() else [])


def add_commands(verbs: Any) -> None:
    formats = "; ".join(f"{s} {what}" for s, (_, _, what) in EXPORTERS.items())
    p = verbs.add_parser(
        "export",
        help=listed("export"),
        description=f"Export a map; the format comes from OUT's suffix: {formats}; "
        ".png, .svg and .pdf pictures of the map.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", dest="out", metavar="OUT", required=True)
    p.add_argument(
        "--scale",
        type=number_between(1, 4),
        default=2.0,
        help="pixel scale of PNG exports, 1 to 4 (default 2)",
    )
    p.add_argument(
        "--transparent", action="store_true", help="PNG: transparent instead of white background"
    )
    p.add_argument(
        "--page",
        choices=["A4", "A3"],
        default="A4",
        help="PDF: paper size (default A4); one page if card names stay 6 pt or more, "
        "else tiled over the fewest pages that keep them so",
    )
    p.add_argument(
        "--snapshot",
        type=text,
        metavar="LABEL",
        help="pictures: the metric snapshot shown (default latest)",
    )
    p.add_argument(
        "--colour-by",
        type=text,
        metavar="METRIC",
        help="pictures: colour the cards by a metric of that snapshot, e.g. nps",
    )
    p.add_argument(
        "--no-painpoints",
        action="store_true",
        help="pictures: leave out the pain-point outlines, icons and legend",
    )
    p.add_argument(
        "--comments",
        action="store_true",
        help="pictures: draw the badges of open comments on cards and stages "
        "(left out by default: a picture is for clients)",
    )
    p.set_defaults(run=cmd_export)
