"""SetEvidence is one undo step that names the item and its new status; an import marks the
cards it gives values observed, with the snapshot as source, inside the same ApplyImport, and
the CLI's apply path marks the same cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from cjo_desktop.commands import ApplyImport, SetEvidence
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import, plan_import
from cjo_desktop.io.imports.run import run_import

pytestmark = pytest.mark.gui


def shop() -> Journey:
    journey = Journey("Small shop")
    journey.add_stage("Decision", id="st-decide")
    for tp_id, name in (("tp-product", "Product page"), ("tp-cart", "Cart"), ("tp-pay", "Pay")):
        journey.add_touchpoint("st-decide", name, id=tp_id)
    journey.add_emotion("tp-cart", -1, id="em-cart")
    journey.add_pain_point("tp-pay", "high", "Card refused", id="pp-pay")
    return journey


def test_set_evidence_names_the_item_and_status_and_undoes(qapp: object) -> None:
    journey, stack = shop(), QUndoStack()
    stack.push(SetEvidence(journey, "tp-cart", Evidence("assumed")))
    assert stack.undoText() == 'Mark touchpoint "Cart" as assumed'
    stack.push(SetEvidence(journey, "em-cart", observed("note", "5 of 8 interviews")))
    assert stack.undoText() == ('Mark feeling of "Cart" as observed (note: "5 of 8 interviews")')
    stack.push(SetEvidence(journey, "pp-pay", Evidence("proposed")))
    assert stack.undoText() == 'Mark pain point at "Pay" as proposed'
    assert journey.pain_point("pp-pay").evidence == Evidence("proposed")
    stack.push(SetEvidence(journey, "tp-cart", None))
    assert stack.undoText() == 'Clear the evidence of touchpoint "Cart"'
    assert stack.count() == 4
    stack.undo()
    assert journey.touchpoint("tp-cart").evidence == Evidence("assumed")
    for _ in range(3):
        stack.undo()
    assert all(i.evidence is None for i in (*journey.touchpoints(), *journey.emotions()))
    assert journey.pain_point("pp-pay").evidence is None


def test_the_same_evidence_again_is_no_step_and_a_stage_has_none(qapp: object) -> None:
    journey, stack = shop(), QUndoStack()
    stack.push(SetEvidence(journey, "tp-cart", Evidence("assumed")))
    stack.push(SetEvidence(journey, "tp-cart", Evidence("assumed")))
    assert stack.count() == 1
    with pytest.raises(JourneyError, match="cannot carry evidence"):
        SetEvidence(journey, "st-decide", Evidence("assumed"))


def survey(tmp_path: Path, journey: Journey) -> object:
    data = tmp_path / "survey.csv"
    rows = ["Cart,9", "Cart,10", "Cart,3", "Pay,8", "Checkout help,7"]
    data.write_text("touchpoint,nps\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return run_import(
        journey, data, spec_of("responses", nps="nps", snapshot="March", add_missing=True)
    )


def test_an_import_marks_its_cards_observed_in_one_undo_step(tmp_path: Path, qapp: object) -> None:
    journey, stack = shop(), QUndoStack()
    journey.update("tp-cart", evidence=Evidence("assumed"))
    journey.update("tp-pay", evidence=observed("file", "interviews.docx"))
    before = journey.state()
    result = survey(tmp_path, journey)
    by_cli = shop()
    by_cli.update("tp-cart", evidence=Evidence("assumed"))
    by_cli.update("tp-pay", evidence=observed("file", "interviews.docx"))
    stack.push(ApplyImport(journey, plan_import(journey, result)))  # type: ignore[arg-type]
    assert stack.count() == 1
    march = observed("snapshot", "March")
    assert journey.touchpoint("tp-cart").evidence == march  # was assumed: now observed
    # what the team wrote down themselves is kept
    assert journey.touchpoint("tp-pay").evidence == observed("file", "interviews.docx")
    assert journey.touchpoint("tp-product").evidence is None  # no value in the import
    new = next(t for t in journey.touchpoints() if t.name == "Checkout help")
    assert new.evidence == march
    apply_import(by_cli, survey(tmp_path, by_cli))  # type: ignore[arg-type]
    assert {t.name: t.evidence for t in by_cli.touchpoints()} == {
        t.name: t.evidence for t in journey.touchpoints()
    }
    stack.undo()
    assert journey.state() == before
