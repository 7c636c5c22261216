"""``cjo metrics --compare`` and ``cjo segments`` on the example with its Q1 and Q2 surveys, as an
analyst reads them: a change is better or worse only when it is significant over the whole
comparison, every row carries its interval, p, q and the answers a survey would need."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cjo_command import run_cjo
from statsmodels.stats.multitest import multipletests
from survey_scales import FLAGS

from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
VERDICTS = {"better", "worse", "no significant change", "not testable"}
NEW_KEYS = ("delta_ci_low", "delta_ci_high", "p_value", "q_value", "n_needed")


@pytest.fixture(scope="module")
def surveyed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("significance") / "shop.cjo.json"
    shutil.copy(example_path(), path)
    for data, label in (("survey-2025-q1.csv", "Q1"), ("survey-2025-q2.csv", "Q2")):
        done = run_cjo("import-metrics", path, DATA / data, "--snapshot", label, *FLAGS)
        assert done.returncode == 0, done.stderr
    return path


def _json(*args: str | Path) -> list[dict[str, Any]]:
    done = run_cjo(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return rows


@pytest.fixture(scope="module")
def compared(surveyed: Path) -> list[dict[str, Any]]:
    return _json("metrics", surveyed, "--snapshot", "Q2", "--compare", "Q1")


def test_the_instagram_ad_is_no_significant_change(compared: list[dict[str, Any]]) -> None:
    (ad,) = [
        r for r in compared if r["touchpoint"] == "Instagram trail ad" and r["metric"] == "nps"
    ]
    assert (round(ad["baseline_value"], 1), round(ad["value"], 1)) == (36.7, 34.4)
    assert ad["change"] == "no significant change"
    assert ad["delta_ci_low"] < ad["delta"] < 0 < ad["delta_ci_high"]
    assert ad["p_value"] > 0.5 and ad["q_value"] >= ad["p_value"]
    assert ad["n_needed"] > ad["n"]  # about 60 answers cannot show a 10-point change


def test_only_significant_changes_are_better_or_worse(compared: list[dict[str, Any]]) -> None:
    """All 92 values (23 touchpoints, four survey metrics) are tested as one comparison; only
    the payment step, which the Q2 data fixed, changed beyond the noise."""
    assert len(compared) == 92
    assert all(NEW_KEYS[0] in r and r["change"] in VERDICTS for r in compared)
    called = {(r["touchpoint"], r["metric"]): r["change"] for r in compared}
    called = {k: v for k, v in called.items() if v in ("better", "worse")}
    payment = "Checkout: payment"
    assert called == {(payment, m): "better" for m in ("nps", "csat_top2", "csat_mean", "ces_mean")}
    for r in compared:
        assert (r["change"] in ("better", "worse")) == (r["q_value"] < 0.05)
    q = multipletests([r["p_value"] for r in compared], method="fdr_bh")[1]
    assert [r["q_value"] for r in compared] == pytest.approx(list(q))


def test_the_table_never_prints_minus_zero(surveyed: Path) -> None:
    done = run_cjo("metrics", surveyed, "--snapshot", "Q2", "--compare", "Q1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(k in lines[0] for k in NEW_KEYS)
    assert not any(" -0.0 " in line for line in lines)
    assert sum("no significant change" in line for line in lines) == 88


def test_segments_compare_each_with_the_rest(surveyed: Path) -> None:
    rows = _json("segments", surveyed, DATA / "survey-2025-q2.csv", "--column", "segment", *FLAGS)
    assert rows and all(r["change"] in VERDICTS for r in rows)
    for r in rows:
        assert all(k in r for k in (*NEW_KEYS, "rest_value", "rest_n"))
        assert (r["change"] in ("better", "worse")) == (r["q_value"] < 0.05)
    whole = {
        (r["touchpoint_id"], r["metric"]): r for r in _json("metrics", surveyed, "--snapshot", "Q2")
    }
    for r in rows:  # the segment and the rest are every answer at that touchpoint
        assert r["n"] + r["rest_n"] == whole[(r["touchpoint_id"], r["metric"])]["n"]
    ad = [r for r in rows if r["touchpoint"] == "Instagram trail ad" and r["metric"] == "nps"]
    assert {r["segment"] for r in ad} == {"Family camper", "Trail runner", "Weekend hiker"}
