"""The window paints flows through one layer item: what the user sees must follow edits and
selection as it did when every arrow painted itself, and exports must still draw the arrows."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem
from screen import on_screen, shown

from cjo_desktop.canvas.export import png_bytes, scene_for
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style


def _journey() -> Journey:
    journey = Journey("Layer")
    stage = journey.add_stage("Look").id
    a = journey.add_touchpoint(stage, "Advert", channel="web").id
    b = journey.add_touchpoint(stage, "Shop", channel="web").id
    journey.add_flow(a, b, count=120)
    return journey


def _colour_along(view: JourneyView, scene: JourneyScene, colour: str) -> int:
    """How many pixels of ``colour`` lie on the flow's route as the screen shows it: what Qt
    repainted of the window after the change, not a fresh rendering of the whole view."""
    image = on_screen(view)
    item = next(iter(scene.flows.values()))
    path = item.path
    want = QColor(colour)
    hits = 0
    for i in range(1, 40):
        p = view.viewport().mapTo(view.window(), view.mapFromScene(path.pointAtPercent(i / 40)))
        if image.rect().contains(p) and QColor(image.pixel(p)) == want:
            hits += 1
    return hits


def test_flows_are_drawn_by_the_layer_in_the_window(qtbot: object) -> None:
    scene, view = shown(qtbot, _journey(), 1.0)
    item = next(iter(scene.flows.values()))
    assert item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    view.centerOn(item.path.pointAtPercent(0.5))
    assert _colour_along(view, scene, style.FLOW) > 5


def test_a_selected_flow_shows_selected_and_unselected_again(qtbot: object) -> None:
    scene, view = shown(qtbot, _journey(), 1.0)
    item = next(iter(scene.flows.values()))
    view.centerOn(item.path.pointAtPercent(0.5))
    assert _colour_along(view, scene, style.SELECTION) == 0
    scene.select_ids([item.flow_key])
    assert _colour_along(view, scene, style.SELECTION) > 5
    scene.clearSelection()
    assert _colour_along(view, scene, style.SELECTION) == 0
    assert _colour_along(view, scene, style.FLOW) > 5


def test_a_removed_flow_disappears_from_the_window(qtbot: object) -> None:
    journey = _journey()
    scene, view = shown(qtbot, journey, 1.0)
    item = next(iter(scene.flows.values()))
    view.centerOn(item.path.pointAtPercent(0.5))
    assert _colour_along(view, scene, style.FLOW) > 5
    flow = journey.flows()[0]
    journey.remove_flow(flow.source, flow.target)
    scene.flush()
    image = on_screen(view)
    want = QColor(style.FLOW)
    to_window = view.viewport().mapTo
    on_route = [
        to_window(view.window(), view.mapFromScene(item.path.pointAtPercent(i / 40)))
        for i in range(1, 40)
    ]
    assert not [p for p in on_route if QColor(image.pixel(p)) == want]


def test_an_export_still_draws_the_flows_itself() -> None:
    journey = _journey()
    scene = scene_for(journey)
    item = next(iter(scene.flows.values()))
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    image = QImage.fromData(png_bytes(scene, 1.0))
    origin = scene.sceneRect().topLeft()
    want = QColor(style.FLOW)
    hits = 0
    for i in range(1, 40):
        p = item.path.pointAtPercent(i / 40) - origin
        if QColor(image.pixel(int(p.x()), int(p.y()))) == want:
            hits += 1
    assert hits > 5
    assert QPointF(0, 0) == origin
