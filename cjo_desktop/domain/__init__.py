"""The journey model in pure Python: no Qt, no pydantic, usable from a notebook."""

from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal
from cjo_desktop.domain.journey import Journey
from cjo_desktop.domain.limits import VALENCE_MAX, VALENCE_MIN
from cjo_desktop.domain.metrics import MetricValue, Provenance, Snapshot
from cjo_desktop.domain.model import (
    DEFAULT_EMOTION_LABELS,
    Emotion,
    Flow,
    Kind,
    Opportunity,
    PainPoint,
    Persona,
    Position,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.painpoints import DEFAULT_RULES, PainPointSettings, Rule

__all__ = [
    "DEFAULT_EMOTION_LABELS",
    "DEFAULT_RULES",
    "VALENCE_MAX",
    "VALENCE_MIN",
    "Change",
    "Emotion",
    "Flow",
    "Journey",
    "JourneyError",
    "Kind",
    "MetricValue",
    "Opportunity",
    "PainPoint",
    "PainPointSettings",
    "Persona",
    "Position",
    "Provenance",
    "Rule",
    "Signal",
    "Snapshot",
    "Stage",
    "Touchpoint",
]
