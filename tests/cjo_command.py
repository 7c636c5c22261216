"""The ``cjo`` command as a user runs it: its own process, text in UTF-8, never hanging."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cjo(
    *args: str | Path, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "cjo_desktop.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
