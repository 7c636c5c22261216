"""Preferences: saved in QSettings, read back by the parts that use them, themes applied."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjo_desktop import __version__
from cjo_desktop.app.export.dialog import ExportDialog
from cjo_desktop.app.shell import preferences as prefs
from cjo_desktop.app.shell.about import about_html, version_lines
from cjo_desktop.app.shell.preferences import Preferences
from cjo_desktop.app.shell.preferences_dialog import PreferencesDialog
from cjo_desktop.editor.recovery import autosave_seconds
from cjo_desktop.io import SCHEMA_VERSION


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    yield
    prefs.apply_theme("system", qapp)


def test_defaults_without_settings() -> None:
    assert prefs.load() == Preferences()


def test_broken_values_fall_back_to_defaults() -> None:
    s = QSettings()
    s.setValue(prefs.THEME_KEY, "purple")
    s.setValue(prefs.SCALE_KEY, "huge")
    s.setValue(prefs.PAGE_KEY, "Letter")
    s.setValue(prefs.AUTOSAVE_KEY, 1)
    loaded = prefs.load()
    assert (loaded.theme, loaded.export_scale, loaded.export_page) == ("system", 2, "A4")
    assert loaded.autosave_seconds == prefs.AUTOSAVE_MIN  # clamped, not refused


def test_the_dialog_saves_what_the_rest_reads(qtbot: QtBot, restore_theme: None) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.scale.setValue(3)
    dialog.page.setCurrentIndex(1)
    dialog.autosave.setValue(120)
    dialog.author.setText("  Ana Consultant ")
    dialog.theme.setCurrentIndex(2)
    with qtbot.waitSignal(dialog.applied) as signal:
        dialog.accept()
    chosen = signal.args[0]
    assert chosen == Preferences("dark", 3, "A3", 120, "Ana Consultant")
    assert prefs.load() == chosen
    assert autosave_seconds() == 120  # the autosaver's timer reads the same key
    export = ExportDialog(Path("/tmp/x.png"))
    qtbot.addWidget(export)
    assert export.scale.value() == 3 and export.page.currentText() == "A3 landscape"


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.autosave.setValue(600)
    dialog.reject()
    assert prefs.load() == Preferences()


def test_dark_and_light_themes_and_back(qapp: QApplication, restore_theme: None) -> None:
    system = qapp.palette().color(QPalette.ColorRole.Window)
    prefs.apply_theme("dark", qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
    assert qapp.style().name().lower() == "fusion"
    prefs.apply_theme("light", qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    prefs.apply_theme("system", qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window) == system
    assert prefs.effective_theme("dark") == "dark"


def test_about_names_the_program_qt_and_file_format() -> None:
    rows = dict(version_lines())
    assert rows["cjo-desktop"] == __version__
    assert rows["File format"] == str(SCHEMA_VERSION)
    assert rows["Qt"].count(".") == 2
    assert f"<b>{rows['Qt']}</b>" in about_html()


def test_editor_version_without_a_display() -> None:
    """``cjo-desktop --version`` answers before Qt starts, so it works anywhere."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cjo_desktop.app.shell.application import main; main()",
            "--version",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"cjo-desktop {__version__} (file format {SCHEMA_VERSION})"
