"""Metric snapshots: add or remove one, and apply a whole import's plan as one undo step."""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, JourneyCommand, plural, quote
from cjo_desktop.commands.evidence import SetEvidence
from cjo_desktop.commands.flows import AddFlow, UpdateFlow
from cjo_desktop.commands.painpoints import SetJudgedOn
from cjo_desktop.commands.stages import AddStage
from cjo_desktop.commands.touchpoints import AddTouchpoint, SetExpectedDropoff
from cjo_desktop.domain import Journey, JourneyError, Snapshot
from cjo_desktop.io.imports.plan import UNSORTED, ImportPlan


class AddMetricSnapshot(JourneyCommand):
    def __init__(
        self,
        journey: Journey,
        snapshot: Snapshot,
        index: int | None = None,
        parent: Composite | None = None,
    ) -> None:
        super().__init__(journey, f"Import metrics {quote(snapshot.label)}", parent)
        if self.standalone and snapshot.label in {s.label for s in journey.metric_snapshots()}:
            raise JourneyError(f"a metric snapshot labelled {snapshot.label!r} exists already")
        self.snapshot, self.index = snapshot, index

    def redo(self) -> None:
        self.journey.add_metric_snapshot(self.snapshot, self.index)

    def undo(self) -> None:
        self.journey.remove_metric_snapshot(self.snapshot.label)


class RemoveMetricSnapshot(JourneyCommand):
    """Undo puts the snapshot back whole (with values of touchpoints deleted since) in place.
    Pain points judged on it are judged on all snapshots from then on, in the same step."""

    def __init__(self, journey: Journey, label: str, parent: Composite | None = None) -> None:
        journey.metric_snapshot(label)
        super().__init__(journey, f"Remove metrics {quote(label)}", parent)
        self.label = label
        self._removed: tuple[Snapshot, int] | None = None
        if journey.painpoint_settings().judged_on == label:
            SetJudgedOn(journey, None, parent=self)

    def redo(self) -> None:
        super().redo()
        self._removed = self.journey.remove_metric_snapshot(self.label)

    def undo(self) -> None:
        assert self._removed is not None
        self.journey.add_metric_snapshot(*self._removed)
        super().undo()


class ApplyImport(JourneyCommand):
    """An import's plan (its snapshot, new touchpoints in the stage UNSORTED, expected
    drop-offs and flow counts, the cards it gives values marked observed) as one step: undo
    takes the whole import back, the expected drop-offs and evidence the cards had included."""

    def __init__(self, journey: Journey, plan: ImportPlan, parent: Composite | None = None) -> None:
        super().__init__(journey, f"Import metrics {quote(plan.snapshot.label)}", parent)
        marks = plan.observed(journey)
        if plan.touchpoints:
            stage = plan.stage
            if stage is None:
                stage = AddStage(journey, UNSORTED, parent=self).stage_id
            for tp_id, name in plan.touchpoints.items():
                expected = plan.expected_dropoffs.get(tp_id)
                AddTouchpoint(
                    journey,
                    stage,
                    name,
                    touchpoint_id=tp_id,
                    parent=self,
                    expected_dropoff=expected,
                    evidence=marks.get(tp_id),
                )
        for tp_id, evidence in marks.items():
            if tp_id not in plan.touchpoints:
                SetEvidence(journey, tp_id, evidence, parent=self)
        for tp_id, share in plan.changed_expectations().items():
            SetExpectedDropoff(journey, tp_id, share, parent=self)
        for (source, target), count in plan.changed_flows.items():
            UpdateFlow(journey, source, target, parent=self, count=count)
        for (source, target), count in plan.new_flows.items():
            AddFlow(journey, source, target, count=count, parent=self)
        AddMetricSnapshot(journey, plan.snapshot, parent=self)
        added = [plural(len(plan.touchpoints), "touchpoint")] if plan.touchpoints else []
        if plan.expected_dropoffs:
            added.append(plural(len(plan.expected_dropoffs), "expected drop-off"))
        if added:
            self.setText(f"{self.text()} (+{', '.join(added)})")
