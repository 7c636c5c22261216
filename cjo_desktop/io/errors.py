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
        where = f"{self.where}: " if self.where else ""
        return _one_line(f"{self.source}: {where}{self.message}")


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
