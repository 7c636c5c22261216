"""On screen, level and upright runs are filled as bars and counts are drawn from laid-out
text: the arrow must still follow its whole route and the count must still be readable."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from screen import on_screen, shown

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style


def _map() -> tuple[Journey, tuple[str, str]]:
    """Two cards in different lanes, so the route has level and upright runs."""
    journey = Journey("Bars")
    stage = journey.add_stage("Look").id
    a = journey.add_touchpoint(stage, "Advert", channel="social").id
    b = journey.add_touchpoint(stage, "Shop", channel="web").id
    journey.add_flow(a, b, count=4800)
    return journey, (a, b)


def _screen(qtbot: object) -> tuple[JourneyScene, JourneyView, QImage]:
    journey, _ = _map()
    scene, view = shown(qtbot, journey, 1.0, (900, 700))
    item = next(iter(scene.flows.values()))
    view.centerOn(item.path.pointAtPercent(0.5))
    return scene, view, on_screen(view)


def test_the_whole_route_is_drawn_in_the_flow_colour(qtbot: object) -> None:
    scene, view, image = _screen(qtbot)
    item = next(iter(scene.flows.values()))
    bars = item.bars()
    assert bars is not None and len(bars) >= 2  # a level and an upright run at least
    want, hits, tried = QColor(style.FLOW), 0, 0
    for i in range(2, 39):
        point = item.path.pointAtPercent(i / 40)
        if item.label_rect.adjusted(-2, -2, 2, 2).contains(point):
            continue  # the count's backing sits on the line there
        p = view.viewport().mapTo(view.window(), view.mapFromScene(point))
        tried += 1
        hits += QColor(image.pixel(p)) == want
    assert tried >= 25 and hits == tried


def test_the_count_is_drawn_inside_its_box(qtbot: object) -> None:
    scene, view, image = _screen(qtbot)
    item = next(iter(scene.flows.values()))
    box = view.mapFromScene(item.label_rect).boundingRect()
    corner = view.viewport().mapTo(view.window(), box.topLeft())
    area = QRectF(corner.x() + 2, corner.y() + 2, box.width() - 4, box.height() - 4)
    ink = sum(
        QColor(image.pixel(x, y)).lightness() < 120
        for x in range(int(area.left()), int(area.right()))
        for y in range(int(area.top()), int(area.bottom()))
    )
    assert ink >= 20  # "4 800" in bold 12 px: dozens of dark pixels
