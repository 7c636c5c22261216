"""What an import should do, as plain data: the fields every kind of data shares, and the
options of its kind.

The CLI fills it from flags, the wizard from its form. What a kind alone needs (score columns
and scales, from/to columns...) lives in that kind's options, defined next to its reader in
``kinds/``, so adding a kind never touches this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from cjo_desktop.io.imports.matching import Match


@dataclass
class KindOptions:
    """A kind's own fields; each subclass names the registered kind it belongs to."""

    kind: ClassVar[str]


def _default_options() -> KindOptions:
    from cjo_desktop.io.imports.kinds.registry import default_kind

    options: KindOptions = default_kind().options()
    return options


@dataclass
class ImportSpec:
    options: KindOptions = field(default_factory=_default_options)
    key: str | None = None  # the touchpoint column (id or name); guessed when None
    match: Match = "auto"
    sheet: str | None = None
    segment: tuple[str, str] | None = None  # (column, value): only these rows
    date: str | None = None  # a date column gives the snapshot its period
    snapshot: str | None = None  # the label; defaults to the file name and time
    add_missing: bool = False
    skip_invalid: bool = False
    weights: dict[str, float] = field(default_factory=dict)  # touchpoint id -> weight

    @property
    def kind(self) -> str:
        """The id of the registered kind whose options the spec holds."""
        return self.options.kind


#: Header words people use for the shared roles; each kind adds its own. The first column
#: whose normalized name matches wins.
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
    "segment": ("segment", "persona", "customer segment", "group"),
    "date": ("date", "timestamp", "submitted", "submitted at", "created", "time", "day"),
}


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold())


def guess_roles(header: list[str], guesses: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Role -> column name for every role of ``guesses`` a header name suggests."""
    names = {_norm(h): h for h in header}
    found: dict[str, str] = {}
    for role, words in guesses.items():
        for word in words:
            if word in names:
                found[role] = names[word]
                break
    return found
