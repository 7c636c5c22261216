"""A copied part of a map as plain data: what Copy puts on the clipboard and Paste reads.

A :class:`Fragment` holds domain items with their original ids; paste gives them fresh ones.
A touchpoint whose ``stage_id`` is not one of the fragment's stages is a *loose* card: it keeps
the id of the stage it was copied from, and paste puts it in a target stage. Clipboard text is
JSON under :data:`MIME_TYPE`; :func:`from_json` reads only what :func:`to_json` could write, and
any other input raises :class:`FragmentError` (a ``ValueError``) saying what is wrong. Records
hold each item's fields under the domain's names, written and checked by the fields' own specs
(:mod:`cjo_desktop.domain.fields`); ids need only be non-empty, as paste gives fresh ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NoReturn, TypeGuard

from cjo_desktop.commands._base import FlowKey
from cjo_desktop.domain import Emotion, Flow, Journey, JourneyError, Stage, Touchpoint
from cjo_desktop.domain.fields import Field, fields_of, to_plain
from cjo_desktop.domain.journey_checks import Addable

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
    for name, cls in _LISTS.items():
        items = getattr(fragment, name)
        if not isinstance(items, tuple) or not all(isinstance(i, cls) for i in items):
            _fail(f"{name!r} must be a tuple of {cls.__name__} items")
    _from_data(_to_data(fragment))


#: The fragment's lists and the class of their items.
_LISTS: dict[str, type[Addable]] = {
    "stages": Stage,
    "touchpoints": Touchpoint,
    "emotions": Emotion,
    "flows": Flow,
}


# ------------------------------------------------------------------ writing
def _to_data(f: Fragment) -> dict[str, Any]:
    lists = {name: [to_plain(item) for item in getattr(f, name)] for name in _LISTS}
    return {"format": FORMAT, "version": FORMAT_VERSION, **lists}


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


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(f"{where} must be a non-empty id")
    return value


def _value(f: Field, data: Any, where: str) -> Any:
    """One field's value from its JSON data: an id, or a value its field's spec reads and
    checks as the journey would."""
    if f.is_id:
        return None if data is None and f.spec.nullable else _id(data, where)
    try:
        value = f.read(data, where)
    except JourneyError as error:
        _fail(str(error))
    try:
        return f.check(value)
    except JourneyError as error:
        _fail(f"{where}: {error}")


def _record(value: Any, where: str, cls: type[Addable]) -> Addable:
    if not isinstance(value, dict):
        _fail(f"{where} must be an object")
    fields = fields_of(cls)
    unknown = sorted(set(value) - set(fields))
    if unknown:
        _fail(f"{where} has an unknown field {unknown[0]!r}")
    out: dict[str, Any] = {}
    for name, f in fields.items():
        if name in value:
            out[name] = _value(f, value[name], f"{where}.{name}")
        elif f.required:
            _fail(f"{where} lacks the field {name!r}")
    return cls(**out)


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
    lists: dict[str, tuple[Any, ...]] = {}
    for name, cls in _LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            _fail(f"{name!r} must be a list")
        lists[name] = tuple(_record(v, f"{name}[{i}]", cls) for i, v in enumerate(items))
    fragment = Fragment(**lists)
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
