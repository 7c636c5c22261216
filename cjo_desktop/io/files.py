"""Load and save native map files: strict on the way in, atomic and byte-stable on the way out.

Loading never changes the file and never lets anything but :class:`MapFileError` escape for bad
input. Saving is atomic (:mod:`cjo_desktop.io.atomic`); saving over a file that was read before
holds the map's lock and checks that nobody else wrote it meanwhile (:func:`replace_map`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.bulk import no_collection
from cjo_desktop.domain.limits import describe_number
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, rule_checks_message
from cjo_desktop.io.atomic import check_replaceable, real_target, write_atomic
from cjo_desktop.io.convert import to_file_model, to_journey
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.lock import DEFAULT_WAIT, map_lock
from cjo_desktop.io.migrate import upgrade
from cjo_desktop.io.schema import FileModel, MapFile

__all__ = ["write_atomic"]  # also imported from here by the exports

T = TypeVar("T")

#: Larger files are refused before reading: no real map comes near this.
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Maps with more items are refused before validation, which would take minutes and gigabytes
#: on them. Every element of every list in the file counts (cards, flows, snapshot values,
#: tags, rules...), and every entry of a metric value's ``detail``. The benchmark map has
#: 6,000; loading 200,000 takes a few seconds.
MAX_ITEMS = 200_000

#: Keys longer than this are cut short in messages, which must stay one readable line.
_SHOWN_KEY = 60

#: The most fields a record of the file has: members of an object beyond these (fields the
#: schema does not know, refused by validation afterwards) count as items, so a record with a
#: million unknown keys is refused as fast as a million cards.
_MODELS: tuple[type[FileModel], ...] = (MapFile, *FileModel.__subclasses__())
_RECORD_FIELDS = max(len(model.model_fields) for model in _MODELS)
#: Objects whose keys are data, not field names: each entry is an item.
_KEYED = frozenset({"detail"})


class _Object(dict[str, Any]):
    """A JSON object that remembers the first key it saw twice."""

    duplicate: str | None = None


def _first_repeated(pairs: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    raise AssertionError("no repeated key")  # pragma: no cover


def _find_duplicate(value: Any) -> tuple[str, str] | None:
    """Depth-first, in document order: the path of the first object with a repeated key, and
    the key. Memory grows with the nesting depth only: a list of millions of values must not
    become millions of path strings (a 60 MB file once took 7 GB that way)."""
    stack: list[tuple[Iterator[tuple[str | int, Any]], str | int | None]] = [
        (iter([(-1, value)]), None)
    ]
    while stack:
        step = next(stack[-1][0], None)
        if step is None:
            stack.pop()
            continue
        key, node = step
        if isinstance(node, _Object):
            if node.duplicate is not None:
                keys = [k for _, k in stack[2:]] + ([key] if len(stack) > 1 else [])
                return _path(keys), node.duplicate
            stack.append((iter(node.items()), key))
        elif isinstance(node, list):
            stack.append((iter(enumerate(node)), key))
    return None


def _path(keys: list[Any]) -> str:
    """``touchpoints[3].tags``: where in the document, each key cut short for the message."""
    where = ""
    for key in keys:
        where += f"[{key}]" if isinstance(key, int) else f".{_shown(key)}" if where else _shown(key)
    return where


def _shown(key: object) -> str:
    """A key as a message shows it: a long one (the file may hold anything) cut short."""
    key = str(key)
    return key if len(key) <= _SHOWN_KEY else key[: _SHOWN_KEY - 1] + "\u2026"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is too large, not a regular file, or unreadable."""
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise MapFileError(source, "", "is a folder, not a map file")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block forever
            raise MapFileError(source, "", "is not a regular file")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise MapFileError(
                source,
                "",
                f"file is too large ({size / 2**20:.0f} MiB; "
                f"a map may be at most {MAX_FILE_BYTES // 2**20} MiB)",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise MapFileError(source, "", "no such file") from None
    except IsADirectoryError:
        raise MapFileError(source, "", "is a folder, not a map file") from None
    except OSError as exc:
        raise MapFileError(source, "", f"cannot read the file ({exc.strerror})") from None


def read_text(path: Path) -> str:
    """The file's text, refusing what is too large, not UTF-8, or unreadable."""
    return decode(read_bytes(path), str(path))


def decode(raw: bytes, source: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise MapFileError(
            source, f"line {line}, column {column}", f"not UTF-8 text (byte 0x{raw[exc.start]:02x})"
        ) from None


def parse_json(text: str, source: str) -> Any:
    """Parse JSON, naming the line and column of a syntax error; duplicate keys are errors."""
    if not text.strip():
        raise MapFileError(source, "", "the file is empty")
    repeated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> _Object:
        nonlocal repeated
        obj = _Object(pairs)
        if len(obj) != len(pairs):
            obj.duplicate = _first_repeated(pairs)
            repeated = True
        return obj

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise MapFileError(
            source, f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise MapFileError(source, "", "invalid JSON: nested too deeply") from None
    except ValueError:  # int() refuses numbers longer than sys.get_int_max_str_digits()
        limit = sys.get_int_max_str_digits()
        found = re.search(rf"\d{{{limit + 1},}}", text)
        where = ""
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            where = f"line {line}, column {column}"
        raise MapFileError(source, where, "invalid JSON: a number has too many digits") from None
    duplicate = _find_duplicate(data) if repeated else None
    if duplicate is not None:
        where, key = duplicate
        raise MapFileError(source, where or "top level", f"duplicate key {_shown(key)!r}")
    return data


#: Range errors, worded as the documented ranges are: "must be at most 1,000,000,000,000".
_BOUNDS = {
    "less_than_equal": ("at most", "le"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "greater_than": ("more than", "gt"),
}


def _number_text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{value!r:.60}"
    if isinstance(value, int) and value.bit_length() > 128:
        return f"a number of about {round(value.bit_length() * 0.30103):,} digits"
    return describe_number(value) if float(value).is_integer() else f"{value:g}"


#: What the file model's text patterns ask for, in words (pydantic would quote the pattern).
_PATTERN_WORDS = {
    r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$": "does not follow the id pattern: letters, digits, "
    "'_', '.', ':' or '-', starting with a letter or digit, at most 64",
    r"\S": "must not be blank",
    r"^([0-9a-f]{64})?$": "must be a SHA-256 in lowercase hex (64 characters) or empty",
    r"^([A-Za-z0-9][A-Za-z0-9_.:-]{0,63}(>([A-Za-z0-9][A-Za-z0-9_.:-]{0,63})?)?)?$": "must be "
    "an element's id, SOURCE>TARGET for a flow (SOURCE> for a drop-off) or empty for the map",
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$": "must be a time in UTC such as "
    "2026-12-08T09:30:00Z",
}


def _validation_message(exc: ValidationError, source: str) -> MapFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = _path(list(first["loc"]))
    kind = first["type"]
    if kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "required field is missing"
    elif kind in _BOUNDS:
        bound = first.get("ctx", {}).get(_BOUNDS[kind][1])
        message = f"must be {_BOUNDS[kind][0]} {_number_text(bound)}"
        message += f" (found {_number_text(first['input'])})"
    elif kind == "string_pattern_mismatch":
        pattern = first.get("ctx", {}).get("pattern", "")
        message = _PATTERN_WORDS.get(pattern, "does not have the form the format asks for")
        message += f" (found {first['input']!r:.60})"
    else:
        message = first["msg"][:1].lower() + first["msg"][1:]
        if not isinstance(first["input"], dict | list):
            message += f" (found {first['input']!r:.60})"
    if len(errors) > 1:
        message += f"; and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''}"
    return MapFileError(source, where or "top level", message)


def count_items(data: object) -> int:
    """Items of a parsed map: the elements of all its lists at any depth and the entries of
    its ``detail`` objects (see MAX_ITEMS). One pass over the document, whatever its shape;
    validation refuses anything not shaped as the schema says afterwards."""
    total = 0
    stack: list[tuple[object, bool]] = [(data, False)]  # (a list or an object, keyed by data)
    while stack:
        node, keyed = stack.pop()
        if isinstance(node, list):
            total += len(node)
            stack.extend((x, False) for x in node if isinstance(x, list | dict))
        elif isinstance(node, dict):
            total += len(node) if keyed else max(0, len(node) - _RECORD_FIELDS)
            stack.extend(
                (value, key in _KEYED)
                for key, value in node.items()
                if isinstance(value, list | dict)
            )
    return total


def parse_map(text: str, source: str = "<map>") -> tuple[MapFile, int]:
    """Validate map text into the file model; returns it and the version it was written in."""
    data, version = upgrade(parse_json(text, source), source)
    items = count_items(data)
    if items > MAX_ITEMS:
        raise MapFileError(source, "", f"the map has {items:,} items; the limit is {MAX_ITEMS:,}")
    try:
        return MapFile.model_validate(data), version
    except ValidationError as exc:
        raise _validation_message(exc, source) from None


def loads_map_versioned(text: str, source: str = "<map>") -> tuple[Journey, int]:
    """The journey and the format version the text was written in (older ones are upgraded
    in memory; the editor says so)."""
    with no_collection():
        doc, version = parse_map(text, source)
        try:
            return to_journey(doc, source), version
        except JourneyError as exc:  # a rule the file model could not express
            raise MapFileError(source, "", str(exc)) from None


def loads_map(text: str, source: str = "<map>") -> Journey:
    return loads_map_versioned(text, source)[0]


@dataclass(frozen=True)
class LoadedMap:
    """A map as read from its file: the journey, the format version the file was written in,
    and the SHA-256 of its bytes (to tell later whether someone else changed the file)."""

    journey: Journey
    version: int
    sha256: str


def read_map(path: str | os.PathLike[str]) -> LoadedMap:
    path = Path(path)
    raw = read_bytes(path)
    journey, version = loads_map_versioned(decode(raw, str(path)), str(path))
    return LoadedMap(journey, version, hashlib.sha256(raw).hexdigest())


def load_map_versioned(path: str | os.PathLike[str]) -> tuple[Journey, int]:
    loaded = read_map(path)
    return loaded.journey, loaded.version


def load_map(path: str | os.PathLike[str]) -> Journey:
    """Read a ``*.cjo.json`` file into a Journey, or raise :class:`MapFileError`."""
    return load_map_versioned(path)[0]


def dumps_map(journey: Journey) -> str:
    """Canonical text of a map: the same map always gives the same bytes. A map grown past
    what a file may hold (edits and imports add items one by one) raises JourneyError here,
    before anything is written: saved, it could not be opened again."""
    rules, touchpoints = len(journey.painpoint_settings().rules), len(journey.touchpoints())
    if rules * touchpoints > MAX_RULE_CHECKS:
        raise JourneyError(f"cannot save: {rule_checks_message(rules, touchpoints)}")
    doc = to_file_model(journey)
    data = doc.model_dump(mode="json", exclude_defaults=True)
    items = count_items(data)
    if items > MAX_ITEMS:
        raise JourneyError(
            f"cannot save: the map has {items:,} items, more than a map file may hold "
            f"({MAX_ITEMS:,}); remove some, or split the map"
        )
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_map(journey: Journey, path: str | os.PathLike[str]) -> str:
    """Write the map atomically (through a symbolic link to its target); returns the SHA-256
    of the bytes written, which :func:`replace_map` later checks the file against."""
    data = dumps_map(journey).encode("utf-8")
    write_atomic(path, data)
    return hashlib.sha256(data).hexdigest()


class FileChangedError(MapFileError):
    """The file on disk is no longer the version the caller read: someone else wrote it."""


def file_sha256(path: str | os.PathLike[str]) -> str | None:
    """SHA-256 of the file's bytes; None when there is no file."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def replace_map(
    journey: Journey,
    path: str | os.PathLike[str],
    base_sha256: str | None,
    *,
    check: bool = True,
    who: str = "cjo",
) -> str:
    """Save over ``path`` with the map's lock held, keeping the version it replaces as
    ``FILE.bak``. With ``check``, refuse (FileChangedError) unless the file is still the one
    whose SHA-256 is ``base_sha256`` (None: there was no file), so another writer's change is
    never overwritten silently. Returns the SHA-256 of what was written."""
    target = real_target(path)
    with map_lock(target, who=who):
        return _save_over(journey, path, target, base_sha256, check)


def update_map(
    path: str | os.PathLike[str],
    edit: Callable[[Journey], T],
    *,
    wait: float = DEFAULT_WAIT,
    who: str = "cjo",
) -> T:
    """Change a map file in place: read it, ``edit`` the journey, save it, with the map's lock
    held throughout so that two programs changing one map take turns instead of one dropping
    the other's change. A read-only map is refused before anything is read; nothing is written
    if ``edit`` raises. The replaced version stays as ``FILE.bak``."""
    target = real_target(path)
    check_replaceable(target)
    with map_lock(target, wait, who):
        loaded = read_map(path)
        result = edit(loaded.journey)
        _save_over(loaded.journey, path, target, loaded.sha256, True)
        return result


def _save_over(
    journey: Journey, path: str | os.PathLike[str], target: Path, base: str | None, check: bool
) -> str:
    """The locked part of a save over a file: the check, the backup, the write."""
    if check and file_sha256(target) != base:
        raise FileChangedError(
            path, "", "was changed by another program since it was opened or saved here"
        )
    if target.is_file():
        write_atomic(target.with_name(target.name + ".bak"), target.read_bytes())
    return save_map(journey, target)
