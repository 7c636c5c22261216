"""``cjo import-metrics`` and ``cjo segments`` with each registered kind, as a user runs them:
the kind's flags reach its options, and a kind a verb cannot take is refused the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cjo_command import run_cjo

from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
PAYMENT = "tp-checkout-payment"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    out = tmp_path / "shop.cjo.json"
    shutil.copyfile(example_path(), out)
    return out


@pytest.mark.parametrize("kind", ["funnel", "aggregated"])
def test_segments_refuse_a_kind_without_segments_as_wrong_usage(shop: Path, kind: str) -> None:
    before = shop.read_bytes()
    survey = DATA / "survey-2025-q1.csv"
    done = run_cjo("segments", shop, survey, "--column", "segment", "--kind", kind)
    assert done.returncode == 2 and done.stdout == ""
    last = done.stderr.splitlines()[-1]
    needs = "a per-segment table needs survey responses (--kind responses)"
    assert last == f"cjo segments: error: {needs}"
    assert shop.read_bytes() == before


def test_segments_refuse_a_file_guessed_to_be_a_funnel_as_bad_input(shop: Path) -> None:
    data = DATA / "funnel-2025-03.csv"
    done = run_cjo("segments", shop, data, "--column", "from")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"error: {data}: a per-segment table needs survey responses\n"


def test_the_responses_flags_reach_the_snapshot(shop: Path) -> None:
    args = ["--ces-scale", "7", "--ces-best", "high", "--csat-best", "low", "--snapshot", "S"]
    done = run_cjo("import-metrics", shop, DATA / "survey-2025-q1.csv", *args)
    assert done.returncode == 0, done.stderr
    assert "(responses) into snapshot 'S'" in done.stdout
    method = load_map(shop).metric_snapshot("S").provenance.method
    assert method == (
        "survey responses: NPS from 'nps' (0-10); CSAT from 'csat' (1-5, low is best); "
        "CES from 'ces' (1-7, high is best)"
    )


def test_a_survey_file_read_as_aggregated_values_keeps_its_columns_as_metrics(
    shop: Path, tmp_path: Path
) -> None:
    data = tmp_path / "scores.csv"
    data.write_text("touchpoint,nps,tickets\nCheckout: payment,41.5,12\n", encoding="utf-8")
    done = run_cjo("import-metrics", shop, data, "--kind", "aggregated", "--snapshot", "A")
    assert done.returncode == 0, done.stderr
    assert "(aggregated) into snapshot 'A'" in done.stdout
    snapshot = load_map(shop).metric_snapshot("A")
    assert snapshot.provenance.method == "aggregated values per touchpoint"
    assert {m: v.value for m, v in snapshot.values[PAYMENT].items()} == {"nps": 41.5, "tickets": 12}


def test_funnel_columns_are_guessed_and_need_no_flags(shop: Path) -> None:
    done = run_cjo("import-metrics", shop, DATA / "funnel-2025-03.csv", "--snapshot", "F")
    assert done.returncode == 0, done.stderr
    assert "(funnel) into snapshot 'F'" in done.stdout
    assert load_map(shop).metric_snapshot("F").provenance.method == "funnel flow rows"
