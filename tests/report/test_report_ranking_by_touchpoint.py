"""The report ranks as the editor's panel does: a row per touchpoint, its pain points listed,
worth the largest of them; past the explained rows an appendix lists every further pain point
with its touchpoint's rank and impact once (adding rows would count customers twice)."""

from __future__ import annotations

import re
import subprocess

import pytest
from survey_scales import STATED

from cjo_desktop.analysis.impact import by_touchpoint
from cjo_desktop.analysis.sources import source_words
from cjo_desktop.io.files import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path
from cjo_desktop.report import appendix
from cjo_desktop.report.build import build_pdf
from cjo_desktop.report.data import ReportOptions, gather

DATA = example_path().parent / "outdoor-gear-shop-data"
TOP = 3


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    j = load_map(example_path())
    for name, spec in (
        ("survey-2025-q1.csv", spec_of(kind="responses", snapshot="survey", **STATED)),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel")),
    ):
        apply_import(j, run_import(j, DATA / name, spec))
    return gather(j, ReportOptions(top_rows=TOP))


def test_the_appendix_lists_every_further_pain_point_and_each_impact_once(data) -> None:  # type: ignore[no-untyped-def]
    groups = by_touchpoint(data.ranked)
    rest = groups[TOP:]
    assert rest and any(len(g.rows) > 1 for g in rest)
    titles = [[source_words(data.journey, r.source, r.key) for r in g.rows] for g in rest]
    lines = appendix.lines_of(rest, TOP + 1, titles, "€", "month")
    assert len(lines) == sum(len(g.rows) for g in rest)  # every pain point
    k = 0
    for n, group in enumerate(rest, TOP + 1):
        first, *others = lines[k : k + len(group.rows)]
        assert (first.rank, first.touchpoint) == (str(n), group.touchpoint)
        assert first.impact.startswith(f"€{group.impact:,.0f}")
        assert all(o.rank == o.touchpoint == o.impact == "" for o in others)
        k += len(group.rows)


def test_the_pdf_numbers_touchpoints_as_the_panel(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.pdf"
    path.write_bytes(build_pdf(data, None))
    layout = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    numbered = {}  # rank -> the touchpoint on that numbered line
    for line in layout.splitlines():
        found = re.match(r"^\s{0,3}(\d{1,3})\s{2,}(\S.*?)\s{2,}", line)
        if found:
            numbered.setdefault(int(found.group(1)), found.group(2).strip())
    groups = by_touchpoint(data.ranked)
    assert "Appendix: the rest of the ranking" in layout
    assert [numbered.get(n, "")[:15] for n in range(1, len(groups) + 1)] == [
        g.touchpoint[:15] for g in groups
    ]
    words = " ".join(layout.split())
    top = groups[0]
    assert f"{top.touchpoint} has {len(top.rows)} pain points; it counts once" in words
