"""``cjo report``: the bundled example with its data as a PDF whose pages match its contents."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cjo_command import run_cjo

from cjo_desktop.io.templates import example_path

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
    for data, label in IMPORTS:
        assert run_cjo("import-metrics", path, DATA / data, "--snapshot", label).returncode == 0
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


@needs_poppler
def test_the_ranking_shows_the_top_rows_and_says_where_the_rest_are(report: Path) -> None:
    text = _text(report)
    assert re.search(r"\d+ more in `cjo painpoints`", text)


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
