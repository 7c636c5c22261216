"""Keyboard and screen-reader reach: every command has keys or a mnemonic path, a name and a
tip; every control in the window's docks and bars has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter in a menu), if any."""
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if 0 <= i < len(text) - 1 else None


def walk(menu: QMenu, path: list[str], out: list[tuple[list[str], QAction]]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            walk(sub, [*path, action.text()], out)
        else:
            out.append((path, action))


def menu_actions(window: MainWindow) -> list[tuple[list[str], QAction]]:
    out: list[tuple[list[str], QAction]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        walk(menu, [top.text()], out)
    return out


def test_every_menu_command_has_keys_or_a_mnemonic_path_and_a_name(window: MainWindow) -> None:
    found = menu_actions(window)
    assert len(found) > 40
    problems = []
    for path, action in found:
        name = action.text().replace("&", "").strip()
        if not name:
            problems.append(f"{path}: an action without a name")
            continue
        by_menu = all(mnemonic(p) for p in path) and mnemonic(action.text())
        if action.property("placeholder"):
            continue  # a disabled line that only says why a menu is empty
        if not action.shortcuts() and not by_menu:
            problems.append(f"{' > '.join(path)} > {name}: no shortcut and no mnemonic path")
        if not (action.statusTip() or action.toolTip()):
            problems.append(f"{name}: no status tip for the status bar and screen readers")
    assert not problems, "\n".join(problems)


def test_mnemonics_are_unique_within_each_menu(window: MainWindow) -> None:
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [x for x in letters if x]
        twice = {x for x in letters if letters.count(x) > 1}
        assert not twice, f"menu {menu.title() or 'bar'!r}: Alt+{sorted(twice)} used twice"


def test_no_shortcut_is_bound_twice(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            other = seen.setdefault(text, action.text())
            assert other == action.text(), f"{text} is both {other!r} and {action.text()!r}"


def test_controls_have_accessible_names(window: MainWindow) -> None:
    window.show()
    controls = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit)
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (*controls, QAbstractItemView)) or not widget.isVisible():
            continue
        if isinstance(widget, QHeaderView):
            continue  # a table's header speaks through its table
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox,)):
            continue  # an editable combo's own line edit speaks through the combo
        has_text = isinstance(widget, QAbstractButton) and widget.text().replace("&", "")
        if not (widget.accessibleName() or has_text or widget.toolTip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing, "\n".join(missing)


def test_the_canvas_says_what_is_selected(window: MainWindow) -> None:
    view = window.view
    assert view.accessibleName()
    card = next(iter(window.scene.cards.values()))
    window.scene.clearSelection()
    card.setSelected(True)
    assert card.touchpoint.name in view.accessibleDescription()


def test_the_keyboard_walks_the_cards(window: MainWindow, qtbot: QtBot) -> None:
    view, scene, journey = window.view, window.scene, window.document.journey
    window.show()
    view.setFocus()
    scene.clearSelection()
    order = [t.id for t in journey.touchpoints()]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_touchpoints() == [order[0]]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_touchpoints() == [order[1]]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert scene.selected_touchpoints() == [order[0]]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    (right,) = scene.selected_touchpoints()
    stages = [s.id for s in journey.stages()]
    assert journey.touchpoint(right).stage_id == stages[1]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert journey.touchpoint(scene.selected_touchpoints()[0]).stage_id == stages[0]
    first_stage = [t.id for t in journey.touchpoints(stages[0])]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert scene.selected_touchpoints()[0] in first_stage
    assert "Touchpoint" in view.accessibleDescription()


def test_preferences_and_report_are_in_the_menus(window: MainWindow, qtbot: QtBot) -> None:
    from cjo_desktop.app.shell.preferences_dialog import PreferencesDialog

    window.acts.preferences.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert window.acts.export_report.shortcuts()
