"""The emotion curve keeps its pieces between paints; after an edit the window must show the
new curve, also far along a long map where a later piece of the curve is drawn."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from screen import on_screen, shown

from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style


def _journey(n: int) -> tuple[Journey, list[str]]:
    journey = Journey("Curve")
    stage = journey.add_stage("All").id
    ids = []
    for i in range(n):
        tp = journey.add_touchpoint(stage, f"Step {i}", channel="web")
        journey.add_emotion(tp.id, 2 if i % 2 else -2)
        ids.append(tp.id)
    return journey, ids


def _is_ink(view: JourneyView, image: QImage, at: QPointF) -> bool:
    """Is the curve's dark line drawn through ``at`` (a pixel within one of it)?"""
    p = view.viewport().mapTo(view.window(), view.mapFromScene(at))
    ink = QColor(style.INK).lightness()
    return any(
        QColor(image.pixel(p.x() + dx, p.y() + dy)).lightness() < ink + 40
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
    )


def test_a_changed_feeling_far_along_the_map_redraws_the_curve(qtbot: object) -> None:
    journey, ids = _journey(150)
    scene, view = shown(qtbot, journey, 1.0)

    def midpoint(i: int) -> QPointF:
        a, b = scene.layout.curve[i], scene.layout.curve[i + 1]  # type: ignore[union-attr]
        return QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)

    i = 130  # in the third cached piece of the curve
    view.centerOn(midpoint(i))
    before = midpoint(i)
    assert _is_ink(view, on_screen(view), before)

    emotion = next(e for e in journey.emotions() if e.touchpoint_id == ids[i + 1])
    journey.remove_emotion(emotion.id)
    journey.add_emotion(ids[i + 1], -2)  # both ends of the stretch now at -2: a flat line
    scene.flush()
    after = midpoint(i)
    assert abs(after.y() - before.y()) > 20
    image = on_screen(view)
    assert _is_ink(view, image, after)
    assert not _is_ink(view, image, before)
