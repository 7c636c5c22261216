"""Map > Add Service Blueprint Lanes: turn the open map into a service blueprint in one step.

The lanes a blueprint has and the map lacks (customer actions, frontstage, backstage, support
processes, and any of the standard lanes removed) go in at their places, hidden ones among the
blueprint's show again, and the map draws its lines of interaction, visibility and internal
interaction. One undo step; nothing to do is said in the status bar, not pushed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from cjo_desktop.app.map_menu import map_menu
from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.commands import ApplyBlueprintPreset
from cjo_desktop.editor.document import Document


class BlueprintActions(QObject):
    """``add_lanes`` applies the preset; ``message`` carries status-bar text."""

    message = Signal(str)

    def __init__(self, window: QMainWindow, document: Document) -> None:
        super().__init__(window)
        self._document = document
        self.add_lanes = make_action(
            window,
            "Add Service &Blueprint Lanes",
            "Add the lanes of a service blueprint the map lacks (customer actions, frontstage, "
            "backstage, support processes) and draw its three lines",
        )
        self.add_lanes.triggered.connect(self.apply)

    def apply(self) -> None:
        command = ApplyBlueprintPreset(self._document.journey)
        if command.isObsolete():
            self.message.emit("The map has every lane of a service blueprint already")
            return
        self._document.push(command)
        added = [lane.name for lane, _ in command.plan.add]
        shown = len(command.plan.show)
        words = [f"added {', '.join(added)}"] if added else []
        words += [f"showed {shown} hidden lane{'s' if shown > 1 else ''}"] if shown else []
        self.message.emit(f"Service blueprint: {' and '.join(words)} (Undo takes it back)")


def build_blueprint_menu(window: QMainWindow, actions: BlueprintActions) -> QAction:
    """Map > Add Service Blueprint Lanes; returns the action."""
    menu = map_menu(window)
    menu.addAction(actions.add_lanes)
    return actions.add_lanes
