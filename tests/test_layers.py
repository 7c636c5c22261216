"""The Qt-free layers really are Qt-free: importing them all loads no Qt and no matplotlib."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import cjo_desktop

QT_FREE = (
    "cjo_desktop.domain",
    "cjo_desktop.analysis",
    "cjo_desktop.io",
    "cjo_desktop.cli",
    "cjo_desktop.drawing",
    "cjo_desktop.palette",
)


def test_domain_analysis_io_cli_drawing_and_palette_import_without_qt() -> None:
    # Walk only the Qt-free packages: walking all of cjo_desktop imports every package on
    # the way (commands, canvas...), which loads Qt into this process.
    modules = [m.name for m in pkgutil.iter_modules(cjo_desktop.__path__, "cjo_desktop.")]
    modules = [name for name in modules if name in QT_FREE]
    for package in [name for name in modules if name != "cjo_desktop.palette"]:
        path = importlib.import_module(package).__path__
        modules += [m.name for m in pkgutil.walk_packages(path, package + ".")]
    assert "cjo_desktop.domain.journey" in modules and "cjo_desktop.io.files" in modules
    assert "cjo_desktop.drawing.layout" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'matplotlib'})\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
