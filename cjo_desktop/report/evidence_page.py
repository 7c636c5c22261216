"""The report's pages "What we know and what we assume": how much of each stage is observed,
assumed, proposed or not stated, then every assumed and proposed item by name, so a client
sees which findings rest on research and which on belief before acting on them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from matplotlib.figure import Figure

from cjo_desktop.analysis.evidence import COLUMNS as STATUSES
from cjo_desktop.analysis.evidence import (
    Coverage,
    coverage_by_kind,
    coverage_by_stage,
    not_observed,
)
from cjo_desktop.domain import Journey
from cjo_desktop.report.line_table import line_table_page

TITLE = "What we know and what we assume"
#: Rows per page below the headline and the column headers, above the footer.
ROWS_PER_PAGE = 24
#: Items the pages list at most; the rest are counted in a note.
MAX_LISTED = 1_000
#: (header, width in inches, characters that fit, alignment)
COVERAGE_COLUMNS = (
    ("Stage", 3.6, 52, "left"),
    ("Observed", 1.1, 12, "right"),
    ("Assumed", 1.1, 12, "right"),
    ("Proposed", 1.1, 12, "right"),
    ("Not stated", 1.1, 12, "right"),
    ("Observed share", 1.6, 16, "right"),
)
LIST_COLUMNS = (
    ("Status", 0.9, 10, "left"),
    ("Stage", 1.9, 26, "left"),
    ("Touchpoint", 2.5, 36, "left"),
    ("Item", 0.9, 11, "left"),
    ("What it says", 4.3, 66, "left"),
)

Row = tuple[str, ...]
Add = Callable[[str, str, Callable[[], Figure]], None]


def _share(cover: Coverage) -> str:
    share = cover.share("observed")
    return "-" if share is None else f"{share:.0%}"


def coverage_rows(journey: Journey) -> list[Row]:
    """A row per stage (cards, free cards, feelings and pain points together), then the
    whole map."""
    rows: list[Row] = []
    for name, cover in [
        *coverage_by_stage(journey),
        ("All stages", coverage_by_kind(journey)["all"]),
    ]:
        rows.append((name, *(f"{cover.counts[s]:,}" for s in STATUSES), _share(cover)))
    return rows


def headline(journey: Journey) -> str:
    """'31 of 51 items (61%) are observed; 12 assumed, 3 proposed, 5 not stated.'"""
    cover = coverage_by_kind(journey)
    total = cover["all"]
    parts = [f"{total.counts[s]:,} {s}" for s in STATUSES[1:]]
    words = [("touchpoints", "cards"), ("free_cards", "free cards")]
    words += [("emotions", "feelings"), ("pain_points", "pain points")]
    kinds = ", ".join(
        f"{cover[k].counts['observed']:,} of {cover[k].total:,} {word}"
        for k, word in words
        if k != "free_cards" or cover[k].total  # a map without free cards does not say so
    )
    return (
        f"{total.counts['observed']:,} of {total.total:,} items ({_share(total)}) are observed; "
        f"{', '.join(parts)}. Observed: {kinds}."
    )


def listed_rows(journey: Journey) -> list[Row]:
    """Every assumed item, then every proposed one, in journey order."""
    rows: list[Row] = []
    for status in ("assumed", "proposed"):
        for item in not_observed(journey, status):
            source = f" ({item.evidence.source})" if item.evidence and item.evidence.source else ""
            what = item.what or "the card itself"
            rows.append((status, item.stage, item.touchpoint, item.kind, what + source))
    return rows


def _chunks(rows: Sequence[Row], per: int) -> list[Sequence[Row]]:
    return [rows[i : i + per] for i in range(0, len(rows), per)] or [[]]


def add_pages(journey: Journey, add: Add) -> str | None:
    """Add the pages; returns why they were left out (no touchpoints), else None."""
    if not journey.touchpoints():
        return "no touchpoints"
    subtitle = f"{journey.title}: its cards, feelings and pain points, stage by stage"
    words = (
        "Observed: seen in research or data. Assumed: believed, not yet checked. Proposed: a "
        "future state. Not stated: nobody has said yet."
    )
    cover = coverage_rows(journey)
    parts = _chunks(cover, ROWS_PER_PAGE)
    for k, part in enumerate(parts, 1):
        add(TITLE, f"evidence coverage {k}", partial(
            line_table_page, COVERAGE_COLUMNS, part, title=TITLE if k == 1 else f"{TITLE} ({k})",
            subtitle=subtitle, lead=headline(journey) if k == 1 else "",
            bold_last=k == len(parts),
            note=words if k == len(parts) else "",
        ))  # fmt: skip
    rows = listed_rows(journey)
    shown = rows[:MAX_LISTED]
    lists = _chunks(shown, ROWS_PER_PAGE)
    for k, part in enumerate(lists, 1):
        note = ""
        if not rows:
            note = "Nothing on the map is marked assumed or proposed."
        elif k == len(lists) and len(rows) > len(shown):
            note = f"{len(rows) - len(shown):,} more are not listed; the first {MAX_LISTED:,} are."
        add(TITLE, f"assumed items {k}", partial(
            line_table_page, LIST_COLUMNS, part,
            title="What we assume" + (f" ({k} of {len(lists)})" if len(lists) > 1 else ""),
            subtitle="Assumed and proposed cards, feelings and pain points, stage by stage: "
            "check these before acting on them", note=note,
        ))  # fmt: skip
    return None
