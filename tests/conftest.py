"""Test configuration: Qt tests run on the offscreen platform, never needing a display, and no
test touches the user's settings or recovery folder.

Python's cycle collector may run in the middle of a later test and destroy a previous test's
scene, view and controller in an arbitrary order, which crashes PySide. Deleting what is
scheduled for deletion and collecting right after each Qt test keeps destruction orderly. Tests
that never ask for Qt (``qapp``, ``qtbot``) do not import it.
"""

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_recovery_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaves of tests go to a temporary folder, never the user's application data."""
    folder = tmp_path / "recovery"
    monkeypatch.setenv("CJO_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def qt_isolation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """Settings in a temporary folder, and orderly cleanup after the test, for Qt tests."""
    if "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    QCoreApplication.setOrganizationName("cjo-desktop-tests")
    QCoreApplication.setApplicationName("cjo-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    yield
    QSettings().clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Path:
    """The folder a Qt test's settings are kept in."""
    return tmp_path / "settings"
