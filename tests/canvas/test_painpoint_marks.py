"""Pain points on the map: cards marked by severity (outline, icon, letter, rank), rules that
could not be checked marked as such, dips on the emotion curve, a legend and a switch; edits
and undo re-highlight; pictures show what the screen shows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtGui import QImage, QUndoStack
from pytestqt.qtbot import QtBot

from cjo_desktop.analysis.impact import chosen_snapshot, rank_map
from cjo_desktop.canvas.card import TAB_RIGHT
from cjo_desktop.canvas.export import export_picture, scene_for
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands.painpoints import SetPainPointSettings
from cjo_desktop.domain import Journey, MetricValue, Position, Provenance, Snapshot
from cjo_desktop.domain.metrics import CSAT_TOP2, NPS, VISITORS
from cjo_desktop.drawing.painpoint_view import pain_view


def journey() -> Journey:
    """A: NPS -20 (fires high); B: CSAT top-2 60% (fires medium); C: NPS +50 (passes);
    D: NPS -50 from 10 answers (too few to judge). Feelings +2, -1, 0, 0: B dips by 3."""
    j = Journey("Pain test")
    stage = j.add_stage("Decision").id
    ids = [j.add_touchpoint(stage, name, channel="web", id=name).id for name in "ABCD"]
    for tp, valence in zip(ids, (2, -1, 0, 0), strict=True):
        j.add_emotion(tp, valence)
    values = {
        "A": {
            NPS: MetricValue(
                -20.0, 100, detail={"promoters": 20, "passives": 40, "detractors": 40}
            ),
            VISITORS: MetricValue(1000.0),
        },
        "B": {CSAT_TOP2: MetricValue(60.0, 100), VISITORS: MetricValue(50.0)},
        "C": {NPS: MetricValue(50.0, 100)},
        "D": {NPS: MetricValue(-50.0, 10)},
    }
    j.add_metric_snapshot(Snapshot("Q1", Provenance("survey.csv"), values))
    return j


def scene_of(qtbot: QtBot, j: Journey) -> JourneyScene:
    scene = JourneyScene()
    scene.set_journey(j)
    return scene


def with_rule(j: Journey, name: str, **changes: object) -> object:
    settings = j.painpoint_settings()
    rules = tuple(
        dataclasses.replace(r, **changes) if r.name == name else r  # type: ignore[arg-type]
        for r in settings.rules
    )
    return dataclasses.replace(settings, rules=rules)


def test_a_fired_rule_marks_its_card_with_its_severity(qtbot: QtBot) -> None:
    scene = scene_of(qtbot, journey())
    a, b, c = (scene.cards[k].pain for k in "ABC")
    assert a is not None and a.severity == "high" and not a.manual
    assert any("NPS below 0" in s for s in a.sources)
    assert b is not None and b.severity == "medium"
    assert c is None  # NPS +50 passes every rule, and its feeling is neutral
    assert "Pain point: high" in scene.cards["A"].toolTip()
    # The tab on the top edge reaches past the card: it must be inside what the card paints.
    card = scene.cards["A"]
    assert card.boundingRect().right() >= 184 + TAB_RIGHT


def test_rank_numbers_follow_the_impact_ranking(qtbot: QtBot) -> None:
    j = journey()
    scene = scene_of(qtbot, j)
    j.add_pain_point("A", "low", "Slow page")  # unpriced (no drop-off at A): the last row
    scene.flush()
    rows = rank_map(j, chosen_snapshot(j, None))
    assert rows[0].touchpoint_id == "A"  # 400 of 1,000 detractors outweigh 40% of B's 50
    assert (rows[-1].touchpoint_id, rows[-1].source) == ("A", "manual")
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, 1):
        first_row.setdefault(row.touchpoint_id, number)
    assert first_row == {"A": 1, "B": 2}  # a card's "#n" is its costliest row in the panel
    for tp, number in first_row.items():
        assert scene.cards[tp].pain.rank == number  # type: ignore[union-attr]
    assert scene.pain.ranked


def test_a_manual_pain_point_flags_its_card(qtbot: QtBot) -> None:
    j = journey()
    scene = scene_of(qtbot, j)
    assert scene.cards["C"].pain is None
    j.add_pain_point("C", "low", "Hard to share a trail photo")
    scene.flush()
    mark = scene.cards["C"].pain
    assert mark is not None and mark.severity == "low" and mark.manual
    assert any("Hard to share" in s for s in mark.sources)
    j.add_pain_point("C", "high", "Crashes on upload")
    scene.flush()
    assert scene.cards["C"].pain.severity == "high"  # type: ignore[union-attr]


def test_too_few_responses_is_marked_insufficient_never_a_pain_point(qtbot: QtBot) -> None:
    scene = scene_of(qtbot, journey())
    mark = scene.cards["D"].pain
    assert mark is not None
    assert mark.severity is None and not mark.is_pain and mark.rank is None
    assert mark.insufficient_tag == "n<30"
    assert "n = 10, needs 30" in mark.insufficient[0]
    assert "Insufficient data" in scene.cards["D"].toolTip()
    # Lowering the rule's minimum lets it be judged: now it fires.
    j = scene.journey
    assert j is not None
    j.set_painpoint_settings(with_rule(j, "nps_negative", min_n=5))  # type: ignore[arg-type]
    scene.flush()
    mark = scene.cards["D"].pain
    assert mark is not None and mark.severity == "high" and not mark.insufficient


def test_the_switch_hides_and_shows_marks_dips_and_legend(qtbot: QtBot) -> None:
    scene = scene_of(qtbot, journey())
    legend = scene._pain_legend
    assert scene.painpoints_visible() and legend.isVisible()
    with qtbot.waitSignal(scene.painpointsVisibleChanged) as blocker:
        scene.set_painpoints_visible(False)
    assert blocker.args == [False]
    assert all(card.pain is None for card in scene.cards.values())
    assert not legend.isVisible() and scene._curve.dips == {} and not scene.pain.marks
    scene.relayout()  # an edit while off keeps it off
    assert all(card.pain is None for card in scene.cards.values())
    scene.set_painpoints_visible(True)
    assert legend.isVisible() and scene.cards["A"].pain is not None and scene._curve.dips


def test_the_legend_sits_under_the_lanes_clear_of_cards_and_notes(qtbot: QtBot) -> None:
    """Under the last lane, inside the picture: the lanes now hold the pain points' notes."""
    scene = scene_of(qtbot, journey())
    assert scene.layout is not None
    legend = scene._pain_legend.sceneBoundingRect()
    last = scene.layout.lanes[-1]
    assert legend.top() >= last.y + last.height
    assert scene.sceneRect().contains(legend)
    items = [*scene.cards.values(), *scene.notes.values()]
    assert not any(legend.intersects(i.sceneBoundingRect()) for i in items)
    assert legend.left() >= scene.layout.grid_left  # the report repeats the labels' strip


def test_editing_rules_rehighlights_and_undo_restores(qtbot: QtBot) -> None:
    j = journey()
    scene = scene_of(qtbot, j)
    stack = QUndoStack()
    assert scene.cards["A"].pain.severity == "high"  # type: ignore[union-attr]
    # NPS -20 is no longer a pain point once the rule asks for below -30.
    stack.push(SetPainPointSettings(j, with_rule(j, "nps_negative", threshold=-30.0)))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: scene.cards["A"].pain is None)
    stack.push(SetPainPointSettings(j, with_rule(j, "csat_low", severity="high")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: scene.cards["B"].pain.severity == "high")  # type: ignore[union-attr]
    stack.undo()
    qtbot.waitUntil(lambda: scene.cards["B"].pain.severity == "medium")  # type: ignore[union-attr]
    stack.undo()
    qtbot.waitUntil(lambda: scene.cards["A"].pain is not None)
    assert scene.cards["A"].pain.severity == "high"  # type: ignore[union-attr]


def test_emotion_dips_are_marked_by_the_maps_dip_rule(qtbot: QtBot) -> None:
    j = journey()
    scene = scene_of(qtbot, j)
    assert scene._curve.dips == {"B": 3.0}
    j.set_painpoint_settings(with_rule(j, "emotion_dip", threshold=4.0))  # type: ignore[arg-type]
    scene.flush()
    assert scene._curve.dips == {}
    j.set_painpoint_settings(with_rule(j, "emotion_dip", enabled=False))  # type: ignore[arg-type]
    scene.flush()
    assert scene._curve.dips == {"B": 3.0}  # no rule: dips of 2 or more
    assert scene.pain.dip_threshold == 2.0


def test_marks_judge_the_maps_basis_not_the_snapshot_the_cards_show(qtbot: QtBot) -> None:
    j = journey()
    better = {"A": {NPS: MetricValue(40.0, 100)}}
    j.add_metric_snapshot(Snapshot("Q2", Provenance("q2.csv"), better))
    assert "A" not in pain_view(j, None).marks  # no choice: all merged, the latest (Q2) wins
    assert pain_view(j, "Q1").marks["A"].severity == "high"
    assert "A" not in pain_view(j, "gone").marks  # a stale choice: all merged
    scene = scene_of(qtbot, j)
    assert scene.cards["A"].pain is None
    scene.set_metric_view("Q1", None, None)  # the cards show Q1's numbers ...
    assert scene.cards["A"].pain is None  # ... the marks stay on the map's basis
    j.set_painpoint_settings(dataclasses.replace(j.painpoint_settings(), judged_on="Q1"))
    scene.flush()
    assert scene.cards["A"].pain is not None and scene.cards["A"].pain.severity == "high"


def test_a_picture_with_highlighting_differs_from_one_without(tmp_path: Path) -> None:
    j = journey()
    on, off = tmp_path / "on.png", tmp_path / "off.png"
    export_picture(j, on, scale=1)
    export_picture(j, off, scale=1, painpoints=False)
    a, b = QImage(str(on)), QImage(str(off))
    # The legend sits under the lanes, so only the picture with highlighting is taller.
    assert a.width() == b.width() and a.height() > b.height()
    assert a.copy(0, 0, b.width(), b.height()) != b
    assert not scene_for(j, painpoints=False).pain.marks
    assert scene_for(j).cards["A"].pain is not None


def test_dragging_or_renaming_a_card_keeps_the_marks_but_a_feeling_redoes_them(
    qtbot: QtBot,
) -> None:
    j = journey()
    scene = scene_of(qtbot, j)
    judged = scene.pain
    j.update("A", position=Position(30.0, 10.0), name="Ad")
    scene.flush()
    assert scene.pain is judged  # nothing the marks depend on changed: not judged again
    j.add_emotion("C", -2)  # C now feels -2 (mean -1): the feeling rules fire
    scene.flush()
    assert scene.pain is not judged and scene.cards["C"].pain is not None
