"""Evidence as a user meets it: mark a card assumed in the Inspector and see its dashed edge
and tag (one undo step, undone); mark its feeling assumed and see a hollow dot; colour the map
by evidence from the View menu and read the colours and the legend; choosing a metric to
colour by switches it off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.drawing.evidence_view import evidence_fill
from cjo_desktop.palette import CARD_FILL, EVIDENCE_MARK

CARD = "tp-trail-blog"
OUT = "/tmp/h14/evidence"


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> Iterator[MainWindow]:
    window.scene.select_ids([CARD])
    qtbot.waitUntil(lambda: window.inspector.target == ("touchpoint", CARD))
    yield window


def choose(qtbot: QtBot, combo: object, text: str) -> None:
    """Pick an entry as a user does: focus the combo, type to it, press Return."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, text
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def edge_pixels(card: TouchpointCard) -> list[QColor]:
    """The card drawn alone, full size; the colours along its top edge, between the corners."""
    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor(CARD_FILL))
    painter = QPainter(image)
    painter.translate(20, 40)
    card._paint_full(painter, False, True)  # the full drawing, as exports paint it
    painter.end()
    w = int(card.rect().width())
    return [image.pixelColor(x, 40) for x in range(20 + 20, 20 + min(w, 220) - 20)]


def test_assumed_in_the_inspector_gives_a_dashed_edge_and_a_tag_and_undoes(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    section = window.inspector.evidence.card
    card = window.scene.cards[CARD]
    stack = window.document.undo_stack
    count = stack.count()
    plain = edge_pixels(card)
    assert card.evidence.tag == ""
    choose(qtbot, section.status, "assumed")
    assert window.document.journey.touchpoint(CARD).evidence == Evidence("assumed")
    assert stack.count() == count + 1
    assert stack.undoText() == 'Mark touchpoint "Trail guide blog post" as assumed'
    window.scene.flush()
    assert card.evidence.tag == "assumed" and card.evidence.dashes
    dashed = edge_pixels(card)
    mark = QColor(EVIDENCE_MARK["assumed"])
    dark = [p for p in dashed if abs(p.red() - mark.red()) < 40 and p.blue() < 120]
    gaps = [p for p in dashed if p.lightness() > 250]  # the white behind shows through
    assert len(dark) > len(dashed) / 4 and len(gaps) > len(dashed) / 6  # dashes and gaps
    assert not [p for p in plain if p.lightness() > 250]  # a plain edge is a solid line
    window.view.centerOn(card)
    window.grab().save(f"{OUT}/window-assumed-card.png")

    stack.undo()
    window.scene.flush()
    assert card.evidence.tag == ""
    qtbot.waitUntil(lambda: section.status.currentText() == "not stated")


def test_an_observation_with_its_source_and_an_assumed_feeling(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    card_fields = window.inspector.evidence.card
    choose(qtbot, card_fields.status, "observed")
    choose(qtbot, card_fields.kind, "link")
    qtbot.keyClicks(card_fields.source, "https://example.org/study")
    qtbot.keyClick(card_fields.source, Qt.Key.Key_Return)
    journey = window.document.journey
    assert journey.touchpoint(CARD).evidence == observed("link", "https://example.org/study")
    feeling = window.inspector.evidence.feeling
    assert feeling.status.isEnabled()  # the example's card has a feeling
    choose(qtbot, feeling.status, "assumed")
    scroll = window.inspector.widget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(window.inspector.evidence.pain.source)
    window.inspector.grab().save(f"{OUT}/inspector-evidence.png")
    window.scene.flush()
    assert CARD in window.scene._curve.assumed
    assert window.document.undo_stack.undoText().startswith(
        'Mark feeling of "Trail guide blog post" as assumed'
    )


def test_the_evidence_view_colours_cards_with_a_legend(window: MainWindow, qtbot: QtBot) -> None:
    journey = window.document.journey
    ids = [t.id for t in journey.touchpoints()]
    journey.update(ids[0], evidence=Evidence("assumed"))
    journey.update(ids[1], evidence=observed("note", "seen"))
    journey.update(ids[2], evidence=Evidence("proposed"))
    window.scene.flush()
    action = window.evidence_view
    assert action.text().replace("&", "") == "Colour Cards by Evidence"
    action.trigger()
    assert window.scene.evidence_view()
    cards = window.scene.cards
    for tp_id in ids[:4]:
        want = QColor.fromRgbF(*evidence_fill(journey.touchpoint(tp_id).evidence))
        assert cards[tp_id].fill == want
    fills = {cards[i].fill.name() for i in ids[:4] if cards[i].fill is not None}
    assert len(fills) == 4  # four statuses, four colours
    legend = window.scene._evidence_legend
    assert legend.isVisible()
    counts = {e.status: e.count for e in legend.entries}
    assert counts == {
        "observed": 1,
        "assumed": 1,
        "proposed": 1,
        "not stated": len(ids) - 3,
    }
    window.grab().save(f"{OUT}/window-evidence-view.png")
    # colouring by a metric takes the fill back, and the menu's check follows
    window.scene.set_metric_view(None, None, "nps")
    assert not window.scene.evidence_view() and not action.isChecked()
    assert not legend.isVisible()


def test_exports_draw_the_assumed_mark(window: MainWindow) -> None:
    from cjo_desktop.canvas.export import scene_for

    journey = window.document.journey
    journey.update(CARD, evidence=Evidence("assumed"))
    scene = scene_for(journey, evidence=True)
    try:
        card = scene.cards[CARD]
        assert card.evidence.tag == "assumed"
        assert scene.evidence_view()
        rect = card.sceneBoundingRect()
        assert rect.intersects(QRectF(scene.sceneRect()))
    finally:
        scene.set_journey(None)
        scene.deleteLater()
