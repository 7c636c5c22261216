"""The chance to reach the goal, checked against a dense linear solve of the whole absorbing
Markov chain (numpy, as a test-time oracle) and on loops worked by hand."""

from __future__ import annotations

import random

import numpy as np
import pytest

from cjo_desktop.analysis.reach import after_goal, reach_probabilities
from cjo_desktop.domain import Journey


def chain(flows: list[tuple[str, str | None, int | None]], cards: list[str]) -> Journey:
    j = Journey("reach")
    stage = j.add_stage("All").id
    for card in cards:
        j.add_touchpoint(stage, card.title(), id=card)
    for source, target, count in flows:
        j.add_flow(source, target, count=count)
    return j


def test_a_loop_that_keeps_999_in_1000_reaches_the_goal_half_the_time() -> None:
    """Of 10,000 leaving "loop" 9,990 go round again (through "back"), 5 buy and 5 leave:
    whoever enters buys with chance 5 / (5 + 5) = 0.5 exactly. Walking the loop until the
    chance settled stopped after 500 rounds far below it."""
    j = chain(
        [
            ("ad", "loop", 1_000),
            ("ad", None, 1_000),
            ("loop", "back", 9_990),
            ("loop", "buy", 5),
            ("loop", None, 5),
            ("back", "loop", 9_990),
        ],
        ["ad", "loop", "back", "buy"],
    )
    chance = reach_probabilities(j, "buy")
    assert abs(chance["ad"] - 0.5) < 1e-12  # who goes on from the ad enters the loop
    assert abs(chance["back"] - 0.5) < 1e-12
    # who goes on from "loop" (not leaving there): 9,990 round the loop, 5 buy
    assert abs(chance["loop"] - (9_990 * 0.5 + 5) / 9_995) < 1e-12
    assert chance["buy"] == 1.0


def test_a_flow_to_itself_changes_nothing_and_unknown_cards_are_left_out() -> None:
    j = chain(
        [
            ("a", "a", 500),
            ("a", "b", 30),
            ("a", "c", 10),
            ("b", "goal", 1),
            ("b", None, 3),
            ("c", "goal", None),  # no counted flow out: unknown, a step there counts as lost
        ],
        ["a", "b", "c", "goal"],
    )
    chance = reach_probabilities(j, "goal")
    assert set(chance) == {"a", "b", "goal"}
    assert chance["a"] == pytest.approx(30 / 40 * 0.25, abs=1e-15)
    assert chance["b"] == 1.0  # who goes on from b (not leaving) goes to the goal


def _oracle(
    cards: list[str], flows: list[tuple[str, str | None, int | None]], goal: str
) -> dict[str, float]:
    """The chain as a matrix: transient states are the cards with counted flows out (the goal
    aside), absorbing states the goal and "lost" (a drop-off, or a card without counted flows
    out). Self-loops stay in: they must not change the answer. Solve (I - Q) x = r."""
    rows: dict[str, dict[str | None, float]] = {}
    for s, t, count in flows:
        if count is not None and s != goal:
            rows.setdefault(s, {})
            rows[s][t] = rows[s].get(t, 0.0) + count
    transient = [c for c in cards if c in rows and sum(rows[c].values()) > 0]
    index = {c: i for i, c in enumerate(transient)}
    q = np.zeros((len(transient), len(transient)))
    r = np.zeros(len(transient))
    for c in transient:
        total = sum(rows[c].values())
        for t, count in rows[c].items():
            if t == goal:
                r[index[c]] += count / total
            elif t in index:
                q[index[c], index[t]] += count / total
    # states that cannot reach the goal have chance 0 and would make the system singular
    hits = r > 0
    while True:
        more = hits | ((q > 0) @ hits)
        if (more == hits).all():
            break
        hits = more
    keep = np.flatnonzero(hits)
    x = np.zeros(len(transient))
    if keep.size:
        x[keep] = np.linalg.solve(np.eye(keep.size) - q[np.ix_(keep, keep)], r[keep])
    value = {c: float(x[index[c]]) for c in transient}
    value[goal] = 1.0
    out: dict[str, float] = {goal: 1.0}
    for c, row in rows.items():
        onward = {t: n for t, n in row.items() if t is not None and t != c}
        total = sum(onward.values())
        if total > 0:
            out[c] = sum(n * value.get(t, 0.0) for t, n in onward.items()) / total
    return out


@pytest.mark.parametrize("seed", range(40))
def test_random_maps_with_loops_agree_with_a_dense_solve(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.randint(2, 30)
    cards = [f"t{i}" for i in range(size)]
    goal = rng.choice(cards)
    flows: list[tuple[str, str | None, int | None]] = []
    for s in cards:
        targets = rng.sample([*cards, None], k=rng.randint(0, min(4, size)))
        for t in targets:
            count = None if rng.random() < 0.05 else rng.choice([0, 1, 7, 50, 999, 10**6])
            flows.append((s, t, count))
    j = chain(flows, cards)
    got = reach_probabilities(j, goal)
    want = _oracle(cards, flows, goal)
    assert set(got) == set(want)
    for card, p in want.items():
        assert got[card] == pytest.approx(p, abs=1e-12), card


def test_a_closed_loop_without_exit_never_reaches_the_goal() -> None:
    j = chain([("a", "b", 5), ("b", "a", 5), ("c", "goal", 1)], ["a", "b", "c", "goal"])
    chance = reach_probabilities(j, "goal")
    assert chance["a"] == 0.0 and chance["b"] == 0.0 and chance["c"] == 1.0


def test_cards_after_the_goal_are_those_that_cannot_lead_to_it() -> None:
    j = chain([("a", "goal", 1), ("goal", "after", 1), ("after", None, 1)], ["a", "goal", "after"])
    assert after_goal(j, "goal") == {"after"}
