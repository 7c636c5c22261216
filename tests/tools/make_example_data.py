"""Writes the example data that ships beside the example map (run it to regenerate).

    .venv/bin/python tests/tools/make_example_data.py

The numbers are made up but behave like real ones: each touchpoint's survey answers follow
the feeling drawn on the map (the payment step and the support call score badly), segments
differ a little, a few answers are blank, and the second quarter's file shows the payment
step after a redesign. Seeded, so the files are the same on every run.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]

from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

OUT = example_path().parent / "outdoor-gear-shop-data"
SEGMENTS = {"Weekend hiker": 0.25, "Family camper": -0.2, "Trail runner": 0.05}
SURVEYED = 3200


def clamp(x: float, low: int, high: int) -> int:
    return max(low, min(high, round(x)))


def responses(rng: random.Random, months: list[int], fix_payment: bool) -> list[list[str]]:
    journey = load_map(example_path())
    touchpoints = journey.touchpoints()
    mood = {}
    for tp in touchpoints:
        feelings = [e.valence for e in journey.emotions(tp.id) if e.persona_id is None]
        mood[tp.id] = feelings[0] if feelings else 0.5
    if fix_payment:
        mood["tp-checkout-payment"] = 0.5
    weights = [3 if tp.stage_id in ("st-decision", "st-consideration") else 1 for tp in touchpoints]
    rows = []
    for _ in range(SURVEYED):
        tp = rng.choices(touchpoints, weights)[0]
        segment = rng.choices(list(SEGMENTS), [0.5, 0.3, 0.2])[0]
        base = mood[tp.id] + SEGMENTS[segment] + rng.gauss(0, 1.1)
        nps = str(clamp(7 + 1.6 * base, 0, 10)) if rng.random() > 0.06 else ""
        csat = str(clamp(3.6 + 0.7 * base, 1, 5)) if rng.random() > 0.1 else ""
        ces = str(clamp(3.2 - 1.0 * base, 1, 7)) if rng.random() > 0.3 else ""
        day = f"2025-{rng.choice(months):02d}-{rng.randint(1, 28):02d}"
        rows.append([tp.name, nps, csat, ces, segment, day])
    rows.sort(key=lambda r: r[5])
    return rows


def write_survey(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["touchpoint", "nps", "csat", "ces", "segment", "date"])
        writer.writerows(rows)


def write_funnel(path: Path) -> None:
    """Flow rows (from, to, count) as web analytics exports them, names as on the map."""
    journey = load_map(example_path())
    names = {t.id: t.name for t in journey.touchpoints()}
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["from", "to", "visitors"])
        for flow in journey.flows():
            if flow.count is not None:
                target = "" if flow.target is None else names[flow.target]
                writer.writerow([names[flow.source], target, flow.count])


def write_aggregated(path: Path, rng: random.Random) -> None:
    """One row per touchpoint, one column per metric, as a BI tool exports it."""
    journey = load_map(example_path())
    book = Workbook()
    sheet = book.active
    sheet.title = "Q1 2025"
    sheet.append(["Touchpoint", "Avg order value (EUR)", "Support tickets", "Resolution hours"])
    for tp in journey.touchpoints():
        aov = round(rng.uniform(60, 140), 2) if tp.stage_id == "st-decision" else None
        tickets = rng.randint(0, 40) if tp.stage_id != "st-awareness" else 0
        hours = round(rng.uniform(2, 48), 1) if tickets else None
        sheet.append([tp.name, aov, tickets, hours])
    notes = book.create_sheet("Notes")
    notes.append(["Exported from the BI dashboard, March 2025"])
    book.save(path)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    rng = random.Random(2025)
    write_survey(OUT / "survey-2025-q1.csv", responses(rng, [1, 2, 3], fix_payment=False))
    write_survey(OUT / "survey-2025-q2.csv", responses(rng, [4, 5, 6], fix_payment=True))
    write_funnel(OUT / "funnel-2025-03.csv")
    write_aggregated(OUT / "kpis-2025-q1.xlsx", rng)
    print(f"wrote {sorted(p.name for p in OUT.iterdir())} in {OUT}")


if __name__ == "__main__":
    main()
