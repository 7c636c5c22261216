"""``cjo report``: the bundled example with its data as a PDF whose pages match its contents."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cjo_command import run_cjo
from survey_scales import FLAGS

from cjo_desktop.io.templates import example_path
from cjo_desktop.report.data import TOP_ROWS

DATA = example_path().parent / "outdoor-gear-shop-data"
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdfinfo, pdftotext) are not installed"
)
IMPORTS = (
    ("survey-2025-q1.csv", "baseline Q1"),
    ("funnel-2025-03.csv", "funnel March"),
    ("survey-2025-q2.csv", "after redesign"),
)


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    path = folder / "shop.cjo.json"
    shutil.copy(example_path(), path)
    for data, label in IMPORTS:  # the second survey takes the scales the first one stated
        flags = FLAGS if data == "survey-2025-q1.csv" else ()
        result = run_cjo("import-metrics", path, DATA / data, "--snapshot", label, *flags)
        assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def report(measured: Path) -> Path:
    out = measured.with_name("report.pdf")
    result = run_cjo("report", measured, "-o", out, "--author", "Ana Consultant")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out} (")
    return out


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    args = ["pdftotext", "-layout", *pages, str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@needs_poppler
def test_the_page_count_matches_the_contents(report: Path) -> None:
    title = _text(report, 1)
    assert "Trailhead Outfitters" in title and "Weekend hiker" in title
    assert "Prepared by" in title and "Ana Consultant" in title
    info = subprocess.run(["pdfinfo", str(report)], capture_output=True, text=True, check=True)
    assert re.search(r"^Author:\s+Ana Consultant$", info.stdout, re.M)
    sections = [
        "The map",
        "Emotion curve",
        "Metrics by stage",
        "Funnel",
        "Ranked pain points",
        "Value by effort",
        "Baseline against latest",
    ]
    starts = {}
    for section in sections:
        found = re.search(rf"^\s*(\d+)\s+{section}\s*$", title, re.M)
        assert found, f"{section} missing from the contents"
        starts[section] = int(found.group(1))
    assert list(starts.values()) == sorted(starts.values())
    total = _pages(report)
    for section, page in starts.items():
        text = _text(report, page)
        assert section in text, (section, page)
        assert f"page {page} of {total}" in text
    comparison = _text(report, starts["Baseline against latest"])
    assert "baseline Q1 → after redesign" in comparison
    table = _text(report, starts["Ranked pain points"])
    assert "Checkout: shipping" in table and "at risk" in table  # the costliest after Q2


def _ranking(pdf: Path) -> list[tuple[int, str]]:
    """(rank, touchpoint) of every numbered row of the ranked table and its appendix."""
    out = []
    for line in _text(pdf).splitlines():
        found = re.match(r"^\s{0,3}(\d{1,3})\s{2,}(\S.*?)\s{2,}", line)
        if found:
            out.append((int(found.group(1)), found.group(2).strip()))
    return out


@needs_poppler
def test_the_report_lists_every_pain_point_in_words_as_the_cli_ranks_them(
    report: Path, measured: Path
) -> None:
    ranked = json.loads(run_cjo("painpoints", measured, "--format", "json").stdout)
    # a row per touchpoint, numbered as the CLI's touchpoint_rank (each counts once)
    places = {r["touchpoint_rank"]: r["touchpoint"] for r in ranked}
    rows = [(rank, name) for rank, name in _ranking(report) if rank <= len(places)]
    listed = {}
    for rank, name in rows:
        listed.setdefault(rank, name)
    assert sorted(listed) == list(range(1, len(places) + 1)), sorted(listed)
    for rank, name in places.items():
        assert listed[rank].startswith(name[:20]), (rank, listed[rank], name)
    text = _text(report)
    # the costliest TOP_ROWS touchpoints are explained; an appendix lists any further ones
    assert ("Appendix: the rest of the ranking" in text) == (len(places) > TOP_ROWS)
    for rule in ("nps_negative", "csat_low", "ces_high", "dropoff_high", "valence_negative"):
        assert rule not in text
    assert "NPS below 0" in text and "Drop-off 30% or more above expected" in text
    assert "cjo " not in text and "`" not in text  # no command for the client to run
    title = _text(report, 1)
    assert "Judged on" in title and "all snapshots, the latest value winning" in title


@needs_poppler
def test_the_report_ranks_on_the_maps_own_basis(measured: Path, tmp_path: Path) -> None:
    data = json.loads(measured.read_text())
    data["painpoint_settings"]["judged_on"] = "baseline Q1"
    judged = tmp_path / "judged.cjo.json"
    judged.write_text(json.dumps(data), encoding="utf-8")
    ranked = json.loads(run_cjo("painpoints", judged, "--format", "json").stdout)
    assert all(r["source"] != "dropoff_high" for r in ranked)  # the survey has no drop-off
    override = json.loads(
        run_cjo("painpoints", judged, "--format", "json", "--snapshot", "funnel March").stdout
    )
    assert {r["source"] for r in override} & {"dropoff_high"}
    out = tmp_path / "judged.pdf"
    assert run_cjo("report", judged, "-o", out).returncode == 0
    title = _text(out, 1)
    assert "Judged on" in title and "snapshot “baseline Q1”" in title
    listed = {}
    for rank, name in _ranking(out):
        listed.setdefault(rank, name)
    order = list(dict.fromkeys(r["touchpoint"] for r in ranked))  # each touchpoint once
    assert [listed.get(k, "")[:15] for k in range(1, len(order) + 1)] == [n[:15] for n in order]


def test_an_unknown_snapshot_is_one_error_line_and_writes_nothing(
    measured: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    for flag in ("--snapshot", "--baseline", "--latest"):
        result = run_cjo("report", measured, "-o", out, flag, "nope")
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
        assert "'baseline Q1'" in lines[0]
    assert out.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.slow
def test_bad_maps_and_unwritable_outputs_are_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cjo.json"
    bad.write_text("{", encoding="utf-8")
    for args in (
        (bad, "-o", tmp_path / "r.pdf"),
        (example_path(), "-o", tmp_path / "missing" / "r.pdf"),
    ):
        result = run_cjo("report", *args)
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error:")
        assert "Traceback" not in result.stderr
    wrong = run_cjo("report", example_path(), "-o", tmp_path / "r.png")
    assert wrong.returncode == 2  # a wrong suffix is wrong usage, as in `cjo export`
    assert wrong.stderr.startswith("usage: cjo report")
    assert "cjo report: error: cannot write a report to .png (choose .pdf)" in wrong.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.cjo.json"]
