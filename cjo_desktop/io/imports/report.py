"""The import report: what was read, what was used, and why anything was not.

Nothing is dropped silently: every skipped row is counted under a reason, with the first few
line numbers, and every key that matched no touchpoint is listed with its row count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: How many example line numbers a reason keeps.
EXAMPLES = 5


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
            f"import of {self.source} ({self.kind}) into snapshot {self.snapshot!r}",
            f"rows read: {self.rows_read}, used: {self.rows_used}, skipped: {self.rows_skipped}",
        ]
        for reason, skips in sorted(self.skipped.items(), key=lambda kv: -kv[1].count):
            where = ", ".join(str(n) for n in skips.lines)
            more = ", ..." if skips.count > len(skips.lines) else ""
            lines = f" (lines {where}{more})" if skips.lines else ""
            out.append(f"  skipped {skips.count} row(s): {reason}{lines}")
        if self.unmatched:
            keys = sorted(self.unmatched.items(), key=lambda kv: (-kv[1], kv[0]))
            listed = "; ".join(f"{k!r} ({n} rows)" for k, n in keys[:20])
            rest = f"; and {len(keys) - 20} more" if len(keys) > 20 else ""
            out.append(f"keys that matched no touchpoint: {listed}{rest}")
        if self.ambiguous:
            shared = sorted(self.ambiguous.items(), key=lambda kv: (-kv[1].rows, kv[0]))
            listed = "; ".join(
                f"{k!r} ({s.rows} rows) names {', '.join(s.touchpoints)}" for k, s in shared[:20]
            )
            rest = f"; and {len(shared) - 20} more" if len(shared) > 20 else ""
            out.append(
                f"keys naming more than one touchpoint, rows not used: {listed}{rest} "
                "(write the touchpoint ids in the key column and match by id: --match id)"
            )
        if self.added_touchpoints:
            out.append(f"touchpoints added to 'Unsorted': {', '.join(self.added_touchpoints)}")
        if self.added_flows:
            out.append(f"flows added: {', '.join(self.added_flows)}")
        if self.without_data:
            out.append(f"touchpoints with no data: {', '.join(self.without_data)}")
        out.extend(f"note: {n}" for n in self.notes)
        return out
