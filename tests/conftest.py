"""Test configuration: Qt tests run on the offscreen platform, never needing a display, and no
test touches the user's settings or recovery folder.

Python's cycle collector may run in the middle of a later test and destroy a previous test's
scene, view and controller in an arbitrary order, which crashes PySide. Deleting what is
scheduled for deletion and collecting right after each Qt test keeps destruction orderly. Tests
that never ask for Qt (``qapp``, ``qtbot``) do not import it.

Every test that needs Qt is marked ``gui`` here: it asks for ``qapp`` or ``qtbot``, lives in a
folder of the Qt layers, its module imports Qt, or it (or a helper of its module that it calls)
imports Qt in its body. ``pytest -m "not gui"`` then runs without a display and without
PySide6: the Qt folders and modules are not even collected (collecting a module runs its
imports), pytest-qt is not started, and the session fails if PySide6 was imported all the same.
"""

import functools
import gc
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from _pytest.mark.expression import Expression

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).parent
#: The test folders of the Qt layers: everything in them needs Qt.
QT_FOLDERS = frozenset({"app", "canvas", "editor", "commands", "report"})
#: A module-level import that loads Qt when the module is collected.
QT_IMPORT = re.compile(
    r"^(?:from|import)\s+(?:PySide6|shiboken6|pytestqt|mouse\b"
    r"|cjo_desktop\.(?:app|canvas|editor|commands|report)\b|tests\.(?:app|canvas|editor)\b)",
    re.MULTILINE,
)
#: The same import anywhere, also inside a function (it loads Qt when the function runs).
LAZY_QT_IMPORT = re.compile(r"^\s*" + QT_IMPORT.pattern.removeprefix("^"), re.MULTILINE)


def _excludes_gui(config: pytest.Config) -> bool:
    """True when the -m expression deselects every gui test, slow or not."""
    text = config.getoption("markexpr", "") or ""
    if not text.strip():
        return False
    expression = Expression.compile(text)

    def marked(*names: str) -> Callable[..., bool]:
        return lambda name, /, **_kwargs: name in names

    return not any(expression.evaluate(marked(*m)) for m in (("gui",), ("gui", "slow")))


@functools.cache
def _needs_qt(path: Path) -> bool:
    """A test folder or module that imports Qt as soon as it is collected."""
    try:
        parts = path.relative_to(TESTS).parts
    except ValueError:
        return False
    if parts and parts[0] in QT_FOLDERS:
        return True
    if path.suffix != ".py" or not path.is_file():
        return False
    return QT_IMPORT.search(path.read_text(encoding="utf-8")) is not None


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Without gui tests, do not start pytest-qt: it imports PySide6 when it configures."""
    if _excludes_gui(config):
        plugin = config.pluginmanager.get_plugin("pytest-qt")
        if plugin is not None:
            config.pluginmanager.unregister(plugin)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if _excludes_gui(config) and _needs_qt(collection_path):
        return True
    return None


@functools.cache
def _qt_functions(module: ModuleType) -> frozenset[str]:
    """Names of the module's own functions that import Qt inside their body."""
    names = set()
    for name, obj in vars(module).items():
        if inspect.isfunction(obj) and obj.__module__ == module.__name__:
            try:
                source = inspect.getsource(obj)
            except (OSError, TypeError):
                continue
            if LAZY_QT_IMPORT.search(source):
                names.add(name)
    return frozenset(names)


def _calls_qt(item: pytest.Item) -> bool:
    """A test outside the Qt folders that imports Qt in its body, or calls a helper of its
    module that does (one level deep: such helpers are small)."""
    module, function = getattr(item, "module", None), getattr(item, "function", None)
    if module is None or function is None:
        return False
    helpers = _qt_functions(module)
    if function.__name__ in helpers:
        return True
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(re.search(rf"\b{name}\(", source) for name in helpers)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        qt_fixture = "qapp" in fixtures or "qtbot" in fixtures
        if qt_fixture or _needs_qt(item.path) or _calls_qt(item):
            item.add_marker(pytest.mark.gui)


QT_LEAK = (
    "error: PySide6 was imported in a run without gui tests; a test or helper outside the Qt "
    "folders imports Qt: mark it gui or move it"
)


def _qt_leaked(config: pytest.Config) -> bool:
    return _excludes_gui(config) and "PySide6" in sys.modules


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A run without gui tests must not have imported Qt: fail it (the summary says why)."""
    if _qt_leaked(session.config):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    if _qt_leaked(config):
        terminalreporter.write_line(QT_LEAK, red=True)


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
