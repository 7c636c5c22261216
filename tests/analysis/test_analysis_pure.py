"""The analysis package runs on the standard library: numpy, scipy and pandas are test-only."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cjo_desktop.analysis

HEAVY = {"numpy", "scipy", "pandas", "pydantic", "PySide6", "shiboken6", "matplotlib"}


def test_importing_analysis_loads_no_numeric_or_gui_library() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(cjo_desktop.analysis.__path__, "cjo_desktop.analysis.")
    ]
    assert "cjo_desktop.analysis.survey" in modules and "cjo_desktop.analysis.funnel" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
