"""The colours and type the map and the report charts share, in one Qt-free place.

``canvas`` (Qt) and ``charts`` (matplotlib) are independent layers; both read their common
look from here, so a chart of the report always matches the map it sits beside.
"""

from __future__ import annotations

from collections.abc import Callable

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
# deficiencies; every colour is paired with an icon or text, never used alone.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#7F7F7F",
}
#: Feelings -2..+2: vermillion (worst) through grey (neutral) to blue (best).
VALENCE_COLOURS = {-2: "#D55E00", -1: "#E8A37A", 0: "#9A9A9A", 1: "#6FA8D6", 2: "#0072B2"}
INK = "#1F2328"
MUTED = "#57606A"
GRID = "#D0D7DE"
LANE_FILL = ("#FFFFFF", "#F6F8FA")
HEADER_FILL = "#24292F"
#: The text face: the first of these that is installed and draws OWN_SYMBOLS sets the map and
#: the charts.
FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Arial"]
#: What the map and the charts write themselves beyond ASCII (signs, arrows, dots, quotes):
#: a face without them would draw a number like "\u221212" in two fonts (Debian 12's Noto Sans has
#: no U+2212 MINUS SIGN and no arrows).
OWN_SYMBOLS = (
    "\N{MINUS SIGN}\N{DOWNWARDS ARROW}\N{RIGHTWARDS ARROW}\N{MIDDLE DOT}\N{HORIZONTAL ELLIPSIS}"
    "\N{EM DASH}\N{EN DASH}\N{BULLET}\N{PLUS-MINUS SIGN}\N{EURO SIGN}\N{THIN SPACE}“”"
)
#: Where matplotlib looks for a character the text face lacks, in this order, so names in any
#: script draw as letters and not as empty boxes: Noto for the scripts DejaVu lacks (the "UI"
#: cuts from fonts-noto-ui-core, 1.4 MB, or the full ones from fonts-noto-core), DejaVu for
#: symbols, one font for Chinese, Japanese and Korean (WenQuanYi Micro Hei covers all three in
#: 5 MB; the others are what Windows and macOS ship), then emoji (outlines only: matplotlib
#: draws no colour bitmap fonts). Families that are not installed are skipped. Qt needs no
#: list: it asks the system (fontconfig, DirectWrite, Core Text) for a font per character.
FALLBACK_FAMILIES = [
    *(
        f"Noto Sans {script}{cut}"
        for script in (
            "Arabic",
            "Hebrew",
            "Devanagari",
            "Bengali",
            "Tamil",
            "Telugu",
            "Gujarati",
            "Gurmukhi",
            "Kannada",
            "Malayalam",
            "Oriya",
            "Sinhala",
            "Thai",
            "Lao",
            "Khmer",
            "Myanmar",
            "Armenian",
            "Georgian",
            "Ethiopic",
        )
        for cut in ("", " UI")
    ),
    "DejaVu Sans",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Apple SD Gothic Neo",
    "Segoe UI Emoji",
    "Segoe UI Symbol",
    "Symbola",
]


def text_face(usable: Callable[[str], bool]) -> str:
    """The first of FONT_FAMILIES for which ``usable`` (installed, has OWN_SYMBOLS) is true."""
    return next((f for f in FONT_FAMILIES if usable(f)), "DejaVu Sans")
