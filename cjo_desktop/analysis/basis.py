"""Which numbers pain points are judged on: the map's own setting, one for the editor, the
CLI and the report, so that the editor's #1 is the report's #1.

The setting (``PainPointSettings.judged_on``) names one snapshot, or None for every snapshot
merged with the latest value winning; a command-line option may override it for one run.
"""

from __future__ import annotations

from cjo_desktop.analysis.impact import chosen_snapshot
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.domain.quoting import listed, plain

ALL_WORDS = "All snapshots (latest wins)"


def judged_label(journey: Journey, override: str | None = None) -> str | None:
    """The snapshot label the map is judged on (``override`` first), None for all of them."""
    return override if override is not None else journey.painpoint_settings().judged_on


def judged_snapshot(journey: Journey, override: str | None = None) -> Snapshot | None:
    """The numbers the rules read; raises JourneyError for a label the map does not have."""
    return chosen_snapshot(journey, judged_label(journey, override))


def basis_words(journey: Journey, override: str | None = None) -> str:
    """The basis in a sentence, for the panel and the report's cover."""
    label = judged_label(journey, override)
    if label is not None:
        return f"snapshot “{plain(label)}”"
    snapshots = journey.metric_snapshots()
    if not snapshots:
        return "no metric snapshots (the map's feelings and flagged pain points only)"
    labels = listed([f"“{plain(s.label)}”" for s in snapshots], quote=False)
    return f"all snapshots, the latest value winning ({labels})"
