"""Never lose a map: autosave, recovery after a crash, FILE.bak, and files changed on disk."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import recovery_ui
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import UpdateItem
from cjo_desktop.editor.recovery import find_recovered
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path

CHILD = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cjo_desktop.app.shell.main_window import MainWindow
    from cjo_desktop.commands import UpdateItem
    window = MainWindow()
    window.open_file(Path(sys.argv[1]))
    window.show()
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert window.autosaver.save_now()
    os.kill(os.getpid(), signal.SIGKILL)  # the crash: no clean close, nothing flushed
""")


@pytest.fixture
def saved_map(tmp_path: Path) -> Path:
    path = tmp_path / "shop.cjo.json"
    save_map(load_map(example_path()), path)
    return path


def test_work_killed_while_dirty_comes_back_at_the_next_start(
    qtbot: QtBot,
    saved_map: Path,
    private_recovery_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    crash_with_unsaved_work(tmp_path, saved_map)  # killed, as in a crash
    (found,) = find_recovered(private_recovery_folder)
    assert found.original == saved_map and found.title
    found.lock.unlock()  # this look was the test's; the window below looks for itself

    asked: list[int] = []
    monkeypatch.setattr(
        recovery_ui, "ask_restore", lambda _p, items: asked.append(len(items)) or True
    )
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    assert recovery_ui.offer_recovery(window) == []
    assert asked == [1]
    assert window.document.journey.touchpoint("tp-cart").name == "Basket"
    assert window.document.path == saved_map and window.document.is_modified
    assert load_map(saved_map).touchpoint("tp-cart").name == "Cart"  # the file is untouched
    assert window.autosaver.map_path.exists()  # protected again right away, by this window
    assert find_recovered(private_recovery_folder) == []  # which owns it: not lost work
    assert not found.map_path.exists() and not found.note_path.exists()


def crash_with_unsaved_work(tmp_path: Path, saved_map: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text(CHILD)
    result = subprocess.run(
        [sys.executable, str(script), str(saved_map)], timeout=60, capture_output=True, text=True
    )
    assert result.returncode == -9, result.stderr


def test_discarding_recovered_work_deletes_it(
    qtbot: QtBot,
    saved_map: Path,
    private_recovery_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    crash_with_unsaved_work(tmp_path, saved_map)
    monkeypatch.setattr(recovery_ui, "ask_restore", lambda _p, _items: False)
    other = MainWindow()
    qtbot.addWidget(other)
    recovery_ui.offer_recovery(other)
    assert find_recovered(private_recovery_folder) == []
    assert list(private_recovery_folder.iterdir()) == []


def test_the_work_of_another_window_of_this_instance_is_not_offered(
    qtbot: QtBot, saved_map: Path, private_recovery_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.open_file(saved_map)
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert window.autosaver.save_now()
    monkeypatch.setattr(recovery_ui, "ask_restore", lambda *_: pytest.fail("offered"))
    other = MainWindow()
    qtbot.addWidget(other)
    assert recovery_ui.offer_recovery(other) == []
    assert window.autosaver.map_path.exists() and window.autosaver.note_path.exists()


def test_an_edit_arms_the_autosave_and_a_save_clears_it(
    qtbot: QtBot, saved_map: Path, private_recovery_folder: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(saved_map)
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert window.autosaver.timer.isActive()
    assert window.autosaver.timer.interval() == 30_000
    window.autosaver.timer.timeout.emit()  # the quiet interval has passed
    assert window.autosaver.map_path.exists()
    window.document.save()
    assert not window.autosaver.map_path.exists() and not window.autosaver.timer.isActive()


def test_saving_keeps_the_previous_version_as_bak(qtbot: QtBot, saved_map: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(saved_map)
    before = saved_map.read_bytes()
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    window.document.save()
    bak = saved_map.with_name(saved_map.name + ".bak")
    assert bak.read_bytes() == before
    assert load_map(saved_map).touchpoint("tp-cart").name == "Basket"


def test_a_file_changed_by_another_program_can_be_reloaded(
    qtbot: QtBot, saved_map: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(saved_map)
    asked: list[Path] = []
    monkeypatch.setattr(
        recovery_ui, "ask_reload", lambda _p, path, _modified: asked.append(path) or True
    )
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    window.document.save()  # our own save is not "another program"
    qtbot.wait(300)
    assert asked == []
    journey = load_map(saved_map)
    journey.rename("tp-cart", "Changed elsewhere")
    save_map(journey, saved_map)
    qtbot.waitUntil(lambda: asked == [saved_map], timeout=5000)
    assert window.document.journey.touchpoint("tp-cart").name == "Changed elsewhere"


def test_opening_an_old_format_says_it_was_upgraded(qtbot: QtBot) -> None:
    fixture = Path(__file__).parents[2] / "fixtures" / "schema-v1.cjo.json"
    window = MainWindow()
    qtbot.addWidget(window)
    messages: list[str] = []
    window.files.message.connect(messages.append)
    assert window.files.open_path(fixture, ask=False)
    assert window.document.upgraded_from == 1
    assert "format 1" in messages[-1] and "upgraded" in messages[-1]
