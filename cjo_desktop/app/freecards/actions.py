"""Map > Link Card to Touchpoint (Ctrl+K): with free cards and touchpoints selected, each card
supports each touchpoint from then on, one undo step; the map draws the links.

The Map menu is made here when the window has none yet, before Help (other features of the
map's shape add to the same menu).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.editor.controller import EditorController

MAP_MENU = "&Map"


def map_menu(window: QMainWindow) -> QMenu:
    """The window's Map menu, made before Help when it has none yet."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == MAP_MENU:
            return menu
    menu = QMenu(MAP_MENU, window)
    menu.menuAction().setStatusTip("Lanes and the shape of the map")
    help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
    if help_menu is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(help_menu, menu)
    return menu


def link_action(window: QMainWindow, controller: EditorController) -> QAction:
    """Map > Link Card to Touchpoint. Always enabled: with the wrong selection the status bar
    says what to select, which a greyed-out item cannot."""
    action = make_action(
        window,
        "&Link Card to Touchpoint",
        "The selected free cards support the selected touchpoints: the map draws the links",
        "Ctrl+K",
    )
    action.setObjectName("link_free_card")
    action.triggered.connect(lambda _=False: controller.free.link_selection())
    menu = map_menu(window)
    if menu.actions():
        menu.addSeparator()
    menu.addAction(action)
    return action
