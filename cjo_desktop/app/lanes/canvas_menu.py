"""A right-click on a lane's title on the map (left of the stage columns) opens the lane's
menu: rename, hide, collapse, move up or down, delete, add a lane below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent

from cjo_desktop.app.lanes.actions import LaneActions
from cjo_desktop.canvas.scene import JourneyScene


class LaneTitleMenu(QObject):
    """Watches the scene's context-menu events; other places keep theirs."""

    def __init__(self, scene: JourneyScene, actions: LaneActions) -> None:
        super().__init__(scene)
        self._scene, self._actions = scene, actions
        scene.installEventFilter(self)

    def lane_at(self, x: float, y: float) -> str | None:
        """The id of the lane whose title is at the scene point, if any."""
        self._scene.flush()  # an edit a moment ago may not be laid out yet
        layout = self._scene.layout
        if layout is None or x >= layout.grid_left:
            return None
        row = layout.lane_at(y)
        return row.lane_id if row is not None and row.lane_id else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QGraphicsSceneContextMenuEvent):
            return False
        pos = event.scenePos()
        lane_id = self.lane_at(pos.x(), pos.y())
        if lane_id is None:
            return False
        self._actions.show_lane_menu(lane_id, event.screenPos(), on_canvas=True)
        return True
