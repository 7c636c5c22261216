"""The editor starts on the bundled example and refuses a broken file without losing its map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cjo_desktop.app.main_window import MainWindow
from cjo_desktop.io.templates import example_path


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_opens_the_bundled_example(window: MainWindow) -> None:
    assert window.open_file(example_path())
    window.show()
    assert window.journey is not None
    assert "Trailhead Outfitters" in window.windowTitle()
    stages = [window.outline.topLevelItem(i).text(0)
              for i in range(window.outline.topLevelItemCount())]
    assert stages == [s.name for s in window.journey.stages()]


def test_a_broken_file_is_reported_and_the_map_kept(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(example_path())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    broken = tmp_path / "broken.cjo.json"
    broken.write_text('{"schema_version": 1, "title": ', encoding="utf-8")
    assert not window.open_file(broken)
    assert shown and "broken.cjo.json" in shown[0] and "line 1" in shown[0]
    assert window.path == example_path()
