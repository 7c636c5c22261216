"""View > Metrics: which snapshot the cards show, and which metric colours them.

Built afresh each time it opens, from the snapshots and metrics of the map at that moment.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.domain.metrics import metric_name


class MetricsMenu(QMenu):
    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__("&Metrics", parent)
        self.scene = scene
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        journey = self.scene.journey
        snapshots = journey.metric_snapshots() if journey else []
        if not snapshots:
            empty = self.addAction("No metrics yet: import some with File > Import Metrics")
            empty.setEnabled(False)
            empty.setProperty("placeholder", True)
            return
        shown = self.scene.shown_snapshot()
        self.addSection("Snapshot")
        group = QActionGroup(self)
        for snap in snapshots:
            action = self._radio(group, snap.label, shown is not None and snap.label == shown.label)
            action.setStatusTip(f"{snap.provenance.source}: {snap.provenance.method}")
            action.triggered.connect(lambda _=False, label=snap.label: self._show(snapshot=label))
        self.addSection("Colour cards by")
        colours = QActionGroup(self)
        none = self._radio(colours, "None", self.scene.colour_metric is None)
        none.triggered.connect(lambda _=False: self._show(colour=None))
        for metric in shown.metric_names() if shown else []:
            action = self._radio(
                colours, metric_name(metric).label, metric == self.scene.colour_metric
            )
            action.triggered.connect(lambda _=False, m=metric: self._show(colour=m))

    def _radio(self, group: QActionGroup, text: str, checked: bool) -> QAction:
        action = self.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        group.addAction(action)
        return action

    def _show(self, snapshot: str | None = None, colour: str | bool | None = False) -> None:
        scene = self.scene
        label = snapshot if snapshot is not None else scene.metric_snapshot
        metric = scene.colour_metric if colour is False else colour
        scene.set_metric_view(
            label, scene.badge_metric, metric if isinstance(metric, str) else None
        )
