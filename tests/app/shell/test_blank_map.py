"""A new map from the blank template is ready for the first card: no "Add a stage first"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import file_ops
from cjo_desktop.app.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_add_touchpoint_works_at_once_on_a_blank_map(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_ops, "ask_template", lambda _parent: ("blank", None))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL)
    journey = window.document.journey
    assert (journey.touchpoints(), journey.description) == ([], "")
    window.acts.add_touchpoint.trigger()
    edit = window.controller.inline.line_edit
    assert edit is not None
    qtbot.keyClicks(edit, "Sees a poster")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert [t.name for t in journey.touchpoints()] == ["Sees a poster"]
    assert journey.touchpoints()[0].stage_id == journey.stages()[0].id
    assert window.workshop.stage_label.text() == "Stage 1"
