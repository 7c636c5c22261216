"""Scale without hangs: huge maps load, save, open and report in bounded time and memory, or
are refused at once with one clear line; the file is never changed.

Each shape of :mod:`scale_maps` piles items into one part of a map where a check comparing
every item with every other once hid (300,000 rules hung ``cjo validate``; 10,000 snapshots took
30 s to load; 8,000 cards with a metric each took 11 s to save and 16 GB to open). The bounds
below only tell "finishes" from "hangs": the benchmark ``tests/bench/bench_scale.py`` shows
the times growing in step with the size.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import scale_maps
from cjo_command import run_cjo
from scale_support import (
    T,
    one_error_line,
    refusal,
    timed,
)

from cjo_desktop.analysis.impact import chosen_snapshot, rank_map
from cjo_desktop.analysis.reach import reach_probabilities
from cjo_desktop.domain import Journey, JourneyError, PainPointSettings, Rule
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, MAX_RULES
from cjo_desktop.io import dumps_map, files, loads_map
from cjo_desktop.io.exports.metrics_table import MAX_TABLE_CELLS, compare_records, metric_records

# ------------------------------------------------------------------------- the item limit


@pytest.mark.slow
def test_300000_rules_are_refused_by_the_item_limit_and_validate_says_so(tmp_path: Path) -> None:
    path = tmp_path / "rules.cjo.json"
    path.write_text(scale_maps.text("rules", 300_000), encoding="utf-8")
    before = path.read_bytes()
    message = refusal(path.read_text(encoding="utf-8"))
    assert message.endswith(f"the map has 300,002 items; the limit is {files.MAX_ITEMS:,}")
    line = one_error_line(run_cjo("validate", path))
    assert line == f"error: {path}: the map has 300,002 items; the limit is {files.MAX_ITEMS:,}"
    assert path.read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ("rules", 250_000),
        ("tags", 250_000),
        ("detail", 250_000),
        ("notes", 250_000),
        ("metrics", 125_000),  # as many values and journey-wide values
        ("snapshots", 250_000),
        ("emotions", 200_000),  # and half as many personas
    ],
)
def test_every_list_of_the_file_counts_against_the_item_limit(shape: str, size: int) -> None:
    data = scale_maps.build(shape, size)
    counted = files.count_items(data)
    assert counted > files.MAX_ITEMS
    assert refusal(json.dumps(data)).endswith(
        f"the map has {counted:,} items; the limit is 200,000"
    )


@pytest.mark.slow
def test_unknown_fields_by_the_million_count_too() -> None:
    """A record with a million keys the schema does not know once took 16 s and 700 MB to
    refuse one unknown field at a time; they count as items now."""
    data = scale_maps.build("cards", 10)
    data["touchpoints"][3].update({f"k{i}": i for i in range(1_000_000)})
    message = refusal(json.dumps(data))
    assert message.endswith(f"the limit is {files.MAX_ITEMS:,}")
    data["touchpoints"][3] = {f"k{i}": i for i in range(100)}  # a few: validation names them
    assert "touchpoints[3]" in refusal(json.dumps(data))


# ----------------------------------------------------------------- checks that are linear


def test_rules_over_the_rule_limit_are_refused_with_their_place() -> None:
    message = refusal(scale_maps.text("rules", 150_000))
    assert message == (
        f"<big>: painpoint_settings.rules: a map may have at most {MAX_RULES:,} rules, not 150,000"
    )
    data = scale_maps.build("rules", 1_000)
    data["painpoint_settings"]["rules"][-1]["name"] = "r0"
    assert refusal(json.dumps(data)).endswith("a second rule named 'r0' (first at rules[0])")
    loads_map(scale_maps.text("rules", MAX_RULES))


def test_rules_times_touchpoints_are_bounded_where_every_rule_is_checked() -> None:
    data = scale_maps.build("rules", 200)
    cards = MAX_RULE_CHECKS // 200 + 1
    data["touchpoints"] = [{"id": f"t{i}", "name": f"T{i}", "stage": "s0"} for i in range(cards)]
    message = refusal(json.dumps(data))
    assert message == (
        f"<big>: painpoint_settings.rules: 200 rules checked at each of {cards:,} touchpoints "
        f"make {200 * cards:,} checks; the limit is {MAX_RULE_CHECKS:,}: use fewer rules"
    )
    journey = Journey("Rules")
    stage = journey.add_stage("S").id
    for i in range(cards):
        journey.add_touchpoint(stage, f"T{i}")
    rules = tuple(Rule(f"r{i}", "nps", "<", 0.0, "high") for i in range(200))
    with pytest.raises(JourneyError, match="use fewer rules"):
        journey.set_painpoint_settings(PainPointSettings(rules))


def test_the_domain_finds_a_repeated_rule_name_among_many_in_one_pass() -> None:
    rules = [Rule(f"r{i}", "nps", "<", 0.0, "high") for i in range(MAX_RULES)]
    settings = timed(lambda: PainPointSettings(tuple(rules)), 5)
    assert settings.rule("r999") is rules[-1] and settings.rule("nope") is None
    with pytest.raises(JourneyError, match="two rules are named 'r7'"):
        PainPointSettings((*rules[:-1], rules[7]))
    with pytest.raises(JourneyError, match=f"at most {MAX_RULES:,} rules, not 1,001"):
        PainPointSettings((*rules, Rule("one more", "nps", "<", 0.0, "high")))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ("snapshots", 20_000),  # 10,000 took 30 s to load: each one copied all before it
        ("card_metrics", 24_000),  # a metric of its own on each card: 8,000 took 11 s to save
        ("card_snapshots", 40_000),  # a snapshot per card: 20,000 by 20,000 lookups to save
        ("stages", 10_000),
        ("cards", 5_000),
        ("notes", 20_000),
        ("flows", 20_000),
    ],
)
def test_large_valid_maps_load_and_save_back_unchanged(shape: str, size: int) -> None:
    text = json.dumps(scale_maps.build(shape, size))
    journey = timed(lambda: loads_map(text, "<big>"))
    saved = timed(lambda: dumps_map(journey))
    assert timed(lambda: loads_map(saved)) == journey
    assert timed(journey.copy) == journey


@pytest.mark.slow
def test_a_long_loop_is_priced_by_its_settled_chance_in_little_time() -> None:
    """Walking every touchpoint in file order took a round per step: 10,000 cards in a loop
    ran 500 rounds (10 s) and still priced the first card at a chance of 0."""
    cards = 10_000
    data = scale_maps.build("cards", cards)
    data["flows"] = [f for f in data["flows"] if f["target"] is not None]
    last = data["flows"][-1]
    onward = last["count"]
    data["flows"][-1:] = [
        {"source": last["source"], "target": "t0", "count": 500},
        last,
        {"source": last["source"], "target": None, "count": 500},
    ]
    journey = loads_map(json.dumps(data))
    chance = timed(lambda: reach_probabilities(journey, f"t{cards - 1}"), 30)
    assert chance["t0"] == pytest.approx(onward / (onward + 500), rel=1e-6)
    assert chance[f"t{cards // 2}"] == pytest.approx(chance["t0"], rel=1e-6)
    data["painpoint_settings"] = {"goal": f"t{cards - 1}", "value_per_customer": 80.0}
    journey = loads_map(json.dumps(data))
    rows = timed(lambda: rank_map(journey, chosen_snapshot(journey)))
    words = f"x {onward / (onward + 500):.0%} who would have bought"
    priced = [r for r in rows if r.basis == "revenue"]
    assert len(priced) > 1000
    assert sum(words not in r.explanation for r in priced) <= 1  # the card before the goal


@pytest.mark.slow
def test_metrics_of_cards_with_a_metric_each_are_listed_in_one_pass() -> None:
    """``cjo metrics`` looked up every metric at every card: 20,000 such cards took 178 s."""
    journey = loads_map(scale_maps.text("card_metrics", 20_000))
    records = timed(lambda: metric_records(journey))
    assert [(r["touchpoint_id"], r["metric"]) for r in records[:3]] == [
        ("t0", "m0"),
        ("t1", "m1"),
        ("t2", "m2"),
    ]
    assert len(records) == 20_000
    assert len(timed(lambda: compare_records(journey, None, "one each"))) == 20_000


@pytest.mark.slow
def test_a_csv_table_of_cards_by_metrics_too_large_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    """One row per card and two columns per metric: 20,000 cards with a metric each made an
    800 MB file of empty cells in 135 s and 2.2 GB."""
    path = tmp_path / "wide.cjo.json"
    path.write_text(scale_maps.text("card_metrics", 5_000), encoding="utf-8")
    before = path.read_bytes()
    out = tmp_path / "wide.csv"
    line = one_error_line(run_cjo("export", path, "-o", out))
    assert line == (
        f"error: {out}: the table would have 5,000 rows of 10,005 columns, more than "
        f"{MAX_TABLE_CELLS:,} cells: `cjo metrics MAP --format csv` writes one row per value"
    )
    assert not out.exists() and path.read_bytes() == before
    result = run_cjo("metrics", path, "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("\n") == 5_001


class _Passes(list[T]):
    """A list that counts the passes made over it."""

    passes = 0

    def __iter__(self) -> Iterator[T]:
        self.passes += 1
        return super().__iter__()


def test_the_opportunity_table_finds_each_row_of_the_ranking_at_once() -> None:
    """The pain-point dock scanned the whole ranking for every opportunity: opening a map of
    20,000 cards spent 12 s there. One pass over the ranking now, whatever the numbers."""
    from PySide6.QtWidgets import QApplication

    from cjo_desktop.app.painpoints.tables import opportunity_model

    app = QApplication.instance() or QApplication([])
    data = scale_maps.build("notes", 4_000)  # 2,000 pain points on one card, a fix each
    journey = loads_map(json.dumps(data))
    rows = _Passes(rank_map(journey, None))
    assert len(rows) == 2_000
    model = opportunity_model(journey, rows, journey.painpoint_settings(), app)
    assert rows.passes == 1
    assert model.rowCount() == 2_000
    tips = {model.item(r, 5).toolTip() for r in range(2_000)}
    # each found its row (one that found none would say its pain point does not fire)
    assert tips == {
        "50% of the pain point's severity points (low, 1) (no volumes at this touchpoint)"
    }
    model.deleteLater()
