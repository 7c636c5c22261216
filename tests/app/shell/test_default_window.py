"""First start (no saved window state): the map is the main thing and every panel is readable
at its default size, at the default 1280x800.

Before this, the Outline's name column showed "A..." and "Co...", the Inspector was about 90 px
wide (its title field showed "nline"), the Pain points panel took 40% of the height and the F1
list cut its Shortcut column.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow

#: Characters of the map's title the Inspector's title field must show at once.
TITLE_CHARS = 25


def test_first_start_has_no_saved_state(window: MainWindow) -> None:
    assert QSettings().value("window/state") is None  # what the tests below rely on
    assert (window.width(), window.height()) == (1280, 800)


def test_the_map_is_the_largest_part(window: MainWindow) -> None:
    view = window.view
    assert view.width() >= window.width() / 2
    assert view.height() >= window.height() / 2
    assert view.width() > max(window.outline.width(), window.inspector.width()) * 2


def test_the_outline_shows_whole_names(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.outline.tree
    stages = [s.name for s in window.document.journey.stages()]
    metrics = tree.fontMetrics()
    longest = max(metrics.horizontalAdvance(name) for name in stages)
    top = tree.topLevelItem(0)
    assert top is not None
    # the stage's text starts after the branch indicator; it must fit in the name column
    text_left = tree.visualItemRect(top).left()
    assert tree.columnWidth(0) - text_left >= longest + 8
    assert tree.columnWidth(0) >= 150
    assert tree.columnWidth(1) >= tree.sizeHintForColumn(1)  # the channels are not cut


def test_the_inspector_shows_the_start_of_the_title(window: MainWindow) -> None:
    field: QLineEdit = window.inspector.map_title
    title = window.document.journey.title
    assert len(title) > TITLE_CHARS  # the example's title is long enough to test this
    assert field.isVisible() and field.text() == title
    assert field.cursorPosition() == 0  # shows "Trailhead...", not the tail
    margins = field.textMargins()
    room = field.contentsRect().width() - margins.left() - margins.right() - 8
    assert field.fontMetrics().horizontalAdvance(title[:TITLE_CHARS]) <= room


def test_the_pain_points_panel_leaves_the_height_to_the_map(window: MainWindow) -> None:
    dock = window.painpoint_dock
    assert dock.isVisible()
    assert dock.height() <= 0.30 * window.height()
    assert dock.height() >= 0.15 * window.height()  # still shows rows, not just a title


def test_f1_shows_every_menu_and_shortcut_whole(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    table = dialog.table
    for column in (0, 2):  # the menu and the keys are never cut
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    assert table.horizontalHeader().length() <= table.viewport().width()  # nothing off the side
    assert table.horizontalScrollBar().maximum() == 0
    dialog.reject()


def test_a_saved_layout_wins_over_the_defaults(qtbot: QtBot, errors: list[str]) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # inside the offscreen screen, so the geometry comes back as is
    default = first.inspector.width()
    first.resizeDocks([first.inspector], [default - 60], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: first.inspector.width() < default - 40)
    chosen = first.inspector.width()
    assert first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert abs(second.inspector.width() - chosen) <= 2  # not put back to the default width
    second.close()
