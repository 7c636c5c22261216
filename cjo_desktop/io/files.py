"""Load and save native map files: strict on the way in, atomic and byte-stable on the way out.

Loading never changes the file and never lets anything but :class:`MapFileError` escape for bad
input. Saving writes a temporary file in the same folder, flushes and fsyncs it, then renames it
over the target, so a crash leaves either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.io.convert import to_file_model, to_journey
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.migrate import upgrade
from cjo_desktop.io.schema import MapFile

#: Larger files are refused before reading: no real map comes near this.
MAX_FILE_BYTES = 64 * 1024 * 1024


class _Object(dict[str, Any]):
    """A JSON object that remembers the first key it saw twice."""

    duplicate: str | None = None


def _pairs_hook(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    for key, value in pairs:
        if key in obj and obj.duplicate is None:
            obj.duplicate = key
        obj[key] = value
    return obj


def _find_duplicate(value: Any, path: str = "") -> tuple[str, str] | None:
    """Depth-first: the path of the first object with a repeated key, and the key."""
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, _Object):
            if node.duplicate is not None:
                return where, node.duplicate
            stack.extend((v, f"{where}.{k}" if where else k) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{where}[{i}]") for i, v in reversed(list(enumerate(node))))
    return None


def read_text(path: Path) -> str:
    """The file's text, refusing what is too large, not UTF-8, or unreadable."""
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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MapFileError(source, "", "no such file") from None
    except IsADirectoryError:
        raise MapFileError(source, "", "is a folder, not a map file") from None
    except OSError as exc:
        raise MapFileError(source, "", f"cannot read the file ({exc.strerror})") from None
    return decode(raw, source)


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
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook)
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
    duplicate = _find_duplicate(data)
    if duplicate is not None:
        where, key = duplicate
        raise MapFileError(source, where or "top level", f"duplicate key {key!r}")
    return data


def _validation_message(exc: ValidationError, source: str) -> MapFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"]).lstrip(".")
    kind = first["type"]
    if kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "required field is missing"
    else:
        message = first["msg"][:1].lower() + first["msg"][1:]
        if kind not in {"string_pattern_mismatch"} and not isinstance(first["input"], dict | list):
            message += f" (found {first['input']!r:.60})"
    if len(errors) > 1:
        message += f"; and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''}"
    return MapFileError(source, where or "top level", message)


def parse_map(text: str, source: str = "<map>") -> tuple[MapFile, int]:
    """Validate map text into the file model; returns it and the version it was written in."""
    data, version = upgrade(parse_json(text, source), source)
    try:
        return MapFile.model_validate(data), version
    except ValidationError as exc:
        raise _validation_message(exc, source) from None


def loads_map(text: str, source: str = "<map>") -> Journey:
    doc, _ = parse_map(text, source)
    try:
        return to_journey(doc, source)
    except JourneyError as exc:  # a rule the file model could not express
        raise MapFileError(source, "", str(exc)) from None


def load_map(path: str | os.PathLike[str]) -> Journey:
    """Read a ``*.cjo.json`` file into a Journey, or raise :class:`MapFileError`."""
    path = Path(path)
    return loads_map(read_text(path), str(path))


def dumps_map(journey: Journey) -> str:
    """Canonical text of a map: the same map always gives the same bytes."""
    doc = to_file_model(journey)
    data = doc.model_dump(mode="json", exclude_defaults=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new bytes, nothing else."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def save_map(journey: Journey, path: str | os.PathLike[str]) -> None:
    write_atomic(path, dumps_map(journey).encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
