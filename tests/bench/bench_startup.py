"""Start-up benchmark: what a command costs before it does anything, and the 1M import.

Run: ``.venv/bin/python tests/bench/bench_startup.py [ROWS]`` (not part of the test run).
All figures come from one run, as ratios against a baseline measured in the same run, because
this machine is shared and noisy:

- ``cjo --version`` and ``cjo info`` of the bundled example against a bare ``python -c pass``
  (target: ``cjo --version`` within 5x);
- ``cjo import-metrics`` of ROWS (default 1,000,000) survey responses against the pandas script
  of ``bench_import.py``: its work, timed as that benchmark times it, after the interpreter and
  the imports are up on both sides (target: at most 0.67x the pandas script's), and the whole
  processes, start-up and imports included, for the record.

Commands alternate round by round and each keeps its median, so a burst of load hits all alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_import import TOUCHPOINTS, prepare, run

from cjo_desktop.io.templates import DEFAULT_EXAMPLE, resources_dir

ROUNDS = 15


def cjo_command() -> list[str]:
    """The installed ``cjo`` entry point next to this interpreter, as a user runs it."""
    script = Path(sys.executable).with_name("cjo")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cjo_desktop.cli"]


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def medians(commands: dict[str, list[str]], rounds: int) -> dict[str, float]:
    for argv in commands.values():  # compiled modules and the file cache warm for everyone
        wall(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            times[name].append(wall(argv))
    return {name: statistics.median(t) for name, t in times.items()}


def startup() -> None:
    example = resources_dir() / "examples" / f"{DEFAULT_EXAMPLE}.cjo.json"
    cjo = cjo_command()
    got = medians(
        {
            "python -c pass": [sys.executable, "-c", "pass"],
            "cjo --version": [*cjo, "--version"],
            "cjo info EXAMPLE": [*cjo, "info", str(example)],
        },
        ROUNDS,
    )
    bare = got["python -c pass"]
    print(f"start-up, median of {ROUNDS} alternating runs each:")
    for name, seconds in got.items():
        print(f"  {name:<18} {seconds * 1000:7.1f} ms  {seconds / bare:5.1f}x bare")
    print(f"  target: cjo --version within 5x bare: {got['cjo --version'] / bare:.1f}x")


def big_import(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data, map_path, pandas_python = prepare(folder, rows)
        flags = ["--nps", "nps", "--csat", "csat", "--ces", "ces", "--date", "date"]
        args = ["import-metrics", str(map_path), str(data), *flags, "--snapshot", "bench"]
        commands = {
            "pandas script": [pandas_python, str(folder / "pandas_side.py"), str(data)],
            "cjo import-metrics": [sys.executable, str(folder / "ours.py"), *args, "-o"],
        }
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for round_ in range(4):  # the first round warms caches and is not counted
            for name, argv in commands.items():
                out = [str(folder / "out.cjo.json")] if name.startswith("cjo") else []
                if round_:
                    runs[name].append(run([*argv, *out]))
                else:
                    run([*argv, *out])
    ours, theirs = runs["cjo import-metrics"], runs["pandas script"]
    work = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in theirs)
    whole = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in theirs)
    print(f"{rows:,} survey responses, {TOUCHPOINTS} touchpoints; medians of 3 alternating runs:")
    for name, got in runs.items():
        print(
            f"  {name:<18} work {statistics.median(r[1] for r in got):5.2f} s, "
            f"whole process {statistics.median(r[0] for r in got):5.2f} s"
        )
    print(
        f"  work (after start-up and imports, as tests/bench/bench_import.py times it): "
        f"{work:.2f}x the pandas script (target at most 0.67x)"
    )
    print(f"  whole processes, start-up and imports included: {whole:.2f}x")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    startup()
    big_import(rows)


if __name__ == "__main__":
    main()
