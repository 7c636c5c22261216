"""The report's map pages keep the service blueprint's lines and their names on every part of a
map cut into parts, as text, clear of the lane names and every other word."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_words import boxes

from cjo_desktop.io.templates import new_from_template
from cjo_desktop.report import ReportOptions, make_report

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

NAMES = ("interaction", "visibility", "internal")


def test_every_map_part_names_the_three_lines_clear_of_other_words(tmp_path: Path) -> None:
    pdf = tmp_path / "stay.pdf"
    make_report(new_from_template("service-blueprint"), pdf, ReportOptions())
    pages = boxes(pdf)
    maps = [p for p in pages if [w for *_, w in p[:3]] == ["The", "map,", "part"]]
    assert len(maps) >= 2  # the blueprint is cut into parts of whole stages
    for page in maps:
        words = [w for *_, w in page]
        for name in NAMES:
            assert name in words, (name, " ".join(words[:8]))
            x0, y0, x1, y1, _ = page[words.index(name)]
            assert y1 - y0 >= 5.5  # about 6 pt: read on paper without leaning in
            clash = [
                w
                for a0, b0, a1, b1, w in page
                if (a0, b0) != (x0, y0)
                and a0 < x1 - 0.2
                and x0 < a1 - 0.2
                and b0 < y1 - 0.2
                and y0 < b1 - 0.2
            ]
            assert clash == [], (name, clash)
        # the names sit in the lane-name column the report repeats at the left of each part
        line, lane = page[words.index("Line")], page[words.index("Backstage")]
        assert line[0] == pytest.approx(lane[0], abs=1.0)


def test_a_note_under_a_stage_s_last_card_prints_whole_on_its_part(tmp_path: Path) -> None:
    """The pain point under the key desk, the Arrive stage's last card, reaches past the stage's
    column: its part is cut wide enough to hold it, so no word runs off the page's edge."""
    pdf = tmp_path / "stay.pdf"
    make_report(new_from_template("service-blueprint"), pdf, ReportOptions())
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    widths = [float(w) for w in re.findall(r'<page width="([\d.]+)"', layout)]
    pages = boxes(pdf)
    maps = [i for i, p in enumerate(pages) if [w for *_, w in p[:2]] == ["The", "map,"]]
    words = [w for i in maps for *_, w in pages[i]]
    assert "lobby" in words and "bags" in words
    for i in maps:
        cut = [w for x0, _, x1, _, w in pages[i] if x0 < widths[i] < x1 - 0.5]
        assert cut == [], (i, cut)
