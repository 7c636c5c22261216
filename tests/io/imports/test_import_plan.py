"""One apply path: ``plan_import`` works out what an import changes; the CLI applies the plan to
the journey, the editor applies the same plan as one undo step, and both end in the same map."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import UNSORTED, apply_import, apply_plan, plan_import
from cjo_desktop.io.imports.report import ImportReport
from cjo_desktop.io.imports.run import ImportResult, run_import


def shop() -> Journey:
    journey = Journey("Small shop")
    journey.add_stage("Decision", id="st-decide")
    for tp_id, name in (("tp-product", "Product page"), ("tp-cart", "Cart"), ("tp-pay", "Pay")):
        journey.add_touchpoint("st-decide", name, id=tp_id)
    journey.add_flow("tp-product", "tp-cart", count=100)
    journey.add_flow("tp-cart", "tp-pay", count=60)
    return journey


def funnel(tmp_path: Path, journey: Journey, label: str = "March") -> ImportResult:
    data = tmp_path / "flows.csv"
    rows = [
        "Product page,Cart,100",  # the count the map has: nothing to change
        "Cart,Pay,55",  # another count: changed
        "Pay,Thank you,50",  # a new touchpoint and a new flow
        "Cart,exit,45",  # a drop-off: a new flow to nowhere
    ]
    data.write_text("from,to,count\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return run_import(journey, data, spec_of("funnel", snapshot=label, add_missing=True))


def test_the_plan_says_what_changes_and_changes_nothing(tmp_path: Path) -> None:
    journey = shop()
    before = journey.state()
    result = funnel(tmp_path, journey)
    plan = plan_import(journey, result)
    new_id = next(iter(plan.touchpoints))
    assert plan.touchpoints == {new_id: "Thank you"}
    assert plan.stage is None  # no stage named UNSORTED yet: applying adds one
    assert plan.changed_flows == {("tp-cart", "tp-pay"): 55}
    assert plan.new_flows == {("tp-pay", new_id): 50, ("tp-cart", None): 45}
    assert plan.snapshot is result.snapshot
    assert journey.state() == before


def test_an_existing_unsorted_stage_takes_the_new_touchpoints(tmp_path: Path) -> None:
    journey = shop()
    journey.add_stage(UNSORTED, id="st-later")
    plan = plan_import(journey, funnel(tmp_path, journey))
    assert plan.stage == "st-later"
    apply_plan(journey, plan)
    assert [s.name for s in journey.stages()] == ["Decision", UNSORTED]
    assert [t.name for t in journey.touchpoints() if t.stage_id == "st-later"] == ["Thank you"]


@pytest.mark.parametrize(("label", "why"), [("   ", "cannot be empty"), ("Q1", "exists already")])
def test_a_refused_label_changes_nothing(tmp_path: Path, label: str, why: str) -> None:
    journey = shop()
    apply_import(journey, funnel(tmp_path, journey, "Q1"))
    before = journey.state()
    result = funnel(tmp_path, journey, label)
    with pytest.raises(JourneyError, match=why):
        plan_import(journey, result)
    with pytest.raises(JourneyError, match=why):
        apply_import(journey, result)
    assert journey.state() == before


def test_a_result_without_new_touchpoints_adds_no_stage(tmp_path: Path) -> None:
    journey = shop()
    snapshot = funnel(tmp_path, shop()).snapshot
    apply_import(journey, ImportResult(snapshot, {}, {("tp-cart", "tp-pay"): 60}, None))
    assert [s.name for s in journey.stages()] == ["Decision"]
    assert journey.flow("tp-cart", "tp-pay").count == 60
    assert [s.label for s in journey.metric_snapshots()] == ["March"]


def same_map(a: Journey, b: Journey) -> bool:
    """Equal maps, but for the id of a stage each added (ids are random)."""
    ids = {sa.id: sb.id for sa, sb in zip(a.stages(), b.stages(), strict=True)}
    text = repr(a.state())
    for id_a, id_b in ids.items():
        text = text.replace(repr(id_a), repr(id_b))
    return text == repr(b.state())


@pytest.mark.gui
@pytest.mark.parametrize("existing_stage", [False, True])
def test_the_cli_and_the_editor_end_in_the_same_map(
    tmp_path: Path, qapp: object, existing_stage: bool
) -> None:
    from PySide6.QtGui import QUndoStack

    from cjo_desktop.commands import ApplyImport

    by_cli, by_editor = shop(), shop()
    for journey in (by_cli, by_editor):
        if existing_stage:
            journey.add_stage(UNSORTED, id="st-later")
    before = by_editor.state()
    result = funnel(tmp_path, by_cli)
    apply_import(by_cli, result)
    stack = QUndoStack()
    stack.push(ApplyImport(by_editor, plan_import(by_editor, result)))
    assert same_map(by_editor, by_cli)
    assert stack.undoText() == 'Import metrics "March" (+1 touchpoint)'
    stack.undo()
    assert by_editor.state() == before
    stack.redo()
    assert same_map(by_editor, by_cli)


def test_the_report_names_the_unsorted_stage() -> None:
    report = ImportReport("flows.csv", "funnel", added_touchpoints=["Thank you"])
    assert f"touchpoints added to {UNSORTED!r}: Thank you" in report.lines()
