"""What the scale tests share: a bound that tells finishing from hanging, the one-line
refusals they expect, and the peak memory of a ``cjo`` command run in its own process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from cjo_desktop.io import MapFileError, loads_map

T = TypeVar("T")
NOT_HANGING = 60.0  # seconds: what took minutes or hours now takes a few seconds


def timed(work: Callable[[], T], seconds: float = NOT_HANGING) -> T:
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"took {elapsed:.0f} s"
    return result


def refusal(text: str, source: str = "<big>") -> str:
    with pytest.raises(MapFileError) as info:
        timed(lambda: loads_map(text, source))
    message = str(info.value)
    assert len(message.splitlines()) == 1 and message.isprintable() and len(message) < 500
    assert message.startswith(f"{source}: ")
    return message


def one_error_line(result: Any) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and len(lines[0]) < 500
    return str(lines[0])


POPPLER = shutil.which("pdftotext") is not None


#: ``cjo`` in a child that writes its peak memory down as it ends. The kernel's max RSS of a
#: child counts the parent's memory from before the exec, and this test process grows big.
_MEASURED = """
import sys
from cjo_desktop.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open("/proc/self/status") as status_file:
        peak = next(line.split()[1] for line in status_file if line.startswith("VmHWM:"))
    with open(sys.argv[1], "w") as out:
        out.write(peak)
sys.exit(status)
"""


def run_measured(args: list[str], timeout: float) -> tuple[int, str, str, float]:
    """``cjo ARGS`` in its own process: exit status, stdout, stderr and its peak memory in MiB
    (VmHWM: the most it held resident)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc")
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        result = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(peak_file), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUTF8": "1"},
            timeout=timeout,
            check=False,
        )
        peak = int(peak_file.read_text()) / 1024
    return result.returncode, result.stdout, result.stderr, peak


def pdf_text(path: Path, first: int = 1, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last or first)]
    args = ["pdftotext", "-layout", *pages, str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
