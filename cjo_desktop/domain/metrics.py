"""Numbers attached to touchpoints, grouped in labelled snapshots, each with its provenance.

A snapshot is one import ("baseline 2025-Q1", "after redesign"): every value in it came from
the same file, read the same way, and says how many responses (``n``) stand behind it and how
sure it is (a 95% interval where one is defined). Values are keyed by touchpoint id, so a
snapshot survives edits to the map; values of a deleted touchpoint are simply not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Metric names the program computes itself; other names come from the user's data.
NPS = "nps"
CSAT_TOP2 = "csat_top2"
CSAT_MEAN = "csat_mean"
CES_MEAN = "ces_mean"
CONVERSION = "conversion"
DROPOFF = "dropoff"
VISITORS = "visitors"
COMPUTED_METRICS = (NPS, CSAT_TOP2, CSAT_MEAN, CES_MEAN, VISITORS, CONVERSION, DROPOFF)
#: What a pain-point rule can read from the map's feelings rather than from a snapshot.
VALENCE = "valence"
VALENCE_DIP = "valence_dip"
#: What a pain-point rule reads as how far a drop-off goes beyond what is normal there (its
#: expected drop-off, else the typical one of its stage), in percent: see analysis/dropoff.py.
DROPOFF_EXCESS = "dropoff_excess"
#: ``detail`` key saying which way a value improves (1: higher is better, 0: lower); survey
#: scales differ, so an import records it with the value instead of anyone assuming it.
HIGHER_IS_BETTER = "higher_is_better"
#: ``detail`` keys for the ends of the rating scale a survey value was read on (CSAT 1-5,
#: CES 1-5 or 1-7), stated at import; the next import of the same tool reads them back.
SCALE_LOW, SCALE_HIGH = "scale_low", "scale_high"
_DEFAULT_HIGHER_IS_BETTER = {
    NPS: True,
    CSAT_TOP2: True,
    CSAT_MEAN: True,
    CES_MEAN: False,
    CONVERSION: True,
    DROPOFF: False,
}


@dataclass(frozen=True, slots=True)
class MetricName:
    """What a metric is called, the one wording every view uses: ``words`` inside a sentence
    ("drop-off at or above 30%"), ``short`` where room is tight (a card's badge, a narrow
    column) and ``unit`` after its numbers ("%"; empty for scores, means and counts).
    ``capital``: the label starts with a capital (not so for the ids of the user's columns)."""

    words: str
    short: str
    unit: str = ""
    capital: bool = True

    @property
    def label(self) -> str:
        """The name on its own (a menu entry, a column, a legend): "Drop-off", "CSAT mean"."""
        return self.words[:1].upper() + self.words[1:] if self.capital else self.words

    @property
    def with_unit(self) -> str:
        """The name above numbers (a chart's axis or panel): "CSAT top-2-box (%)"."""
        return f"{self.label} ({self.unit})" if self.unit else self.label


#: Every metric the program knows, in the order a rule's metric is offered.
METRIC_NAMES = {
    NPS: MetricName("NPS", "NPS"),
    CSAT_TOP2: MetricName("CSAT top-2-box", "CSAT top-2", "%"),
    CSAT_MEAN: MetricName("CSAT mean", "CSAT"),
    CES_MEAN: MetricName("CES mean", "CES"),
    DROPOFF: MetricName("drop-off", "Drop-off", "%"),
    CONVERSION: MetricName("conversion", "Conversion", "%"),
    VISITORS: MetricName("visitors", "Visitors"),
    VALENCE: MetricName("emotion", "Emotion"),
    VALENCE_DIP: MetricName("emotion dip", "Dip"),
    DROPOFF_EXCESS: MetricName("drop-off beyond expected", "Excess drop-off", "%"),
}


def metric_name(metric: str) -> MetricName:
    """The metric's names; a metric of the user's own data is called by its id everywhere."""
    return METRIC_NAMES.get(metric) or MetricName(metric, metric, capital=False)


def higher_is_better(metric: str, value: MetricValue) -> bool | None:
    """Which way the metric improves; None when nobody said (a column of someone's KPIs).
    The top-2-box share counts the two best answers whichever end of the scale is best, so
    more of them is always better (imports record the CSAT scale's end with it as well)."""
    if metric == CSAT_TOP2:
        return True
    if HIGHER_IS_BETTER in value.detail:
        return bool(value.detail[HIGHER_IS_BETTER])
    return _DEFAULT_HIGHER_IS_BETTER.get(metric)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a snapshot's numbers came from, so any number can be traced and recomputed."""

    source: str  # the file's name
    sha256: str = ""  # of the file's bytes, to tell two versions of "survey.csv" apart
    sheet: str = ""  # for workbooks
    imported_at: str = ""  # ISO 8601, UTC
    method: str = ""  # how rows became numbers, in words ("responses: NPS 0-10, ...")
    segment: str = ""  # the filter applied, e.g. "segment = Family camper"; empty: all rows
    period: str = ""  # first and last date found, e.g. "2025-01-02..2025-03-30"


@dataclass(frozen=True, slots=True)
class MetricValue:
    """One number. ``value`` is None where it is not defined (no valid responses)."""

    value: float | None
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    #: The counts behind the value, e.g. promoters, passives and detractors for NPS.
    detail: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """``values[touchpoint_id][metric]``; ``summary`` holds journey-wide values such as the
    weighted CSAT across touchpoints."""

    label: str
    provenance: Provenance
    values: dict[str, dict[str, MetricValue]] = field(default_factory=dict)
    summary: dict[str, MetricValue] = field(default_factory=dict)

    def metric_names(self) -> list[str]:
        """Every metric in the snapshot: computed ones first in a fixed order, then the rest
        alphabetically."""
        names = {m for per_tp in self.values.values() for m in per_tp}
        known = [m for m in COMPUTED_METRICS if m in names]
        return known + sorted(names - set(known))

    def value(self, touchpoint_id: str, metric: str) -> MetricValue | None:
        return self.values.get(touchpoint_id, {}).get(metric)

    def restricted_to(self, touchpoint_ids: set[str]) -> Snapshot:
        """The same snapshot without values of touchpoints that are gone."""
        kept = {tp: v for tp, v in self.values.items() if tp in touchpoint_ids}
        return Snapshot(self.label, self.provenance, kept, self.summary)


DIGITS = 6


def rounded(snapshot: Snapshot, digits: int = DIGITS) -> Snapshot:
    """The snapshot with every number to ``digits`` decimals, as the file stores it, so a map
    equals itself after a save and a load."""

    def r(x: float | None) -> float | None:
        return None if x is None else round(float(x), digits)

    def value(v: MetricValue) -> MetricValue:
        detail = {k: float(round(float(x), digits)) for k, x in v.detail.items()}
        return MetricValue(r(v.value), v.n, r(v.ci_low), r(v.ci_high), detail)

    values = {tp: {m: value(v) for m, v in per.items()} for tp, per in snapshot.values.items()}
    summary = {m: value(v) for m, v in snapshot.summary.items()}
    return Snapshot(snapshot.label, snapshot.provenance, values, summary)
