"""The items of a journey, as frozen dataclasses: an edit replaces an item, never changes it.

Frozen items make undo simple (a command keeps the old item) and make change events safe to
hand to views.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cjo_desktop.domain.painpoints import Opportunity, PainPoint


class Kind(StrEnum):
    """Node kinds in the journey graph."""

    STAGE = "stage"
    TOUCHPOINT = "touchpoint"
    EMOTION = "emotion"
    PERSONA = "persona"
    PAIN_POINT = "pain point"
    OPPORTUNITY = "opportunity"


VALENCE_MIN = -2
VALENCE_MAX = 2

#: The words people use for each valence; used when an emotion has no label of its own.
DEFAULT_EMOTION_LABELS: dict[int, str] = {
    -2: "frustrated",
    -1: "confused",
    0: "neutral",
    1: "pleased",
    2: "delighted",
}


@dataclass(frozen=True, slots=True)
class Position:
    """Where the user put a card by hand, in scene units; ``None`` on a card means auto-layout."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Touchpoint:
    id: str
    name: str
    stage_id: str
    channel: str = ""
    description: str = ""
    owner: str = ""
    tags: tuple[str, ...] = ()
    position: Position | None = None


@dataclass(frozen=True, slots=True)
class Emotion:
    """How the customer (or one persona) feels at a touchpoint, valence -2 (worst) .. +2."""

    id: str
    touchpoint_id: str
    valence: int
    label: str = ""
    persona_id: str | None = None

    @property
    def display_label(self) -> str:
        return self.label or DEFAULT_EMOTION_LABELS.get(self.valence, "")


@dataclass(frozen=True, slots=True)
class Persona:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Flow:
    """Customers moving from one touchpoint to the next.

    ``target is None`` is a drop-off: customers who leave the journey at ``source``.
    ``count`` is how many moved, when known.
    """

    source: str
    target: str | None
    count: int | None = None
    label: str = ""

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.source, self.target)

    @property
    def is_dropoff(self) -> bool:
        return self.target is None


#: Any node item of the journey graph.
Item = Stage | Touchpoint | Emotion | Persona | PainPoint | Opportunity

KIND_OF: dict[type, Kind] = {
    Stage: Kind.STAGE,
    Touchpoint: Kind.TOUCHPOINT,
    Emotion: Kind.EMOTION,
    Persona: Kind.PERSONA,
    PainPoint: Kind.PAIN_POINT,
    Opportunity: Kind.OPPORTUNITY,
}
