"""Routing benchmark: every flow of the 2,000-card, 4,000-flow map routed and labelled.

Run: ``.venv/bin/python tests/bench/bench_routing.py`` (not part of the test run). Prints CPU
times (best and median of several runs, since this machine is shared) of ``route_map`` and,
as the baseline measured in the same process, of ``compute_layout`` on the same map (the other
plain-Python pass the scene makes before the first frame), with their ratio; and how the
routes came out: templates through the grid's channels, searched routes, failures (routes
drawn through cards) and labels left out for lack of room.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_canvas import generated_map

from cjo_desktop.drawing import map_routes
from cjo_desktop.drawing.layout import compute_layout
from cjo_desktop.drawing.routing import Router

RUNS = 7


def cpu_times(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000)
    return min(times), statistics.median(times)


def measure(text: str) -> tuple[float, float]:
    """About the canvas's 12 px bold label."""
    return 7.0 * len(text) + 8, 16.0


def main() -> None:
    journey = generated_map()
    layout = compute_layout(journey)
    routers: list[Router] = []

    class Counting(Router):
        def __init__(self, *args: float | dict[str, object]) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            routers.append(self)

    map_routes.Router = Counting  # type: ignore[misc]
    drawn = map_routes.route_map(journey, layout, measure)
    router = routers[-1]
    labels = sum(1 for f in drawn.values() if f.text)
    left_out = sum(1 for f in drawn.values() if f.text and f.label is None)
    print(
        f"map: {len(layout.cards)} cards, {len(drawn)} flows; searched {router.searched}, "
        f"failed {router.failed}; labels left out {left_out} of {labels}"
    )
    base_best, base_median = cpu_times(lambda: compute_layout(journey))
    best, median = cpu_times(lambda: map_routes.route_map(journey, layout, measure))
    print(f"compute_layout (baseline): best {base_best:.0f} ms, median {base_median:.0f} ms")
    print(
        f"route_map: best {best:.0f} ms, median {median:.0f} ms; "
        f"ratio to baseline {median / base_median:.1f}x (median)"
    )


if __name__ == "__main__":
    main()
