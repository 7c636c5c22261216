"""View > Colour Cards by Evidence: a checkable action kept in step with the scene (choosing
a metric to colour by switches it off, since a card has one fill)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from cjo_desktop.canvas.scene import JourneyScene


def evidence_view_action(scene: JourneyScene, parent: QWidget) -> QAction:
    action = QAction("Colour Cards by E&vidence", parent)
    action.setObjectName("evidence_view")
    action.setCheckable(True)
    action.setStatusTip(
        "Colour every card by what backs it: observed, assumed, proposed or not stated"
    )
    action.setChecked(scene.evidence_view())
    action.toggled.connect(scene.set_evidence_view)
    scene.evidenceViewChanged.connect(action.setChecked)
    return action
