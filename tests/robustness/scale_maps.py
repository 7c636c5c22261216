"""Map files of a chosen size and shape, for the scale tests and the scale benchmark.

Each shape piles items into one part of the file (thousands of rules, of stages, of emotions
on one card...), where a check that compares every item with every other once hid. ``build``
returns the parsed JSON; :func:`text` its file text. Sizes are the number of piled-up items.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

Data = dict[str, Any]


def _base(cards: int = 1, stages: int = 1) -> Data:
    return {
        "schema_version": 3,
        "title": "Scale",
        "stages": [{"id": f"s{i}", "name": f"Stage {i}"} for i in range(stages)],
        "touchpoints": [
            {"id": f"t{i}", "name": f"Touchpoint {i}", "stage": f"s{i * stages // cards}"}
            for i in range(cards)
        ],
    }


def cards(n: int) -> Data:
    """A large map as people would draw one: n cards over 8 stages, a flow from each card to
    the next, a drop-off at every third, a feeling on every other card, an NPS on each and a
    CSAT on every other, a pain point and its fix on every tenth. About 4.8 items a card, so
    40,000 cards stay within the item limit."""
    rng = random.Random(n)
    data = _base(n, 8)
    for i, card in enumerate(data["touchpoints"]):
        card["channel"] = ("web", "app", "store")[i % 3]
    flows: list[Data] = []
    for i in range(n - 1):
        flows.append({"source": f"t{i}", "target": f"t{i + 1}", "count": rng.randint(100, 999)})
        if i % 3 == 0:
            flows.append({"source": f"t{i}", "target": None, "count": rng.randint(1, 99)})
    data["flows"] = flows
    data["emotions"] = [
        {"id": f"e{i}", "touchpoint": f"t{i}", "valence": rng.randint(-2, 2)}
        for i in range(0, n, 2)
    ]
    values: list[Data] = []
    for i in range(n):
        nps = {"touchpoint": f"t{i}", "metric": "nps", "value": rng.randint(-60, 60), "n": 100}
        if i % 10 == 0:
            promoters = rng.randint(0, 100)
            nps["value"] = promoters - (100 - promoters)
            nps["detail"] = {"promoters": promoters, "passives": 0, "detractors": 100 - promoters}
        values.append(nps)
        if i % 2 == 0:
            csat = round(rng.uniform(30, 90), 2)
            values.append({"touchpoint": f"t{i}", "metric": "csat_top2", "value": csat, "n": 100})
    data["snapshots"] = [{"label": "Q1", "provenance": {"source": "q1.csv"}, "values": values}]
    data["pain_points"] = [
        {"id": f"pp{i}", "touchpoint": f"t{i}", "severity": "high", "description": "Slow"}
        for i in range(0, n, 10)
    ]
    data["opportunities"] = [
        {"id": f"op{i}", "touchpoint": f"t{i}", "pain_point": f"pp{i}", "name": "Faster"}
        for i in range(0, n, 10)
    ]
    return data


def rules(n: int) -> Data:
    data = _base()
    data["painpoint_settings"] = {
        "rules": [
            {"name": f"r{i}", "metric": "nps", "op": "<", "threshold": 0, "severity": "high"}
            for i in range(n)
        ]
    }
    return data


def stages(n: int) -> Data:
    """n stages of one card each, a flow from each card to the next."""
    data = _base(n, n)
    data["flows"] = [{"source": f"t{i}", "target": f"t{i + 1}"} for i in range(n - 1)]
    return data


def snapshots(n: int) -> Data:
    data = _base()
    data["snapshots"] = [
        {"label": f"import {i}", "provenance": {"source": "x.csv"}} for i in range(n)
    ]
    return data


def emotions(n: int) -> Data:
    """n feelings on one card, a persona each for half of them."""
    data = _base()
    data["personas"] = [{"id": f"p{i}", "name": f"Persona {i}"} for i in range(n // 2)]
    data["emotions"] = [
        {"id": f"e{i}", "touchpoint": "t0", "valence": i % 5 - 2}
        | ({"persona": f"p{i // 2}"} if i % 2 else {})
        for i in range(n)
    ]
    return data


def flows(n: int) -> Data:
    """About n flows among few cards: every card linked to every other."""
    k = max(2, int(n**0.5))
    data = _base(k, 2)
    data["flows"] = [
        {"source": f"t{i}", "target": f"t{j}", "count": 1} for i in range(k) for j in range(k)
    ][:n]
    return data


def notes(n: int) -> Data:
    """n/2 pain points on one card, each answered by one opportunity."""
    data = _base()
    half = n // 2
    data["pain_points"] = [
        {"id": f"pp{i}", "touchpoint": "t0", "severity": "low", "description": f"Pain {i}"}
        for i in range(half)
    ]
    data["opportunities"] = [
        {"id": f"op{i}", "touchpoint": "t0", "pain_point": f"pp{i}", "name": f"Fix {i}"}
        for i in range(half)
    ]
    return data


def metrics(n: int) -> Data:
    """One snapshot with n metrics on one card and n journey-wide values."""
    data = _base()
    data["snapshots"] = [
        {
            "label": "wide",
            "provenance": {"source": "x.csv"},
            "values": [{"touchpoint": "t0", "metric": f"m{i}", "value": 1.0} for i in range(n)],
            "summary": [{"metric": f"m{i}", "value": 1.0} for i in range(n)],
        }
    ]
    return data


def tags(n: int) -> Data:
    data = _base()
    data["touchpoints"][0]["tags"] = [f"tag {i}" for i in range(n)]
    return data


def detail(n: int) -> Data:
    data = _base()
    value = {"touchpoint": "t0", "metric": "nps", "value": 1.0, "detail": {}}
    value["detail"] = {f"d{i}": 1.0 for i in range(n)}
    data["snapshots"] = [{"label": "L", "provenance": {"source": "x"}, "values": [value]}]
    return data


def card_metrics(n: int) -> Data:
    """n cards, each with a metric of its own: n columns of metrics by n rows of cards."""
    data = _base(n, 4)
    data["snapshots"] = [
        {
            "label": "one each",
            "provenance": {"source": "x.csv"},
            "values": [{"touchpoint": f"t{i}", "metric": f"m{i}", "value": 1.0} for i in range(n)],
        }
    ]
    return data


def card_snapshots(n: int) -> Data:
    """n/2 cards and n/2 snapshots, each snapshot with a value on one card."""
    half = max(1, n // 2)
    data = _base(half, 4)
    data["snapshots"] = [
        {
            "label": f"import {i}",
            "provenance": {"source": "x.csv"},
            "values": [{"touchpoint": f"t{i}", "metric": "nps", "value": 1.0, "n": 50}],
        }
        for i in range(half)
    ]
    return data


def compared(n: int) -> Data:
    """n/3 cards with an NPS in a first snapshot, then n/3 snapshots sharing none of it: a
    report looking for the latest snapshot to compare the first with reads them all."""
    third = max(1, n // 3)
    data = _base(third, 4)
    first = [{"touchpoint": f"t{i}", "metric": "nps", "value": 1.0} for i in range(third)]
    data["snapshots"] = [{"label": "first", "provenance": {"source": "x.csv"}, "values": first}]
    data["snapshots"] += [
        {"label": f"later {i}", "provenance": {"source": "x.csv"}} for i in range(third)
    ]
    return data


SHAPES: dict[str, Callable[[int], Data]] = {
    "cards": cards,
    "rules": rules,
    "stages": stages,
    "snapshots": snapshots,
    "emotions": emotions,
    "flows": flows,
    "notes": notes,
    "metrics": metrics,
    "tags": tags,
    "detail": detail,
    "card_metrics": card_metrics,
    "card_snapshots": card_snapshots,
    "compared": compared,
}


def build(shape: str, n: int) -> Data:
    return SHAPES[shape](n)


def text(shape: str, n: int) -> str:
    return json.dumps(build(shape, n), separators=(",", ":"))
