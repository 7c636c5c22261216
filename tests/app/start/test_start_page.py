"""The start page, driven as a user would: a template, a recent map, the example, the keys."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel
from pytestqt.qtbot import QtBot

from cjo_desktop import palette
from cjo_desktop.app.shell import application, file_ops
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.app.start.switch import StartSwitch, show_start_page
from cjo_desktop.app.start.tiles import NAME_ROLE, PREVIEW, PREVIEW_ROLE, SUMMARY_ROLE
from cjo_desktop.io import dumps_map, load_map, save_map
from cjo_desktop.io.templates import example_path, new_from_template, templates

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def start(qtbot: QtBot, errors: list[str]) -> Iterator[StartSwitch]:
    """A window as ``cjo-desktop`` without a file shows it, previews drawn."""
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    switch = show_start_page(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    loader = switch.page.load_previews()
    qtbot.waitUntil(lambda: loader.pending == 0)
    yield switch


def paper_share(image: QImage) -> float:
    """The share of sampled pixels that are plain paper: a blank preview is all paper."""
    paper = QColor(palette.PAPER).rgb()
    samples = [
        image.pixel(x, y) == paper
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    ]
    return sum(samples) / len(samples)


def tiles(switch: StartSwitch) -> list[tuple[str, str, str, QImage]]:
    grid = switch.page.templates
    items = [grid.item(row) for row in range(grid.count())]
    return [
        (i.data(NAME_ROLE), i.text(), i.data(SUMMARY_ROLE), i.data(PREVIEW_ROLE))
        for i in items
        if i is not None
    ]


def shows_map(switch: StartSwitch) -> bool:
    return not switch.active and switch.window.view.isVisible()


def test_every_template_is_shown_with_its_title_description_and_a_drawn_preview(
    start: StartSwitch,
) -> None:
    shown = tiles(start)
    assert sorted(name for name, *_ in shown) == sorted(t.name for t in templates())
    assert shown[0][0] == "blank"  # the blank map leads, as in a New dialog
    assert "b2b-onboarding" in [name for name, *_ in shown]
    by_name = {t.name: t for t in templates()}
    for name, title, summary, preview in shown:
        assert title == load_map(by_name[name].path).title
        assert summary == by_name[name].summary
        assert isinstance(preview, QImage) and not preview.isNull(), name
        assert preview.size() == PREVIEW * preview.devicePixelRatio()
        assert paper_share(preview) < 0.97, f"the {name} preview is (nearly) blank"
    # Drawn from each file: a map with six stages and sixteen cards inks more than an empty one.
    ink = {name: 1 - paper_share(preview) for name, _t, _s, preview in shown}
    assert ink["b2b-onboarding"] > 2 * ink["blank"]
    assert len({bytes(p.constBits()) for *_, p in shown}) == len(shown)  # five pictures


def test_a_template_opens_as_a_new_untitled_map_and_the_panels_come_back(
    start: StartSwitch, qtbot: QtBot
) -> None:
    window = start.window
    assert start.active and not window.outline.isVisible() and not window.toolbar.isVisible()
    assert not window.zoom_label.isVisible()
    acts = window.acts
    file_out = (acts.save, acts.save_as, acts.export, acts.export_report)
    assert not any(a.isEnabled() for a in file_out)  # nothing to save or export behind the page
    # Qt may leave a spare tab bar of the tabbed panels up behind the page (seen at 0, 454):
    # stand a bright widget there, under the page as the tab bar was, and look at the margin.
    behind = QLabel("Pain points", window)
    behind.setAutoFillBackground(True)
    behind.setStyleSheet(f"background: {palette.SELECTION}")
    behind.setGeometry(0, 454, 640, 26)
    behind.show()
    start.stack.raise_()
    picture = window.grab().toImage()
    assert picture.pixel(4, 466) == start.page.palette().color(QPalette.ColorRole.Window).rgb()
    behind.deleteLater()
    grid = start.page.templates
    row = [name for name, *_ in tiles(start)].index("b2b-onboarding")
    grid.setCurrentRow(row)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert shows_map(start)
    assert window.document.path is None and not window.document.is_modified
    assert dumps_map(window.document.journey) == dumps_map(new_from_template("b2b-onboarding"))
    assert "B2B onboarding" in window.windowTitle()
    for dock in (window.outline, window.inspector, window.painpoint_dock):
        assert dock.isVisible(), dock.windowTitle()
    assert window.toolbar.isVisible() and window.zoom_label.isVisible() and window.view.hasFocus()
    assert all(a.isEnabled() for a in file_out)


def test_recent_maps_open_and_a_missing_one_is_shown_missing_and_can_be_removed(
    qtbot: QtBot, tmp_path: Path, errors: list[str]
) -> None:
    kept, gone = tmp_path / "kept.cjo.json", tmp_path / "gone.cjo.json"
    for path in (gone, kept):
        save_map(new_from_template("saas", f"Map {path.name.split('.')[0]}"), path)
    window = MainWindow()
    qtbot.addWidget(window)
    for path in (gone, kept):
        window.files.add_recent(path)
    gone.unlink()
    switch = show_start_page(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # Delete is a shortcut: it needs the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = switch.page
    assert page.recent_paths() == [(kept, False), (gone, True)]
    assert "missing" in page.recent.item(1).text() and "missing" not in page.recent.item(0).text()
    page.recent.setFocus()
    page.recent.setCurrentRow(1)
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)  # a missing map: said on the page, no dialog
    assert switch.active and errors == [] and "gone.cjo.json is missing" in page.note.text()
    qtbot.keyClick(page.recent, Qt.Key.Key_Delete)
    assert window.files.recent_files() == [kept] and page.recent_paths() == [(kept, False)]
    page.recent.setCurrentRow(0)
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert shows_map(switch) and window.document.path == kept
    assert window.document.journey.title == "Map kept"


def test_the_remove_button_forgets_the_chosen_recent_map(qtbot: QtBot, tmp_path: Path) -> None:
    paths = [tmp_path / f"m{i}.cjo.json" for i in range(3)]
    window = MainWindow()
    qtbot.addWidget(window)
    for path in paths:
        save_map(new_from_template("blank"), path)
        window.files.add_recent(path)
    switch = show_start_page(window)
    switch.page.recent.setCurrentRow(1)  # newest first: m1
    switch.page.remove.click()
    assert window.files.recent_files() == [paths[2], paths[0]]
    assert switch.active and paths[1].exists()  # the file itself stays


def test_open_the_example_opens_an_untitled_copy(start: StartSwitch) -> None:
    start.page.example.click()
    window = start.window
    assert shows_map(start) and window.document.path is None
    assert dumps_map(window.document.journey) == dumps_map(load_map(example_path()))
    assert window.files.recent_files() == []  # the bundled copy stays out of the list


def test_arrows_choose_a_template_and_enter_opens_it(start: StartSwitch, qtbot: QtBot) -> None:
    grid = start.page.templates
    assert grid.hasFocus() and grid.currentRow() == 0
    names = [name for name, *_ in tiles(start)]
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.currentRow() == 1
    top = grid.visualItemRect(grid.item(0)).y()
    per_row = sum(
        1 for row in range(grid.count()) if grid.visualItemRect(grid.item(row)).y() == top
    )
    assert 2 <= per_row < len(names) - 1, "the tiles wrap into rows at the default window size"
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    below = 1 + per_row
    assert grid.currentRow() == below
    qtbot.keyClick(grid, Qt.Key.Key_Enter)
    assert shows_map(start)
    chosen = new_from_template(names[below])
    assert dumps_map(start.window.document.journey) == dumps_map(chosen)


def test_tab_reaches_the_recent_maps_and_the_buttons(start: StartSwitch, qtbot: QtBot) -> None:
    page = start.page
    order = [page.templates]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # no recent maps: the list takes focus, the Remove button is off and is passed over
    assert order == [page.templates, page.recent, page.example, page.open]


def test_escape_starts_a_blank_map(start: StartSwitch, qtbot: QtBot) -> None:
    qtbot.keyClick(start.page.templates, Qt.Key.Key_Escape)
    assert shows_map(start)
    assert dumps_map(start.window.document.journey) == dumps_map(new_from_template("blank"))


def test_ctrl_o_still_opens_a_map(
    start: StartSwitch, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "chosen.cjo.json"
    save_map(new_from_template("car-purchase", "Chosen"), path)
    monkeypatch.setattr(file_ops, "ask_open_path", lambda *_: path)
    qtbot.keyClick(start.page.templates, Qt.Key.Key_O, CTRL)
    assert shows_map(start) and start.window.document.path == path


def test_an_edit_from_the_menus_shows_the_map_it_went_to(start: StartSwitch) -> None:
    window = start.window
    before = len(window.document.journey.stages())
    window.acts.add_stage.trigger()
    assert shows_map(start) and len(window.document.journey.stages()) == before + 1


def test_closing_on_the_start_page_keeps_the_panels_for_next_time(
    qtbot: QtBot, start: StartSwitch
) -> None:
    assert start.window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    shown = [d.objectName() for d in again.findChildren(QDockWidget) if d.isVisible()]
    assert {"outline", "inspector", "painpoints"} <= set(shown)
    assert again.toolbar.isVisible()


@pytest.mark.parametrize(
    ("argv", "on_start_page", "path"), [([], True, None), (["--example"], False, None)]
)
def test_the_command_line_without_a_file_shows_the_start_page(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
    argv: list[str],
    on_start_page: bool,
    path: Path | None,
) -> None:
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)
    monkeypatch.setattr(sys, "argv", ["cjo-desktop"])
    assert application.main(argv) == 0
    window = shown[0]
    qtbot.addWidget(window)
    switch = window.findChild(StartSwitch)
    assert (switch is not None and switch.active) == on_start_page
    assert window.document.path == path
    if not on_start_page:
        assert dumps_map(window.document.journey) == dumps_map(load_map(example_path()))
