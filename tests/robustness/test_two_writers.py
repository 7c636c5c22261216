"""Nothing is lost between two writers: two imports at once, an import while the editor has the
map open, two windows on one file, and a second instance next to a running one.

Once two ``cjo import-metrics`` into one map both printed ``saved`` and one snapshot was gone
(10 of 10 pairs), and a second editor offered a running one's autosave as "recovered" and
deleted it on Discard.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cjo_desktop.app.shell import file_ops, recovery_ui
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import UpdateItem
from cjo_desktop.editor.recovery import find_recovered
from cjo_desktop.io import FILE_SUFFIX, load_map, save_map
from cjo_desktop.io.lock import map_lock
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

DATA = example_path().parent / "outdoor-gear-shop-data"
PAIRS = 20
CJO = [sys.executable, "-m", "cjo_desktop.cli"]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / f"shop{FILE_SUFFIX}"
    save_map(load_map(example_path()), path)
    return path


def _import(path: Path, label: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CJO, "import-metrics", str(path), str(DATA / "funnel-2025-03.csv"), "--snapshot", label],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_twenty_pairs_of_imports_lose_nothing_reported_saved(shop: Path) -> None:
    saved: list[str] = []
    for i in range(PAIRS):
        pair = {label: _import(shop, label) for label in (f"A{i}", f"B{i}")}
        for label, process in pair.items():
            out, err = process.communicate(timeout=300)
            assert "Traceback" not in err
            if process.returncode == 0:
                assert out.rstrip().endswith(f"saved {shop}")
                saved.append(label)
            else:  # a clean refusal is allowed; a silent loss is not
                assert process.returncode == 1 and err.startswith("error:"), err
    labels = [s.label for s in load_map(shop).metric_snapshots()]
    assert sorted(labels) == sorted(saved)
    assert len(saved) == 2 * PAIRS  # with the default wait, nobody even has to give up
    assert not list(shop.parent.glob(".*.lock")) and not list(shop.parent.glob(".*.tmp"))


def test_an_import_waits_for_the_lock_and_then_gives_up_clearly(shop: Path) -> None:
    before = shop.read_bytes()
    with map_lock(shop, who="a test holding the map"):
        result = run_cjo("import-metrics", shop, DATA / "funnel-2025-03.csv", "--wait", "0.5")
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {shop}: another program is changing this map (a test holding the map, "
        f"process {__import__('os').getpid()}); try again when it has finished\n"
    )
    assert shop.read_bytes() == before


# ------------------------------------------------------------------------- the editor


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.files.open_path(path, ask=False)
    return window


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "save as"])
def test_a_save_over_another_writers_change_asks_first(
    qtbot: QtBot, shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    window = _window(qtbot, shop)
    monkeypatch.setattr(recovery_ui, "ask_reload", lambda *_: False)  # keep mine
    result = run_cjo("import-metrics", shop, DATA / "funnel-2025-03.csv", "--snapshot", "CLI")
    assert result.returncode == 0, result.stderr
    theirs = shop.read_bytes()
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    asked: list[Path] = []
    buttons = {
        "cancel": file_ops.Button.Cancel,
        "overwrite": file_ops.Button.Save,
        "save as": file_ops.Button.SaveAll,
    }
    monkeypatch.setattr(
        file_ops, "ask_overwrite", lambda _w, path: asked.append(path) or buttons[answer]
    )
    elsewhere = tmp_path / f"mine{FILE_SUFFIX}"
    monkeypatch.setattr(file_ops, "ask_save_path", lambda *_: elsewhere)
    saved = window.files.save()
    assert asked == [shop]
    bak = shop.with_name(shop.name + ".bak")
    if answer == "cancel":
        assert not saved and window.document.is_modified and shop.read_bytes() == theirs
    elif answer == "overwrite":
        assert saved and load_map(shop).touchpoint("tp-cart").name == "Basket"
        assert bak.read_bytes() == theirs  # their version is kept, not lost
    else:
        assert saved and window.document.path == elsewhere and shop.read_bytes() == theirs
        assert load_map(elsewhere).touchpoint("tp-cart").name == "Basket"


def test_two_windows_on_one_file_do_not_overwrite_each_other(
    qtbot: QtBot, shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_ui, "ask_reload", lambda *_: False)
    first, second = _window(qtbot, shop), _window(qtbot, shop)
    first.document.push(UpdateItem(first.document.journey, "tp-cart", name="First"))
    assert first.files.save()
    second.document.push(UpdateItem(second.document.journey, "tp-unboxing", name="Second"))
    monkeypatch.setattr(file_ops, "ask_overwrite", lambda *_: file_ops.Button.Cancel)
    assert not second.files.save()
    assert load_map(shop).touchpoint("tp-cart").name == "First"
    first.document.push(UpdateItem(first.document.journey, "tp-cart", name="First again"))
    assert first.files.save()  # its own saves never count as someone else's


# ---------------------------------------------------------------- a second instance

RUNNING = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cjo_desktop.app.shell.main_window import MainWindow
    from cjo_desktop.commands import UpdateItem
    window = MainWindow()
    window.open_file(Path(sys.argv[1]))
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Unsaved"))
    assert window.autosaver.save_now()
    print("autosaved", flush=True)
    sys.stdin.readline()  # runs until the test says so
""")


@pytest.mark.slow
def test_a_second_instance_neither_offers_nor_deletes_a_running_ones_work(
    qtbot: QtBot,
    shop: Path,
    tmp_path: Path,
    private_recovery_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script = tmp_path / "running.py"
    script.write_text(RUNNING)
    first = subprocess.Popen(
        [sys.executable, str(script), str(shop)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdout.readline() == "autosaved\n"
        files = sorted(private_recovery_folder.iterdir())
        assert len(files) == 3  # the map, the note and the owner's lock
        monkeypatch.setattr(recovery_ui, "ask_restore", lambda *_: False)  # "Discard"
        second = MainWindow()
        qtbot.addWidget(second)
        assert recovery_ui.offer_recovery(second) == []
        assert sorted(private_recovery_folder.iterdir()) == files  # untouched
        first.send_signal(signal.SIGKILL)  # now the first one crashes
        first.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while not find_recovered(private_recovery_folder) and time.monotonic() < deadline:
            time.sleep(0.1)  # pragma: no cover - the kill is immediate on Linux
        (found,) = find_recovered(private_recovery_folder)
        assert load_map(found.map_path).touchpoint("tp-cart").name == "Unsaved"
        found.lock.unlock()
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate(timeout=30)  # closes the pipes
