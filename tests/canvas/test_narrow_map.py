"""A one-stage map (the blank template) keeps its words inside the picture: the empty emotion
lane's hint wraps between the stages' edges, and the pain-point legend widens the scene."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.canvas.emotion_item import EMPTY_HINT, EmotionCurve
from cjo_desktop.canvas.export import scene_for
from cjo_desktop.canvas.painpoint_items import PainLegend
from cjo_desktop.canvas.text import metrics
from cjo_desktop.drawing import style
from cjo_desktop.io.files import load_map
from cjo_desktop.io.templates import example_path, new_from_template


def test_the_blank_map_shows_its_hint_and_legend_whole(qtbot: QtBot) -> None:
    scene = scene_for(new_from_template("blank"), (None, None, None))
    try:
        layout = scene.layout
        assert layout is not None
        curve = next(i for i in scene.items() if isinstance(i, EmotionCurve))
        box = curve.hint_box()
        right = layout.width - layout.metrics.margin
        assert box.left() >= layout.grid_left and box.right() <= right
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        needed = metrics(style.CARD_TEXT_PX).boundingRect(box.toRect(), flags, EMPTY_HINT)
        assert box.adjusted(-1, -1, 1, 1).contains(needed)  # wrapped, not clipped
        legend = next(i for i in scene.items() if isinstance(i, PainLegend))
        assert legend.isVisible()
        assert scene.sceneRect().contains(legend.sceneBoundingRect())
    finally:
        scene.set_journey(None)


def test_a_wide_map_keeps_its_width(qtbot: QtBot) -> None:
    scene = scene_for(load_map(example_path()), (None, None, None))
    try:
        assert scene.layout is not None
        assert scene.sceneRect().width() == scene.layout.width
    finally:
        scene.set_journey(None)
