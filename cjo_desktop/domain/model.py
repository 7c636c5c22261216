"""The items of a journey, as frozen dataclasses: an edit replaces an item, never changes it.

Frozen items make undo simple (a command keeps the old item) and make change events safe to
hand to views. Each field says once, in its ``spec`` (see :mod:`cjo_desktop.domain.fields`),
how its value is checked, which other item it refers to and what the map file calls it; the
journey, loading and saving, the clipboard and undo all read that instead of a list of fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import Any

from cjo_desktop.domain import lanes as ln
from cjo_desktop.domain import painpoints as pp
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.evidence import EVIDENCE, Evidence, evidence
from cjo_desktop.domain.fields import ID, TEXTS, Codec, spec
from cjo_desktop.domain.limits import MAX_COORDINATE

#: Observed, assumed or proposed, and from where (None: not stated); see domain/evidence.py.
EVIDENCE_SPEC = spec(evidence, codec=EVIDENCE)


class Kind(StrEnum):
    """Node kinds in the journey graph."""

    STAGE = "stage"
    TOUCHPOINT = "touchpoint"
    EMOTION = "emotion"
    PERSONA = "persona"
    PAIN_POINT = "pain point"
    OPPORTUNITY = "opportunity"
    LANE = "lane"
    FREE_CARD = "free card"


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


def _position(value: object) -> Position | None:
    if value is None:
        return None
    if not isinstance(value, Position):
        raise JourneyError(f"a position must be a Position or None, not {check.excerpt(value)}")
    check.number(value.x, "a position's x", MAX_COORDINATE)
    check.number(value.y, "a position's y", MAX_COORDINATE)
    return value


def _write_position(value: Any) -> Any:
    return {"x": value.x, "y": value.y} if isinstance(value, Position) else value


def _read_position(data: Any, where: str) -> Position | None:
    if data is None:
        return None
    if not isinstance(data, dict) or set(data) != {"x", "y"}:
        raise JourneyError(f"{where} must be null or an object with x and y")
    for axis in ("x", "y"):
        check.number(data[axis], f"{where}.{axis}", MAX_COORDINATE)
    return Position(float(data["x"]), float(data["y"]))


#: A position as JSON: ``{"x": .., "y": ..}`` or null.
POSITION = Codec(_write_position, _read_position)

NAME = spec(check.name)


def _ids_of(kind: Kind) -> dict[str, Any]:
    """A list of ids of items of ``kind`` (empty: none), written as a JSON list."""
    return spec(ln.id_list, ref=kind, codec=TEXTS)


def _text(what: str) -> dict[str, Any]:
    """Free text, named ``what`` in messages."""
    return spec(partial(check.text, what=what))


def _in(kind: Kind, file: str) -> dict[str, Any]:
    """The id of the item this one belongs to: set when it is made, moved only by the
    journey's own moves."""
    return spec(ref=kind, fixed=True, file=file)


@dataclass(frozen=True, slots=True)
class Stage:
    """A column of the map: one phase of the journey."""

    id: str = field(metadata=ID)
    name: str = field(metadata=NAME)
    description: str = field(default="", metadata=_text("description"))


@dataclass(frozen=True, slots=True)
class Touchpoint:
    """A card: a place where the customer meets the brand, in one stage."""

    id: str = field(metadata=ID)
    name: str = field(metadata=NAME)
    stage_id: str = field(metadata=_in(Kind.STAGE, "stage"))
    channel: str = field(default="", metadata=_text("channel"))
    description: str = field(default="", metadata=_text("description"))
    owner: str = field(default="", metadata=_text("owner"))
    tags: tuple[str, ...] = field(default=(), metadata=spec(check.tags, codec=TEXTS))
    position: Position | None = field(default=None, metadata=spec(_position, codec=POSITION))
    #: The share (0..1) of people expected to leave the journey here, as is normal for such a
    #: place (most who see an ad scroll past); a drop-off is a pain point only beyond it.
    #: None: judge it against the typical drop-off of the stage.
    expected_dropoff: float | None = field(default=None, metadata=spec(check.expected_dropoff))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE_SPEC)
    #: The personas who use this touchpoint; empty: everyone does.
    personas: tuple[str, ...] = field(default=(), metadata=_ids_of(Kind.PERSONA))


@dataclass(frozen=True, slots=True)
class Emotion:
    """How the customer (or one persona) feels at a touchpoint, valence -2 (worst) .. +2."""

    id: str = field(metadata=ID)
    touchpoint_id: str = field(metadata=_in(Kind.TOUCHPOINT, "touchpoint"))
    valence: int = field(metadata=spec(check.valence))
    label: str = field(default="", metadata=_text("label"))
    persona_id: str | None = field(
        default=None, metadata=spec(ref=Kind.PERSONA, nullable=True, file="persona")
    )
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE_SPEC)

    @property
    def display_label(self) -> str:
        return self.label or DEFAULT_EMOTION_LABELS.get(self.valence, "")


@dataclass(frozen=True, slots=True)
class Persona:
    """A kind of customer whose feelings a map can tell apart from everyone's."""

    id: str = field(metadata=ID)
    name: str = field(metadata=NAME)
    description: str = field(default="", metadata=_text("description"))
    #: A PNG or JPEG as base64 (empty: none), kept in the file so the map travels whole.
    picture: str = field(default="", metadata=spec(ln.picture))


@dataclass(frozen=True, slots=True)
class Lane:
    """A row of the map (see :mod:`cjo_desktop.domain.lanes`); its place is the lane order."""

    id: str = field(metadata=ID)
    name: str = field(metadata=NAME)
    kind: ln.LaneKind = field(metadata=spec(ln.lane_kind, fixed=True))
    hidden: bool = field(default=False, metadata=spec(partial(ln.flag, what="hidden")))
    collapsed: bool = field(default=False, metadata=spec(partial(ln.flag, what="collapsed")))


@dataclass(frozen=True, slots=True)
class FreeCard:
    """A card the team types into a stage-by-lane cell: a customer action, a backstage step,
    a system. ``supports`` are the touchpoints it serves ("the warehouse pick supports
    Delivery tracking"), drawn as links."""

    id: str = field(metadata=ID)
    stage_id: str = field(metadata=spec(ref=Kind.STAGE, file="stage"))
    lane_id: str = field(metadata=spec(ref=Kind.LANE, file="lane"))
    text: str = field(metadata=spec(partial(check.name, what="a card's text")))
    colour: str = field(default="", metadata=spec(ln.colour))
    link: str = field(default="", metadata=_text("link"))
    owner: str = field(default="", metadata=_text("owner"))
    supports: tuple[str, ...] = field(default=(), metadata=_ids_of(Kind.TOUCHPOINT))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE_SPEC)


@dataclass(frozen=True, slots=True)
class Flow:
    """Customers moving from one touchpoint to the next.

    ``target is None`` is a drop-off: customers who leave the journey at ``source``.
    ``count`` is how many moved, when known.
    """

    source: str = field(metadata=spec(ref=Kind.TOUCHPOINT, fixed=True))
    target: str | None = field(metadata=spec(ref=Kind.TOUCHPOINT, nullable=True, fixed=True))
    count: int | None = field(default=None, metadata=spec(check.count))
    label: str = field(default="", metadata=_text("label"))

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.source, self.target)

    @property
    def is_dropoff(self) -> bool:
        return self.target is None


@dataclass(frozen=True, slots=True)
class PainPoint:
    """Friction the team flagged at a touchpoint by hand, with what they mean to do about it."""

    id: str = field(metadata=ID)
    touchpoint_id: str = field(metadata=_in(Kind.TOUCHPOINT, "touchpoint"))
    severity: pp.Severity = field(metadata=spec(pp.severity))
    description: str = field(metadata=spec(partial(check.name, what="a pain point's description")))
    #: The optimization strategy, in the team's words.
    strategy: str = field(default="", metadata=_text("strategy"))
    evidence: Evidence | None = field(default=None, metadata=EVIDENCE_SPEC)


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A fix for one pain point at a touchpoint, to weigh its value against its effort.

    ``pain_point`` is a manual pain point's id or the name of the rule that found it.
    ``impact`` is the share (0-100%) of that pain point's loss the fix is expected to win back.
    """

    id: str = field(metadata=ID)
    touchpoint_id: str = field(metadata=_in(Kind.TOUCHPOINT, "touchpoint"))
    pain_point: str = field(
        metadata=spec(partial(check.name, what="the pain point an opportunity answers"))
    )
    name: str = field(metadata=NAME)
    effort: pp.Effort = field(default="M", metadata=spec(pp.effort))
    impact: int = field(default=50, metadata=spec(pp.impact))
    description: str = field(default="", metadata=_text("description"))


#: Any node item of the journey graph.
Item = Stage | Touchpoint | Emotion | Persona | PainPoint | Opportunity | Lane | FreeCard

KIND_OF: dict[type, Kind] = {
    Stage: Kind.STAGE,
    Touchpoint: Kind.TOUCHPOINT,
    Emotion: Kind.EMOTION,
    Persona: Kind.PERSONA,
    PainPoint: Kind.PAIN_POINT,
    Opportunity: Kind.OPPORTUNITY,
    Lane: Kind.LANE,
    FreeCard: Kind.FREE_CARD,
}
#: The item class of each kind.
CLASS_OF: dict[Kind, type[Item]] = {kind: cls for cls, kind in KIND_OF.items()}
