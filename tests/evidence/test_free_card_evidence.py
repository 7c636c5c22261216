"""Free cards are cards to the evidence count: ``cjo info --json`` counts them (over all and
under ``by_kind.free_cards``, as pandas counts the file's own records), the report's coverage
and its list of assumptions include them, and on the map an assumed free card has the dashed
edge and tag of an assumed card and the evidence view colours free cards like cards."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from pdf_words import norm, pages_of_words, text
from pytestqt.qtbot import QtBot

from cjo_desktop.analysis.evidence import coverage_by_kind, coverage_by_stage, not_observed
from cjo_desktop.canvas.export import scene_for
from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.drawing.evidence_view import evidence_fill, evidence_legend
from cjo_desktop.drawing.free_card_view import default_fill
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from cjo_desktop.report.evidence_page import headline, listed_rows
from tests.cjo_command import run_cjo

KEYS = ["observed", "assumed", "proposed", "unknown"]


def with_free_cards(tmp_path: Path) -> Path:
    journey = load_map(example_path())
    journey.add_item(Lane("back", "Backstage actions", "backstage"), 1)
    stages = [s.id for s in journey.stages()]
    tps = journey.touchpoints()
    cards = [
        FreeCard("pick", stages[-1], "back", "Pick and pack", evidence=Evidence("assumed")),
        FreeCard("crm", stages[0], "back", "CRM sync", evidence=observed("note", "IT wiki")),
        FreeCard("plan", stages[1], "back", "Plan routes", supports=(tps[0].id,)),
        FreeCard("idea", stages[1], "back", "Same-day", evidence=Evidence("proposed")),
    ]
    for card in cards:
        journey.add_item(card)
    journey.update(tps[0].id, evidence=Evidence("assumed"))
    path = tmp_path / "free.cjo.json"
    save_map(journey, path)
    return path


def test_info_json_counts_free_cards_as_cards(tmp_path: Path) -> None:
    path = with_free_cards(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    evidence = json.loads(run_cjo("info", path, "--json").stdout)["evidence"]
    sections = ("touchpoints", "emotions", "pain_points", "free_cards")
    counts = {
        section: pd.Series(
            [r.get("evidence", {}).get("status", "unknown") for r in data[section]]
        ).value_counts()
        for section in sections
    }
    free = evidence["by_kind"]["free_cards"]
    assert {k: free[k] for k in KEYS} == {k: int(counts["free_cards"].get(k, 0)) for k in KEYS}
    assert free["total"] == 4 and free["assumed"] == free["observed"] == free["proposed"] == 1
    total = sum(int(c.sum()) for c in counts.values())
    assert evidence["total"] == total
    assert evidence["assumed"] == sum(int(c.get("assumed", 0)) for c in counts.values())


def test_the_report_counts_and_lists_free_cards(tmp_path: Path) -> None:
    journey = load_map(with_free_cards(tmp_path))
    stages = journey.stages()
    by_stage = dict(coverage_by_stage(journey))
    assert by_stage[stages[1].name].total == coverage_by_kind(journey)["all"].total - sum(
        c.total for name, c in by_stage.items() if name != stages[1].name
    )
    assert "1 of 4 free cards" in headline(journey)
    rows = listed_rows(journey)
    pick = next(r for r in rows if r[3] == "free card" and r[0] == "assumed")
    assert pick[1] == stages[-1].name and pick[4] == "Pick and pack (Backstage actions)"
    assert any(r[3] == "free card" and r[0] == "proposed" for r in rows)
    assert [i.what for i in not_observed(journey, "not stated") if i.kind == "free card"] == [
        "Plan routes (Backstage actions)"
    ]
    assert (
        next(i for i in not_observed(journey, "not stated") if i.kind == "free card").touchpoint
        == journey.touchpoints()[0].name
    )  # the touchpoint it supports


def test_the_report_page_reads_right(tmp_path: Path) -> None:
    path, pdf = with_free_cards(tmp_path), tmp_path / "report.pdf"
    result = run_cjo("report", path, "-o", pdf)
    assert result.returncode == 0, result.stderr
    pages = [norm(text(p)) for p in pages_of_words(pdf)]
    known = next(p for p in pages if p.startswith("What we know and what we assume"))
    assert "1 of 4 free cards" in known
    assumed = next(p for p in pages if p.startswith("What we assume"))
    assert "free card Pick and pack (Backstage actions)" in assumed


def test_the_map_marks_and_colours_free_cards_like_cards(tmp_path: Path, qtbot: QtBot) -> None:
    journey = load_map(with_free_cards(tmp_path))
    scene = scene_for(journey)
    item = scene.free.cards["pick"]
    assert item.look.fill == default_fill("backstage")  # its own colour, marked by its edge
    assert item.evidence.tag == "assumed" and item.evidence.dashes
    coloured = scene_for(journey, evidence=True)
    for card in journey.free_cards():
        look = coloured.free.cards[card.id].look
        rgb = tuple(int(look.fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
        assert rgb == evidence_fill(card.evidence)
    legend = {e.status: e.count for e in evidence_legend(journey)}
    cards = coverage_by_kind(journey)["touchpoints"].counts
    assert legend["assumed"] == cards["assumed"] + 1
    assert legend["observed"] == cards["observed"] + 1
