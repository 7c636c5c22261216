"""The canvas as a user drives it: drag cards, connect by dragging, rename in place, zoom.

Each gesture must become exactly one undo step that changes the model, and the scene must
follow the model (never the other way round).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mouse import click, double_click, drag
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.editor.controller import EditorController
from cjo_desktop.editor.document import Document


@pytest.fixture
def journey() -> Journey:
    j = Journey("Workshop")
    for stage_id, name in (("aw", "Awareness"), ("co", "Consideration"), ("de", "Decision")):
        j.add_stage(name, id=stage_id)
    j.add_touchpoint("aw", "Social ad", id="ad", channel="social")
    j.add_touchpoint("co", "Website", id="web", channel="web")
    j.add_touchpoint("co", "Reviews", id="rev", channel="web")
    j.add_touchpoint("de", "Checkout", id="buy", channel="web")
    j.add_flow("ad", "web", count=100)
    return j


@pytest.fixture
def editor(qtbot: QtBot, journey: Journey) -> Iterator[EditorController]:
    document = Document(journey)
    scene = JourneyScene()
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    controller = EditorController(document, scene, view)
    view.set_zoom(0.6)
    view.centerOn(scene.cards["web"])
    yield controller
    scene.set_journey(None)


def centre(editor: EditorController, tp: str) -> QPointF:
    return editor.scene.cards[tp].sceneBoundingRect().center() - QPointF(4, 0)


def test_dragging_from_the_handle_connects_two_cards(editor: EditorController) -> None:
    before = editor.journey.copy()
    card = editor.scene.cards["web"]
    handle = card.mapToScene(card.handle_center())
    drag(editor.view, handle, centre(editor, "buy"))
    assert editor.journey.has_flow("web", "buy")
    assert editor.document.undo_stack.count() == 1
    editor.document.undo_stack.undo()
    assert editor.journey == before
    editor.scene.flush()
    assert ("web", "buy") not in editor.scene.flows


def test_dropping_a_card_in_another_column_moves_it_to_that_stage(editor: EditorController) -> None:
    target = editor.scene.layout.column("de")  # type: ignore[union-attr]
    start = centre(editor, "rev")
    drag(editor.view, start, QPointF(target.x + target.width - 60, start.y()))
    tp = editor.journey.touchpoint("rev")
    assert tp.stage_id == "de"
    assert tp.position is not None  # the user placed it: the position is kept
    assert editor.document.undo_stack.count() == 1
    editor.scene.flush()
    assert (
        editor.scene.layout.column_at(
            editor.scene.cards["rev"].sceneBoundingRect().center().x()
        ).stage_id
        == "de"
    )  # type: ignore[union-attr]


def test_dragging_several_cards_is_one_undo_step(editor: EditorController) -> None:
    before = editor.journey.copy()
    editor.scene.select_ids(["web", "rev"])
    start = centre(editor, "web")
    drag(editor.view, start, start + QPointF(0, 160))  # down into another lane
    assert editor.document.undo_stack.count() == 1
    assert editor.journey != before
    editor.document.undo_stack.undo()
    assert editor.journey == before


def test_a_click_without_moving_changes_nothing(editor: EditorController) -> None:
    click(editor.view, centre(editor, "web"))
    assert editor.scene.selected_touchpoints() == ["web"]
    assert editor.document.undo_stack.count() == 0


def test_double_click_renames_in_place(editor: EditorController, qtbot: QtBot) -> None:
    double_click(editor.view, centre(editor, "web"))
    edit = editor.inline.line_edit
    assert edit is not None and edit.text() == "Website"
    edit.selectAll()
    qtbot.keyClicks(edit, "Product site")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert editor.journey.touchpoint("web").name == "Product site"
    assert editor.document.undo_stack.count() == 1


def test_escape_cancels_a_rename(editor: EditorController, qtbot: QtBot) -> None:
    double_click(editor.view, centre(editor, "web"))
    edit = editor.inline.line_edit
    assert edit is not None
    qtbot.keyClicks(edit, "Oops")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert editor.journey.touchpoint("web").name == "Website"
    assert editor.document.undo_stack.count() == 0


def test_double_click_in_an_empty_cell_adds_a_card_there(
    editor: EditorController, qtbot: QtBot
) -> None:
    layout = editor.scene.layout
    assert layout is not None
    column = layout.column("aw")
    lane = next(ln for ln in layout.lanes if ln.title == "web")  # as the map writes it
    double_click(editor.view, QPointF(column.x + column.width - 30, lane.y + lane.height / 2))
    edit = editor.inline.line_edit
    assert edit is not None
    qtbot.keyClicks(edit, "Search ad")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    added = [t for t in editor.journey.touchpoints("aw") if t.name == "Search ad"]
    assert len(added) == 1 and added[0].channel == "web"


def test_setting_a_feeling_updates_the_curve(editor: EditorController) -> None:
    editor.scene.select_ids(["web", "rev"])
    editor.set_feeling(-2)
    editor.scene.flush()
    assert [e.valence for e in editor.journey.emotions()] == [-2, -2]
    assert {p.touchpoint_id for p in editor.scene._curve.points} == {"web", "rev"}
    assert editor.document.undo_stack.count() == 1


def test_deleting_a_stage_with_cards_asks_first(editor: EditorController) -> None:
    asked: list[str] = []
    editor.confirm = lambda question: asked.append(question) or False
    editor.scene.select_ids(["co"])
    editor.delete_selection()
    assert asked and "Consideration" in asked[0]
    assert "co" in editor.journey
    editor.confirm = lambda question: True
    editor.delete_selection()
    assert "co" not in editor.journey and "web" not in editor.journey


def test_copy_paste_gives_fresh_cards(editor: EditorController) -> None:
    editor.scene.select_ids(["web", "rev"])
    assert editor.copy()
    editor.scene.select_ids(["de"])
    editor.paste()
    names = [t.name for t in editor.journey.touchpoints("de")]
    assert names.count("Website") == 1 and names.count("Reviews") == 1
    assert len(editor.journey.touchpoints()) == 6


def test_ctrl_wheel_zooms_and_fit_shows_everything(editor: EditorController, qtbot: QtBot) -> None:
    view = editor.view
    view.fit()
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    assert rect.contains(editor.scene.sceneRect().adjusted(1, 1, -1, -1))
    before = view.zoom
    view.zoom_in()
    assert view.zoom == pytest.approx(before * 1.2)


def test_dragging_a_header_sideways_reorders_stages(editor: EditorController) -> None:
    editor.view.set_zoom(0.3)
    editor.view.centerOn(editor.scene.sceneRect().center())
    header = editor.scene.headers["aw"].sceneBoundingRect()
    last = editor.scene.layout.column("de")  # type: ignore[union-attr]
    drag(editor.view, header.center(), QPointF(last.x + last.width - 5, header.center().y()))
    assert [s.id for s in editor.journey.stages()] == ["co", "de", "aw"]
    assert editor.document.undo_stack.count() == 1
    editor.document.undo_stack.undo()
    assert [s.id for s in editor.journey.stages()] == ["aw", "co", "de"]


def test_ctrl_click_adds_to_the_selection(editor: EditorController) -> None:
    click(editor.view, centre(editor, "web"))
    click(editor.view, centre(editor, "rev"), Qt.KeyboardModifier.ControlModifier)
    assert sorted(editor.scene.selected_touchpoints()) == ["rev", "web"]


def test_rubber_band_selects_the_cards_it_covers(editor: EditorController) -> None:
    web = editor.scene.cards["web"].footprint()
    rev = editor.scene.cards["rev"].footprint()
    start = QPointF(rev.right() + 25, rev.bottom() + 14)  # empty lane space below, right
    drag(editor.view, start, QPointF(web.left() + 30, web.top() + 20))
    assert sorted(editor.scene.selected_touchpoints()) == ["rev", "web"]
    assert editor.document.undo_stack.count() == 0


def test_ctrl_wheel_zooms_under_the_mouse_and_middle_drag_pans(
    editor: EditorController, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QMouseEvent, QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = editor.view
    before = view.zoom
    pos = QPointF(400, 300)
    wheel = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(QPoint(400, 300))),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(before * 1.2)

    view.set_zoom(2.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    value = bar.value()
    middle = Qt.MouseButton.MiddleButton
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, 400, middle),
        (QEvent.Type.MouseMove, 300, middle),
        (QEvent.Type.MouseButtonRelease, 300, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            QPointF(at, 300),
            QPointF(at, 300),
            middle,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)
    assert bar.value() == value + 100
