"""Which snapshots pain points are judged on is a setting of the map: saved in its file (old
files load judged on all snapshots), changed by one undoable command, never by an import, and
a snapshot removed while it is the basis takes the basis back to all snapshots in one step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from survey_scales import STATED

from cjo_desktop.analysis.basis import basis_words, judged_label, judged_snapshot
from cjo_desktop.commands import ApplyImport, RemoveMetricSnapshot, SetJudgedOn
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.metrics import DROPOFF, NPS
from cjo_desktop.io import MapFileError, load_map, save_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"


def measured(stack: QUndoStack) -> Journey:
    """The example with the Q1 survey and the March funnel, imported as the editor does."""
    journey = load_map(example_path())
    for name, spec in (
        ("survey-2025-q1.csv", spec_of(kind="responses", snapshot="Q1", **STATED)),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel")),
    ):
        result = run_import(journey, DATA / name, spec)
        stack.push(ApplyImport(journey, plan_import(journey, result)))
    return journey


def test_old_files_are_judged_on_all_snapshots(qapp: object) -> None:
    journey = load_map(example_path())
    assert journey.painpoint_settings().judged_on is None
    assert judged_label(journey) is None and judged_snapshot(journey) is None


def test_the_basis_is_one_undo_step_and_no_import_changes_it(qapp: object, tmp_path: Path) -> None:
    stack = QUndoStack()
    journey = measured(stack)
    merged = judged_snapshot(journey)
    assert merged is not None and {NPS, DROPOFF} <= set(merged.metric_names())
    stack.push(SetJudgedOn(journey, "Q1"))
    assert stack.undoText() == 'Judge pain points on "Q1"'
    assert judged_label(journey) == "Q1"
    judged = judged_snapshot(journey)
    assert judged is not None and DROPOFF not in judged.metric_names()  # Q1 alone: no funnel
    assert basis_words(journey) == "snapshot “Q1”"
    result = run_import(journey, DATA / "survey-2025-q2.csv", spec_of(snapshot="Q2"))
    stack.push(ApplyImport(journey, plan_import(journey, result)))
    assert judged_label(journey) == "Q1"  # the import added a snapshot, the basis stayed
    stack.undo()
    stack.undo()
    assert judged_label(journey) is None
    stack.redo()
    assert judged_label(journey) == "Q1"


def test_the_basis_round_trips_through_the_file(qapp: object, tmp_path: Path) -> None:
    stack = QUndoStack()
    journey = measured(stack)
    stack.push(SetJudgedOn(journey, "funnel"))
    path = tmp_path / "shop.cjo.json"
    save_map(journey, path)
    assert json.loads(path.read_text())["painpoint_settings"]["judged_on"] == "funnel"
    assert load_map(path).painpoint_settings().judged_on == "funnel"
    stack.push(SetJudgedOn(journey, None))
    save_map(journey, path)
    assert "judged_on" not in (json.loads(path.read_text()).get("painpoint_settings") or {})
    assert load_map(path).painpoint_settings().judged_on is None


def test_a_file_judged_on_a_snapshot_it_lacks_is_refused_by_place(
    qapp: object, tmp_path: Path
) -> None:
    stack = QUndoStack()
    journey = measured(stack)
    stack.push(SetJudgedOn(journey, "Q1"))
    path = tmp_path / "shop.cjo.json"
    save_map(journey, path)
    data = json.loads(path.read_text())
    data["painpoint_settings"]["judged_on"] = "Q9"
    path.write_text(json.dumps(data))
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert "painpoint_settings.judged_on" in str(caught.value) and "'Q9'" in str(caught.value)


def test_judging_on_an_unknown_snapshot_is_refused_before_the_push(qapp: object) -> None:
    journey = measured(QUndoStack())
    with pytest.raises(JourneyError, match="no such snapshot"):
        SetJudgedOn(journey, "Q9")


def test_removing_the_judged_snapshot_judges_on_all_in_the_same_step(qapp: object) -> None:
    stack = QUndoStack()
    journey = measured(stack)
    stack.push(SetJudgedOn(journey, "Q1"))
    with pytest.raises(JourneyError, match="judged on"):
        journey.remove_metric_snapshot("Q1")  # the domain keeps the setting whole
    count = stack.count()
    stack.push(RemoveMetricSnapshot(journey, "Q1"))
    assert stack.count() == count + 1
    assert judged_label(journey) is None
    assert [s.label for s in journey.metric_snapshots()] == ["funnel"]
    stack.undo()
    assert judged_label(journey) == "Q1"
    assert [s.label for s in journey.metric_snapshots()] == ["Q1", "funnel"]
