"""The colours and type the map and the report charts share, in one Qt-free place.

``canvas`` (Qt) and ``charts`` (matplotlib) are independent layers; both read their common
look from here, so a chart of the report always matches the map it sits beside.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
#: Each persona's own feeling curve, in the order of the map's personas: Okabe-Ito hues, the
#: two that no feeling's dot uses first (bluish green, reddish purple); each is paired with a
#: marker shape of its own and named in the emotion lane's legend.
PERSONA_COLOURS = (
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["blue"],
    OKABE_ITO["sky"],
    OKABE_ITO["vermillion"],
)
#: Feelings -2..+2: vermillion (worst) through grey (neutral) to blue (best).
VALENCE_COLOURS = {-2: "#D55E00", -1: "#E8A37A", 0: "#9A9A9A", 1: "#6FA8D6", 2: "#0072B2"}
INK = "#1F2328"
MUTED = "#57606A"
GRID = "#D0D7DE"
LANE_FILL = ("#FFFFFF", "#F6F8FA")
HEADER_FILL = "#24292F"
#: The page behind the map and the charts: exported pictures, the PDF, the view's sheet.
PAPER = "#FFFFFF"
#: A line a file keeps but nobody sees (GraphML edges the editor does not draw either).
UNSEEN = "#FFFFFF00"
#: The editor's background around the map's sheet.
OUTSIDE_PAPER = "#E6EAEF"
#: Inside a card, and inside the small boxes drawn on the map (badges, tabs, tags, handles,
#: the legend), so they stand out from lane bands and lines.
CARD_FILL = "#FFFFFF"
#: Words, rims and strokes drawn on or around a coloured fill (a stage header, a feeling's
#: pill, a severity icon, a chart's marker or bar).
ON_FILL = "#FFFFFF"
HEADER_TEXT = ON_FILL
#: The card count, quieter than the stage's name on the dark header.
HEADER_COUNT = "#C9D1D9"
#: White at 235/255 under a flow's label: the lines behind show through faintly (Qt reads
#: #AARRGGBB).
FLOW_LABEL_BACK = "#EBFFFFFF"
SELECTION = "#0969DA"
#: The service blueprint's lines across the map and their names: darker than any lane rule.
BLUEPRINT_LINE = "#33404D"
#: A collapsed lane's strip: a shade apart from the lane bands, so it reads as folded away.
COLLAPSED_LANE = "#EBEEF2"
FLOW = "#57606A"
DROPOFF = "#B35900"
OPPORTUNITY = OKABE_ITO["green"]
#: The badge of open comments on a card or a stage (white count on it: contrast 6:1).
COMMENT = "#8250DF"
#: Free cards' fills, light Okabe-Ito tints dark text reads on: the Inspector's swatches by
#: name, and the one each kind of lane gives its cards unless a card has a colour of its own.
#: The lane's title says what its cards are, so a colour never carries meaning alone.
FREE_CARD_SWATCHES = {
    "Sky blue": "#D5EDFA",
    "Yellow": "#FCF9D0",
    "Green": "#BFE7DC",
    "Orange": "#F9E7BF",
    "Pink": "#F2DDE9",
    "Blue": "#BFDCEC",
    "Red": "#F5D7BF",
    "Grey": "#EEF0F2",
}
FREE_CARD_FILLS = {
    "customer_actions": FREE_CARD_SWATCHES["Sky blue"],
    "thoughts": FREE_CARD_SWATCHES["Yellow"],
    "frontstage": FREE_CARD_SWATCHES["Green"],
    "backstage": FREE_CARD_SWATCHES["Orange"],
    "support": FREE_CARD_SWATCHES["Pink"],
    "systems": FREE_CARD_SWATCHES["Blue"],
    "text": FREE_CARD_SWATCHES["Grey"],
}
#: A free card's link to a touchpoint it supports: dotted, quieter than the flows' grey and
#: without an arrowhead, so it never reads as customers moving.
SUPPORT_LINK = "#8C959F"
#: A metric better or worse than before or than its scale's middle (cards, tables, charts).
BETTER = OKABE_ITO["blue"]
WORSE = OKABE_ITO["vermillion"]
#: A change that is neither (or whose direction is unknown), in the charts.
UNCHANGED = OKABE_ITO["grey"]
#: A card's fill at the middle of a metric's scale (NPS 0, CSAT 3 of 5).
METRIC_NEUTRAL = "#F2F2F2"


@dataclass(frozen=True, slots=True)
class SeverityColours:
    """A severity's hue on the map (outline, icon, tab) and the same hue darkened to read as
    text on a light table."""

    mark: str
    text: str


#: Pain-point severities, Okabe-Ito vermillion, orange and a slate; always paired with a
#: shape, a pattern and a letter on the map.
SEVERITY = {
    "high": SeverityColours(OKABE_ITO["vermillion"], "#B34700"),
    "medium": SeverityColours(OKABE_ITO["orange"], "#8F6400"),
    "low": SeverityColours("#5B7A99", "#4A6580"),
}
#: A rule that could not be checked (too few answers): the map's dashed tag, and the dock's
#: note about it.
INSUFFICIENT = "#6E7781"
INSUFFICIENT_TEXT = "#5F6B7A"
#: A fall in the emotion curve.
DIP = OKABE_ITO["vermillion"]
#: What is wrong in a dialog (a rule that cannot be saved, a file that cannot be read).
ERROR_TEXT = "#B3261E"
#: The dark theme's colour per Qt palette role (QPalette.ColorRole names); text of disabled
#: widgets is DARK_DISABLED. Dark greys, the map's blue for focus.
DARK_DISABLED = "#7A7E85"
DARK_THEME = {
    "Window": "#2B2D30",
    "WindowText": "#DFE1E5",
    "Base": "#1E1F22",
    "AlternateBase": "#26282B",
    "ToolTipBase": "#3C3F41",
    "ToolTipText": "#DFE1E5",
    "PlaceholderText": DARK_DISABLED,
    "Text": "#DFE1E5",
    "Button": "#393B40",
    "ButtonText": "#DFE1E5",
    "BrightText": "#FF6B68",
    "Light": "#45484D",
    "Midlight": "#393B40",
    "Mid": "#2F3134",
    "Dark": "#1B1C1F",
    "Shadow": "#000000",
    "Highlight": "#2F65CA",
    "HighlightedText": "#FFFFFF",
    "Link": "#56A8F5",
}
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


#: Cards coloured by evidence (the evidence view): light Okabe-Ito tints dark text reads on,
#: each paired with a word in the legend and, for assumed and proposed, the card's dashed or
#: dotted edge and its tag. Not stated is the plain card's grey: nothing to tell yet.
EVIDENCE_FILL = {
    "observed": "#BFDDF2",  # blue
    "assumed": "#F6EFA6",  # yellow: apart from the orange of a medium pain point
    "proposed": "#EBC6DA",  # reddish purple
    "not stated": "#E4E4E4",
}
#: The edge and tag of an assumed or proposed card: dark slate (no severity's hue, so a dashed
#: edge never reads as a pain point's outline) and a dark reddish purple.
EVIDENCE_MARK = {"assumed": "#3D4650", "proposed": "#9B4F7A"}
