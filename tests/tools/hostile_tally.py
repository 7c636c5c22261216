"""Issue 11's attack classes and variants of them, run as a hostile or careless user would, each in
its own process with a time limit, and tallied: clean (success, or a clean refusal with the
file unchanged), traceback, data lost, hang, crash, wrong output.

    .venv/bin/python tests/tools/hostile_tally.py [--only CLASS] [-v]

The pytest suites in tests/robustness/ assert each class; this is the count for the issue's
note, and a quick way to try a new attack. Slow cases (a 40,000-card report) are left to the
scale suite and its benchmark.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import hostile_cases_data  # noqa: F401  (the cases register themselves)
import hostile_cases_scale  # noqa: F401
import hostile_cases_text  # noqa: F401
from hostile_kit import CASES, CLEAN

# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run one group: numbers, writers, files, names, cli")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = {}
    started = time.monotonic()
    for item in CASES:
        if args.only and item.group != args.only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            try:
                verdict = item.check(Path(folder))
            except Exception as exc:  # the case itself could not run here (an old checkout)
                verdict = f"not run ({type(exc).__name__})"
        tally[verdict] += 1
        by_group.setdefault(item.group, Counter())[verdict] += 1
        if args.verbose or verdict != CLEAN:
            print(f"{verdict:>13}  {item.group}: {item.name}", flush=True)
    print(f"\n{sum(tally.values())} cases in {time.monotonic() - started:.0f} s")
    for group, counts in by_group.items():
        print(f"  {group:<8} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("  total    " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0 if set(tally) <= {CLEAN} else 1


if __name__ == "__main__":
    sys.exit(main())
