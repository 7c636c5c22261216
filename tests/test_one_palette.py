"""Every colour is named in cjo_desktop/palette.py: no hex code or RGB triple anywhere else
in the package, so a colour changes in one place and the map, the charts and the dialogs
keep agreeing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cjo_desktop"
PALETTE = PACKAGE / "palette.py"
#: "#RGB", "#RRGGBB", "#AARRGGBB"; QColor(255, 255, 255[, 235]); "rgb(...)" in a style sheet.
COLOUR = re.compile(
    r"""["']\#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})["']"""
    r"|\#[0-9A-Fa-f]{6}\b"
    r"|QColor\(\s*\d"
    r"|QColor\.fromRgb(?:F)?\(\s*[\d.]"
    r"|\brgba?\(\s*\d"
)


def colours_in(text: str) -> list[tuple[int, str]]:
    """(line number, the line) of each line of ``text`` that writes a colour literally."""
    return [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1) if COLOUR.search(line)]


@pytest.mark.parametrize(
    "line",
    [
        'painter.setPen(QColor("#FFFFFF"))',
        "label.setStyleSheet('color: #b3261e')",
        "brush = QBrush(QColor(255, 255, 255, 235))",
        'mec="#fff"',
        'QColor("#EBFFFFFF")',
        "QColor.fromRgbF(0.5, 0.5, 0.5)",
        'sheet = "background: rgb(10, 20, 30)"',
    ],
)
def test_the_scan_finds_a_colour_written_out(line: str) -> None:
    assert colours_in(line) == [(1, line)]


@pytest.mark.parametrize(
    "line",
    [
        "QColor(style.PAPER)",
        "# 1. a numbered comment",
        "QColor(Qt.GlobalColor.transparent)",
        'f"{x:,.0f} {currency}"',
        'issue = "#12"',
    ],
)
def test_the_scan_leaves_names_and_other_hashes_alone(line: str) -> None:
    assert colours_in(line) == []


def test_no_colour_is_written_outside_the_palette() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{n}: {line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PALETTE
        for n, line in colours_in(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "name these colours in cjo_desktop/palette.py:\n" + "\n".join(found)


def test_the_palette_has_one_severity_palette() -> None:
    from cjo_desktop import palette
    from cjo_desktop.domain.painpoints import SEVERITIES

    assert set(palette.SEVERITY) == set(SEVERITIES)
    for colours in palette.SEVERITY.values():
        assert re.fullmatch(r"#[0-9A-F]{6}", colours.mark) and re.fullmatch(
            r"#[0-9A-F]{6}", colours.text
        )
