"""What one kind of import data is: the entry the registry holds, and what its reader gets
and gives back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from cjo_desktop.domain.metrics import MetricValue
from cjo_desktop.io.imports.spec import ImportSpec, KindOptions

if TYPE_CHECKING:  # what a reader gets; the registry itself is read before any table
    from cjo_desktop.domain import Journey
    from cjo_desktop.io.imports.keys import KeyResolver
    from cjo_desktop.io.imports.report import ImportReport
    from cjo_desktop.io.tables import Table

Opts = TypeVar("Opts", bound=KindOptions)
Progress = Callable[[int, int], bool]  # (bytes done, bytes total) -> keep going?
#: Turns an option's text into a column name, refusing what a column cannot be (the CLI's).
ColumnType = Callable[[str], str]
Values = dict[str, dict[str, MetricValue]]  # touchpoint id -> metric -> value


@dataclass(frozen=True)
class Reading:
    """Everything a reader may use: the open table, the spec, and where to count and note."""

    path: Path
    table: Table
    spec: ImportSpec
    keys: KeyResolver
    report: ImportReport
    order: list[str]  # the map's touchpoint ids, in map order
    progress: Progress | None = None


@dataclass
class Rows:
    """What a reader found; the import turns it into a snapshot and flows to add."""

    values: Values
    flow_counts: dict[tuple[str, str | None], int] = field(default_factory=dict)
    period: tuple[str, str] = ("", "")  # first and last day, as the file writes them
    summary: dict[str, MetricValue] = field(default_factory=dict)
    expected_dropoffs: dict[str, float] = field(default_factory=dict)  # touchpoint id -> share


def _no_flags(parser: argparse.ArgumentParser, column: ColumnType) -> None:
    """A kind whose columns are always guessed adds no flags."""


@dataclass(frozen=True)
class ImportKind(Generic[Opts]):
    """One registered kind of data; adding a kind is one such entry and its registration."""

    options: type[Opts]  # its own fields; ``options.kind`` is the id
    name: str  # what the rows are, in a sentence: "survey responses"
    title: str  # the wizard's list entry
    read: Callable[[Reading, Opts], Rows]
    method: Callable[[Opts], str]  # how the values were computed, for the provenance
    #: How strongly a header's guessed roles suggest this kind: the highest wins a guess;
    #: below zero, the header does not fit it.
    evidence: Callable[[dict[str, str]], int]
    #: Fill the columns the user left open from the guessed roles; False if the rows name
    #: their touchpoints without a key column.
    fill: Callable[[Opts, dict[str, str]], bool]
    columns: Callable[[Opts], tuple[str | None, ...]]  # named columns, checked before any work
    guesses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> header words
    add_flags: Callable[[argparse.ArgumentParser, ColumnType], None] = _no_flags
    #: The options from parsed CLI flags; None: the defaults, every column guessed.
    from_flags: Callable[[argparse.Namespace], Opts] | None = None
    per_segment: bool = False  # ``cjo segments`` can tabulate it per segment value
    #: Settle what the options leave open from the map (a survey's scales), once the columns
    #: are known; raises ValueError with a sentence naming what to state.
    settle: Callable[[Opts, Journey], None] | None = None

    @property
    def id(self) -> str:
        return self.options.kind

    def options_from(self, args: argparse.Namespace) -> Opts:
        return self.from_flags(args) if self.from_flags else self.options()
