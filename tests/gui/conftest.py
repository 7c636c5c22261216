"""GUI test fixtures: every test leaves no Qt objects behind for the garbage collector.

Python's cycle collector may run in the middle of a later test and destroy a previous test's
scene, view and controller in an arbitrary order, which crashes PySide. Deleting what is
scheduled for deletion and collecting right after each test keeps destruction orderly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjo_desktop.app import file_ops, main_window
from cjo_desktop.app.main_window import MainWindow
from cjo_desktop.io.templates import example_path


@pytest.fixture(autouse=True)
def private_recovery_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaves of tests go to a temporary folder, never the user's application data."""
    folder = tmp_path / "recovery"
    monkeypatch.setenv("CJO_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def orderly_qt_cleanup(qapp: object) -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("cjo-desktop-tests")
    QCoreApplication.setApplicationName("cjo-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder
    QSettings().clear()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the window showed; any other dialog fails the test instead of blocking."""
    shown: list[str] = []

    def unexpected(*args: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    monkeypatch.setattr(file_ops, "show_error", lambda _parent, _title, text: shown.append(text))
    for name in ("ask_open_path", "ask_save_path", "ask_save_changes", "ask_template"):
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
