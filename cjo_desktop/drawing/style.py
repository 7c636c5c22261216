"""The map's look in one place: sizes in scene units, a colour-blind-safe palette, type sizes.

Channel colours come from the Okabe-Ito palette, which stays distinguishable under the common
colour-vision deficiencies; every colour is paired with an icon or text, never used alone.
Fonts are sized in pixels so that a scene unit is the same on a 4K screen and in a PNG.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from cjo_desktop.palette import (
    BLUEPRINT_LINE as BLUEPRINT_LINE,
)
from cjo_desktop.palette import (
    CARD_FILL as CARD_FILL,
)
from cjo_desktop.palette import (
    COLLAPSED_LANE as COLLAPSED_LANE,
)
from cjo_desktop.palette import (
    DROPOFF as DROPOFF,
)
from cjo_desktop.palette import (
    FLOW as FLOW,
)
from cjo_desktop.palette import (
    FLOW_LABEL_BACK as FLOW_LABEL_BACK,
)

# Shared with the report's charts; re-exported so callers keep reading them here.
from cjo_desktop.palette import (
    FONT_FAMILIES as FONT_FAMILIES,
)
from cjo_desktop.palette import (
    GRID as GRID,
)
from cjo_desktop.palette import (
    HEADER_COUNT as HEADER_COUNT,
)
from cjo_desktop.palette import (
    HEADER_FILL as HEADER_FILL,
)
from cjo_desktop.palette import (
    HEADER_TEXT as HEADER_TEXT,
)
from cjo_desktop.palette import (
    INK as INK,
)
from cjo_desktop.palette import (
    LANE_FILL as LANE_FILL,
)
from cjo_desktop.palette import (
    MUTED as MUTED,
)
from cjo_desktop.palette import (
    OKABE_ITO as OKABE_ITO,
)
from cjo_desktop.palette import (
    ON_FILL as ON_FILL,
)
from cjo_desktop.palette import (
    OPPORTUNITY as OPPORTUNITY,
)
from cjo_desktop.palette import (
    OUTSIDE_PAPER as OUTSIDE_PAPER,
)
from cjo_desktop.palette import (
    OWN_SYMBOLS as OWN_SYMBOLS,
)
from cjo_desktop.palette import (
    PAPER as PAPER,
)
from cjo_desktop.palette import (
    SELECTION as SELECTION,
)
from cjo_desktop.palette import (
    SUPPORT_LINK as SUPPORT_LINK,
)
from cjo_desktop.palette import (
    VALENCE_COLOURS as VALENCE_COLOURS,
)
from cjo_desktop.palette import (
    text_face as text_face,
)

#: Channel keywords -> (colour, icon name). The first keyword found in a channel's name wins.
CHANNEL_KINDS: list[tuple[tuple[str, ...], str, str]] = [
    (("mobile", "app", "in-app", "sms"), OKABE_ITO["purple"], "mobile"),
    (("email", "e-mail", "mail", "newsletter"), OKABE_ITO["orange"], "email"),
    (
        ("social", "instagram", "facebook", "tiktok", "linkedin", "ad"),
        OKABE_ITO["vermillion"],
        "social",
    ),
    (("search", "google", "seo"), OKABE_ITO["sky"], "search"),
    (("chat", "bot", "messag"), OKABE_ITO["green"], "chat"),
    (("phone", "call", "tele"), OKABE_ITO["yellow"], "phone"),
    (("store", "shop", "dealer", "branch", "retail", "event"), OKABE_ITO["blue"], "store"),
    (("delivery", "parcel", "post", "shipping"), OKABE_ITO["grey"], "delivery"),
    (("web", "site", "online", "portal"), OKABE_ITO["sky"], "web"),
]
OTHER_CHANNEL = (OKABE_ITO["grey"], "other")


@lru_cache(maxsize=4096)
def channel_style(channel: str) -> tuple[str, str]:
    """Colour and icon name for a channel name, by keyword ('Mobile app' -> purple, mobile);
    remembered, as every card asks when a map opens."""
    name = channel.strip().lower()
    for keywords, colour, icon in CHANNEL_KINDS:
        if any(word in name for word in keywords):
            return colour, icon
    return OTHER_CHANNEL


#: Valence -2..+2 on a diverging, colour-blind-safe scale (vermillion - grey - blue).


@dataclass(frozen=True)
class Metrics:
    """Sizes in scene units (1 unit = 1 px at 100% zoom)."""

    margin: float = 24
    title_height: float = 56
    label_width: float = 150  # the lane labels at the left
    header_height: float = 52
    card_width: float = 184
    card_height: float = 72
    slot_gap: float = 60  # between neighbouring cards' slots
    lane_padding: float = 22
    lane_gap: float = 0
    stage_padding: float = 20
    emotion_lane_height: float = 150
    extra_lane_height: float = 70  # pain points, opportunities (when they hold no notes)
    note_width: float = 236  # a card and most of the gap to the next slot's card
    note_height: float = 64  # a pain point's or an opportunity's note in its lane
    note_gap: float = 8  # between stacked notes
    note_padding: float = 12  # above the first note and below the last
    min_stage_width: float = 220
    free_card_height: float = 64  # a free card in a lane of customer actions, systems...
    chip_height: float = 26  # an owner's name under its card, in the owners lane
    metric_chip_height: float = 44  # a card's headline metrics, in the metrics lane
    collapsed_lane_height: float = 30  # a collapsed lane: its title only


METRICS = Metrics()

TITLE_PX = 26
HEADER_PX = 17
CARD_TITLE_PX = 15
CARD_TEXT_PX = 12
LANE_LABEL_PX = 13
FLOW_LABEL_PX = 12
#: The names in the emotion lane's legend of persona curves, which fit in the lane labels'
#: column beside the +2 / 0 / -2 marks.
LEGEND_PX = 11
