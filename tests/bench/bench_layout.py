"""Layout benchmark: the relayout after one edit on the 2,000-card, 4,000-flow map.

Run: ``.venv/bin/python tests/bench/bench_layout.py`` (not part of the test run). The scene
relays out the whole map after every edit, so the relayout after one edit is a full
``compute_layout`` of the edited map. Prints absolute times (best and median of several runs,
since this machine is shared) and the ratio of each edit's relayout to the first layout of the
unedited map, measured in the same process. Target (issue 13): under 50 ms after one edit.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_canvas import generated_map

from cjo_desktop.domain import Journey, Position
from cjo_desktop.drawing.layout import compute_layout

RUNS = 15


def timed(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float, float]:
    """Best and median wall time and median CPU time of this process, in ms (on a loaded
    machine the wall time includes waiting for a core; the CPU time does not)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return min(wall), statistics.median(wall), statistics.median(cpu)


def edits(journey: Journey) -> list[tuple[str, Callable[[], object]]]:
    """One edit of each kind a user makes, on a card in the middle of the map."""
    middle = journey.touchpoints(journey.stages()[5].id)
    a, b = middle[10], middle[11]
    return [
        ("rename a card", lambda: journey.rename(a.id, "Renamed")),
        ("add a card", lambda: journey.add_touchpoint(a.stage_id, "New", channel="web")),
        ("move a card by hand", lambda: journey.update(a.id, position=Position(40, 30))),
        (
            "add a flow",
            lambda: journey.add_flow(b.id, a.id) if not journey.has_flow(b.id, a.id) else None,
        ),
    ]


def main() -> None:
    journey = generated_map()
    print(
        f"map: {len(journey.stages())} stages, {len(journey.touchpoints())} touchpoints, "
        f"{len(journey.flows())} flows"
    )
    start = time.perf_counter()
    layout = compute_layout(journey)
    first = (time.perf_counter() - start) * 1000
    columns = len({(r.x) for r in layout.cards.values()})
    print(f"first layout: {first:.1f} ms ({columns} card columns, {layout.width:.0f} px wide)")
    base_best, base_median, base_cpu = timed(lambda: compute_layout(journey))
    print(
        f"full layout (unedited map): best {base_best:.1f} ms, median {base_median:.1f} ms, "
        f"CPU {base_cpu:.1f} ms"
    )
    for name, edit in edits(journey):
        edit()
        best, median, cpu = timed(lambda: compute_layout(journey))
        verdict = "under" if median < 50 else "OVER"
        print(
            f"relayout after '{name}': best {best:.1f} ms, median {median:.1f} ms, CPU "
            f"{cpu:.1f} ms ({median / base_median:.2f}x the full layout; {verdict} the 50 ms "
            "target)"
        )


if __name__ == "__main__":
    main()
