"""``cjo attribution PATHS.csv``: which marketing channels earn the conversions, by first-order
Markov removal effects computed exactly, with the first-touch, last-touch and linear heuristics
next to them. JSON and CSV carry the numbers unrounded; the table rounds them for reading.
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import TYPE_CHECKING, Any

from cjo_desktop.cli.output import out, out_data, out_json
from cjo_desktop.cli.verbs import listed
from cjo_desktop.io.errors import printable

if TYPE_CHECKING:
    from cjo_desktop.analysis.attribution import ChannelCredit

KEYS = (
    "channel",
    "removal_effect",
    "attributed_conversions",
    "attributed_value",
    "first_touch",
    "last_touch",
    "linear",
)
#: The table's headings, in the order of KEYS.
HEADINGS = (
    "channel",
    "removal effect",
    "Markov",
    "Markov value",
    "first touch",
    "last touch",
    "linear",
)


def records(credits: list[ChannelCredit]) -> list[dict[str, Any]]:
    """One record per channel, keyed as the JSON rows."""
    return [{k: getattr(c, k) for k in KEYS} for c in credits]


def cmd_attribution(args: argparse.Namespace) -> None:
    from cjo_desktop.analysis.attribution import attribute, conversion_chance, transition_counts
    from cjo_desktop.io.exports.metrics_table import safe_cell
    from cjo_desktop.io.imports.paths import read_paths

    paths = read_paths(args.file)
    rows = records(attribute(paths))
    if args.format == "json":
        out_json(rows)
    elif args.format == "csv":
        table = io.StringIO()
        writer = csv.writer(table, lineterminator="\n")
        writer.writerow(KEYS)
        writer.writerows([safe_cell("" if r[k] is None else r[k]) for k in KEYS] for r in rows)
        out_data(table.getvalue())
    elif not rows:
        out("no channels: the file's paths are all empty")
    else:
        for line in _table(rows):
            out(line)
        chance = conversion_chance(transition_counts(paths))
        conversions = sum(p.conversions for p in paths)
        out()
        plural = "" if len(paths) == 1 else "s"
        out(
            f"{len(paths):,} path{plural}, {_number(conversions)} conversions; "
            f"chance to convert from the start {chance:.1%}"
        )
        out("removal effect: the share of conversions lost if the channel were gone")
        out("Markov: the conversions (and value) shared in proportion to the removal effects")


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key == "channel":
        return printable(str(value))
    if key == "removal_effect":
        return f"{value:.2%}" if 0 < value < 0.001 else f"{value:.1%}"
    return _number(value)


def _number(value: float) -> str:
    text = f"{value:,.1f}"
    return text.lstrip("-") if float(value) == 0 else text


def _table(rows: list[dict[str, Any]]) -> list[str]:
    """Aligned columns: the channel to the left, numbers to the right."""
    cells = [[_cell(k, r[k]) for k in KEYS] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(HEADINGS)]

    def line(parts: tuple[str, ...] | list[str]) -> str:
        first = parts[0].ljust(widths[0])
        rest = (p.rjust(w) for p, w in zip(parts[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    return [line(HEADINGS), *(line(r) for r in cells)]


def add_commands(verbs: Any) -> None:
    p = verbs.add_parser(
        "attribution",
        help=listed("attribution"),
        description="Credit marketing channels with the conversions of a path file in "
        "ChannelAttribution's layout (columns path, total_conversions, and optionally "
        "total_conversion_value and total_null; channels split on '>'; any delimiter). "
        "First-order Markov attribution, computed exactly as an absorbing Markov chain: a "
        "channel's removal effect is the share of the chance to convert that is lost when "
        "everyone reaching the channel is lost; conversions and value are shared in "
        "proportion to the effects. First-touch, last-touch and linear credit are shown "
        "next to it.",
    )
    p.add_argument("file", metavar="PATHS")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(run=cmd_attribution)
