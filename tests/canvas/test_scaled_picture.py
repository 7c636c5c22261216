"""Far out the backdrop and the curves are copies of their drawing at the zoom in view
(canvas/scaled_picture.py): the copy must look like the drawing, and an edit (a feeling, a
persona's, a lane's name) or another zoom must show at once, as a window opened afresh would."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from screen import on_screen, shown

from cjo_desktop.canvas import scaled_picture
from cjo_desktop.domain import Journey


def _map() -> Journey:
    journey = Journey("Far out")
    persona = journey.add_persona("Hiker", id="pe-h").id
    for s in range(6):
        stage = journey.add_stage(f"Stage {s}").id
        for i in range(4):
            tp = journey.add_touchpoint(stage, f"Step {s}.{i}", channel=("web", "email")[i % 2])
            journey.add_emotion(tp.id, (s + i) % 5 - 2)
            journey.add_emotion(tp.id, (s * i) % 5 - 2, persona_id=persona)
    return journey


def _differing(a: QImage, b: QImage) -> int:
    """Pixels that differ by more than an antialiasing shade."""
    assert a.size() == b.size()
    count = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 48
            ):
                count += 1
    return count


def test_far_out_the_copy_looks_like_the_drawing(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = _map()
    _, view = shown(qtbot, journey, 0.2)
    copied = on_screen(view)
    monkeypatch.setattr(scaled_picture, "PICTURE_PIXELS", 0)  # every item draws itself
    _, direct_view = shown(qtbot, journey, 0.2)
    direct = on_screen(direct_view)
    sampled = (copied.width() // 2) * (copied.height() // 2)
    assert _differing(copied, direct) < sampled * 0.002


def test_far_out_an_edit_or_a_new_zoom_shows_at_once(qtbot: object) -> None:
    journey = _map()
    scene, view = shown(qtbot, journey, 0.2)
    centre = view.mapToScene(view.viewport().rect().center())
    before = on_screen(view)
    first = journey.touchpoints()[0].id
    everyone = next(e for e in journey.emotions(first) if e.persona_id is None)
    journey.update(everyone.id, valence=-everyone.valence or 2)
    mine = next(e for e in journey.emotions(first) if e.persona_id is not None)
    journey.update(mine.id, valence=2 if mine.valence != 2 else -2)
    journey.update("ln-emotion", name="How they feel")
    scene.flush()
    for zoom in (0.2, 0.15):
        view.set_zoom(zoom)
        view.centerOn(centre)
        _, fresh = shown(qtbot, journey, zoom)
        fresh.centerOn(centre)
        assert _differing(on_screen(view), on_screen(fresh)) == 0, zoom
    view.set_zoom(0.2)
    view.centerOn(centre)
    assert _differing(on_screen(view), before) > 20
