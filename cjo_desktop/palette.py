"""The colours and type the map and the report charts share, in one Qt-free place.

``canvas`` (Qt) and ``charts`` (matplotlib) are independent layers; both read their common
look from here, so a chart of the report always matches the map it sits beside.
"""

from __future__ import annotations

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
FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Arial"]
