"""GUI test fixtures: a main window on the example, with every dialog answered or refused.

Settings, the recovery folder and orderly Qt cleanup are arranged for every Qt test by
tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import file_ops, main_window
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.io.templates import example_path


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the window showed; any other dialog fails the test instead of blocking."""
    shown: list[str] = []

    def unexpected(*args: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    monkeypatch.setattr(file_ops, "show_error", lambda _parent, _title, text: shown.append(text))
    for name in (
        "ask_open_path",
        "ask_save_path",
        "ask_save_changes",
        "ask_overwrite",
        "ask_template",
    ):
        monkeypatch.setattr(file_ops, name, unexpected)
    monkeypatch.setattr(main_window, "show_about", unexpected)
    return shown


@pytest.fixture
def window(qtbot: QtBot, errors: list[str]) -> Iterator[MainWindow]:
    w = MainWindow()
    # pytest-qt closes widgets before fixtures end: let that close go through without asking
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert w.open_file(example_path())
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
