"""What an import should do, as plain data: which columns, which scales, which rows.

The CLI fills it from flags, the wizard from its form; ``guess_columns`` proposes a mapping
from the header names people actually use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cjo_desktop.analysis.survey import Scale
from cjo_desktop.io.imports.matching import Match

Kind = Literal["aggregated", "responses", "funnel"]


@dataclass
class ImportSpec:
    kind: Kind = "responses"
    key: str | None = None  # the touchpoint column (id or name); guessed when None
    match: Match = "auto"
    sheet: str | None = None
    nps: str | None = None
    csat: str | None = None
    ces: str | None = None
    csat_scale: Scale = field(default_factory=Scale.csat)
    ces_scale: Scale = field(default_factory=lambda: Scale.ces(7))
    segment: tuple[str, str] | None = None  # (column, value): only these rows
    date: str | None = None  # a date column gives the snapshot its period
    source: str | None = None  # funnel flow rows: from, to, count
    target: str | None = None
    count: str | None = None
    visitors: str | None = None  # funnel per touchpoint: key, visitors
    snapshot: str | None = None  # the label; defaults to the file name and time
    add_missing: bool = False
    skip_invalid: bool = False
    weights: dict[str, float] = field(default_factory=dict)  # touchpoint id -> weight


#: Header words people use, per role; the first column whose normalized name matches wins.
GUESSES: dict[str, tuple[str, ...]] = {
    "key": (
        "touchpoint",
        "touchpoint id",
        "touchpoint_id",
        "touch point",
        "step",
        "page",
        "key",
        "id",
        "name",
        "interaction",
    ),
    "nps": ("nps", "nps score", "likelihood to recommend", "recommend", "ltr"),
    "csat": ("csat", "csat score", "satisfaction", "satisfied"),
    "ces": ("ces", "ces score", "effort", "customer effort"),
    "segment": ("segment", "persona", "customer segment", "group"),
    "date": ("date", "timestamp", "submitted", "submitted at", "created", "time", "day"),
    "source": ("from", "source", "previous", "from step"),
    "target": ("to", "target", "next", "to step", "destination"),
    "count": ("count", "visitors", "users", "sessions", "customers", "n"),
    "visitors": ("visitors", "users", "sessions", "count", "customers"),
}


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold())


def guess_columns(header: list[str]) -> dict[str, str]:
    """Role -> column name for every role a header name suggests."""
    names = {_norm(h): h for h in header}
    found: dict[str, str] = {}
    for role, words in GUESSES.items():
        for word in words:
            if word in names:
                found[role] = names[word]
                break
    return found


def guess_kind(header: list[str]) -> Kind:
    """Flow rows if there are from/to columns; responses if any score column; else a table of
    numbers per touchpoint."""
    roles = guess_columns(header)
    if "source" in roles and "target" in roles:
        return "funnel"
    if {"nps", "csat", "ces"} & set(roles):
        return "responses"
    return "aggregated"
