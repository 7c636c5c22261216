"""The lane labels pinned to the window's left edge hide what scrolls under them.

A half-transparent label column let a card show through it, so the lane names sat on top of
a card's stripe and title. The pinned column is opaque, in the lane's band colour.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from cjo_desktop.canvas import sticky
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[JourneyView]:
    journey = Journey("Scrolled")
    for n in range(6):
        stage = journey.add_stage(f"Stage {n + 1}").id
        journey.add_touchpoint(stage, f"Card {n + 1}", id=f"c{n}", channel="web")
    scene = JourneyScene()
    scene.set_journey(journey)
    v = JourneyView(scene)
    qtbot.addWidget(v)
    v.resize(700, 450)
    v.show()
    qtbot.waitExposed(v)
    v.set_zoom(1.0)
    yield v
    scene.set_journey(None)


def grab(view: JourneyView) -> QImage:
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_card_scrolled_under_the_lane_labels_does_not_show_through(
    view: JourneyView, qtbot: QtBot
) -> None:
    scene = view.scene()
    assert isinstance(scene, JourneyScene) and scene.layout is not None
    card = scene.cards["c3"]
    # Scroll so that the card starts 20 px right of the window's left edge: under the labels.
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + view.mapFromScene(card.scenePos()).x() - 20)
    view.centerOn(view.mapToScene(view.viewport().rect().center()).x(), card.scenePos().y())
    qtbot.wait(10)
    left = view.mapFromScene(card.scenePos())
    assert 0 <= left.x() < 40, "the card must lie under the pinned label column"
    assert sticky.needed(scene.layout, view.mapToScene(view.viewport().rect()).boundingRect())[1]
    on_card = QRect(left, view.mapFromScene(card.sceneBoundingRect().bottomRight()))
    column = on_card.intersected(QRect(0, 0, sticky.LABEL_PX - 2, view.viewport().height()))
    right_part = on_card.intersected(QRect(sticky.LABEL_PX + 4, 0, 10_000, 10_000))
    assert column.width() > 60 and right_part.width() > 20

    with_card = grab(view)
    card.setVisible(False)
    qtbot.wait(10)
    without_card = grab(view)

    def pixels(image: QImage, box: QRect) -> list[int]:
        return [
            image.pixel(QPoint(x, y))
            for x in range(box.left(), box.right() + 1)
            for y in range(box.top(), box.bottom() + 1)
        ]

    # The control: right of the column the card is drawn (so it really lies there)...
    assert pixels(with_card, right_part) != pixels(without_card, right_part)
    # ...and under the column not one pixel of it shows.
    assert pixels(with_card, column) == pixels(without_card, column)
    # The column is the lane's band colour wherever the lane's name is not written.
    lane = next(i for i, ln in enumerate(scene.layout.lanes) if ln.y <= card.y() < ln.y + ln.height)
    band = QColor(style.LANE_FILL[lane % 2]).rgb()
    shown = pixels(with_card, column)
    assert shown.count(band) / len(shown) > 0.8
