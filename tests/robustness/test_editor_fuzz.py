"""The editor opens every map that validates: no crash, no exception, nothing non-finite.

Maps drawn by :mod:`valid_maps` (numbers at the edges of every documented range, names in
every script, control characters, bidi overrides, emoji) are saved, loaded back through the
validating loader, and opened in one main window, offscreen: the scene is laid out and routed,
the view fits and zooms, every panel follows, the cards are selected and coloured by a metric,
and the scene is painted and exported. A segfault (once: NaN from a card at x = 1e308) kills
the test run. ``CJO_FUZZ_EXAMPLES`` sets the number of maps (60 here).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QCoreApplication, QEvent, QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot
from valid_maps import valid_maps

from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.canvas.export import MAX_PNG_SIDE, pdf_bytes, png_bytes, scene_for, svg_bytes
from cjo_desktop.domain import Journey
from cjo_desktop.io import dumps_map, loads_map

EXAMPLES = max(10, int(os.environ.get("CJO_FUZZ_EXAMPLES", "200")) // 3)


@pytest.fixture(scope="module")
def editor(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MainWindow]:
    with pytest.MonkeyPatch.context() as patch:  # the window's autosaves go to a temporary folder
        patch.setenv("CJO_RECOVERY_DIR", str(tmp_path_factory.mktemp("recovery")))
        window = MainWindow()
    window.resize(1200, 800)
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _finite(rect: QRectF) -> bool:
    return all(math.isfinite(v) for v in (rect.x(), rect.y(), rect.width(), rect.height()))


def _paint(window: MainWindow) -> None:
    image = QImage(320, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    window.scene.render(painter)
    painter.end()
    window.view.viewport().repaint()


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=valid_maps())
def test_every_valid_map_opens_draws_and_exports(
    qtbot: QtBot, editor: MainWindow, drawn: Journey
) -> None:
    journey = loads_map(dumps_map(drawn))  # what a user's file holds, through the validator
    editor.document.replace(journey, None)
    QCoreApplication.processEvents()
    scene, view = editor.scene, editor.view
    assert _finite(scene.sceneRect()) and _finite(scene.itemsBoundingRect())
    view.fit()
    assert math.isfinite(view.zoom) and view.zoom > 0
    _paint(editor)
    view.set_zoom(4.0)
    view.show_start()
    _paint(editor)
    scene.select_ids([t.id for t in journey.touchpoints()])
    snapshots = journey.metric_snapshots()
    if snapshots:
        metrics = snapshots[-1].metric_names()
        scene.set_metric_view(snapshots[-1].label, metrics[0] if metrics else None, "nps")
    scene.set_painpoints_visible(not scene.painpoints_visible())
    QCoreApplication.processEvents()
    _paint(editor)
    picture = scene_for(journey)
    try:
        rect = picture.sceneRect()
        if max(rect.width(), rect.height()) < MAX_PNG_SIDE:
            assert png_bytes(picture, 1.0).startswith(b"\x89PNG")
        else:
            with pytest.raises(ValueError, match="larger than a PNG"):
                png_bytes(picture, 1.0)
        assert svg_bytes(picture, journey.title).lstrip().startswith(b"<?xml")
        try:
            assert pdf_bytes(picture, journey.title).startswith(b"%PDF")
        except ValueError as exc:  # too big to print at 6 pt: refused with a reason
            assert "pages to print its card names" in str(exc)
    finally:
        picture.set_journey(None)
    editor.document.replace(Journey(), None)
