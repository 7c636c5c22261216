"""What the window really shows, for canvas tests: a map in a shown view at a zoom, and the
window as the screen holds it (what Qt repainted, not a fresh rendering of the scene)."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey


def shown(
    qtbot: object, journey: Journey, zoom: float, size: tuple[int, int] = (900, 600)
) -> tuple[JourneyScene, JourneyView]:
    scene = JourneyScene()
    scene.set_journey(journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(*size)
    view.show()
    view.set_zoom(zoom)
    return scene, view


def on_screen(view: JourneyView) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    window = view.window()
    return window.screen().grabWindow(window.winId()).toImage()
