"""The canvas view: zoom (Ctrl+wheel, pinch, keys), pan (space-drag, middle button), fit.

Navigation only: the view never edits. Rubber-band selection is Qt's own drag mode.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsScene, QGraphicsView, QPinchGesture, QWidget

from cjo_desktop.canvas import sticky
from cjo_desktop.canvas.flow_item import OUTLINE_LOD
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.drawing import style
from cjo_desktop.drawing.zoom import body_legible

MIN_ZOOM = 0.03
MAX_ZOOM = 4.0
STEP = 1.2
#: Below this zoom card titles are too small to read on a normal screen.
READABLE_ZOOM = 0.7
OUTSIDE = QColor(style.OUTSIDE_PAPER)
PAPER = QColor(style.PAPER)


class JourneyView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Journey map canvas")
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space_down = False
        self._pan_from: QPoint | None = None
        self._sticky_shown = False
        self.zoomChanged.connect(self._zoom_detail)

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return float(self.transform().m11())

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom`` (1.0 = 100%), keeping ``anchor`` (scene point) where it is."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1) < 1e-6:
            return
        if anchor is None:
            self.scale(factor, factor)
        else:
            before = self.mapFromScene(anchor)
            old = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            delta = self.mapToScene(before) - anchor
            self.translate(delta.x(), delta.y())
            self.setTransformationAnchor(old)
        self.zoomChanged.emit(self.zoom)

    def _zoom_detail(self, zoom: float) -> None:
        scene = self.scene()
        if isinstance(scene, JourneyScene):
            scene.set_overview(zoom < OUTLINE_LOD)
            scene.set_far(not body_legible(zoom))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show the whole map."""
        scene = self.scene()
        if scene is None:
            return
        rect = scene.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
        self.zoomChanged.emit(self.zoom)

    def show_start(self) -> None:
        """The opening view: the whole map when it is readable so, else its start (top left)
        at a readable zoom, as a reader starts a journey at its beginning."""
        self.fit()
        if self.zoom >= READABLE_ZOOM:
            return
        self.set_zoom(READABLE_ZOOM)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def center_on_rect(self, rect: QRectF) -> None:
        self.centerOn(rect.center())

    # ------------------------------------------------------------ input events
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * STEP**steps, self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            assert isinstance(event, QGestureEvent)
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(
                    self.zoom * pinch.scaleFactor(),
                    self.mapToScene(self.mapFromGlobal(pinch.centerPoint().toPoint())),
                )
                return True
        if event.type() == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.set_zoom(
                    self.zoom * (1 + event.value()), self.mapToScene(event.position().toPoint())
                )
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space_down = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        """Is a text editor on the canvas taking the keys (rename in place)?"""
        scene = self.scene()
        focus = scene.focusItem() if scene is not None else None
        return bool(
            focus is not None and focus.flags() & focus.GraphicsItemFlag.ItemAcceptsInputMethod
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _visible(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        scene = self.scene()
        if isinstance(scene, JourneyScene) and scene.layout and scene.journey:
            sticky.paint(painter, scene.layout, scene.journey, self._visible(), self.zoom)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolling moves pixels by blitting; the sticky strips must be drawn afresh."""
        super().scrollContentsBy(dx, dy)
        scene = self.scene()
        if isinstance(scene, JourneyScene) and scene.layout is not None:
            if any(sticky.needed(scene.layout, self._visible())) or self._sticky_shown:
                self.viewport().update()
            self._sticky_shown = any(sticky.needed(scene.layout, self._visible()))

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        exposed = QRectF(rect)  # Qt passes a QRectF; the stubs allow a QRect too
        painter.fillRect(exposed, OUTSIDE)
        scene = self.scene()
        if scene is not None:
            painter.fillRect(scene.sceneRect().intersected(exposed), PAPER)
