"""How metrics show on the map: a badge with the number on each card, and optionally the cards
coloured by one metric on a diverging, colour-blind-safe scale with a legend.

The scale is centred on a neutral value (NPS 0, CSAT 3 of 5, top-2 share 50%...) and runs to
good and bad ends; for metrics the program does not know, it spans the values on the map.
Blue is good, vermillion bad (Okabe-Ito hues), and the number is always on the card too.
Colours leave here as RGB fractions; the canvas turns them into Qt colours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cjo_desktop.domain import MetricValue, Snapshot
from cjo_desktop.domain.metrics import (
    CES_MEAN,
    CONVERSION,
    CSAT_MEAN,
    CSAT_TOP2,
    DROPOFF,
    NPS,
    VISITORS,
    metric_name,
)
from cjo_desktop.domain.shown import shown
from cjo_desktop.palette import BETTER, METRIC_NEUTRAL, WORSE

#: Red, green and blue as fractions 0..1 (what QColor.fromRgbF takes).
Rgb = tuple[float, float, float]


def rgb(hex_colour: str) -> Rgb:
    """'#RRGGBB' -> red, green and blue as 0..1, as QColor(hex).redF() etc. give them."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return r, g, b


@dataclass(frozen=True)
class Scale:
    """``bad`` .. ``neutral`` .. ``good``; ``bad`` may be above ``good`` (effort, drop-off)."""

    bad: float
    neutral: float
    good: float

    def position(self, value: float) -> float:
        """-1 (bad) .. 0 (neutral) .. +1 (good)."""
        end = self.good if (value - self.neutral) * (self.good - self.neutral) >= 0 else self.bad
        span = end - self.neutral
        if span == 0:
            return 0.0
        t = (value - self.neutral) / span
        return max(0.0, min(1.0, t)) * (1 if end == self.good else -1)


KNOWN_SCALES = {
    NPS: Scale(-100, 0, 100),
    CSAT_TOP2: Scale(0, 50, 100),
    CSAT_MEAN: Scale(1, 3, 5),
    CES_MEAN: Scale(7, 4, 1),
    CONVERSION: Scale(0, 50, 100),
    DROPOFF: Scale(100, 50, 0),
}


def scale_for(metric: str, snapshot: Snapshot) -> Scale:
    if metric in KNOWN_SCALES:
        return KNOWN_SCALES[metric]
    values = sorted(
        v.value
        for per in snapshot.values.values()
        if (v := per.get(metric)) is not None and v.value is not None
    )
    if not values:
        return Scale(0, 0, 0)
    middle = values[len(values) // 2]
    return Scale(values[0], middle, values[-1])  # unknown direction: higher reads as "more"


def colour(position: float) -> Rgb:
    """Blend from neutral toward good or bad; never darker than a card's text can sit on."""
    target = rgb(BETTER if position >= 0 else WORSE)
    neutral = rgb(METRIC_NEUTRAL)
    t = min(1.0, abs(position)) * 0.75
    r, g, b = (n + (c - n) * t for n, c in zip(neutral, target, strict=True))
    return r, g, b


def format_value(metric: str, value: MetricValue) -> str:
    if value.value is None:
        return "n/a"
    x = value.value
    if metric_name(metric).unit == "%":
        text = f"{x:.0f}%"
    elif metric == NPS:
        text = f"{x:+.0f}" if round(x) else "0"
    elif metric in (CSAT_MEAN, CES_MEAN):
        text = f"{x:.1f}"
    elif metric == VISITORS or float(x).is_integer():
        text = f"{x:,.0f}".replace(",", "\N{THIN SPACE}")
    else:
        text = f"{x:.3g}"
    return text.replace("-", "\N{MINUS SIGN}")


def badge(metric: str, value: MetricValue) -> str:
    """'NPS 45 · n=100' — the number and how many stand behind it."""
    label = metric_name(metric).short
    n = f" \N{MIDDLE DOT} n={value.n}" if value.n is not None and metric != VISITORS else ""
    return shown(f"{label} {format_value(metric, value)}{n}")


def short_badge(badge: str) -> str:
    """The value without its n: "NPS -12 · n=181" -> "NPS -12"."""
    return badge.split(" \N{MIDDLE DOT} ")[0]


def badge_forms(badge: str) -> list[str]:
    """The badge's forms, fullest first: whole, with the n kept but the dot dropped
    ("NPS -12 n=181"), then without the n (the tooltip has both)."""
    return [badge, badge.replace(" \N{MIDDLE DOT} ", " "), short_badge(badge)]


def map_badge_form(badges: Iterable[tuple[str, float]], width: Callable[[str], float]) -> int:
    """Which form every card of a map shows, given each card's badge and its room: the fullest
    that fits on all of them, so one metric reads alike on every card ("NPS -68" never sits
    beside "NPS -19 n=202" because a pain tab took room on one card)."""
    form = 0
    for badge, room in badges:
        forms = badge_forms(badge)
        while form < len(forms) - 1 and width(forms[form]) > room:
            form += 1
    return form


def fit_badge(badge: str, width: Callable[[str], float], room: float, form: int = 0) -> str | None:
    """The fullest form of the badge, from ``form`` on, that fits ``room``; None if even the
    shortest does not fit."""
    return next((f for f in badge_forms(badge)[form:] if width(f) <= room), None)


@dataclass(frozen=True)
class CardMetric:
    """What one card shows: the badge text, and its fill when cards are coloured."""

    badge: str
    fill: Rgb | None
    tooltip: str


def card_metrics(
    snapshot: Snapshot, badge_metric: str | None, colour_metric: str | None
) -> dict[str, CardMetric]:
    """Per touchpoint id: its badge (the colour metric if any, else the badge metric)."""
    on_card = colour_metric or badge_metric
    scale = scale_for(colour_metric, snapshot) if colour_metric else None
    out: dict[str, CardMetric] = {}
    for tp, per in snapshot.values.items():
        lines = [
            f"{badge(m, v)}"
            + (
                f" (95% {format_value(m, MetricValue(v.ci_low))}"
                f"\N{EN DASH}{format_value(m, MetricValue(v.ci_high))})"
                if v.ci_low is not None and v.ci_high is not None
                else ""
            )
            for m, v in per.items()
        ]
        value = per.get(on_card) if on_card else None
        fill = None
        if scale is not None and value is not None and value.value is not None:
            fill = colour(scale.position(value.value))
        text = badge(on_card, value) if on_card and value is not None else ""
        out[tp] = CardMetric(text, fill, f"{snapshot.label}:\n" + "\n".join(lines))
    return out


def headline_badges(
    snapshot: Snapshot, badge_metric: str | None, colour_metric: str | None
) -> dict[str, list[str]]:
    """Per touchpoint, the badge of each metric it has in ``snapshot``: what the metrics lane
    shows under its card, the metric on the card first (as :func:`card_metrics` picks it)."""
    on_card = colour_metric or badge_metric
    names = snapshot.metric_names()
    if on_card in names:
        names.remove(on_card)
        names.insert(0, on_card)
    out: dict[str, list[str]] = {}
    for tp, per in snapshot.values.items():
        badges = [badge(m, per[m]) for m in names if m in per]
        if badges:
            out[tp] = badges
    return out


@dataclass(frozen=True)
class Legend:
    title: str
    bad: str
    neutral: str
    good: str


def legend(metric: str, snapshot: Snapshot) -> Legend:
    """The colour scale's title and the values at its bad, neutral and good ends."""
    scale = scale_for(metric, snapshot)

    def f(x: float) -> str:
        return format_value(metric, MetricValue(x))

    title = shown(f"{metric_name(metric).label} \N{EM DASH} {snapshot.label}")
    return Legend(title, f(scale.bad), f(scale.neutral), f(scale.good))
