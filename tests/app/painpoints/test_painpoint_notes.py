"""Pain points and opportunities as notes in their lanes, under their cards: one per item,
stacked without overlap, the lanes growing to fit (and shrinking back on undo), selectable,
deleted in one undo step, and double-clicked to open their dialog."""

from __future__ import annotations

import pytest
from mouse import double_click
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.note_items import NoteItem
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands.painpoints import AddPainPoint
from cjo_desktop.domain import Journey, Position
from cjo_desktop.drawing.layout import OPPORTUNITY_LANE, PAIN_LANE, compute_layout
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

TOLERANCE = 1.0


def example() -> Journey:
    return load_map(example_path())


def scene_of(j: Journey) -> JourneyScene:
    scene = JourneyScene()
    scene.set_journey(j)
    return scene


def test_every_pain_point_and_opportunity_of_the_example_has_its_note(qtbot: QtBot) -> None:
    j = example()
    scene = scene_of(j)
    pains = {p.id for p in j.pain_points()}
    ideas = {o.id for o in j.opportunities()}
    assert len(pains) == 2 and len(ideas) == 6
    assert set(scene.notes) == pains | ideas
    assert {k for k, n in scene.notes.items() if n.is_pain} == pains
    shipping = scene.notes["pp-late-shipping-cost"]
    assert shipping.lines and "Strategy: Show the delivery cost" in shipping.toolTip()
    assert "wins back 40%" in scene.notes["op-cost-on-product"].toolTip()


def test_notes_sit_in_their_lane_under_their_card_and_never_overlap(qtbot: QtBot) -> None:
    j = example()
    scene = scene_of(j)
    layout = scene.layout
    assert layout is not None
    owners = {p.id: p.touchpoint_id for p in j.pain_points()}
    owners |= {o.id: o.touchpoint_id for o in j.opportunities()}
    rects = {key: note.sceneBoundingRect() for key, note in scene.notes.items()}
    for key, note in scene.notes.items():
        lane = layout.lane(PAIN_LANE if note.is_pain else OPPORTUNITY_LANE)
        box = note.mapRectToScene(note._rect)
        assert lane.y <= box.top() and box.bottom() <= lane.y + lane.height
        card = layout.cards[owners[key]]
        assert card.x - TOLERANCE <= box.left() <= card.right + TOLERANCE
    keys = list(rects)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not rects[a].intersects(rects[b]), (a, b)


def test_cards_sharing_a_column_share_one_stack(qtbot: QtBot) -> None:
    """Cards placed by hand one above the other (different channels, nearly the same x):
    their notes share one stack instead of overlapping."""
    j = Journey("Stack")
    stage = j.add_stage("Buy").id
    web = j.add_touchpoint(stage, "Web", channel="web", position=Position(20, 22)).id
    mail = j.add_touchpoint(stage, "Mail", channel="email", position=Position(60, 22)).id
    j.add_pain_point(web, "high", "slow")
    j.add_pain_point(mail, "low", "late")
    layout = compute_layout(j)
    assert layout.cards[mail].x - layout.cards[web].x == 40
    a, b = (layout.notes[p.id] for p in j.pain_points())
    assert a.x == b.x and (a.bottom <= b.y or b.bottom <= a.y)
    lane = layout.lane(PAIN_LANE)
    assert lane.y <= min(a.y, b.y) and max(a.bottom, b.bottom) <= lane.y + lane.height


def test_the_lane_grows_with_stacked_notes_and_shrinks_back_on_undo(qtbot: QtBot) -> None:
    j = example()
    scene = scene_of(j)
    assert scene.layout is not None
    m = scene.layout.metrics
    before = scene.layout.lane(PAIN_LANE).height
    empty = compute_layout(Journey("Empty")).lane(PAIN_LANE).height
    assert empty == m.extra_lane_height  # an empty lane keeps its height
    stack = QUndoStack()
    stack.push(AddPainPoint(j, "tp-checkout-shipping", "low", "A second pain here"))
    scene.flush()
    assert scene.layout.lane(PAIN_LANE).height == pytest.approx(before + m.note_height + m.note_gap)
    assert len(scene.notes) == 9
    stack.undo()
    scene.flush()
    assert scene.layout.lane(PAIN_LANE).height == before
    assert len(scene.notes) == 8


def test_notes_stay_when_highlighting_is_off(qtbot: QtBot) -> None:
    scene = scene_of(example())
    scene.set_painpoints_visible(False)
    assert len(scene.notes) == 8 and all(n.isVisible() for n in scene.notes.values())


def test_a_map_without_notes_has_none(qtbot: QtBot) -> None:
    j = Journey("Plain")
    j.add_touchpoint(j.add_stage("One").id, "A", channel="web")
    scene = scene_of(j)
    assert scene.notes == {} and not [i for i in scene.items() if isinstance(i, NoteItem)]


def test_delete_removes_a_selected_note_in_one_undo_step(window: MainWindow) -> None:
    journey = window.document.journey
    stack = window.document.undo_stack
    count = stack.count()
    window.scene.select_ids(["op-carrier-feed", "pp-stale-tracking"])
    assert sorted(window.scene.selected_notes()) == ["op-carrier-feed", "pp-stale-tracking"]
    assert window.acts.delete.isEnabled()
    window.acts.delete.trigger()
    window.scene.flush()
    assert "op-carrier-feed" not in journey and "pp-stale-tracking" not in journey
    assert stack.count() == count + 1
    assert "op-carrier-feed" not in window.scene.notes
    stack.undo()
    window.scene.flush()
    assert "op-carrier-feed" in journey and "pp-stale-tracking" in window.scene.notes


def test_double_click_on_a_note_opens_its_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(window.painpoints, "edit_pain_point", lambda k: opened.append(("p", k)))
    monkeypatch.setattr(window.painpoints, "edit_opportunity", lambda k: opened.append(("o", k)))
    for key in ("pp-late-shipping-cost", "op-cart-reminder"):
        note = window.scene.notes[key]
        window.view.centerOn(note)
        with qtbot.waitSignal(window.scene.noteActivated) as blocker:
            double_click(window.view, note.sceneBoundingRect().center())
        assert blocker.args == [key]
    assert opened == [("p", "pp-late-shipping-cost"), ("o", "op-cart-reminder")]
    assert window.document.undo_stack.count() == 0 or not window.document.is_modified
