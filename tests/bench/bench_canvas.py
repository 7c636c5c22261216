"""Canvas benchmark: a generated map of 2,000 touchpoints and 4,000 flows over 10 stages.

Run: ``.venv/bin/python tests/bench/bench_canvas.py`` (not part of the test run). Prints
absolute times and, because this machine is shared and noisy, ratios against a baseline
measured in the same process: the same view repainting a scene of the same number of plain
Qt rectangle items (Qt's own cost for that many items, with no Python in the paint path).

Targets (issue 3): first frame under 1.5 s; median repaint under 16 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

from cjo_desktop.canvas.export import png_bytes, scene_for
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path

CHANNELS = ["web", "email", "mobile app", "store", "phone", "social"]
VIEW_SIZE = (1600, 900)
REPAINTS = 40


def generated_map(stages: int = 10, touchpoints: int = 2000, flows: int = 4000) -> Journey:
    rng = random.Random(7)
    journey = Journey("Benchmark: 2,000 touchpoints")
    stage_ids = [journey.add_stage(f"Stage {i + 1}").id for i in range(stages)]
    tps: list[str] = []
    for i in range(touchpoints):
        stage = stage_ids[i * stages // touchpoints]
        tp = journey.add_touchpoint(stage, f"Touchpoint {i + 1}", channel=rng.choice(CHANNELS))
        tps.append(tp.id)
        journey.add_emotion(tp.id, rng.randint(-2, 2))
    made = 0
    while made < flows:
        a = rng.randrange(len(tps))
        b = (
            min(len(tps) - 1, a + rng.randint(1, 40))
            if rng.random() < 0.9
            else rng.randrange(a + 1)
        )
        if a != b and not journey.has_flow(tps[a], tps[b]):
            journey.add_flow(tps[a], tps[b], count=rng.randint(10, 5000))
            made += 1
    return journey


def repaint_times(view: JourneyView, n: int = REPAINTS) -> list[float]:
    """Pan by one full viewport each time (every pixel new) and repaint synchronously."""
    bar = view.horizontalScrollBar()
    step = max(1, view.viewport().width())
    times = []
    for i in range(n):
        value = bar.minimum() + (i * step) % max(1, bar.maximum() - bar.minimum() + 1)
        bar.setValue(value)
        start = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    journey = generated_map()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.cjo.json"
        save_map(journey, path)

        start = time.perf_counter()
        loaded = load_map(path)
        loaded_at = time.perf_counter()
        scene = JourneyScene()
        scene.set_journey(loaded)
        view = JourneyView(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        view.fit()
        view.viewport().repaint()
        app.processEvents()
        first_frame = time.perf_counter() - start
        load_only = loaded_at - start

    fit_times = repaint_times(view)
    view.set_zoom(1.0)
    full_times = repaint_times(view)

    baseline_scene = QGraphicsScene()
    for rect in scene.layout.cards.values():  # type: ignore[union-attr]
        baseline_scene.addItem(QGraphicsRectItem(QRectF(rect.x, rect.y, rect.w, rect.h)))
    baseline_scene.setSceneRect(scene.sceneRect())
    baseline_view = JourneyView(baseline_scene)
    baseline_view.resize(*VIEW_SIZE)
    baseline_view.show()
    app.processEvents()
    baseline_view.fit()
    base_fit = repaint_times(baseline_view)
    baseline_view.set_zoom(1.0)
    base_full = repaint_times(baseline_view)

    example = load_map(example_path())
    start = time.perf_counter()
    png = png_bytes(scene_for(example), 2.0)
    export_time = time.perf_counter() - start
    start = time.perf_counter()
    png_bytes(scene_for(example), 1.0)
    export_baseline = time.perf_counter() - start

    fit_med, fit_p95 = summary(fit_times)
    full_med, full_p95 = summary(full_times)
    bfit_med, _ = summary(base_fit)
    bfull_med, _ = summary(base_full)
    print(
        f"map: {len(loaded.touchpoints())} touchpoints, {len(loaded.flows())} flows, "
        f"{len(loaded.stages())} stages; view {VIEW_SIZE[0]}x{VIEW_SIZE[1]}"
    )
    print(
        f"load file: {load_only * 1000:.0f} ms; load + first frame: {first_frame * 1000:.0f} ms "
        "(target < 1500 ms)"
    )
    print(
        f"repaint at fit ({view_zoom_label(fit=True)}): median {fit_med:.1f} ms, "
        f"p95 {fit_p95:.1f} ms; baseline median {bfit_med:.1f} ms -> "
        f"ratio {fit_med / max(bfit_med, 1e-6):.2f}x"
    )
    print(
        f"repaint at 100%: median {full_med:.1f} ms, p95 {full_p95:.1f} ms; baseline median "
        f"{bfull_med:.1f} ms -> ratio {full_med / max(bfull_med, 1e-6):.2f}x"
    )
    print(
        f"PNG export of the example at scale 2: {export_time * 1000:.0f} ms "
        f"({len(png) // 1024} KiB); scale 1 in the same run: {export_baseline * 1000:.0f} ms "
        f"-> ratio {export_time / max(export_baseline, 1e-6):.2f}x"
    )


def view_zoom_label(fit: bool) -> str:
    return "fit to window" if fit else "100%"


if __name__ == "__main__":
    main()
