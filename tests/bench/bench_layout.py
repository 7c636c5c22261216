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
from cjo_desktop.drawing.layout import _cached_grid, compute_layout

RUNS = 15


def timed(
    work: Callable[[], object], before: Callable[[int], object], runs: int = RUNS
) -> tuple[float, float, float]:
    """Best and median wall time and median CPU time of this process for ``work``, in ms,
    with ``before(i)`` run (untimed) ahead of each run. On a loaded machine the wall time
    includes waiting for a core; the CPU time does not."""
    wall, cpu = [], []
    for i in range(runs):
        before(i)
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return min(wall), statistics.median(wall), statistics.median(cpu)


def edits(journey: Journey) -> list[tuple[str, Callable[[int], object]]]:
    """One edit of each kind a user makes, a new one before every run, in the middle stage."""
    middle = journey.touchpoints(journey.stages()[5].id)
    stage = middle[0].stage_id

    def add_flow(i: int) -> None:
        a, b = middle[20 + i], middle[60 + i]
        if not journey.has_flow(a.id, b.id):
            journey.add_flow(a.id, b.id)

    return [
        ("rename a card", lambda i: journey.rename(middle[i].id, f"Renamed {i}")),
        ("add a card", lambda i: journey.add_touchpoint(stage, f"New {i}", channel="web")),
        ("move a card by hand", lambda i: journey.update(middle[i].id, position=Position(40, 9))),
        ("add a flow", add_flow),
    ]


def main() -> None:
    journey = generated_map()
    print(
        f"map: {len(journey.stages())} stages, {len(journey.touchpoints())} touchpoints, "
        f"{len(journey.flows())} flows"
    )
    layout = compute_layout(journey)
    columns = len({r.x for r in layout.cards.values()})
    print(f"{columns} card columns, {layout.width:.0f} px wide")
    # The baseline: a full layout from nothing (no stage's grid remembered).
    base_best, base_median, base_cpu = timed(
        lambda: compute_layout(journey), lambda _: _cached_grid.cache_clear()
    )
    print(
        f"full layout from nothing: best {base_best:.1f} ms, median {base_median:.1f} ms, "
        f"CPU {base_cpu:.1f} ms"
    )
    for name, edit in edits(journey):
        best, median, cpu = timed(lambda: compute_layout(journey), edit)
        verdict = "under" if median < 50 else "OVER"
        print(
            f"relayout after one '{name}': best {best:.1f} ms, median {median:.1f} ms, CPU "
            f"{cpu:.1f} ms ({median / base_median:.2f}x the full layout; {verdict} the 50 ms "
            "target)"
        )


if __name__ == "__main__":
    main()
