"""The window's Map menu, which several features fill (lanes, the blueprint, free cards):
whichever is wired first makes it, the others find it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

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
