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


def _curve_image(scene: object, widget: object) -> QImage:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    curve = scene._curve  # type: ignore[attr-defined]
    box = curve.boundingRect()
    image = QImage(int(box.width()) + 80, int(box.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-box.left() + 40, -box.top())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = box
    curve.paint(painter, option, widget)
    painter.end()
    return image


def test_the_window_draws_the_curve_as_a_picture_does(qtbot: object) -> None:
    """On screen the curve is drawn as short straight lines (Qt's fast path); the line must
    cover the pixels the curve covers in an export, give or take antialiased edges."""
    journey, _ = _journey(40)
    scene, view = shown(qtbot, journey, 1.0)
    window = _curve_image(scene, view.viewport())
    picture = _curve_image(scene, None)
    assert window != picture  # the two ways really differ

    # An antialiased edge pixel may be a shade lighter or darker (lightness off by up to
    # about 80 of 255); a line or dot drawn elsewhere or missing is off by 150 or more.
    worst = max(
        abs(QColor(window.pixel(x, y)).lightness() - QColor(picture.pixel(x, y)).lightness())
        for y in range(picture.height())
        for x in range(picture.width())
    )
    assert worst <= 100
