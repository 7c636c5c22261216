"""Cards keep their title's line breaks, their hit shape and a bitmap of themselves between
paints: after an edit the window must show the card as a card made afresh would look."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.painpoint_view import CardMark

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


def _painted(card: TouchpointCard, zoom: float) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(zoom, zoom)
    painter.translate(30.3, 40.6)  # off the pixel grid, as cards usually are
    card.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_the_window_draws_the_same_pain_outline_as_a_picture_export() -> None:
    """On screen the outline's dashes are a shape made once per size; exports stroke it."""
    journey = _journey("Advert", 1)
    for severity in ("high", "medium", "low"):
        on_screen = TouchpointCard(journey.touchpoint("tp1"), 170, 92)
        exported = TouchpointCard(journey.touchpoint("tp1"), 170, 92)
        exported.set_for_export()
        for card in (on_screen, exported):
            card.set_pain(CardMark(severity, rank=1))  # type: ignore[arg-type]
        assert _painted(on_screen, 1.0) == _painted(exported, 1.0), severity
        assert _painted(on_screen, 2.0) == _painted(exported, 2.0), severity
        plain = TouchpointCard(journey.touchpoint("tp1"), 170, 92)
        assert _painted(on_screen, 1.0) != _painted(plain, 1.0)


def test_a_card_replayed_from_its_recording_looks_as_drawn() -> None:
    """The window records a card's drawing when it paints it a second time and replays it
    after: the replay must be the drawing, pixel for pixel, at 100% and magnified."""
    journey = _journey(LONG, -1)
    card = TouchpointCard(journey.touchpoint("tp1"), 170, 92)
    card.set_pain(CardMark("high", rank=2))
    card.set_metric("NPS -12 n=80", None, "")
    for zoom in (1.0, 2.0):
        drawn = _painted(card, zoom)  # first paint in this state: drawn directly
        assert not card.is_recorded()
        assert _painted(card, zoom) == drawn  # second: recorded, then replayed
        assert card.is_recorded()
        assert _painted(card, zoom) == drawn  # third: the replay alone


def test_an_edit_reaches_a_card_the_window_replays(qtbot: object) -> None:
    journey = _journey("Advert", 1)
    scene = JourneyScene()
    scene.set_journey(journey)
    view, before = _shown(qtbot, scene, 1.0)
    for _ in range(2):
        view.viewport().repaint()
    assert scene.cards["tp1"].is_recorded()
    assert _card_on_screen(view, scene) == before
    journey.rename("tp1", LONG)
    scene.flush()
    assert _card_on_screen(view, scene) == _fresh(qtbot, _journey(LONG, 1), 1.0)
    scene.select_ids(["tp1"])
    for _ in range(2):
        view.viewport().repaint()
    assert _card_on_screen(view, scene) == _fresh(qtbot, _journey(LONG, 1), 1.0, selected=True)
