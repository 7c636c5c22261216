"""What applying an import changes, worked out once: the CLI applies the plan to the journey
directly, the editor through one undoable command built from the same plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.domain.quoting import quoted

if TYPE_CHECKING:  # the report names the stage too, and run_import writes the report
    from cjo_desktop.domain import Journey, Snapshot
    from cjo_desktop.io.imports.run import ImportResult

#: The stage that receives the touchpoints an import adds (``add_missing``).
UNSORTED = "Unsorted"

Flows = dict[tuple[str, str | None], int]  # (from, to or None for drop-off) -> count


@dataclass(frozen=True)
class ImportPlan:
    snapshot: Snapshot
    touchpoints: dict[str, str] = field(default_factory=dict)  # new id -> name, in file order
    stage: str | None = None  # the UNSORTED stage that takes them; None: a new one is added
    new_flows: Flows = field(default_factory=dict)
    changed_flows: Flows = field(default_factory=dict)  # existing flows with another count
    #: Touchpoint id -> the expected drop-off (share) the import sets: new touchpoints with
    #: one, and existing ones where it differs from theirs.
    expected_dropoffs: dict[str, float] = field(default_factory=dict)

    def changed_expectations(self) -> dict[str, float]:
        """The expected drop-offs of touchpoints the map has already."""
        return {k: v for k, v in self.expected_dropoffs.items() if k not in self.touchpoints}

    def observed(self, journey: Journey) -> dict[str, Evidence]:
        """The cards the import gives a value, marked observed with the snapshot as source:
        new ones, and existing ones not yet observed (an observation the team wrote down
        themselves, from a file, link or note or an earlier snapshot, is kept)."""
        mark = observed("snapshot", self.snapshot.label)
        out: dict[str, Evidence] = {}
        for tp_id, values in self.snapshot.values.items():
            if not any(v.value is not None for v in values.values()):
                continue
            if tp_id in self.touchpoints:
                out[tp_id] = mark
            elif tp_id in journey:
                now = journey.touchpoint(tp_id).evidence
                if now is None or now.status != "observed":
                    out[tp_id] = mark
        return out


def plan_import(journey: Journey, result: ImportResult) -> ImportPlan:
    """The changes ``result`` makes to ``journey``; a label that is empty or taken is refused
    here, before anything is changed."""
    label = result.snapshot.label
    if not label.strip():
        raise JourneyError("a snapshot label cannot be empty")
    if any(s.label == label for s in journey.metric_snapshots()):
        raise JourneyError(f"a metric snapshot labelled {quoted(label)} exists already")
    stage = next((s.id for s in journey.stages() if s.name == UNSORTED), None)
    new: Flows = {}
    changed: Flows = {}
    for (source, target), count in result.flow_counts.items():
        if not journey.has_flow(source, target):
            new[source, target] = count
        elif journey.flow(source, target).count != count:
            changed[source, target] = count
    expected = {
        tp: share
        for tp, share in result.expected_dropoffs.items()
        if tp in result.new_touchpoints or journey.touchpoint(tp).expected_dropoff != share
    }
    return ImportPlan(result.snapshot, dict(result.new_touchpoints), stage, new, changed, expected)


def apply_plan(journey: Journey, plan: ImportPlan) -> None:
    """Make the planned changes: new touchpoints, expected drop-offs, flow counts, then the
    snapshot."""
    marks = plan.observed(journey)
    if plan.touchpoints:
        stage = plan.stage if plan.stage is not None else journey.add_stage(UNSORTED).id
        for tp_id, name in plan.touchpoints.items():
            expected = plan.expected_dropoffs.get(tp_id)
            evidence = marks.get(tp_id)
            journey.add_touchpoint(
                stage, name, id=tp_id, expected_dropoff=expected, evidence=evidence
            )
    for tp_id, evidence in marks.items():
        if tp_id not in plan.touchpoints:
            journey.update(tp_id, evidence=evidence)
    for tp_id, share in plan.changed_expectations().items():
        journey.update(tp_id, expected_dropoff=share)
    for (source, target), count in plan.changed_flows.items():
        journey.update_flow(source, target, count=count)
    for (source, target), count in plan.new_flows.items():
        journey.add_flow(source, target, count=count)
    journey.add_metric_snapshot(plan.snapshot)


def apply_import(journey: Journey, result: ImportResult) -> None:
    """Add the snapshot, any new touchpoints (in the stage UNSORTED), expected drop-offs and
    flow counts; a failed plan leaves the journey as it was."""
    apply_plan(journey, plan_import(journey, result))
