"""Renders the README's screenshots: the editor on the example map with its data, in the
light and the dark theme (run it to regenerate; no display needed).

    .venv/bin/python tests/tools/screenshots.py [OUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.app.shell.preferences import Theme, apply_theme
from cjo_desktop.commands import ApplyImport
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

ROOT = Path(__file__).resolve().parents[2]
DATA = example_path().parent / "outdoor-gear-shop-data"


def window_with_data() -> MainWindow:
    window = MainWindow()
    window.files.open_copy(example_path())
    journey = window.document.journey
    for name, spec in (
        (
            "survey-2025-q1.csv",
            spec_of(
                kind="responses",
                snapshot="baseline Q1",
                csat_scale=Scale.csat("high"),
                ces_scale=Scale.ces(7, "low"),
            ),
        ),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel March")),
    ):
        result = run_import(journey, DATA / name, spec)
        window.document.push(ApplyImport(journey, plan_import(journey, result)))
    window.resize(1600, 960)
    return window


def shoot(theme: Theme, out: Path) -> Path:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(theme, app)
    window = window_with_data()
    window.show()
    for _ in range(5):
        app.processEvents()
    window.scene.flush()
    app.processEvents()
    path = out / f"editor-{theme}.png"
    window.grab().save(str(path))
    window.document.undo_stack.setClean()
    window.close()
    return path


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    # Settings in a fresh folder: the pictures show the window a first start shows, whatever
    # this machine's own session left behind.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings = tempfile.mkdtemp(prefix="cjo-screenshots-")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, settings)
    app = QApplication([])
    app.setApplicationName("cjo-desktop-screenshots")
    for theme in ("light", "dark"):
        print(shoot(theme, out))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
