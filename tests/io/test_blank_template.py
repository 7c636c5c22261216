"""The "blank" template is what a user expects from the word: a title and one empty stage.

One stage, not none: Add Touchpoint (the toolbar's button) needs a stage to put the card in,
so a map with no stage would answer the first click with "Add a stage first".
"""

from __future__ import annotations

from pathlib import Path

from cjo_command import run_cjo

from cjo_desktop.io.templates import new_from_template, template


def test_blank_holds_one_empty_stage_and_nothing_else() -> None:
    journey = new_from_template("blank")
    assert [s.name for s in journey.stages()] == ["Stage 1"]
    assert journey.stages()[0].description == ""
    assert journey.description == ""
    assert journey.touchpoints() == []
    assert list(journey.flows()) == []
    assert journey.personas() == [] and journey.metric_snapshots() == []


def test_blank_takes_the_title_the_user_gives() -> None:
    assert new_from_template("blank", "Bike shop").title == "Bike shop"
    assert new_from_template("blank").title == "New journey"


def test_cjo_templates_says_what_blank_holds(tmp_path: Path) -> None:
    assert template("blank").summary == "1 empty stage and no touchpoints."
    result = run_cjo("templates", cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    listing = result.stdout
    line = next(x for x in listing.splitlines() if x.split()[0] == "blank")
    assert line.split(None, 1)[1] == "1 empty stage and no touchpoints."
