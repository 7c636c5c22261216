"""An import is one undo step: snapshot, new touchpoints and flow counts come and go together."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from cjo_desktop.commands import AddMetricSnapshot, ApplyImport, RemoveMetricSnapshot
from cjo_desktop.domain import JourneyError, Provenance, Snapshot
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path


def test_apply_import_is_one_step(qapp: object, tmp_path: Path) -> None:
    journey = load_map(example_path())
    before = journey.copy()
    data = tmp_path / "flows.csv"
    data.write_text(
        "from,to,visitors\nCart,Gift wrapping,120\nGift wrapping,,30\n"
        "Cart,Checkout: shipping,3000\n"
    )
    result = run_import(
        journey, data, spec_of(kind="funnel", add_missing=True, snapshot="gift test")
    )
    stack = QUndoStack()
    stack.push(ApplyImport(journey, plan_import(journey, result)))
    (new_id,) = result.new_touchpoints
    assert journey.touchpoint(new_id).name == "Gift wrapping"
    assert journey.stage(journey.touchpoint(new_id).stage_id).name == "Unsorted"
    assert journey.flow("tp-cart", "tp-checkout-shipping").count == 3000  # updated
    assert journey.flow(new_id, None).count == 30  # created
    assert [s.label for s in journey.metric_snapshots()] == ["gift test"]
    after = journey.copy()
    assert stack.count() == 1
    stack.undo()
    assert journey == before
    stack.redo()
    assert journey == after


def test_snapshot_commands_round_trip(qapp: object) -> None:
    journey = load_map(example_path())
    snap = Snapshot("q1", Provenance("survey.csv"), {})
    stack = QUndoStack()
    stack.push(AddMetricSnapshot(journey, snap))
    with pytest.raises(JourneyError, match="exists already"):
        AddMetricSnapshot(journey, snap)
    stack.push(RemoveMetricSnapshot(journey, "q1"))
    assert journey.metric_snapshots() == []
    stack.undo()
    assert [s.label for s in journey.metric_snapshots()] == ["q1"]
