"""Scale benchmark: ``cjo validate`` and a save at 1x, 2x and 4x the size, for each shape of
map in ``tests/robustness/scale_maps.py``; with ``--report``, ``cjo report`` on large maps.

Run: ``.venv/bin/python tests/bench/bench_scale.py [BASE] [--report]`` (not part of the test
run; BASE items per shape at 1x, default 10,000). The machine is shared and noisy, so besides
the times it prints ratios measured in the same run: each size against 1x (linear work
doubles, 2.0 and 4.0; quadratic work quadruples, 4 and 16), and each validate against
``json.loads`` of the same text, a linear baseline whose ratio stays flat when validate is
linear too. Python's garbage collector adds a step where a size first crosses one of its
thresholds (about 20-30% between 10,000 and 20,000 items); a base of 20,000 shows cleaner
ratios.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

import scale_maps

from cjo_desktop.cli import main as cjo
from cjo_desktop.io import dumps_map, load_map

SHAPES = ("cards", "rules", "stages", "snapshots", "emotions", "flows", "notes", "metrics")
SHAPES += ("card_metrics", "card_snapshots", "compared", "tags", "detail")
#: Shapes whose 4x size would pass the item limit at the default base: run at a quarter.
SMALLER = {"cards": 4, "metrics": 2, "emotions": 2, "rules": 40}
REPEATS = 3

PEAK = """
import sys
from cjo_desktop.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open("/proc/self/status") as f:
        peak = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
    open(sys.argv[1], "w").write(peak)
sys.exit(status)
"""


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def validate(path: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cjo(["validate", str(path)])


def scale_rows(folder: Path, base: int) -> None:
    print(f"{'shape':15} {'items':>9} {'validate':>9} {'x 1x':>6} {'/ json':>7} {'save':>7}")
    for shape in SHAPES:
        size = base // SMALLER.get(shape, 1)
        first: float | None = None
        for k in (1, 2, 4):
            text = scale_maps.text(shape, size * k)
            path = folder / f"{shape}-{k}.cjo.json"
            path.write_text(text, encoding="utf-8")
            status = validate(path)
            took = best(lambda p=path: validate(p))
            parse = best(lambda t=text: json.loads(t))
            first = first or took
            saved = best(lambda p=path: dumps_map(load_map(p))) if status == 0 else float("nan")
            verdict = "" if status == 0 else "  (refused)"
            print(
                f"{shape:15} {size * k:>9,} {took:>8.2f}s {took / first:>6.1f} "
                f"{took / parse:>7.1f} {saved:>6.2f}s{verdict}",
                flush=True,
            )


def report_rows(folder: Path) -> None:
    print(f"\n{'cjo report':15} {'cards':>9} {'time':>9} {'peak':>9}")
    for cards in (5_000, 10_000, 20_000, 40_000):
        path = folder / f"report-{cards}.cjo.json"
        path.write_text(scale_maps.text("cards", cards), encoding="utf-8")
        peak_file = folder / "peak"
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                PEAK,
                str(peak_file),
                "report",
                str(path),
                "-o",
                str(folder / "report.pdf"),
            ],
            check=True,
            capture_output=True,
        )
        took = time.perf_counter() - started
        peak = int(peak_file.read_text()) / 1024
        print(f"{'':15} {cards:>9,} {took:>8.1f}s {peak:>6.0f} MiB", flush=True)


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    base = int(numbers[0]) if numbers else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        scale_rows(Path(tmp), base)
        if "--report" in sys.argv:
            report_rows(Path(tmp))


if __name__ == "__main__":
    main()
