"""Generated event logs with what makes discovery hard: loops, an activity repeated at once,
timestamp ties, one-event cases, and rows of a case spread through the file out of time order."""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

ACTIVITIES = ("Visit site", "Search", "View product", "Add to cart", "Checkout", "Pay", "Help")


def generated_events(seed: int, cases: int = 300) -> list[tuple[str, str, str]]:
    """(case, activity, ISO time) rows, shuffled so that the file order is not time order
    except between events of one case that share a time, whose relative order is kept."""
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, 9, 0, 0)
    rows: list[tuple[int, int, str, str, str]] = []
    for n in range(cases):
        case = f"c{n:04d}"
        length = 1 if rng.random() < 0.15 else rng.randint(2, 12)
        when = start + timedelta(minutes=rng.randint(0, 100_000))
        for i in range(length):
            if i == 0:
                activity = ACTIVITIES[0]
            elif rng.random() < 0.2:  # the same activity again, or back to the one before
                activity = rows[-1][3] if rng.random() < 0.5 else rng.choice(ACTIVITIES[:3])
            else:
                activity = rng.choice(ACTIVITIES)
            if i and rng.random() > 0.3:  # else a tie with the event before
                when += timedelta(seconds=rng.randint(1, 5000))
            rows.append((n, i, case, activity, when.isoformat()))
    # Each case's time groups in a random order (a tie's events keep theirs), the cases'
    # events dealt to random places in the file.
    by_case: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for row in rows:
        by_case.setdefault(row[0], []).append(row)
    slots = list(range(len(rows)))
    rng.shuffle(slots)
    free = iter(slots)
    placed: list[tuple[int, int, str, str, str] | None] = [None] * len(rows)
    for events in by_case.values():
        chosen = sorted(next(free) for _ in events)
        for slot, event in zip(chosen, _time_then_reversed(events, rng), strict=True):
            placed[slot] = event
    return [(r[2], r[3], r[4]) for r in placed if r is not None]


def _time_then_reversed(
    events: list[tuple[int, int, str, str, str]], rng: random.Random
) -> list[tuple[int, int, str, str, str]]:
    """The case's events in file order: groups of one time kept in order, groups shuffled."""
    groups: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for event in events:
        groups.setdefault(event[4], []).append(event)
    keys = list(groups)
    rng.shuffle(keys)
    return [event for key in keys for event in groups[key]]


def expected_traces(rows: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Each case's activities by time, ties in file order: the rule, computed plainly."""
    cases: dict[str, list[tuple[str, int, str]]] = {}
    for i, (case, activity, when) in enumerate(rows):
        cases.setdefault(case, []).append((when, i, activity))
    return {case: [a for *_, a in sorted(events)] for case, events in cases.items()}


def write_log(path: Path, rows: list[tuple[str, str, str]], delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["case_id", "activity", "timestamp"])
        writer.writerows(rows)
    return path
