"""The one error that reading a user's file may raise: it always names the file and the place."""

from __future__ import annotations

import os


class MapFileError(Exception):
    """A file that cannot be read as asked. ``str()`` is the one line shown to the user."""

    def __init__(self, source: str | os.PathLike[str], where: str, message: str) -> None:
        self.source = os.fspath(source)
        self.where = where
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        source = _cut(_one_line(self.source), SOURCE_CHARS, middle=True)
        where = _cut(_one_line(self.where), WHERE_CHARS)
        message = _cut(_one_line(self.message), MESSAGE_CHARS)
        line = f"{source}: {where}: {message}" if where else f"{source}: {message}"
        return _cut(line, LINE_CHARS)


#: The most characters of each part of the line and of the line. What quotes the user's data
#: is cut short where it is written (domain.quoting); this is the last guard, so that a line
#: stays one readable line whatever a file holds.
SOURCE_CHARS, WHERE_CHARS, MESSAGE_CHARS, LINE_CHARS = 120, 100, 340, 499


def _cut(text: str, most: int, *, middle: bool = False) -> str:
    """``text`` in ``most`` characters; a path keeps its start and its file name."""
    if len(text) <= most:
        return text
    if middle:
        half = (most - 1) // 2
        return f"{text[:half]}\N{HORIZONTAL ELLIPSIS}{text[-(most - 1 - half) :]}"
    return text[: most - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _one_line(text: str) -> str:
    """Escape line breaks and other unprintable characters (a key may hold them) as ``\\n``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escaped(c) for c in text)


def _escaped(c: str) -> str:
    if "\udc80" <= c <= "\udcff":  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{ord(c) - 0xDC00:02x}"
    return repr(c)[1:-1]


def printable(text: str) -> str:
    """``text`` with what a terminal would obey (ESC, other controls, bidi overrides) and lone
    surrogates (a file name that is not UTF-8) escaped, exactly as error lines show them."""
    return _one_line(text)
