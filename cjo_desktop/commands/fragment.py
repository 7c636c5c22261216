"""A copied part of a map as plain data: what Copy puts on the clipboard and Paste reads.

A :class:`Fragment` holds domain items with their original ids; paste gives them fresh ones.
A touchpoint whose ``stage_id`` is not one of the fragment's stages is a *loose* card: it keeps
the id of the stage it was copied from, and paste puts it in a target stage. Clipboard text is
JSON under :data:`MIME_TYPE`; :func:`from_json` reads only what :func:`to_json` could write, and
any other input raises :class:`FragmentError` (a ``ValueError``) saying what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NoReturn, TypeGuard

from cjo_desktop.commands._base import FlowKey
from cjo_desktop.domain import (
    VALENCE_MAX,
    VALENCE_MIN,
    Emotion,
    Flow,
    Journey,
    JourneyError,
    Position,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.limits import MAX_COORDINATE

MIME_TYPE = "application/x-cjo-fragment+json"
FORMAT = "cjo-fragment"
FORMAT_VERSION = 1


class FragmentError(ValueError):
    """Clipboard data that is not a fragment this version can paste."""


@dataclass(frozen=True, slots=True)
class Fragment:
    """Stages, touchpoints (journey order), their emotions and the flows among them."""

    stages: tuple[Stage, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    emotions: tuple[Emotion, ...] = ()
    flows: tuple[Flow, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.stages or self.touchpoints)

    def loose_touchpoints(self) -> list[Touchpoint]:
        """Cards whose stage was not copied with them."""
        stage_ids = {s.id for s in self.stages}
        return [t for t in self.touchpoints if t.stage_id not in stage_ids]


def fragment_of(journey: Journey, item_ids: Iterable[str | FlowKey]) -> Fragment:
    """Copy a selection: a stage brings its cards; a card brings its emotions; flows between
    copied cards (and their drop-offs) come along. A selected emotion, flow or persona on its
    own is not copied, since it cannot be pasted without its cards."""
    stage_ids: set[str] = set()
    card_ids: set[str] = set()
    for key in item_ids:
        if isinstance(key, tuple) and len(key) == 2:
            journey.flow(*key)  # an unknown key is an error, a known one comes with its cards
            continue
        if not isinstance(key, str):
            raise JourneyError(f"{key!r} is neither an item id nor a flow key")
        item = journey.item(key)
        if isinstance(item, Stage):
            stage_ids.add(item.id)
            card_ids.update(t.id for t in journey.touchpoints(item.id))
        elif isinstance(item, Touchpoint):
            card_ids.add(item.id)
    return Fragment(
        stages=tuple(s for s in journey.stages() if s.id in stage_ids),
        touchpoints=tuple(t for t in journey.touchpoints() if t.id in card_ids),
        emotions=tuple(e for e in journey.emotions() if e.touchpoint_id in card_ids),
        flows=tuple(
            f
            for f in journey.flows()
            if f.source in card_ids and (f.target is None or f.target in card_ids)
        ),
    )


def to_json(fragment: Fragment) -> str:
    """Clipboard text for a fragment."""
    return json.dumps(_to_data(fragment), ensure_ascii=False, separators=(",", ":"))


def from_json(text: str | bytes | bytearray) -> Fragment:
    """Read clipboard text; raises :class:`FragmentError` (a ValueError) and nothing else."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            _fail("the clipboard data is not UTF-8 text")
    if not isinstance(text, str):
        _fail(f"expected text, not {type(text).__name__}")
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except FragmentError:
        raise
    except RecursionError:
        _fail("the JSON is nested too deeply")
    except ValueError as error:  # JSONDecodeError, or an integer too long to read
        _fail(f"not valid JSON ({error})")
    return _from_data(data)


def check_fragment(fragment: Fragment) -> None:
    """Raise :class:`FragmentError` unless ``fragment`` holds only valid, consistent items."""
    if not isinstance(fragment, Fragment):
        _fail(f"expected a Fragment, not {type(fragment).__name__}")
    for name, cls in (("stages", Stage), ("touchpoints", Touchpoint), ("emotions", Emotion)):
        items = getattr(fragment, name)
        if not isinstance(items, tuple) or not all(isinstance(i, cls) for i in items):
            _fail(f"{name!r} must be a tuple of {cls.__name__} items")
    if not isinstance(fragment.flows, tuple) or not all(
        isinstance(f, Flow) for f in fragment.flows
    ):
        _fail("'flows' must be a tuple of Flow items")
    _from_data(_to_data(fragment))


# ------------------------------------------------------------------ writing
def _to_data(f: Fragment) -> dict[str, Any]:
    def tp(t: Touchpoint) -> dict[str, Any]:
        pos = t.position
        return {
            "id": t.id,
            "name": t.name,
            "stage_id": t.stage_id,
            "channel": t.channel,
            "description": t.description,
            "owner": t.owner,
            "tags": list(t.tags) if isinstance(t.tags, tuple | list) else t.tags,
            "position": {"x": pos.x, "y": pos.y} if isinstance(pos, Position) else pos,
        }

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "stages": [{"id": s.id, "name": s.name, "description": s.description} for s in f.stages],
        "touchpoints": [tp(t) for t in f.touchpoints],
        "emotions": [
            {
                "id": e.id,
                "touchpoint_id": e.touchpoint_id,
                "valence": e.valence,
                "label": e.label,
                "persona_id": e.persona_id,
            }
            for e in f.emotions
        ],
        "flows": [
            {"source": x.source, "target": x.target, "count": x.count, "label": x.label}
            for x in f.flows
        ],
    }


# ------------------------------------------------------------------ reading
def _fail(message: str) -> NoReturn:
    raise FragmentError(f"not a journey fragment: {message}")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            _fail(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> NoReturn:
    _fail(f"{name} is not a number JSON allows")


Check = Callable[[Any, str], Any]


def _id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(f"{where} must be a non-empty id")
    return value


def _optional_id(value: Any, where: str) -> str | None:
    return None if value is None else _id(value, where)


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(f"{where} must be a non-empty name")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        _fail(f"{where} must be text")
    return value


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _valence(value: Any, where: str) -> int:
    if not _whole(value) or not VALENCE_MIN <= value <= VALENCE_MAX:
        _fail(f"{where} must be a whole number from {VALENCE_MIN} to {VALENCE_MAX}")
    return int(value)


def _count(value: Any, where: str) -> int | None:
    try:
        return check.count(value, where)
    except JourneyError as exc:
        _fail(str(exc))


def _tags(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        _fail(f"{where} must be a list of words")
    return tuple(_text(tag, f"{where}[{i}]") for i, tag in enumerate(value))


def _position(value: Any, where: str) -> Position | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"x", "y"}:
        _fail(f"{where} must be null or an object with x and y")
    for axis in ("x", "y"):
        try:
            check.number(value[axis], f"{where}.{axis}", MAX_COORDINATE)
        except JourneyError as exc:
            _fail(str(exc))
    return Position(float(value["x"]), float(value["y"]))


#: For each record: field -> (required, check). Optional fields default as in the domain.
_STAGE: dict[str, tuple[bool, Check]] = {
    "id": (True, _id),
    "name": (True, _name),
    "description": (False, _text),
}
_TOUCHPOINT: dict[str, tuple[bool, Check]] = {
    "id": (True, _id),
    "name": (True, _name),
    "stage_id": (True, _id),
    "channel": (False, _text),
    "description": (False, _text),
    "owner": (False, _text),
    "tags": (False, _tags),
    "position": (False, _position),
}
_EMOTION: dict[str, tuple[bool, Check]] = {
    "id": (True, _id),
    "touchpoint_id": (True, _id),
    "valence": (True, _valence),
    "label": (False, _text),
    "persona_id": (False, _optional_id),
}
_FLOW: dict[str, tuple[bool, Check]] = {
    "source": (True, _id),
    "target": (True, _optional_id),
    "count": (False, _count),
    "label": (False, _text),
}
_LISTS = {"stages": _STAGE, "touchpoints": _TOUCHPOINT, "emotions": _EMOTION, "flows": _FLOW}


def _record(value: Any, where: str, spec: dict[str, tuple[bool, Check]]) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(f"{where} must be an object")
    unknown = sorted(set(value) - set(spec))
    if unknown:
        _fail(f"{where} has an unknown field {unknown[0]!r}")
    out: dict[str, Any] = {}
    for field, (required, read) in spec.items():
        if field in value:
            out[field] = read(value[field], f"{where}.{field}")
        elif required:
            _fail(f"{where} lacks the field {field!r}")
    return out


def _from_data(data: Any) -> Fragment:
    if not isinstance(data, dict):
        _fail("expected a JSON object")
    if data.get("format") != FORMAT:
        _fail(f"'format' must be {FORMAT!r}")
    version = data.get("version")
    if not _whole(version) or version < 1:
        _fail("'version' must be a whole number from 1")
    if version > FORMAT_VERSION:
        _fail(f"it comes from a newer cjo-desktop (version {version}; this one reads 1)")
    unknown = sorted(set(data) - {"format", "version", *_LISTS})
    if unknown:
        _fail(f"unknown field {unknown[0]!r}")
    records: dict[str, list[dict[str, Any]]] = {}
    for name, spec in _LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            _fail(f"{name!r} must be a list")
        records[name] = [_record(v, f"{name}[{i}]", spec) for i, v in enumerate(items)]
    fragment = Fragment(
        stages=tuple(Stage(**r) for r in records["stages"]),
        touchpoints=tuple(Touchpoint(**r) for r in records["touchpoints"]),
        emotions=tuple(Emotion(**r) for r in records["emotions"]),
        flows=tuple(Flow(**r) for r in records["flows"]),
    )
    _check_references(fragment)
    return fragment


def _check_references(f: Fragment) -> None:
    seen: set[str] = set()
    ids = [s.id for s in f.stages] + [t.id for t in f.touchpoints] + [e.id for e in f.emotions]
    for item_id in ids:
        if item_id in seen:
            _fail(f"the id {item_id!r} is used twice")
        seen.add(item_id)
    cards = {t.id for t in f.touchpoints}
    for e in f.emotions:
        if e.touchpoint_id not in cards:
            _fail(f"emotion {e.id!r} belongs to a touchpoint that is not in the fragment")
    keys: set[tuple[str, str | None]] = set()
    for flow in f.flows:
        if flow.source not in cards or (flow.target is not None and flow.target not in cards):
            _fail(f"the flow {flow.key!r} links a touchpoint that is not in the fragment")
        if flow.key in keys:
            _fail(f"the flow {flow.key!r} appears twice")
        keys.add(flow.key)
