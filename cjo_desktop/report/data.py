"""What a report shows, decided before any page is drawn: which snapshots, which rows.

Pure Python (no Qt, no matplotlib), so the choices are quick to test and the CLI can refuse
an unknown snapshot before it draws anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass

from cjo_desktop.analysis.basis import basis_words, judged_label, judged_snapshot
from cjo_desktop.analysis.impact import Ranked, rank_map
from cjo_desktop.analysis.painpoints import evaluate
from cjo_desktop.analysis.unchecked import unchecked, unchecked_text
from cjo_desktop.domain import Journey, JourneyError, Snapshot
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_TOP2, NPS
from cjo_desktop.domain.quoting import listed

COMPARED = (NPS, CSAT_TOP2, CES_MEAN)
#: Rows of the ranked pain-point table with their explanations; every further pain point is
#: listed in the appendix, one line each, so the report lists them all.
TOP_ROWS = 25
#: A report draws the map and its card-by-card charts (emotion curve, funnel, comparison) for
#: maps up to these sizes. A larger map gets a summary report: its stages at a glance instead
#: of map pages no one could read, which took minutes and gigabytes to draw (40,000 cards ran
#: past 400 s at 1.3 GB); the editor and ``cjo export`` still draw the whole map.
DRAWN_AT_MOST: dict[str, int] = {
    "touchpoints": 300,
    "stages": 40,
    "flows": 2_000,
    "feelings": 3_000,
    "pain points and opportunities": 2_000,
}


@dataclass(frozen=True)
class ReportOptions:
    """``snapshot``: the numbers pain points are judged on and the charts drawn from, for this
    report only (None: the map's own setting, as its pain-point panel shows it);
    ``baseline``/``latest``: the two compared (None: the first snapshot against the last one
    that shares survey metrics with it); ``value_per_customer`` overrides the map's."""

    snapshot: str | None = None
    baseline: str | None = None
    latest: str | None = None
    value_per_customer: float | None = None
    date: dt.date | None = None
    top_rows: int = TOP_ROWS
    author: str = ""  # who prepared it: the title page and the PDF's metadata


@dataclass(frozen=True)
class ReportData:
    journey: Journey
    date: dt.date
    snapshot: Snapshot | None
    snapshot_words: str
    ranked: list[Ranked]
    baseline: Snapshot | None
    latest: Snapshot | None
    top_rows: int
    author: str = ""
    summary: str = ""  # why this is a summary report; empty for a full one
    #: Rules left unchecked for too few answers, with the answers that would do (in words).
    unchecked: str = ""


def summary_reason(journey: Journey) -> str:
    """Why the map is too large to draw card by card (see DRAWN_AT_MOST), or ""."""
    counts = {
        "touchpoints": len(journey.touchpoints()),
        "stages": len(journey.stages()),
        "flows": len(journey.flows()),
        "feelings": len(journey.emotions()),
        "pain points and opportunities": len(journey.pain_points()) + len(journey.opportunities()),
    }
    for what, most in DRAWN_AT_MOST.items():
        if counts[what] > most:
            return (
                f"the map has {counts[what]:,} {what}, more than the {most:,} "
                "a report draws one by one"
            )
    return ""


def report_date(options: ReportOptions) -> dt.date:
    """The given date, else SOURCE_DATE_EPOCH's (reproducible builds), else today."""
    if options.date is not None:
        return options.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _named(journey: Journey, label: str) -> Snapshot:
    try:
        return journey.metric_snapshot(label)
    except JourneyError as exc:
        labels = listed([s.label for s in journey.metric_snapshots()]) or "none"
        raise JourneyError(f"{exc} (snapshots: {labels})") from None


def _compared(snapshot: Snapshot) -> set[tuple[str, str]]:
    """The (touchpoint, metric) pairs of the snapshot that a comparison draws."""
    return {(tp, m) for tp, per in snapshot.values.items() for m in per if m in COMPARED}


def _shares(keys: set[tuple[str, str]], b: Snapshot) -> bool:
    """Whether ``b`` has a compared value where ``keys`` has one: a look at ``b``'s values
    only, so finding the latest among many snapshots reads each value once."""
    return any(m in COMPARED and (tp, m) in keys for tp, per in b.values.items() for m in per)


def compared_pair(
    journey: Journey, baseline: str | None, latest: str | None
) -> tuple[Snapshot | None, Snapshot | None]:
    """The two snapshots to compare, or (None, None) when there are not two. Raises
    JourneyError for a label the map does not have."""
    snapshots = journey.metric_snapshots()
    first = _named(journey, baseline) if baseline is not None else None
    last = _named(journey, latest) if latest is not None else None
    if first is None:
        candidates = [s for s in snapshots if last is None or s.label != last.label]
        first = candidates[0] if candidates else None
    if first is not None and last is None:
        others = [s for s in snapshots if s.label != first.label]
        keys = _compared(first)
        sharing = [s for s in others if _shares(keys, s)]
        candidates = sharing or others
        last = candidates[-1] if candidates else None
    if first is None or last is None or first.label == last.label:
        return None, None
    return first, last


def gather(journey: Journey, options: ReportOptions) -> ReportData:
    """Everything the pages need; JourneyError for an unknown snapshot label.

    The pain points are ranked as the editor's panel ranks them: the same function on the
    same basis, the map's setting (``options.snapshot`` overrides it, and then the report's
    copy of the map carries the override, so its map pages mark what its table ranks)."""
    if options.snapshot is not None and options.snapshot != judged_label(journey):
        journey.metric_snapshot(options.snapshot)  # an unknown label fails here, by name
        journey = journey.copy()
        settings = journey.painpoint_settings()
        journey.set_painpoint_settings(dataclasses.replace(settings, judged_on=options.snapshot))
    snapshot = judged_snapshot(journey)
    words = basis_words(journey)
    if snapshot is not None and judged_label(journey) is None:
        snapshot = dataclasses.replace(snapshot, label="all snapshots, latest winning")
    baseline, latest = compared_pair(journey, options.baseline, options.latest)
    findings = evaluate(journey, snapshot, journey.painpoint_settings().rules)
    ranked = rank_map(
        journey, snapshot, value_per_customer=options.value_per_customer, findings=findings
    )
    return ReportData(
        journey,
        report_date(options),
        snapshot,
        words,
        ranked,
        baseline,
        latest,
        options.top_rows,
        options.author.strip()[:200],
        summary_reason(journey),
        unchecked_text(unchecked(journey, snapshot, findings)),
    )
