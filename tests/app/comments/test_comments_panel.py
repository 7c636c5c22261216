"""Comments driven as a user would: select a card, Edit > Add Comment…, see the badge on the
card, resolve it in the Comments panel (the Open filter hides it), undo and redo each step,
click a row to go to its element, and delete the commented card (its comment stays)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cjo_desktop.app.comments import targets
from cjo_desktop.app.comments.dialog import CommentDialog
from cjo_desktop.app.comments.dock import CommentsDock
from cjo_desktop.app.shell import preferences
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.palette import COMMENT

AD, BLOG, AWARENESS = "tp-instagram-ad", "tp-trail-blog", "st-awareness"
#: A card in the middle of the example, so the map can be centred on it at any zoom.
MIDDLE = "tp-checkout-shipping"


@pytest.fixture
def write(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The add dialog answers as a user typing: it records the choices it offered."""
    offered: list[list[str]] = []

    def answer(dialog: CommentDialog) -> int:
        offered.append([dialog.target.itemText(i) for i in range(dialog.target.count())])
        dialog.text.setPlainText("  Why do 9 in 10 scroll past?  ")
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CommentDialog, "exec", answer)
    prefs = preferences.load()
    preferences.save(preferences.Preferences(**{**prefs.__dict__, "author": "Ana Reviewer"}))
    return offered


def rows(dock: CommentsDock) -> list[tuple[str, ...]]:
    dock.refresh()
    t = dock.table
    return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]


def badge_pixels(window: MainWindow, card: TouchpointCard) -> int:
    """Pixels of the comment colour where the card's badge goes, as the window shows it."""
    window.view.centerOn(card)
    QTest.qWait(20)
    rect = card.mapRectToScene(QRectF(card.boundingRect()))
    shown = window.view.mapFromScene(rect).boundingRect()
    image: QImage = window.view.viewport().grab(shown).toImage()
    want = QColor(COMMENT)
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if _close(image.pixelColor(x, y), want)
    )


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def click_row(qtbot: QtBot, dock: CommentsDock, row: int) -> None:
    t = dock.table
    rect = t.visualItemRect(t.item(row, 3))
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_comment_a_card_resolve_undo_redo_go_there(
    qtbot: QtBot, window: MainWindow, write: list[list[str]]
) -> None:
    scene, stack, dock = window.scene, window.document.undo_stack, window.comment_dock
    journey = window.document.journey
    card = scene.cards[MIDDLE]
    assert badge_pixels(window, card) == 0
    scene.select_ids([MIDDLE])
    window.comments.add.trigger()
    offered = write[0]
    assert offered[0] == 'touchpoint "Checkout: shipping"'
    assert offered[-1] == "the map" and 'feeling of "Checkout: shipping"' in offered
    (comment,) = journey.comments()
    assert (comment.target, comment.author, comment.text) == (
        MIDDLE,
        "Ana Reviewer",
        "Why do 9 in 10 scroll past?",
    )
    assert stack.undoText() == 'Comment on touchpoint "Checkout: shipping"'
    scene.flush()
    assert card.comments == 1 and "1 open comment" in card.toolTip()
    assert badge_pixels(window, card) > 40
    assert rows(dock) == [
        (
            'touchpoint "Checkout: shipping"',
            "Ana Reviewer",
            rows(dock)[0][2],
            "Why do 9 in 10 scroll past?",
        )
    ]
    assert dock.count.text() == "1 open, 0 resolved"

    # Resolve in the panel: the Open filter hides it, the badge goes.
    click_row(qtbot, dock, 0)
    assert dock.resolve.text() == "&Resolve"
    qtbot.mouseClick(dock.resolve, Qt.MouseButton.LeftButton)
    assert stack.undoText() == 'Resolve comment on touchpoint "Checkout: shipping"'
    assert rows(dock) == []
    scene.flush()
    assert card.comments == 0 and badge_pixels(window, card) == 0
    dock.filter.setCurrentText("Resolved")
    assert [r[3] for r in rows(dock)] == ["(resolved) Why do 9 in 10 scroll past?"]
    dock.filter.setCurrentText("Open")

    # Undo and redo each step.
    stack.undo()
    scene.flush()
    assert len(rows(dock)) == 1 and card.comments == 1
    stack.undo()
    scene.flush()
    assert journey.comments() == [] and rows(dock) == [] and card.comments == 0
    stack.redo()
    scene.flush()
    assert journey.comments() == [comment] and card.comments == 1
    stack.redo()
    scene.flush()
    assert journey.comment(comment.id).resolved and card.comments == 0

    # Click a row: its element is selected and the map centres on it.
    dock.filter.setCurrentText("All")
    window.view.zoom_in()
    scene.select_ids([AD])
    window.view.centerOn(scene.cards[AD])
    click_row(qtbot, dock, 0)
    assert scene.selected_touchpoints() == [MIDDLE]
    middle = window.view.mapToScene(window.view.viewport().rect().center())
    centre = card.sceneBoundingRect().center()
    assert abs(middle.x() - centre.x()) < 30 and abs(middle.y() - centre.y()) < 30

    # Reopen, then delete; both one step.
    click_row(qtbot, dock, 0)
    assert dock.resolve.text() == "&Reopen"
    qtbot.mouseClick(dock.resolve, Qt.MouseButton.LeftButton)
    assert stack.undoText() == 'Reopen comment on touchpoint "Checkout: shipping"'
    click_row(qtbot, dock, 0)
    qtbot.mouseClick(dock.remove, Qt.MouseButton.LeftButton)
    assert journey.comments() == [] and rows(dock) == []
    assert stack.undoText().startswith('Delete comment "Why do 9 in 10')
    stack.undo()
    assert [c.id for c in journey.comments()] == [comment.id]


def test_a_stage_and_the_map_take_comments(window: MainWindow, write: list[list[str]]) -> None:
    scene, journey = window.scene, window.document.journey
    scene.select_ids([AWARENESS])
    window.comments.add.trigger()
    scene.flush()
    assert scene.headers[AWARENESS].comments == 1
    scene.clearSelection()
    window.comments.add.trigger()
    assert write[-1] == ["the map"]
    assert [journey.target_kind(c.target) for c in journey.comments()] == ["stage", "map"]
    dock = window.comment_dock
    dock.refresh()
    dock.go_to_row(1)  # the map: nothing to select, a word in the status bar instead
    assert "the map" in window.statusBar().currentMessage()


def test_deleting_a_commented_card_keeps_the_comment(
    qtbot: QtBot, window: MainWindow, write: list[list[str]]
) -> None:
    scene, stack, dock = window.scene, window.document.undo_stack, window.comment_dock
    scene.select_ids([AD])
    window.comments.add.trigger()
    scene.select_ids([AD])
    window.acts.delete.trigger()
    scene.flush()
    assert AD not in scene.cards
    assert [r[0] for r in rows(dock)] == ["a removed element"]
    dock.go_to_row(0)
    assert "removed" in window.statusBar().currentMessage()
    stack.undo()  # the card comes back with its badge
    scene.flush()
    assert scene.cards[AD].comments == 1
    assert [r[0] for r in rows(dock)] == ['touchpoint "Instagram trail ad"']


def test_panel_menu_and_shortcuts(window: MainWindow) -> None:
    dock = window.comment_dock
    assert window.tabifiedDockWidgets(window.metrics_dock).count(dock) == 1
    keys: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            keys.setdefault(key.toString(), []).append(action.text())
    for action in (window.comments.add, window.comments.show_panel):
        key = action.shortcut().toString()
        assert keys[key] == [action.text()], f"{key} is shared: {keys[key]}"
    assert window.comments.add.shortcut() == QKeySequence("Ctrl+Alt+M")
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert "&Comments" in [a.text() for a in view.actions()]
    dock.hide()
    window.comments.show_panel.trigger()
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_author_defaults_to_the_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targets.getpass, "getuser", lambda: "kim")
    prefs = preferences.load()
    preferences.save(preferences.Preferences(**{**prefs.__dict__, "author": ""}))
    assert targets.author_name() == "kim"
    preferences.save(preferences.Preferences(**{**prefs.__dict__, "author": "Ana"}))
    assert targets.author_name() == "Ana"


def test_delete_in_the_comments_list_removes_the_chosen_comment(
    qtbot: QtBot, window: MainWindow, write: list[list[str]]
) -> None:
    """Edit > Delete holds the Delete key window-wide; in the list it must delete comments."""
    scene, dock = window.scene, window.comment_dock
    scene.select_ids([AD])
    window.comments.add.trigger()
    window.show()
    dock.show()
    dock.raise_()
    dock.refresh()
    dock.table.selectRow(0)
    dock.table.setFocus()
    qtbot.waitUntil(dock.table.hasFocus)
    QTest.keyClick(dock.table, Qt.Key.Key_Delete)
    assert window.document.journey.comments() == []
    assert AD in window.document.journey  # the card stays
