"""The base of the docks beside the canvas (inspector, outline, metrics, pain points).

Each follows the open map the same way: one edit, a macro of a thousand edits or a pasted
block arrive as many journey changes, and the dock redraws once, on the next turn of the
event loop, through one single-shot timer. A dock names itself (``TITLE``, ``NAME``), builds
its widget in ``_build`` and says what ``refresh`` draws and which changes concern it.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Change
from cjo_desktop.editor.document import Document


class MapDock(QDockWidget):
    """A dock showing ``document``, in step with the canvas's ``scene`` and ``view``."""

    #: The title bar's text, and the name the window state saves the dock's place under.
    TITLE: ClassVar[str]
    NAME: ClassVar[str]

    def __init__(
        self,
        document: Document,
        scene: JourneyScene,
        view: JourneyView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.TITLE, parent)
        self.setObjectName(self.NAME)
        self._document, self._scene, self._view = document, scene, view
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self.setWidget(self._build())
        document.journeyReplaced.connect(self._on_journey_replaced)
        document.journeyChanged.connect(self._on_change)
        self._first_refresh()

    def _build(self) -> QWidget:
        """The dock's widget, with its connections to the scene; each dock builds its own."""
        raise NotImplementedError

    def _first_refresh(self) -> None:
        """Show the map for the first time."""
        self.refresh()

    def refresh_soon(self) -> None:
        """Coalesce: a macro of many edits refreshes the dock once."""
        self._timer.start()

    def refresh(self) -> None:
        """Draw the dock from the document; each dock says how."""
        raise NotImplementedError

    def _on_change(self, change: Change) -> None:
        """A change to the journey; a dock that shows only some kinds filters them here."""
        self.refresh_soon()

    def _on_journey_replaced(self) -> None:
        """Another map was opened, or the file was reloaded."""
        self.refresh_soon()
