"""A whole workshop session through the window, as a facilitator would drive it.

New map from a template; add a stage; type three touchpoints; connect two by dragging; drag a
card into another stage; set a feeling; undo everything (back to the template), redo everything
(back to the final map); save, reopen and compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mouse import click, drag
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import file_ops
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def card_centre(window: MainWindow, tp_id: str) -> QPointF:
    window.scene.flush()
    return window.scene.cards[tp_id].sceneBoundingRect().center() - QPointF(6, 0)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shortcuts reach only the active window, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def by_name(journey: Journey, name: str) -> str:
    (tp,) = [t for t in journey.touchpoints() if t.name == name]
    return tp.id


def test_a_workshop_session_undoes_redoes_and_saves(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    view = window.view
    # New map from the blank template (the example opened by the fixture is unmodified).
    monkeypatch.setattr(file_ops, "ask_template", lambda _parent: ("blank", "Bike shop"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    start = window.document.journey.copy()
    assert [s.name for s in start.stages()] == ["Stage 1"] and start.title == "Bike shop"
    assert window.document.undo_stack.count() == 0

    # Add two stages and name them in place.
    for name in ("Visit", "Repair"):
        qtbot.keyClick(view, Qt.Key.Key_N, CTRL | SHIFT)
        edit = window.controller.inline.line_edit
        assert edit is not None
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    journey = window.document.journey
    assert [s.name for s in journey.stages()] == ["Stage 1", "Visit", "Repair"]

    # Three touchpoints from the keyboard: two in Stage 1, Tab, one in Visit.
    window.scene.select_ids([journey.stages()[0].id])
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    entry = window.workshop.entry
    assert entry.hasFocus()
    for text in ("Sees ad", "\n", "Reads review", "\n", "\t", "Visits shop", "\n"):
        if text == "\n":
            qtbot.keyClick(entry, Qt.Key.Key_Return)
        elif text == "\t":
            qtbot.keyClick(entry, Qt.Key.Key_Tab)
        else:
            qtbot.keyClicks(entry, text)
    stages = journey.stages()
    assert [t.name for t in journey.touchpoints(stages[0].id)] == ["Sees ad", "Reads review"]
    assert [t.name for t in journey.touchpoints(stages[1].id)] == ["Visits shop"]
    qtbot.keyClick(entry, Qt.Key.Key_Escape)

    # Connect two cards by dragging from the handle of one onto the other.
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)  # fit to window
    view.set_zoom(0.8)
    ad, shop = by_name(journey, "Sees ad"), by_name(journey, "Visits shop")
    view.centerOn(card_centre(window, ad))
    card = window.scene.cards[ad]
    drag(view, card.mapToScene(card.handle_center()), card_centre(window, shop))
    assert journey.has_flow(ad, shop)

    # Drag "Reads review" into the Repair column.
    review = by_name(journey, "Reads review")
    repair = window.scene.layout.column(stages[2].id)  # type: ignore[union-attr]
    start_point = card_centre(window, review)
    drag(view, start_point, QPointF(repair.x + 120, start_point.y()))
    assert journey.touchpoint(review).stage_id == stages[2].id

    # Click a card and press 2: the customer is confused (-1).
    click(view, card_centre(window, shop))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert [e.valence for e in journey.emotions(shop)] == [-1]
    final = journey.copy()
    steps = window.document.undo_stack.count()
    assert steps >= 7

    # Undo everything, then redo everything, with the keys.
    for _ in range(steps):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.document.journey == start
    for _ in range(steps):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.document.journey == final

    # Save (asks where, the map is new), reopen, compare.
    target = tmp_path / "bike-shop.cjo.json"
    monkeypatch.setattr(file_ops, "ask_save_path", lambda _parent, _name: target)
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL)
    assert target.exists() and not window.document.is_modified
    assert load_map(target) == final
    monkeypatch.setattr(file_ops, "ask_open_path", lambda _parent, _folder: target)
    qtbot.keyClick(view, Qt.Key.Key_O, CTRL)
    assert window.document.journey == final
    assert window.document.path == target


def test_copy_in_one_window_and_paste_in_another(window: MainWindow, qtbot: QtBot) -> None:
    other = MainWindow()
    qtbot.addWidget(other, before_close_func=lambda w: w.document.undo_stack.setClean())
    other.show()
    source = window.document.journey
    cart = by_name(source, "Cart")
    activate(qtbot, window)
    window.view.centerOn(card_centre(window, cart))
    click(window.view, card_centre(window, cart))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)

    target = other.document.journey
    first_stage = target.stages()[0]
    other.scene.select_ids([first_stage.id])
    activate(qtbot, other)
    other.view.setFocus()
    qtbot.keyClick(other.view, Qt.Key.Key_V, CTRL)
    pasted = target.touchpoints(first_stage.id)
    assert [t.name for t in pasted] == ["Cart"]
    assert pasted[0].id != cart and pasted[0].channel == "web"
    assert other.document.undo_stack.count() == 1
