"""The import report: what was read, what was used, and why anything was not.

Nothing is dropped silently: every skipped row is counted under a reason, with the first few
line numbers, and every key that matched no touchpoint is listed with its row count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjo_desktop.domain.quoting import listed, quoted
from cjo_desktop.io.imports.plan import UNSORTED

#: How many example line numbers a reason keeps.
EXAMPLES = 5
#: Unmatched keys, and names, a line of the report lists before "and N more" (each cut short):
#: a line stays under 500 characters whatever the file holds.
KEYS_SHOWN = 6
NAMED = 10


@dataclass
class Skips:
    count: int = 0
    lines: list[int] = field(default_factory=list)

    def add(self, line: int | None, rows: int = 1) -> None:
        """``line`` None: the reader grouped the rows and knows only how many there were."""
        self.count += rows
        if line is not None and len(self.lines) < EXAMPLES:
            self.lines.append(line)


@dataclass
class SharedKey:
    """A key that names several touchpoints (their ids), and the rows it could not place."""

    touchpoints: tuple[str, ...]
    rows: int = 0


@dataclass
class ImportReport:
    source: str
    kind: str
    rows_read: int = 0
    rows_used: int = 0
    skipped: dict[str, Skips] = field(default_factory=dict)  # reason -> rows
    unmatched: dict[str, int] = field(default_factory=dict)  # key as written -> rows
    ambiguous: dict[str, SharedKey] = field(default_factory=dict)  # key as written -> shared
    added_touchpoints: list[str] = field(default_factory=list)
    added_flows: list[str] = field(default_factory=list)
    without_data: list[str] = field(default_factory=list)  # touchpoint names
    expected_dropoffs: list[str] = field(default_factory=list)  # "Cart 12%", in file order
    expected_unchanged: int = 0  # of those, the ones the map has already
    notes: list[str] = field(default_factory=list)
    snapshot: str = ""

    def skip(self, reason: str, line: int | None, rows: int = 1) -> None:
        self.skipped.setdefault(reason, Skips()).add(line, rows)

    @property
    def rows_skipped(self) -> int:
        return sum(s.count for s in self.skipped.values())

    def lines(self) -> list[str]:
        """The report as text, one fact per line, for the CLI and the wizard."""
        out = [
            f"import of {self.source} ({self.kind}) into snapshot {quoted(self.snapshot)}",
            f"rows read: {self.rows_read}, used: {self.rows_used}, skipped: {self.rows_skipped}",
        ]
        for reason, skips in sorted(self.skipped.items(), key=lambda kv: -kv[1].count):
            where = ", ".join(str(n) for n in skips.lines)
            more = ", ..." if skips.count > len(skips.lines) else ""
            lines = f" (lines {where}{more})" if skips.lines else ""
            out.append(f"  skipped {skips.count} row(s): {reason}{lines}")
        if self.unmatched:
            keys = sorted(self.unmatched.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = "; ".join(f"{quoted(k, 40)} ({n} rows)" for k, n in keys[:KEYS_SHOWN])
            rest = f"; and {len(keys) - KEYS_SHOWN:,} more" if len(keys) > KEYS_SHOWN else ""
            out.append(f"keys that matched no touchpoint: {shown}{rest}")
        if self.ambiguous:
            shared = sorted(self.ambiguous.items(), key=lambda kv: (-kv[1].rows, kv[0]))
            shown = "; ".join(
                f"{quoted(k, 40)} ({s.rows} rows) names {listed(s.touchpoints, 6, quote=False)}"
                for k, s in shared[:KEYS_SHOWN]
            )
            rest = f"; and {len(shared) - KEYS_SHOWN:,} more" if len(shared) > KEYS_SHOWN else ""
            out.append(
                f"keys naming more than one touchpoint, rows not used: {shown}{rest} "
                "(write the touchpoint ids in the key column and match by id: --match id)"
            )
        for what, names in (
            (f"touchpoints added to {UNSORTED!r}", self.added_touchpoints),
            ("flows added", self.added_flows),
            ("touchpoints with no data", self.without_data),
        ):
            if names:
                out.append(f"{what}: {listed(names, NAMED, quote=False, limit=36)}")
        if self.expected_dropoffs:
            n, same = len(self.expected_dropoffs), self.expected_unchanged
            unchanged = f", {same} of them as before" if same else ""
            shown = listed(self.expected_dropoffs, NAMED, quote=False, limit=48)
            out.append(f"expected drop-offs set: {n}{unchanged} ({shown})")
        out.extend(f"note: {n}" for n in self.notes)
        return out
