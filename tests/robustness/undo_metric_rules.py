"""The undo state machine's metric rules: snapshots added and removed, funnel imports applied.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick``,
``push`` and ``labels``; Hypothesis collects rules from every base class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from undo_support import FUNNEL

from cjo_desktop.commands import AddMetricSnapshot, ApplyImport, RemoveMetricSnapshot
from cjo_desktop.domain import MetricValue, Provenance, Snapshot
from cjo_desktop.domain.metrics import rounded
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import


class MetricRules:
    journey: Any
    j: Any
    labels: int
    pick: Any
    push: Any

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data())
    def add_snapshot(self, data: st.DataObject) -> None:
        cards = [t.id for t in self.j.touchpoints()]
        chosen = data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=4, unique=True))
        number = st.one_of(st.none(), st.floats(-100, 100))
        values = {
            tp: {
                metric: MetricValue(data.draw(number), data.draw(st.none() | st.integers(0, 99)))
                for metric in data.draw(
                    st.lists(st.sampled_from(["nps", "csat_mean", "sales"]), min_size=1)
                )
            }
            for tp in chosen
        }
        label = data.draw(st.sampled_from(["Q1", "Q2", f"import {self.labels}"]))
        self.labels += 1
        snapshot = rounded(Snapshot(label, Provenance("data.csv"), values))
        labels = [s.label for s in self.j.metric_snapshots()]
        index = data.draw(st.one_of(st.none(), st.integers(0, len(labels))))
        self.push(lambda: AddMetricSnapshot(self.j, snapshot, index))

    @precondition(lambda self: self.journey is not None and self.journey.metric_snapshots())
    @rule(data=st.data())
    def remove_snapshot(self, data: st.DataObject) -> None:
        label = self.pick(data, [s.label for s in self.j.metric_snapshots()])
        self.push(lambda: RemoveMetricSnapshot(self.j, label))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(add_missing=st.booleans())
    def apply_funnel_import(self, add_missing: bool) -> None:
        self.labels += 1
        spec = spec_of(kind="funnel", add_missing=add_missing, snapshot=f"funnel {self.labels}")
        before = self.j.state()
        result = run_import(self.j, Path(FUNNEL), spec)
        assert self.j.state() == before, "run_import changed the map"
        self.push(lambda: ApplyImport(self.j, plan_import(self.j, result)))
