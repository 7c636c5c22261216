"""The report's pages "What we know and what we assume", read back with pdftotext: the
contents name them, the coverage table has each stage's counts as analysis counts them, and
every assumed and proposed item is listed by name."""

from __future__ import annotations

from pathlib import Path

from pdf_words import norm, pages_of_words, text

from cjo_desktop.analysis.evidence import coverage_by_stage, not_observed
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo


def test_the_report_says_what_we_know_and_what_we_assume(tmp_path: Path) -> None:
    journey = load_map(example_path())
    tps = journey.touchpoints()
    journey.update(tps[0].id, evidence=Evidence("assumed"))
    journey.update(tps[1].id, evidence=observed("snapshot", "survey Q1"))
    journey.update(tps[5].id, evidence=Evidence("proposed"))
    feeling = journey.emotions(tps[3].id)[0]
    journey.update(feeling.id, evidence=Evidence("assumed", "note", "sales team hunch"))
    path, pdf = tmp_path / "map.cjo.json", tmp_path / "report.pdf"
    save_map(journey, path)
    result = run_cjo("report", path, "-o", pdf)
    assert result.returncode == 0, result.stderr
    pages = [norm(text(p)) for p in pages_of_words(pdf)]
    contents = pages[1] if "Contents" in pages[1] else pages[0]
    assert "What we know and what we assume" in contents
    known = next(p for p in pages if p.startswith("What we know and what we assume"))
    total = sum(c.total for _, c in coverage_by_stage(journey))
    assert f"1 of {total} items (" in known  # one observed item
    assert "1 assumed" not in known and "2 assumed, 1 proposed" in known
    for name, cover in coverage_by_stage(journey):
        counts = " ".join(str(cover.counts[s]) for s in ("observed", "assumed", "proposed"))
        assert f"{name} {counts} {cover.counts['not stated']}" in known
    assumed = next(p for p in pages if p.startswith("What we assume"))
    for item in not_observed(journey, "assumed") + not_observed(journey, "proposed"):
        assert item.touchpoint in assumed
    assert f"assumed Awareness {tps[0].name}" in assumed
    assert "(sales team hunch)" in assumed
    assert f"proposed {journey.stage(tps[5].stage_id).name} {tps[5].name}" in assumed
