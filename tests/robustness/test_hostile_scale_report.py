"""Scale without hangs, the report: a huge map gets a summary report in seconds and little
memory, and a full report keeps its pictures, its lists and its pages bounded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import scale_maps
from scale_support import (
    POPPLER,
    pdf_text,
    run_measured,
    timed,
)

from cjo_desktop.io import loads_map
from cjo_desktop.report.build import build_pdf, plan
from cjo_desktop.report.data import ReportOptions, gather
from cjo_desktop.report.summary import stage_pages, stage_rows


@pytest.mark.slow
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
        ranked = pdf_text(out, 1, 999)
        assert re.search(r"\d[\d,]* smaller pain points follow; the report lists the 2,000", ranked)
        assert "cjo " not in ranked


def test_a_summary_lists_at_most_130_stages_and_says_how_many_more() -> None:
    journey = loads_map(scale_maps.text("stages", 5_000))
    data = gather(journey, ReportOptions())
    assert (
        data.summary == "the map has 5,000 touchpoints, more than the 300 a report draws one by one"
    )
    chunks = stage_pages(stage_rows(data))
    assert [len(rows) for rows, _ in chunks] == [26] * 5
    assert chunks[-1][1] == "4,870 more stages are not listed here."
    assert [note for _, note in chunks[:-1]] == [""] * 4
    body, contents = plan(data, None)
    assert [p.section for p in body].count("Stages at a glance") == 5
    entry = {e.title: e for e in contents}["Metrics by stage"]
    assert entry.page is None and entry.note == "not drawn: 5,000 stages, more than the 40 it shows"


@pytest.mark.slow
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


@pytest.mark.slow
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
        # card names at 6 pt or more: each of these wide stages takes pages of its own
        parts = re.search(r"The map, part (\d+) of \1\b", pdf_text(out, 1, 99))
        assert parts and int(parts[1]) >= 40


@pytest.mark.slow
def test_a_summary_report_shows_names_as_written(tmp_path: Path) -> None:
    """The summary's pages are report pages too: "$" in a name is a dollar, not math."""
    data = scale_maps.build("cards", 400)
    data["title"] = "Upgrade from $5 to $10 plan"
    data["stages"][0]["name"] = "Budget $$"
    path = tmp_path / "dollars.cjo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "dollars.pdf"
    status, _, stderr, _ = run_measured(["report", str(path), "-o", str(out)], 240)
    assert status == 0 and "Traceback" not in stderr, stderr
    if POPPLER:
        text = " ".join(pdf_text(out, 1, 99).split())
        assert "A summary report" in text
        assert "Upgrade from $5 to $10 plan" in text and "Budget $$" in text
