"""``cjo info --json`` reports evidence coverage: the four counts over cards, feelings and
pain points, their shares and the same per kind, checked against pandas counting the file's
own records; the text form says the counts in words."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from cjo_desktop.domain.evidence import Evidence, observed
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

KEYS = ["observed", "assumed", "proposed", "unknown"]


def stated_example(tmp_path: Path) -> Path:
    journey = load_map(example_path())
    for i, tp in enumerate(journey.touchpoints()):
        if i % 3 == 0:
            journey.update(tp.id, evidence=observed("file", "analytics.csv"))
        elif i % 3 == 1:
            journey.update(tp.id, evidence=Evidence("assumed"))
    for i, e in enumerate(journey.emotions()):
        if i % 4 == 0:
            journey.update(e.id, evidence=Evidence("proposed"))
    for p in journey.pain_points()[:1]:
        journey.update(p.id, evidence=observed("note", "support tickets"))
    path = tmp_path / "stated.cjo.json"
    save_map(journey, path)
    return path


def oracle(path: Path) -> dict[str, pd.Series]:
    """Status counts per section, from the file's raw JSON with pandas."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for section in ("touchpoints", "emotions", "pain_points"):
        statuses = [r.get("evidence", {}).get("status", "unknown") for r in data[section]]
        out[section] = pd.Series(statuses).value_counts().reindex(KEYS, fill_value=0)
    return out


def test_info_json_reports_coverage_as_pandas_counts_it(tmp_path: Path) -> None:
    path = stated_example(tmp_path)
    result = run_cjo("info", path, "--json")
    assert result.returncode == 0, result.stderr
    evidence = json.loads(result.stdout)["evidence"]
    expected = oracle(path)
    total = sum(expected.values())
    assert {k: evidence[k] for k in KEYS} == {k: int(total[k]) for k in KEYS}
    assert evidence["total"] == int(total.sum())
    for k in KEYS:
        assert evidence["shares"][k] == round(total[k] / total.sum(), 4)
    for section, counts in expected.items():
        mine = evidence["by_kind"][section]
        assert {k: mine[k] for k in KEYS} == {k: int(counts[k]) for k in KEYS}
        assert mine["shares"]["observed"] == round(counts["observed"] / counts.sum(), 4)
    assert evidence["observed"] > 0 and evidence["assumed"] > 0 and evidence["proposed"] > 0

    text = run_cjo("info", path).stdout
    line = next(x for x in text.splitlines() if x.startswith("evidence:"))
    assert line == (
        f"evidence: {evidence['observed']} observed, {evidence['assumed']} assumed, "
        f"{evidence['proposed']} proposed, {evidence['unknown']} not stated"
    )


def test_a_map_without_evidence_is_all_unknown() -> None:
    evidence = json.loads(run_cjo("info", example_path(), "--json").stdout)["evidence"]
    assert evidence["unknown"] == evidence["total"] > 0
    assert evidence["shares"]["unknown"] == 1.0
