"""A Hypothesis strategy for maps that validate: built through the domain's own API with numbers
and texts drawn from the edges of every documented range (domain/limits.py), so whatever it
draws is a map a user could have saved, and the program must open, draw and export it.
"""

from __future__ import annotations

from hypothesis import strategies as st

from cjo_desktop.domain import (
    DEFAULT_RULES,
    Journey,
    MetricValue,
    PainPointSettings,
    Position,
    Provenance,
    Snapshot,
)
from cjo_desktop.domain.limits import MAX_COORDINATE, MAX_COUNT, MAX_MONEY, MAX_NAME, MAX_VALUE

#: Names that have broken programs: markup, math, escapes, other scripts, bidi, emoji, long.
ODD_NAMES = [
    "Upgrade from $5 to $10 plan",
    "Budget $$",
    "\\frac{a}{b} ^_{}",
    "<b>bold</b> & 'quotes' \"too\"",
    "Esc \x1b[31mred\x1b[0m bell \x07",
    "tab\tand\nnewline",
    "购物车 カート 장바구니",
    "سلة التسوق",
    "\u202eoverride\u202c",
    "🛒 cart 👍🏽",
    "x" * MAX_NAME,
    "W" * 80,
    " leading and trailing ",
]

_COORDINATES = st.sampled_from(
    [0.0, 0.5, -1.0, 37.25, 1e4, -1e4, MAX_COORDINATE, -MAX_COORDINATE, 1e-300]
)
_COUNTS = st.sampled_from([None, 0, 1, 7, 10**6, 2**31, MAX_COUNT])
_VALUES = st.sampled_from(
    [None, 0.0, -0.0, 1e-9, -73.4, 100.0, 5e-324, MAX_VALUE, -MAX_VALUE, 123456.789]
)
_NAMES = st.one_of(
    st.sampled_from(ODD_NAMES),
    st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and _encodable(s)),
)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@st.composite
def valid_maps(draw: st.DrawFn) -> Journey:
    journey = Journey(draw(_NAMES), draw(st.sampled_from(["", "A map", ODD_NAMES[4]])))
    for i in range(draw(st.integers(0, 4))):
        journey.add_stage(draw(_NAMES), id=f"st-{i}")
    stages = [s.id for s in journey.stages()]
    cards: list[str] = []
    for i in range(draw(st.integers(0, 9)) if stages else 0):
        manual = draw(st.booleans())
        position = Position(draw(_COORDINATES), draw(_COORDINATES)) if manual else None
        channel = draw(st.sampled_from(["", "web", "store", ODD_NAMES[6], "x" * 300]))
        card = journey.add_touchpoint(
            draw(st.sampled_from(stages)),
            draw(_NAMES),
            id=f"tp-{i}",
            channel=channel,
            position=position,
            tags=draw(st.lists(st.sampled_from(["a", ODD_NAMES[8]]), max_size=2)),
        )
        cards.append(card.id)
    for source in cards:
        for target in draw(st.lists(st.sampled_from([*cards, None]), max_size=3, unique=True)):
            journey.add_flow(
                source, target, count=draw(_COUNTS), label=draw(st.sampled_from(["", "5 $"]))
            )
    for i, card in enumerate(draw(st.lists(st.sampled_from(cards), max_size=6)) if cards else []):
        journey.add_emotion(card, draw(st.integers(-2, 2)), id=f"em-{i}")
    if cards and draw(st.booleans()):
        metrics = ["nps", "csat_top2", "ces_mean", "dropoff", "visitors", "conversion", "Revenue $"]
        values = {
            card: {
                m: MetricValue(draw(_VALUES), draw(_COUNTS), draw(_VALUES), draw(_VALUES))
                for m in draw(st.lists(st.sampled_from(metrics), max_size=4, unique=True))
            }
            for card in draw(st.lists(st.sampled_from(cards), unique=True))
        }
        journey.add_metric_snapshot(Snapshot(draw(_NAMES), Provenance("data.csv"), values))
        if draw(st.booleans()):
            journey.add_metric_snapshot(Snapshot("second", Provenance("later.csv"), values))
    if cards:
        for i, card in enumerate(draw(st.lists(st.sampled_from(cards), max_size=3))):
            pain = journey.add_pain_point(card, "high", draw(_NAMES), id=f"pp-{i}")
            if draw(st.booleans()):
                journey.add_opportunity(card, pain.id, draw(_NAMES), id=f"op-{i}")
        value = draw(st.sampled_from([None, 0.0, 85.0, MAX_MONEY]))
        goal = draw(st.sampled_from([None, *cards]))
        journey.set_painpoint_settings(
            PainPointSettings(
                DEFAULT_RULES, value, draw(st.sampled_from(["€", "$$$$", "$"])), "month", goal
            )
        )
    return journey
