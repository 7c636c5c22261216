"""Headless picture exports: ``cjo export`` draws the map with the editor's own scene on Qt's
offscreen platform, with no display, and writes files other programs can read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path

EXAMPLE = example_path()


def cjo(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "cjo_desktop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_png_is_a_real_picture_of_the_map(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    result = cjo("export", str(EXAMPLE), "-o", str(out), "--scale", "1")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 1000 and image.height() > 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 20  # lanes, cards, channel colours, text: not a blank page
    assert image.pixelColor(2, 2).alpha() == 255  # white background by default


@pytest.mark.slow
def test_png_scale_and_transparency(tmp_path: Path) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    assert cjo("export", str(EXAMPLE), "-o", str(one), "--scale", "1").returncode == 0
    result = cjo("export", str(EXAMPLE), "-o", str(two), "--scale", "2", "--transparent")
    assert result.returncode == 0, result.stderr
    small, large = QImage(str(one)), QImage(str(two))
    assert abs(large.width() - 2 * small.width()) <= 1
    assert large.pixelColor(2, 2).alpha() == 0


def test_svg_keeps_text_as_text(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    assert cjo("export", str(EXAMPLE), "-o", str(out)).returncode == 0
    root = ET.parse(out).getroot()
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    journey = load_map(EXAMPLE)
    for name in (journey.title, journey.stages()[0].name, "Cart", "Unboxing"):
        assert name in texts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(("page", "count", "ratio"), [("A4", 4, 210 / 297), ("A3", 2, 420 / 297)])
def test_pdf_pages_render_as_the_print_plan_says(
    tmp_path: Path, page: str, count: int, ratio: float
) -> None:
    """The example is too wide for one page at 6 pt names: 4 portrait A4 pages side by side,
    or 2 landscape A3 pages (tests/drawing/test_print_pages.py holds the rule)."""
    out = tmp_path / "map.pdf"
    assert cjo("export", str(EXAMPLE), "-o", str(out), "--page", page).returncode == 0
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "page")], check=True, timeout=60
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == count
    for picture in pages:
        image = QImage(str(picture))
        assert image.width() / image.height() == pytest.approx(ratio, rel=0.02)


def test_bad_scale_and_unknown_suffix_are_usage_errors(tmp_path: Path) -> None:
    assert (
        cjo("export", str(EXAMPLE), "-o", str(tmp_path / "m.png"), "--scale", "9").returncode == 2
    )
    result = cjo("export", str(EXAMPLE), "-o", str(tmp_path / "m.bmp"))
    assert result.returncode == 2 and ".png" in result.stderr


def test_pictures_can_leave_out_the_pain_points(tmp_path: Path) -> None:
    """The example flags two pain points by hand and its feelings dip, so its picture shows
    the pain-point legend and the dip marks unless asked not to."""
    with_marks, without = tmp_path / "with.svg", tmp_path / "without.svg"
    assert cjo("export", str(EXAMPLE), "-o", str(with_marks)).returncode == 0
    result = cjo("export", str(EXAMPLE), "-o", str(without), "--no-painpoints")
    assert result.returncode == 0, result.stderr
    marked, plain = with_marks.read_text(encoding="utf-8"), without.read_text(encoding="utf-8")
    assert "dip \N{MINUS SIGN}3" in marked and "dip of 2 or more" in marked
    assert "dip \N{MINUS SIGN}3" not in plain and "dip of 2 or more" not in plain
