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
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import scale_maps
from cjo_command import run_cjo

from cjo_desktop.analysis.impact import chosen_snapshot, rank_map
from cjo_desktop.analysis.reach import reach_probabilities
from cjo_desktop.domain import Journey, JourneyError, PainPointSettings, Rule
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, MAX_RULES
from cjo_desktop.io import MapFileError, dumps_map, files, loads_map
from cjo_desktop.report.build import build_pdf, plan
from cjo_desktop.report.data import ReportOptions, gather
from cjo_desktop.report.summary import stage_pages, stage_rows

T = TypeVar("T")
NOT_HANGING = 60.0  # seconds: what took minutes or hours now takes a few seconds


def timed(work: Callable[[], T], seconds: float = NOT_HANGING) -> T:
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"took {elapsed:.0f} s"
    return result


def refusal(text: str, source: str = "<big>") -> str:
    with pytest.raises(MapFileError) as info:
        timed(lambda: loads_map(text, source))
    message = str(info.value)
    assert len(message.splitlines()) == 1 and message.isprintable() and len(message) < 500
    assert message.startswith(f"{source}: ")
    return message


def one_error_line(result: Any) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and len(lines[0]) < 500
    return str(lines[0])


# ------------------------------------------------------------------------- the item limit


def test_300000_rules_are_refused_by_the_item_limit_and_validate_says_so(tmp_path: Path) -> None:
    path = tmp_path / "rules.cjo.json"
    path.write_text(scale_maps.text("rules", 300_000), encoding="utf-8")
    before = path.read_bytes()
    message = refusal(path.read_text(encoding="utf-8"))
    assert message.endswith(f"the map has 300,002 items; the limit is {files.MAX_ITEMS:,}")
    line = one_error_line(run_cjo("validate", path))
    assert line == f"error: {path}: the map has 300,002 items; the limit is {files.MAX_ITEMS:,}"
    assert path.read_bytes() == before


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


@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ("snapshots", 20_000),  # 10,000 took 30 s to load: each one copied all before it
        ("card_metrics", 24_000),  # a metric of its own on each card: 8,000 took 11 s to save
        ("card_snapshots", 40_000),  # a snapshot per card: 20,000 by 20,000 lookups to save
        ("stages", 20_000),
        ("cards", 10_000),
        ("notes", 50_000),
        ("flows", 50_000),
    ],
)
def test_large_valid_maps_load_and_save_back_unchanged(shape: str, size: int) -> None:
    text = json.dumps(scale_maps.build(shape, size))
    journey = timed(lambda: loads_map(text, "<big>"))
    saved = timed(lambda: dumps_map(journey))
    assert timed(lambda: loads_map(saved)) == journey
    assert timed(journey.copy) == journey


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


# ------------------------------------------------------------------------------ the report

POPPLER = shutil.which("pdftotext") is not None


def run_measured(args: list[str], timeout: float) -> tuple[int, str, str, float]:
    """``cjo ARGS`` in its own process: exit status, stdout, stderr and its peak memory (max
    RSS, MiB, as wait4 reports it for that process alone)."""
    env = {**os.environ, "PYTHONUTF8": "1"}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "cjo_desktop.cli", *args], stdout=out, stderr=err, env=env
        )
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return child.returncode, out.read(), err.read(), usage.ru_maxrss / 1024


def pdf_text(path: Path, first: int = 1, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last or first)]
    args = ["pdftotext", "-layout", *pages, str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_the_report_of_40000_cards_is_a_summary_in_seconds_and_little_memory(
    tmp_path: Path,
) -> None:
    """It ran past 400 s at 1.3 GB drawing map pages no one could read."""
    path = tmp_path / "big.cjo.json"
    path.write_text(scale_maps.text("cards", 40_000), encoding="utf-8")
    before = path.read_bytes()
    out = tmp_path / "big.pdf"
    status, stdout, stderr, peak = run_measured(["report", str(path), "-o", str(out)], 240)
    assert status == 0, stderr
    assert stdout.startswith(f"wrote {out} (") and "Traceback" not in stderr
    assert peak < 1024, f"{peak:.0f} MiB"  # measured: 311 MiB
    assert path.read_bytes() == before
    if POPPLER:
        title = " ".join(pdf_text(out).split())
        assert "A summary report: the map has 40,000 touchpoints, more than the 300" in title
        assert re.search(r"2 Stages at a glance", title)
        assert "Emotion curve: not drawn in a summary report" in title
        stages = " ".join(pdf_text(out, 2).split())
        assert "Stage 7 5,000" in stages
        ranked = pdf_text(out, 1, 99)
        assert re.search(r"\d,\d{3} more in `cjo painpoints`", ranked)


def test_a_summary_lists_at_most_130_stages_and_says_how_many_more() -> None:
    journey = loads_map(scale_maps.text("stages", 5_000))
    data = gather(journey, ReportOptions())
    assert (
        data.summary == "the map has 5,000 touchpoints, more than the 300 a report draws one by one"
    )
    chunks = stage_pages(stage_rows(data))
    assert [len(rows) for rows, _ in chunks] == [26] * 5
    assert chunks[-1][1] == "4,870 more stages are not listed: `cjo info MAP` names them all."
    assert [note for _, note in chunks[:-1]] == [""] * 4
    body, contents = plan(data, None)
    assert [p.section for p in body].count("Stages at a glance") == 5
    entry = {e.title: e for e in contents}["Metrics by stage"]
    assert entry.page is None and entry.note == "not drawn: 5,000 stages, more than the 40 it shows"


def test_the_value_by_effort_page_draws_the_25_opportunities_worth_most(tmp_path: Path) -> None:
    data = scale_maps.build("notes", 400)  # 200 pain points on one card, a fix for each
    for i, fix in enumerate(data["opportunities"]):
        fix["impact"] = i % 101
    journey = loads_map(json.dumps(data))
    report = gather(journey, ReportOptions())
    assert report.summary == ""
    pdf = tmp_path / "fixes.pdf"
    pdf.write_bytes(timed(lambda: build_pdf(report, None)))
    if POPPLER:
        text = pdf_text(pdf, 1, 99)
        assert "Value by effort: the 25 worth most of 200" in text
        assert re.search(r"\bFix 100\b", text) and re.search(r"\bFix 98\b", text)  # 100%, 98%
        assert not re.search(r"\bFix 50\b", text)  # 50%: not among the 25 worth most


def test_a_full_report_of_many_map_parts_keeps_its_pictures_small(tmp_path: Path) -> None:
    """40 map parts held 1.7 GB of pixels (the PDF writer keeps every picture to the end);
    their pixels together are bounded now."""
    data = scale_maps.build("stages", 1)
    data.update(scale_maps._base(300, 40))
    data["flows"] = [{"source": f"t{i}", "target": f"t{i + 1}", "count": 9} for i in range(299)]
    path = tmp_path / "wide.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "wide.pdf"
    status, _, stderr, peak = run_measured(["report", str(path), "-o", str(out)], 240)
    assert status == 0, stderr
    assert peak < 600, f"{peak:.0f} MiB"  # measured: 345 MiB, 764 before
    if POPPLER:
        assert "The map, part 40 of 40" in pdf_text(out, 1, 99)
