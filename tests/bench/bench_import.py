"""Import benchmark: ``cjo import-metrics`` on 1,000,000 survey responses against pandas.

Run: ``.venv/bin/python tests/bench/bench_import.py [ROWS]`` (not part of the test run).
Both sides run as child processes of this one, in the same run, so their times and peak memory
(max RSS) compare on equal terms on a noisy machine. The pandas side is what an analyst would
write: ``read_csv`` with its defaults, then ``groupby`` computing the same scores (NPS with
its counts, CSAT top-2 share and mean, CES mean, n per touchpoint).

Targets (issue 4): at least 1.5x as fast as pandas, and peak memory under 500 MB.
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cjo_desktop.domain import Journey
from cjo_desktop.io import save_map

TOUCHPOINTS = 30
PANDAS = """
import sys, time
import pandas as pd
start = time.perf_counter()
df = pd.read_csv(sys.argv[1])
df["promoter"] = df["nps"] >= 9
df["detractor"] = df["nps"] <= 6
df["top2"] = df["csat"] >= 4
g = df.groupby("touchpoint")
out = g.agg(n=("nps", "count"), promoters=("promoter", "sum"), detractors=("detractor", "sum"),
            csat_n=("csat", "count"), csat_top2=("top2", "sum"), csat_mean=("csat", "mean"),
            csat_sd=("csat", "std"), ces_mean=("ces", "mean"), ces_sd=("ces", "std"))
out["nps"] = 100 * (out["promoters"] - out["detractors"]) / out["n"]
sys.stderr.write(f"work {time.perf_counter() - start}")
"""

#: The cjo side, timed the same way: once the interpreter and the imports (its dataframe
#: library, the file format and the readers too, as pandas' import is outside the pandas
#: side's time) are up. The command itself imports them only when it runs.
OURS = """
import sys, time
import polars
import cjo_desktop.io.files, cjo_desktop.io.imports.run
from cjo_desktop.cli import main
start = time.perf_counter()
status = main(sys.argv[1:])
sys.stderr.write(f"work {time.perf_counter() - start}")
sys.exit(status)
"""


def generate(path: Path, rows: int) -> None:
    rng = random.Random(11)
    names = [f"Touchpoint {i + 1}" for i in range(TOUCHPOINTS)]
    segments = ["Weekend hiker", "Family camper", "Trail runner"]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["touchpoint", "nps", "csat", "ces", "segment", "date"])
        for _ in range(rows):
            writer.writerow(
                [
                    rng.choice(names),
                    rng.randint(0, 10),
                    rng.randint(1, 5),
                    rng.randint(1, 7),
                    rng.choice(segments),
                    f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                ]
            )


def run(argv: list[str]) -> tuple[float, float, float]:
    """Whole-process wall time, the child's own timing of its work (after start-up and
    imports), and its peak RSS in MB (wait4 reports it for that one process)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[:3]} failed: {err}")
    return elapsed, float(err.rsplit("work ", 1)[1]), usage.ru_maxrss / 1024


def best(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def prepare(folder: Path, rows: int) -> tuple[Path, Path, str]:
    """The responses file, the map they go onto, both sides' scripts in ``folder``, and the
    interpreter of the pandas side."""
    data = folder / "responses.csv"
    generate(data, rows)
    journey = Journey("Benchmark")
    stage = journey.add_stage("All")
    for i in range(TOUCHPOINTS):
        journey.add_touchpoint(stage.id, f"Touchpoint {i + 1}")
    map_path = folder / "bench.cjo.json"
    save_map(journey, map_path)
    (folder / "pandas_side.py").write_text(PANDAS)
    (folder / "ours.py").write_text(OURS)
    # CJO_BENCH_PANDAS_PYTHON runs the pandas side with another interpreter, e.g. a venv
    # with pandas 2.x (pandas 3 reads CSV about twice as fast as 2.x did).
    return data, map_path, os.environ.get("CJO_BENCH_PANDAS_PYTHON", sys.executable)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data, map_path, pandas_python = prepare(folder, rows)
        pandas_cmd = [pandas_python, str(folder / "pandas_side.py"), str(data)]
        ours_cmd = [
            sys.executable,
            str(folder / "ours.py"),
            "import-metrics",
            str(map_path),
            str(data),
            "--nps",
            "nps",
            "--csat",
            "csat",
            "--ces",
            "ces",
            "--csat-best",
            "high",
            "--ces-scale",
            "7",
            "--ces-best",
            "low",
            "--date",
            "date",
            "--snapshot",
            "bench",
            "-o",
            str(folder / "out.cjo.json"),
        ]
        run(ours_cmd)  # warm the file cache and compiled modules for both sides
        ours, theirs = [], []
        for _ in range(3):  # alternate, keep each one's best: the machine is shared
            theirs.append(run(pandas_cmd))
            ours.append(run(ours_cmd))
        size = data.stat().st_size / 2**20
    o_wall, o_work, o_peak = best(ours)
    p_wall, p_work, p_peak = best(theirs)
    print(
        f"{rows:,} responses over {TOUCHPOINTS} touchpoints ({size:.0f} MiB CSV); best of 3 "
        "runs each, alternating; peak RSS is the largest of the three"
    )
    print(
        f"cjo import-metrics: work {o_work:.2f} s (load map, read, compute, save, report), "
        f"whole process {o_wall:.2f} s; peak RSS {o_peak:.0f} MB"
    )
    version = subprocess.run(
        [pandas_python, "-c", "import pandas; print(pandas.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(
        f"pandas {version} read_csv + groupby: work {p_work:.2f} s, whole process "
        f"{p_wall:.2f} s; "
        f"peak RSS {p_peak:.0f} MB"
    )
    print(
        f"speed-up on the work: {p_work / o_work:.2f}x (target >= 1.5x); on whole processes "
        f"(start-up and imports included): {p_wall / o_wall:.2f}x; memory target < 500 MB"
    )


if __name__ == "__main__":
    main()
