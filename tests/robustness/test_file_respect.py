"""Files are treated with respect: links stay links, read-only stays unchanged, and recovery only
ever touches its own copies.

* Saving through a symbolic link (editor, ``cjo import-metrics`` in place, exports) updates the
  file it points to and keeps the link; FILE.bak goes beside the target.
* A read-only map (mode 0444) is never replaced, even where its folder is writable (and even for
  root, who may write anything): the editor says so and the CLI exits 1, the file unchanged.
* A recovery note that names files outside the recovery folder: Discard removes the recovery
  copy and its note, nothing else; a note whose copy is missing is ignored.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from survey_scales import FLAGS

from cjo_desktop.app.shell import file_ops, recovery_ui
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import UpdateItem
from cjo_desktop.editor.recovery import find_recovered
from cjo_desktop.io import FILE_SUFFIX, load_map, save_map
from cjo_desktop.io.atomic import write_atomic
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

DATA = example_path().parent / "outdoor-gear-shop-data"


@pytest.fixture
def recovery(private_recovery_folder: Path) -> Path:
    return private_recovery_folder


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """``maps/shop.cjo.json`` -> ``real/shop-target.cjo.json``."""
    (tmp_path / "real").mkdir()
    (tmp_path / "maps").mkdir()
    target = tmp_path / "real" / f"shop-target{FILE_SUFFIX}"
    save_map(load_map(example_path()), target)
    link = tmp_path / "maps" / f"shop{FILE_SUFFIX}"
    link.symlink_to(target)
    return link, target


def window_for(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.files.open_path(path, ask=False)
    return window


# ----------------------------------------------------------------------------- links


def test_the_editor_saves_through_a_link_and_keeps_it(
    qtbot: QtBot, linked: tuple[Path, Path], recovery: Path
) -> None:
    link, target = linked
    before = target.read_bytes()
    window = window_for(qtbot, link)
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert window.files.save()
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert load_map(target).touchpoint("tp-cart").name == "Basket"
    assert target.with_name(target.name + ".bak").read_bytes() == before
    assert sorted(p.name for p in link.parent.iterdir()) == [link.name]  # nothing beside it


def test_the_cli_imports_through_a_link_and_keeps_it(linked: tuple[Path, Path]) -> None:
    link, target = linked
    result = run_cjo(
        "import-metrics", link, DATA / "survey-2025-q1.csv", "--snapshot", "Q1", *FLAGS
    )
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert [s.label for s in load_map(target).metric_snapshots()] == ["Q1"]


@pytest.mark.parametrize("suffix", [".json", ".graphml", ".png", ".svg"])
def test_exports_through_a_link_write_its_target(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out-target{suffix}"
    target.write_bytes(b"old")
    link = tmp_path / f"out{suffix}"
    link.symlink_to(target)
    result = run_cjo("export", example_path(), "-o", link, "--scale", "1")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and target.read_bytes() != b"old"


def test_a_dangling_link_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / f"new{FILE_SUFFIX}"
    link.symlink_to(tmp_path / f"elsewhere{FILE_SUFFIX}")
    write_atomic(link, b"{}")
    assert link.is_symlink() and (tmp_path / f"elsewhere{FILE_SUFFIX}").read_bytes() == b"{}"


# ------------------------------------------------------------------------- read-only


@pytest.fixture
def read_only(tmp_path: Path) -> Path:
    path = tmp_path / f"frozen{FILE_SUFFIX}"
    save_map(load_map(example_path()), path)
    path.chmod(0o444)
    return path


def test_an_in_place_import_refuses_a_read_only_map(read_only: Path) -> None:
    before = read_only.read_bytes()
    result = run_cjo("import-metrics", read_only, DATA / "survey-2025-q1.csv", *FLAGS)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {read_only}") and "read-only" in result.stderr
    assert result.stderr.count("\n") == 1 and "saved" not in result.stdout
    assert read_only.read_bytes() == before
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o444
    assert sorted(p.name for p in read_only.parent.iterdir()) == [read_only.name]


@pytest.mark.parametrize("suffix", [".png", ".json", ".csv"])
def test_exports_refuse_to_replace_a_read_only_file(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"frozen{suffix}"
    out.write_bytes(b"keep me")
    out.chmod(0o444)
    result = run_cjo("export", example_path(), "-o", out, "--scale", "1")
    assert result.returncode == 1 and "read-only" in result.stderr, result.stderr
    assert out.read_bytes() == b"keep me"


def test_the_editor_says_a_read_only_map_cannot_be_saved(
    qtbot: QtBot, read_only: Path, recovery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(file_ops, "show_error", lambda _p, _t, text: shown.append(text))
    before = read_only.read_bytes()
    window = window_for(qtbot, read_only)
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert not window.files.save()
    assert len(shown) == 1 and "read-only" in shown[0] and str(read_only) in shown[0]
    assert read_only.read_bytes() == before and window.document.is_modified


# -------------------------------------------------------------------- recovery notes


def crafted_recovery(folder: Path, stem: str, note: dict[str, object], with_copy: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.recovery.json").write_text(json.dumps(note), encoding="utf-8")
    if with_copy:
        save_map(load_map(example_path()), folder / f"{stem}{FILE_SUFFIX}")


@pytest.mark.parametrize(
    "named",
    ["../victim.cjo.json", "/ABSOLUTE/victim.cjo.json", "sub/../../victim.cjo.json"],
)
def test_discard_removes_only_the_recovery_copy(
    qtbot: QtBot, tmp_path: Path, recovery: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    victim = tmp_path / f"victim{FILE_SUFFIX}"
    victim.write_text("precious", encoding="utf-8")
    named = named.replace("/ABSOLUTE", str(tmp_path))
    note = {"map": named, "original": str(victim), "title": "x", "saved_at": "2026"}
    crafted_recovery(recovery, "20260101T000000-aaaa", note, with_copy=True)
    crafted_recovery(recovery, "20260101T000000-bbbb", note, with_copy=False)
    monkeypatch.setattr(recovery_ui, "ask_restore", lambda _p, found: len(found) == 0)
    window = MainWindow()
    qtbot.addWidget(window)
    assert recovery_ui.offer_recovery(window) == []
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in recovery.iterdir()) == ["20260101T000000-bbbb.recovery.json"]


def test_a_note_with_nonsense_fields_is_skipped_or_shown_safely(recovery: Path) -> None:
    crafted_recovery(recovery, "s1", {"original": 42, "title": ["x"], "saved_at": None}, True)
    crafted_recovery(recovery, "s2", ["not", "an", "object"], True)  # type: ignore[arg-type]
    (recovery / "s3.recovery.json").write_bytes(b"\xff\xfe garbage")
    save_map(load_map(example_path()), recovery / f"s3{FILE_SUFFIX}")
    found = find_recovered(recovery)
    try:
        assert [r.map_path.name for r in found] == [f"s1{FILE_SUFFIX}"]
        assert found[0].original is None and found[0].title == "['x']"
    finally:
        for item in found:
            item.lock.unlock()


def test_recovery_writes_its_files_private_to_the_folder(
    qtbot: QtBot, tmp_path: Path, recovery: Path
) -> None:
    path = tmp_path / f"shop{FILE_SUFFIX}"
    save_map(load_map(example_path()), path)
    window = window_for(qtbot, path)
    window.document.push(UpdateItem(window.document.journey, "tp-cart", name="Basket"))
    assert window.autosaver.save_now()
    names = sorted(p.name for p in recovery.iterdir())
    stem = window.autosaver.map_path.name.removesuffix(FILE_SUFFIX)
    assert names == [f"{stem}{FILE_SUFFIX}", f"{stem}.lock", f"{stem}.recovery.json"]
    note = json.loads(window.autosaver.note_path.read_text(encoding="utf-8"))
    assert note["original"] == str(path) and len(note["original_sha256"]) == 64
    window.document.undo_stack.setClean()
    assert sorted(p.name for p in recovery.iterdir()) == []
    assert [n for n in os.listdir(tmp_path) if "shop" in n] == [path.name]  # no lock or bak
