"""The side panels driven as a user would: type, press keys, click rows, then check the map.

Each widget gets the bundled example in a Document, a scene mirroring it and a view, the way
the main window wires them; edits must arrive as undo steps on the document's stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cjo_desktop.app.panels.find_bar import FindBar
from cjo_desktop.app.panels.inspector import InspectorDock
from cjo_desktop.app.panels.outline import OutlineDock
from cjo_desktop.app.panels.workshop import WorkshopBar
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.commands import (
    AddStage,
    AddTouchpoint,
    MoveTouchpoint,
    RemoveTouchpoint,
    UpdateItem,
)
from cjo_desktop.domain import Emotion, Journey
from cjo_desktop.editor.document import Document
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Editor:
    document: Document
    scene: JourneyScene
    view: JourneyView

    @property
    def journey(self) -> Journey:
        return self.document.journey


def make_editor(qtbot: QtBot, journey: Journey) -> Iterator[Editor]:
    document = Document(journey)
    scene = JourneyScene()
    scene.set_journey(document.journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    yield Editor(document, scene, view)
    scene.set_journey(None)


@pytest.fixture
def ed(qtbot: QtBot) -> Iterator[Editor]:
    yield from make_editor(qtbot, load_map(example_path()))


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Put the keyboard in ``widget``, as a click into the field would."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def retype(qtbot: QtBot, widget: object, text: str) -> None:
    """Select all in the field and type over it, then press Return."""
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# ---------------------------------------------------------------------- workshop
@pytest.fixture
def workshop(qtbot: QtBot, ed: Editor) -> WorkshopBar:
    bar = WorkshopBar(ed.document, ed.scene)
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_workshop_types_into_stages(qtbot: QtBot, ed: Editor, workshop: WorkshopBar) -> None:
    journey, before = ed.journey, ed.journey.state()
    assert workshop.stage_label.text() == "Awareness"
    for name in ("Podcast ad", "Billboard", "Friend's tip"):
        qtbot.keyClicks(workshop.entry, name)
        qtbot.keyClick(workshop.entry, Qt.Key.Key_Return)
        assert workshop.entry.text() == ""
    qtbot.keyClick(workshop.entry, Qt.Key.Key_Tab)
    assert workshop.stage_label.text() == "Consideration"
    qtbot.keyClicks(workshop.entry, "Size quiz")
    qtbot.keyClick(workshop.entry, Qt.Key.Key_Return)

    awareness = [t.name for t in journey.touchpoints("st-awareness")]
    assert awareness[-3:] == ["Podcast ad", "Billboard", "Friend's tip"]
    assert journey.touchpoints("st-consideration")[-1].name == "Size quiz"
    assert ed.document.undo_stack.count() == 4
    for _ in range(4):
        ed.document.undo_stack.undo()
    assert journey.state() == before


def test_workshop_tab_wraps_and_shift_tab_goes_back(qtbot: QtBot, workshop: WorkshopBar) -> None:
    with qtbot.waitSignal(workshop.stageChanged) as changed:
        qtbot.keyClick(workshop.entry, Qt.Key.Key_Tab, SHIFT)
    assert changed.args == ["st-advocacy"]
    assert workshop.stage_label.text() == "Advocacy"
    qtbot.keyClick(workshop.entry, Qt.Key.Key_Tab)
    assert workshop.stage_label.text() == "Awareness"
    qtbot.keyClick(workshop.entry, Qt.Key.Key_Backtab)
    assert workshop.stage_label.text() == "Advocacy"


def test_workshop_channel_and_empty_names(qtbot: QtBot, ed: Editor, workshop: WorkshopBar) -> None:
    qtbot.keyClicks(workshop.entry, "   ")
    qtbot.keyClick(workshop.entry, Qt.Key.Key_Return)
    assert ed.document.undo_stack.count() == 0
    qtbot.keyClicks(workshop.channel, "podcast")
    qtbot.keyClicks(workshop.entry, "Trail talk episode")
    with qtbot.waitSignal(workshop.touchpointAdded) as added:
        qtbot.keyClick(workshop.entry, Qt.Key.Key_Return)
    tp = ed.journey.touchpoint(added.args[0])
    assert (tp.name, tp.channel, tp.stage_id) == ("Trail talk episode", "podcast", "st-awareness")
    with qtbot.waitSignal(workshop.done):
        qtbot.keyClick(workshop.entry, Qt.Key.Key_Escape)


def test_workshop_follows_selection(qtbot: QtBot, ed: Editor, workshop: WorkshopBar) -> None:
    workshop.entry.clearFocus()  # the user went back to the canvas
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: workshop.stage_label.text() == "Decision")
    ed.scene.select_ids(["st-retention"])
    qtbot.waitUntil(lambda: workshop.stage_label.text() == "Retention")


def test_workshop_starts_an_empty_map_with_one_undo_step(qtbot: QtBot) -> None:
    for ed in make_editor(qtbot, Journey("Blank")):
        bar = WorkshopBar(ed.document, ed.scene)
        qtbot.addWidget(bar)
        before = ed.journey.state()
        qtbot.keyClicks(bar.entry, "First idea")
        qtbot.keyClick(bar.entry, Qt.Key.Key_Return)
        assert [s.name for s in ed.journey.stages()] == ["Stage 1"]
        assert [t.name for t in ed.journey.touchpoints()] == ["First idea"]
        assert ed.document.undo_stack.count() == 1
        ed.document.undo_stack.undo()
        assert ed.journey.state() == before


# ---------------------------------------------------------------------- inspector
@pytest.fixture
def inspector(qtbot: QtBot, ed: Editor) -> InspectorDock:
    dock = InspectorDock(ed.document, ed.scene, ed.view)
    qtbot.addWidget(dock)
    dock.show()
    return dock


def test_inspector_rename_is_one_step(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")
    assert inspector.tp_stage.text() == "Decision"
    retype(qtbot, inspector.tp_name, "Shopping cart")
    assert ed.journey.touchpoint("tp-cart").name == "Shopping cart"
    assert ed.document.undo_stack.count() == 1
    qtbot.keyClick(inspector.tp_name, Qt.Key.Key_Return)  # unchanged: no second step
    assert ed.document.undo_stack.count() == 1
    ed.document.undo_stack.undo()
    assert ed.journey.touchpoint("tp-cart").name == "Cart"
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")


def test_inspector_refuses_a_blank_name(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")
    focus(qtbot, inspector.tp_name)
    qtbot.keyClick(inspector.tp_name, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(inspector.tp_name, Qt.Key.Key_Delete)
    qtbot.keyClick(inspector.tp_name, Qt.Key.Key_Return)
    assert ed.document.undo_stack.count() == 0
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")


def everyone(journey: Journey, tp_id: str) -> list[Emotion]:
    """The feeling the Inspector's Feeling field edits: everyone's, not a persona's."""
    return [e for e in journey.emotions(tp_id) if e.persona_id is None]


def test_inspector_sets_the_feeling(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_valence.currentText() == "0 neutral")
    qtbot.keyClick(inspector.tp_valence, Qt.Key.Key_End)
    personas = [e for e in ed.journey.emotions("tp-cart") if e.persona_id]  # left alone
    (feeling,) = everyone(ed.journey, "tp-cart")
    assert (feeling.valence, feeling.label) == (2, "double-checking")
    retype(qtbot, inspector.tp_feeling_label, "relieved")
    assert everyone(ed.journey, "tp-cart")[0].label == "relieved"
    qtbot.keyClick(inspector.tp_valence, Qt.Key.Key_Home)
    assert everyone(ed.journey, "tp-cart") == []
    assert [e for e in ed.journey.emotions("tp-cart") if e.persona_id] == personas
    assert ed.document.undo_stack.count() == 3
    qtbot.waitUntil(lambda: not inspector.tp_feeling_label.isEnabled())


def test_inspector_tags_and_channel(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_tags.text() == "checkout, voucher")
    retype(qtbot, inspector.tp_tags, "checkout,  basket ,")
    assert ed.journey.touchpoint("tp-cart").tags == ("checkout", "basket")
    assert inspector.tp_channel.findText("store") >= 0  # channels the map already uses
    retype(qtbot, inspector.tp_channel, "mobile app")
    assert ed.journey.touchpoint("tp-cart").channel == "mobile app"
    assert ed.document.undo_stack.count() == 2


def test_inspector_edits_a_flow_count(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    key = ("tp-cart", "tp-checkout-shipping")
    ed.scene.select_ids([key])
    qtbot.waitUntil(lambda: inspector.flow_count.value() == 3900)
    assert inspector.flow_from.text() == "Cart"
    assert inspector.flow_to.text() == "Checkout: shipping"
    retype(qtbot, inspector.flow_count, "4000")
    assert ed.journey.flow(*key).count == 4000
    retype(qtbot, inspector.flow_label, "Checks out")
    assert ed.journey.flow(*key).label == "Checks out"
    assert ed.document.undo_stack.count() == 2


def test_inspector_shows_and_edits_counts_past_32_bits(
    qtbot: QtBot, ed: Editor, inspector: InspectorDock
) -> None:
    key = ("tp-cart", "tp-checkout-shipping")
    ed.journey.update_flow(*key, count=3_000_000_000)
    ed.scene.select_ids([key])
    qtbot.waitUntil(lambda: inspector.flow_count.value() == 3_000_000_000)
    retype(qtbot, inspector.flow_count, "999999999999")
    assert ed.journey.flow(*key).count == 999_999_999_999


def test_inspector_map_stage_and_many(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    assert inspector.map_title.text() == ed.journey.title
    retype(qtbot, inspector.map_title, "Trailhead, revisited")
    assert ed.journey.title == "Trailhead, revisited"
    ed.scene.select_ids(["tp-cart", "st-retention"])
    qtbot.waitUntil(lambda: inspector.target == ("many", 2))
    ed.scene.select_ids(["st-retention"])
    qtbot.waitUntil(lambda: inspector.stage_name.text() == "Retention")
    ed.document.push(UpdateItem(ed.journey, "st-retention", name="Loyalty"))
    qtbot.waitUntil(lambda: inspector.stage_name.text() == "Loyalty")
    old = ed.journey
    ed.scene.set_journey(None)
    ed.document.replace(Journey("Another map"), None)
    assert inspector.map_title.text() == "Another map"
    assert len(old.changed) == 0  # the inspector left the old journey


def test_inspector_keeps_typed_text(qtbot: QtBot, ed: Editor, inspector: InspectorDock) -> None:
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")
    focus(qtbot, inspector.tp_name)
    qtbot.keyClicks(inspector.tp_name, " and basket")
    ed.document.push(UpdateItem(ed.journey, "tp-cart", owner="Web shop"))
    qtbot.waitUntil(lambda: inspector.tp_owner.text() == "Web shop")
    assert inspector.tp_name.text() == "Cart and basket"
    assert ed.journey.touchpoint("tp-cart").name == "Cart"


@pytest.mark.parametrize("kind", [InspectorDock, OutlineDock, WorkshopBar, FindBar])
def test_a_deleted_widget_stops_listening(qtbot: QtBot, ed: Editor, kind: type) -> None:
    args = (ed.view,) if kind in (InspectorDock, OutlineDock, FindBar) else ()
    widget = kind(ed.document, ed.scene, *args)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # An edit after the widget is gone must not call into it (pytest-qt fails the test on
    # any exception raised in a slot, such as "Internal C++ object already deleted").
    ed.document.push(UpdateItem(ed.journey, "tp-cart", name="Basket"))
    qtbot.wait(20)
    assert ed.journey.touchpoint("tp-cart").name == "Basket"


# ---------------------------------------------------------------------- outline
@pytest.fixture
def outline(qtbot: QtBot, ed: Editor) -> OutlineDock:
    dock = OutlineDock(ed.document, ed.scene, ed.view)
    qtbot.addWidget(dock)
    dock.resize(300, 900)
    dock.show()
    ed.view.show()
    qtbot.waitExposed(dock)
    return dock


def test_outline_click_selects_card(qtbot: QtBot, ed: Editor, outline: OutlineDock) -> None:
    row = outline.row("tp-photo-share")
    assert row is not None
    outline.tree.scrollToItem(row)
    rect = outline.tree.visualItemRect(row)
    qtbot.mouseClick(outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ed.scene.selected_touchpoints() == ["tp-photo-share"]
    seen = ed.view.mapToScene(ed.view.viewport().rect()).boundingRect()
    assert seen.contains(ed.scene.cards["tp-photo-share"].sceneBoundingRect().center())
    qtbot.wait(5)  # the echo from the canvas must not change anything
    assert [r.text(0) for r in outline.tree.selectedItems()] == ["Trail photo share"]
    assert ed.scene.selected_touchpoints() == ["tp-photo-share"]


def outline_names(outline: OutlineDock) -> list[tuple[str, list[str]]]:
    root = outline.tree.invisibleRootItem()
    stages = [root.child(i) for i in range(root.childCount())]
    return [(s.text(0), [s.child(j).text(0) for j in range(s.childCount())]) for s in stages]


def row_text(outline: OutlineDock, item_id: str, column: int = 0) -> str:
    row = outline.row(item_id)
    return "" if row is None else row.text(column)


def journey_names(journey: Journey) -> list[tuple[str, list[str]]]:
    return [(s.name, [t.name for t in journey.touchpoints(s.id)]) for s in journey.stages()]


def test_outline_follows_canvas_and_map(qtbot: QtBot, ed: Editor, outline: OutlineDock) -> None:
    assert outline_names(outline) == journey_names(ed.journey)
    assert (row_text(outline, "tp-cart"), row_text(outline, "tp-cart", 1)) == ("Cart", "web")
    ed.scene.select_ids(["tp-cart", "tp-unboxing"])
    qtbot.waitUntil(lambda: len(outline.tree.selectedItems()) == 2)
    assert {r.text(0) for r in outline.tree.selectedItems()} == {"Cart", "Unboxing"}
    ed.document.push(UpdateItem(ed.journey, "tp-cart", name="Basket"))
    qtbot.waitUntil(lambda: row_text(outline, "tp-cart") == "Basket")
    ed.document.undo_stack.undo()
    qtbot.waitUntil(lambda: row_text(outline, "tp-cart") == "Cart")


def test_outline_patches_touchpoint_edits_without_rebuilding(
    qtbot: QtBot, ed: Editor, outline: OutlineDock, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds: list[None] = []
    rebuild = outline.rebuild

    def counted_rebuild() -> None:
        rebuilds.append(None)
        rebuild()

    monkeypatch.setattr(outline, "rebuild", counted_rebuild)
    journey, document = ed.journey, ed.document
    add = AddTouchpoint(journey, "st-decision", "Gift wrap", index=1, channel="web")
    document.push(add)
    document.push(MoveTouchpoint(journey, "tp-cart", "st-retention", 2))
    document.push(MoveTouchpoint(journey, "tp-reviews", "st-consideration", 0))
    document.push(RemoveTouchpoint(journey, "tp-unboxing"))
    qtbot.waitUntil(lambda: outline_names(outline) == journey_names(journey))
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    qtbot.waitUntil(lambda: outline_names(outline) == journey_names(journey))
    assert rebuilds == []
    document.push(AddStage(journey, "Onboarding", index=3))
    qtbot.waitUntil(lambda: outline_names(outline) == journey_names(journey))
    assert len(rebuilds) == 1


def test_hidden_outline_waits_until_shown(qtbot: QtBot, ed: Editor, outline: OutlineDock) -> None:
    outline.hide()
    ed.document.push(AddStage(ed.journey, "Onboarding"))
    qtbot.wait(5)
    assert outline.tree.topLevelItemCount() == 5
    outline.show()
    assert outline_names(outline) == journey_names(ed.journey)


# ---------------------------------------------------------------------- find
@pytest.fixture
def find(qtbot: QtBot, ed: Editor) -> FindBar:
    bar = FindBar(ed.document, ed.scene, ed.view)
    qtbot.addWidget(bar)
    bar.activate()
    return bar


def test_find_selects_and_steps_through_matches(qtbot: QtBot, ed: Editor, find: FindBar) -> None:
    qtbot.keyClicks(find.field, "UNBOX")
    assert ed.scene.selected_touchpoints() == ["tp-unboxing"]
    assert find.status.text() == "1 of 1"
    qtbot.keyClick(find.field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(find.field, "email")  # a channel: four touchpoints
    assert sorted(ed.scene.selected_touchpoints()) == sorted(find.matches)
    assert find.status.text() == "1 of 4"
    qtbot.keyClick(find.field, Qt.Key.Key_Return)
    assert find.status.text() == "2 of 4"
    qtbot.keyClick(find.field, Qt.Key.Key_F3)
    assert find.status.text() == "3 of 4"
    qtbot.keyClick(find.field, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(find.field, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(find.field, Qt.Key.Key_F3, SHIFT)
    assert find.status.text() == "4 of 4"
    qtbot.keyClicks(find.field, "zzz")
    assert find.status.text() == "No matches"
    with qtbot.waitSignal(find.closed):
        qtbot.keyClick(find.field, Qt.Key.Key_Escape)
    assert not find.isVisible()


def test_inspector_lists_a_cards_pain_points_and_opportunities(
    qtbot: QtBot, ed: Editor, inspector: InspectorDock
) -> None:
    ed.scene.select_ids(["tp-checkout-shipping"])
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Checkout: shipping")
    text = inspector.tp_pains.text()
    assert "high: Shipping costs appear only at checkout" in text
    assert "+ Delivery cost on the product page (effort S, wins back 40%)" in text
    ed.scene.select_ids(["tp-cart"])
    qtbot.waitUntil(lambda: inspector.tp_name.text() == "Cart")
    assert inspector.tp_pains.text().startswith("none flagged")
