"""Map > Link Card to Touchpoint (Ctrl+K): with free cards and touchpoints selected, each card
supports each touchpoint from then on, one undo step; the map draws the links.

The Map menu is made here when the window has none yet, before Help (other features of the
map's shape add to the same menu).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from cjo_desktop.app.map_menu import map_menu
from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.editor.controller import EditorController


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
