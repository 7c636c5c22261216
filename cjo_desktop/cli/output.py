"""Everything ``cjo`` writes to standard output goes through here.

Text for people has every character a terminal would obey escaped (a name may hold ESC or a bidi
override); JSON is always valid (a non-finite number becomes null) and escapes the same
characters; CSV is data and is written as is. A closed or full output becomes an
:class:`OutputError`, never a traceback; a reader that stopped listening (``| head``) raises
BrokenPipeError, which the contract keeps quiet.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cjo_desktop.io.errors import MapFileError, printable


class OutputError(Exception):
    """Standard output cannot take what the command prints (closed, full, failing)."""


def out(line: str = "") -> None:
    """One line of text for a person: a line break inside (a name may hold one) is escaped
    like any other control, so it cannot start a line that looks like output."""
    _write(printable(line) + "\n")


def out_json(data: Any) -> None:
    """``data`` as indented JSON; NaN and infinities become null."""
    text = json.dumps(finite(data), indent=2, ensure_ascii=False, allow_nan=False)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):  # PYTHONIOENCODING=ascii, say: \u escapes
        text = json.dumps(finite(data), indent=2, ensure_ascii=True, allow_nan=False)
    _write(escape_json(text) + "\n")


def out_data(text: str) -> None:
    """Machine-readable text (CSV) exactly as given."""
    _write(text)


def flush() -> None:
    """Flush at the end of a command, so a full disk shows here rather than at exit."""
    stream = _stream()
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _failure(exc) from None


def finite(data: Any) -> Any:
    """``data`` with every NaN or infinity (in lists and dicts too) replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite(v) for v in data]
    return data


def escape_json(text: str) -> str:
    """JSON text with each unprintable character inside its strings written as ``\\uXXXX``.

    ``json.dumps(ensure_ascii=False)`` escapes only C0 controls; DEL, C1 controls, bidi
    overrides and line separators would otherwise reach the terminal raw. Outside strings JSON
    holds only printable characters, spaces and newlines, which stay."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else _u_escape(c) for c in text)


def _u_escape(c: str) -> str:
    code = ord(c)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # outside the BMP: a UTF-16 surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _stream() -> Any:
    if sys.stdout is None:  # started with standard output closed (`cjo info MAP >&-`)
        raise OutputError("cannot write to standard output: it is closed")
    return sys.stdout


def _write(text: str) -> None:
    stream = _stream()
    try:
        stream.write(text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _failure(exc) from None


def _failure(exc: Exception) -> OutputError:
    if isinstance(exc, OSError):
        return OutputError(f"cannot write to standard output ({exc.strerror or exc})")
    return OutputError("cannot write to standard output: it is closed")


def write_file(write: Callable[[Path], object], out: Path) -> None:
    """Run ``write(out)``; a file the system refuses is bad input naming it."""
    check_target(out)
    try:
        write(out)
    except OSError as exc:
        raise MapFileError(out, "", f"cannot write the file ({exc.strerror or exc})") from None


def err(message: str) -> None:
    """One ``error:`` line on standard error, if there is one to write to."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"error: {printable(message)}\n")
        stream.flush()
    except (OSError, ValueError):  # standard error is full or closed too: the status says it
        pass


def check_target(out: Path) -> None:
    """An output that exists must be a regular file. Saves replace the file by renaming a
    finished copy over it, which would turn ``/dev/full`` or a named pipe into a plain file."""
    from cjo_desktop.io.atomic import check_replaceable, real_target

    try:
        check_replaceable(real_target(out))
    except OSError as exc:
        raise MapFileError(out, "", exc.strerror or str(exc)) from None
