"""Cards keep their title's line breaks, their hit shape and a bitmap of themselves between
paints: after an edit the window must show the card as a card made afresh would look."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey

LONG = "Compare delivery options and prices"


def _journey(name: str, valence: int) -> Journey:
    journey = Journey("Cards")
    stage = journey.add_stage("Look").id
    tp = journey.add_touchpoint(stage, name, channel="web", id="tp1")
    journey.add_touchpoint(stage, "Other", channel="email", id="tp2")
    journey.add_emotion(tp.id, valence)
    return journey


def _shown(qtbot: object, scene: JourneyScene, zoom: float) -> tuple[JourneyView, QImage]:
    view = JourneyView(scene)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(900, 600)
    view.show()
    view.set_zoom(zoom)
    view.centerOn(scene.cards["tp1"].sceneBoundingRect().center())
    return view, _card_on_screen(view, scene)


def _card_on_screen(view: JourneyView, scene: JourneyScene) -> QImage:
    """The card's pixels as the screen shows them (what Qt repainted, not a fresh render)."""
    for _ in range(3):
        QApplication.processEvents()
    window = view.window()
    image = window.screen().grabWindow(window.winId()).toImage()
    box = view.mapFromScene(scene.cards["tp1"].sceneBoundingRect()).boundingRect()
    corner = view.viewport().mapTo(window, box.topLeft())
    return image.copy(QRect(corner, box.size()))


def _fresh(qtbot: object, journey: Journey, zoom: float, selected: bool = False) -> QImage:
    scene = JourneyScene()
    scene.set_journey(journey)
    if selected:
        scene.select_ids(["tp1"])
    return _shown(qtbot, scene, zoom)[1]


def test_a_renamed_card_shows_its_new_title(qtbot: object) -> None:
    for zoom in (1.0, 0.3):  # the full drawing and, far out, the simple one
        journey = _journey("Advert", 1)
        scene = JourneyScene()
        scene.set_journey(journey)
        view, before = _shown(qtbot, scene, zoom)
        journey.rename("tp1", LONG)
        scene.flush()
        after = _card_on_screen(view, scene)
        assert after != before
        assert after == _fresh(qtbot, _journey(LONG, 1), zoom)


def test_a_new_feeling_keeps_the_title_and_shows_the_feeling(qtbot: object) -> None:
    journey = _journey(LONG, 1)
    scene = JourneyScene()
    scene.set_journey(journey)
    view, before = _shown(qtbot, scene, 1.0)
    emotion = next(e for e in journey.emotions() if e.touchpoint_id == "tp1")
    journey.remove_emotion(emotion.id)
    journey.add_emotion("tp1", -2)
    scene.flush()
    after = _card_on_screen(view, scene)
    assert after != before
    assert after == _fresh(qtbot, _journey(LONG, -2), 1.0)


def test_a_selected_card_shows_selected(qtbot: object) -> None:
    for zoom in (1.0, 0.3):
        scene = JourneyScene()
        scene.set_journey(_journey("Advert", 1))
        view, before = _shown(qtbot, scene, zoom)
        scene.select_ids(["tp1"])
        after = _card_on_screen(view, scene)
        assert after != before
        assert after == _fresh(qtbot, _journey("Advert", 1), zoom, selected=True)


def test_cards_of_one_size_are_hit_on_their_body_and_handle_only() -> None:
    scene = JourneyScene()
    scene.set_journey(_journey("Advert", 1))
    for card in scene.cards.values():
        rect = card.rect()
        assert card.contains(QPointF(20, 20))
        assert card.is_on_handle(card.handle_center())
        assert card.contains(card.handle_center() + QPointF(8, 0))  # the handle sticks out
        assert not card.contains(QPointF(rect.right() - 1, rect.top() + 1))  # badge room
