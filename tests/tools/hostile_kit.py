"""The pieces of tests/tools/hostile_tally.py: running a command in its own process with a time
limit, judging what came back, and the registry the cases add themselves to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "outdoor-gear-shop.cjo.json"
DATA = EXAMPLE.parent / "outdoor-gear-shop-data"
CLEAN, TRACEBACK, LOST, HANG, CRASH, WRONG = (
    "clean",
    "traceback",
    "data lost",
    "hang",
    "crash",
    "wrong output",
)


@dataclass
class Run:
    code: int | None  # None: killed after the time limit
    out: str
    err: str


def run(
    args: list[str | Path],
    *,
    timeout: float = 90,
    stdout: int | None = subprocess.PIPE,
    stdin: int | None = subprocess.DEVNULL,
    env: dict[str, str] | None = None,
) -> Run:
    command = [os.fsencode(a) if isinstance(a, Path) else a for a in args]
    environment = {**os.environ, **(env or {})}
    try:
        done = subprocess.run(
            command,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=stdin,
            timeout=timeout,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Run(None, "", "")
    decode = lambda b: (b or b"").decode("utf-8", "replace")  # noqa: E731
    return Run(done.returncode, decode(done.stdout), decode(done.stderr))


def cjo(*args: str | Path, **options: object) -> Run:
    return run([sys.executable, "-m", "cjo_desktop.cli", *args], **options)  # type: ignore[arg-type]


def judge(result: Run, expect: str, *, json_out: bool = False) -> str:
    """``expect``: "ok" (exit 0), "refuse" (exit 1, one error line), "usage" (exit 2) or "any"
    (0 or a clean refusal)."""
    if result.code is None:
        return HANG
    if result.code < 0 or result.code > 2:
        return CRASH if result.code < 0 else TRACEBACK
    if "Traceback" in result.err:
        return TRACEBACK
    lines = result.err.splitlines()
    if result.code == 1 and not (
        len([ln for ln in lines if ln.startswith(("error:", "cjo"))]) == 1
        and any(": error:" in ln or ln.startswith("error:") for ln in lines)
    ):
        return WRONG
    if result.code == 2 and "error:" not in result.err:
        return WRONG
    wanted = {"ok": {0}, "refuse": {1}, "usage": {2}, "any": {0, 1}}[expect]
    if result.code not in wanted:
        return WRONG
    if json_out and result.code == 0:
        try:
            json.loads(result.out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        except ValueError:
            return WRONG
    return CLEAN


def unchanged(path: Path, before: bytes, verdict: str) -> str:
    if verdict == CLEAN and path.read_bytes() != before:
        return LOST
    return verdict


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    group: str
    name: str
    check: Callable[[Path], str]


CASES: list[Case] = []


def case(group: str, name: str) -> Callable[[Callable[[Path], str]], Callable[[Path], str]]:
    def add(check: Callable[[Path], str]) -> Callable[[Path], str]:
        CASES.append(Case(group, name, check))
        return check

    return add


def edited(folder: Path, name: str, edit: Callable[[dict], None], raw: bool = False) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    edit(data)
    path = folder / f"{name}.cjo.json"
    text = json.dumps(data, allow_nan=True, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path
