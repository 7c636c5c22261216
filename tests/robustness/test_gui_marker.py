"""The quick and the Qt-free loops: ``pytest -m "not gui"`` runs without PySide6 (not even
imported), and says so loudly when a test outside the Qt folders imports it anyway; the
``gui`` mark lands on Qt tests without anyone writing it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parents[1]
ROOT = TESTS.parent

PYPROJECT = """\
[tool.pytest.ini_options]
addopts = "-ra --strict-markers -p no:cacheprovider"
qt_api = "pyside6"
markers = ["gui: needs Qt", "slow: slow"]
"""


def pytest_run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """pytest in a fresh interpreter; the last line printed says whether PySide6 was loaded."""
    code = (
        "import sys, pytest\n"
        "status = pytest.main(sys.argv[1:])\n"
        "print('PySide6 loaded:', 'PySide6' in sys.modules)\n"
        "sys.exit(int(status))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_not_gui_runs_the_qt_free_tests_without_importing_pyside6() -> None:
    run = pytest_run("-q", "-m", "not gui", "-p", "no:cacheprovider", "tests/drawing")
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout and "error:" not in run.stdout
    assert run.stdout.strip().endswith("PySide6 loaded: False")


def test_not_gui_does_not_even_collect_the_qt_folders() -> None:
    run = pytest_run(
        "-q", "--collect-only", "-m", "not gui", "-p", "no:cacheprovider", "tests/canvas"
    )
    assert "no tests collected" in run.stdout or "no tests ran" in run.stdout, run.stdout
    assert run.stdout.strip().endswith("PySide6 loaded: False")


def test_qt_tests_are_marked_gui_without_writing_it() -> None:
    """test_qt_sanity asks for no Qt fixture: its folder and its imports make it gui."""
    run = pytest_run(
        "-q",
        "--collect-only",
        "-m",
        "gui",
        "-p",
        "no:cacheprovider",
        "tests/canvas/test_qt_sanity.py",
    )
    assert "1 test collected" in run.stdout, run.stdout
    run = pytest_run("-q", "--collect-only", "-m", "gui", "-p", "no:cacheprovider", "tests/drawing")
    assert "deselected" in run.stdout and "test_layout.py" not in run.stdout


def test_a_qt_free_test_that_imports_qt_after_all_fails_the_run(tmp_path: Path) -> None:
    """The check at the end of the session can fail: a test in a Qt-free folder that loads
    PySide6 in a way no marking can see turns a green run red, with one line why. A test that
    imports Qt in its body is marked gui and left out; a module in a Qt folder is skipped
    before its imports run."""
    project = tmp_path / "project"
    (project / "tests" / "app").mkdir(parents=True)
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    shutil.copy(TESTS / "conftest.py", project / "tests" / "conftest.py")
    (project / "tests" / "test_sneaky.py").write_text(
        "import importlib\n\n\n"
        "def test_sneaky() -> None:\n    importlib.import_module('PySide6')\n\n\n"
        "def test_plain() -> None:\n    from PySide6 import QtCore  # noqa: F401\n",
        encoding="utf-8",
    )
    (project / "tests" / "app" / "test_qt.py").write_text(
        "import PySide6.QtWidgets  # noqa: F401\n\n\ndef test_qt() -> None:\n    assert False\n",
        encoding="utf-8",
    )
    run = pytest_run("-q", "-m", "not gui", "tests", cwd=project)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 passed, 1 deselected" in run.stdout  # test_plain is gui; test_qt never ran
    errors = [line for line in run.stdout.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "PySide6 was imported" in errors[0]
    (project / "tests" / "test_sneaky.py").unlink()
    run = pytest_run("-q", "-m", "not gui", "tests", cwd=project)
    assert run.returncode == 5, run.stdout  # nothing left to run, and nothing failed
    assert run.stdout.strip().endswith("PySide6 loaded: False")
