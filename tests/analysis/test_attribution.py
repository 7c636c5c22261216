"""Markov attribution of marketing paths: a hand-worked file, and ChannelAttribution's example
data against an independent exact solve (pandas builds the chain, numpy solves it)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cjo_desktop.analysis.attribution import (
    MarketingPath,
    attribute,
    conversion_chance,
    transition_counts,
)
from cjo_desktop.io.imports.paths import read_paths

CA_DATA = Path("/work/shared/bench-data/ca_Data.csv")

HAND = """path,total_conversions,total_conversion_value,total_null
A > B,1,10,1
 B ,1,20,1
A,0,0,2
"""


def test_a_hand_worked_file(tmp_path: Path) -> None:
    """Steps, each path counted conversions + nulls times (2 each):
    start->A 4 (paths 1, 3), start->B 2, A->B 2, A->null 2, B->conversion 2, B->null 2.
    P(conv | B) = 2/4 = 1/2; P(conv | A) = 2/4 * 1/2 = 1/4;
    P(conv) = 4/6 * 1/4 + 2/6 * 1/2 = 1/3 (= 2 conversions of 6 journeys).
    Without A: 2/6 * 1/2 = 1/6, removal effect 1 - (1/6)/(1/3) = 1/2.
    Without B: nobody converts, removal effect 1. Sum 3/2.
    Markov: A 2 * (1/2)/(3/2) = 2/3, B 2 * 1/(3/2) = 4/3; value 30 shared: A 10, B 20.
    First touch: A 1 (path 1), B 1 (path 2). Last touch: B 2. Linear: path 1 gives A and B
    1/2 each, path 2 gives B 1: A 1/2, B 3/2."""
    file = tmp_path / "paths.csv"
    file.write_text(HAND, encoding="utf-8")
    paths = read_paths(file)
    assert [p.channels for p in paths] == [("A", "B"), ("B",), ("A",)]
    assert conversion_chance(transition_counts(paths)) == pytest.approx(1 / 3, abs=1e-15)
    b, a = attribute(paths)
    assert (b.channel, a.channel) == ("B", "A")
    assert a.removal_effect == pytest.approx(1 / 2, abs=1e-15)
    assert b.removal_effect == pytest.approx(1.0, abs=1e-15)
    assert a.attributed_conversions == pytest.approx(2 / 3, abs=1e-12)
    assert b.attributed_conversions == pytest.approx(4 / 3, abs=1e-12)
    assert a.attributed_value == pytest.approx(10.0, abs=1e-12)
    assert b.attributed_value == pytest.approx(20.0, abs=1e-12)
    assert (a.first_touch, a.last_touch, a.linear) == (1.0, 0.0, 0.5)
    assert (b.first_touch, b.last_touch, b.linear) == (1.0, 2.0, 1.5)


def test_a_loop_and_a_repeated_channel() -> None:
    """A > B > A converts 1 of 2, B > A 0 of 1 (null), A 1 of 1.
    Steps: start->A 3, start->B 1, A->B 2, B->A 3, A->conv 2, A->null 2 (A ends every path).
    Let a, b be the chances at A and B: b = a; a = 2/6 b + 2/6 (A's 6 steps out).
    So a = 2/6 a + 1/3: a = 1/2, and P(conv) = 1/2 = 2 conversions of 4 journeys.
    Without B: a = 2/6, P = 3/4 * 1/3 = 1/4, effect 1/2; without A: 0, effect 1."""
    paths = [
        MarketingPath(("A", "B", "A"), conversions=1, nulls=1),
        MarketingPath(("B", "A"), conversions=0, nulls=1),
        MarketingPath(("A",), conversions=1, nulls=0),
    ]
    counts = transition_counts(paths)
    assert counts["channel:B"] == {"channel:A": 3.0}
    assert conversion_chance(counts) == pytest.approx(1 / 2, abs=1e-15)
    effects = {c.channel: c.removal_effect for c in attribute(paths)}
    assert effects == pytest.approx({"A": 1.0, "B": 0.5}, abs=1e-15)


def test_without_values_or_conversions() -> None:
    """No value column: attributed_value is None. No conversions: every effect is 0."""
    paths = [MarketingPath(("A",), conversions=1, nulls=1)]
    (only,) = attribute(paths)
    assert only.attributed_value is None and only.attributed_conversions == 1.0
    none = attribute([MarketingPath(("A", "B"), conversions=0, nulls=3)])
    assert [(c.removal_effect, c.attributed_conversions) for c in none] == [(0, 0), (0, 0)]


def _exact_effects(frame: pd.DataFrame) -> dict[str, float]:
    """Removal effects from the fundamental matrix: transient states start + channels, Q their
    step shares, r the shares to conversion; P = (I - Q)^-1 r at start. Self-steps stay in."""
    rows = []
    for path, conv, null in frame[["path", "total_conversions", "total_null"]].itertuples(
        index=False
    ):
        states = ["(start)", *(c.strip() for c in path.split(">"))]
        rows += [(s, t, conv + null) for s, t in itertools.pairwise(states)]
        rows += [(states[-1], "(conversion)", conv), (states[-1], "(null)", null)]
    steps = pd.DataFrame(rows, columns=["source", "target", "weight"])
    steps = steps[steps.weight > 0].groupby(["source", "target"]).weight.sum().unstack(fill_value=0)
    transient = ["(start)", *sorted(set(steps.index) - {"(start)"})]
    channels = transient[1:]
    shares = steps.div(steps.sum(axis=1), axis=0)
    q = shares.reindex(index=transient, columns=transient, fill_value=0).to_numpy()
    r = shares.reindex(index=transient)["(conversion)"].fillna(0).to_numpy()

    def chance(keep: list[str]) -> float:
        index = [transient.index(s) for s in keep]
        sub = q[np.ix_(index, index)]
        return float(np.linalg.solve(np.eye(len(index)) - sub, r[index])[0])

    base = chance(transient)
    return {c: 1 - chance([s for s in transient if s != c]) / base for c in channels}


def test_ca_data_equals_an_exact_solve_and_group_bys() -> None:
    if not CA_DATA.exists():
        pytest.skip(f"{CA_DATA} is not on this machine")
    paths = read_paths(CA_DATA)
    credits = {c.channel: c for c in attribute(paths)}
    frame = pd.read_csv(CA_DATA, sep=";")
    assert len(paths) == len(frame)
    expected = _exact_effects(frame)
    assert set(credits) == set(expected)
    for channel, effect in expected.items():
        assert credits[channel].removal_effect == pytest.approx(effect, abs=1e-9), channel
    total = sum(expected.values())
    for channel, effect in expected.items():
        share = effect / total
        conversions = frame.total_conversions.sum() * share
        value = frame.total_conversion_value.sum() * share
        assert credits[channel].attributed_conversions == pytest.approx(conversions, abs=1e-9)
        assert credits[channel].attributed_value == pytest.approx(value, abs=1e-8)

    touches = frame.assign(channel=frame.path.str.split(">")).explode("channel")
    touches["channel"] = touches.channel.str.strip()
    grouped = touches.groupby(level=0)
    first = frame.assign(c=grouped.channel.first()).groupby("c").total_conversions.sum()
    last = frame.assign(c=grouped.channel.last()).groupby("c").total_conversions.sum()
    size = grouped.channel.size()
    linear = touches.assign(share=touches.total_conversions / size).groupby("channel").share.sum()
    for channel, credit in credits.items():
        assert credit.first_touch == pytest.approx(first.get(channel, 0), abs=1e-9)
        assert credit.last_touch == pytest.approx(last.get(channel, 0), abs=1e-9)
        assert credit.linear == pytest.approx(linear[channel], abs=1e-9)
    assert sum(c.attributed_conversions for c in credits.values()) == pytest.approx(
        frame.total_conversions.sum(), abs=1e-6
    )


def test_a_published_simulation_agrees_within_its_error() -> None:
    """pychattr's README (a Python port of ChannelAttribution's Markov model) simulates three
    converting paths without nulls, A>B>A>B>B>A, A>B>B>A>A and A>A, 10,000 times and prints
    A 1.991106, B 1.008894. Exactly: everyone starts at A, so removing A loses all (effect 1);
    A's steps out other than to itself are 3 to B and 3 to conversion, so removing B loses half
    (effect 1/2); 3 conversions shared 2:1 give A 2 and B 1."""
    paths = [
        MarketingPath(tuple(p.split(">")), conversions=1, nulls=0)
        for p in ("A>B>A>B>B>A", "A>B>B>A>A", "A>A")
    ]
    credits = {c.channel: c.attributed_conversions for c in attribute(paths)}
    assert credits == pytest.approx({"A": 2.0, "B": 1.0}, abs=1e-12)
    assert credits == pytest.approx({"A": 1.991106, "B": 1.008894}, abs=0.02)
