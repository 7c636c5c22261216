"""The ``cjo`` command as a user runs it: its own process, text in UTF-8, never hanging.

``stdout``, ``stdin`` and ``stderr`` can also be what a careless shell line leaves: closed
(``>&-``), or for ``stdout`` the always-full ``/dev/full``. A stream that is not piped comes back
as "".
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

Stream = Literal["pipe", "closed", "full"]


def run_cjo(
    *args: str | Path,
    cwd: Path | None = None,
    timeout: float = 120,
    stdout: Stream = "pipe",
    stdin: Literal["devnull", "closed"] = "devnull",
    stderr: Literal["pipe", "closed"] = "pipe",
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    closed = [fd for fd, how in ((0, stdin), (1, stdout), (2, stderr)) if how == "closed"]
    with open(os.devnull if stdout != "full" else "/dev/full", "wb") as sink:
        outs: dict[str, Any] = {
            "stdin": subprocess.DEVNULL,
            "stdout": subprocess.PIPE if stdout == "pipe" else sink,
            "stderr": subprocess.PIPE if stderr == "pipe" else subprocess.DEVNULL,
        }
        result = subprocess.run(
            [sys.executable, "-m", "cjo_desktop.cli", *map(str, args)],
            cwd=cwd,
            env=env,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",  # a raw byte that is not UTF-8 shows as \udcXX, never crashes
            timeout=timeout,
            check=False,
            preexec_fn=_closing(closed) if closed else None,
            **outs,
        )
    result.stdout, result.stderr = result.stdout or "", result.stderr or ""
    return result


def _closing(fds: list[int]) -> Callable[[], None]:
    """Runs in the child after its streams are set up: closes the ones asked for."""

    def close() -> None:
        for fd in fds:
            os.close(fd)

    return close
