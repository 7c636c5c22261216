"""User data quoted in a message, cut short: a message is one line a person reads.

A file may hold anything: a header cell of 80,000 characters made an 81 KB error line, and a
list of 100,000 column names one of 789 KB. Every message that quotes a cell, a name, a key or
a label goes through :func:`quoted`, and every list of them through :func:`listed`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

#: Characters of one quoted value, quotes and escapes included.
QUOTED = 60
#: Values of a list named before "and N more".
LISTED = 8
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


def quoted(value: object, limit: int = QUOTED) -> str:
    """``repr(value)`` in at most ``limit`` characters; a string cut short keeps its quotes and
    ends in an ellipsis: ``'aaaa…'``. Escapes (``\\x1b``) keep control characters visible."""
    if not isinstance(value, str):
        text = repr(value)
        return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS
    text = repr(value[:limit])  # an escape takes up to 10 characters: cut after escaping
    if len(value) <= limit and len(text) <= limit:
        return text
    quote = text[0]
    return f"{quote}{text[1 : limit - 2]}{ELLIPSIS}{quote}"


def plain(value: object, limit: int = QUOTED) -> str:
    """``str(value)`` in at most ``limit`` characters, for names shown without quotes; what
    cannot be printed (a line break, an escape) is shown escaped."""
    text = str(value)
    head = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    if len(text) <= limit and len(head) <= limit:
        return head
    return head[: limit - 1] + ELLIPSIS


def listed(
    values: Iterable[object],
    most: int = LISTED,
    *,
    quote: bool = True,
    sep: str = ", ",
    limit: int = QUOTED,
) -> str:
    """``'a', 'b', 'c' and 99,997 more``: the first ``most`` values, each cut to ``limit``
    characters, and how many are left out."""
    items = values if isinstance(values, Collection) else list(values)
    shown: list[str] = []
    for value in items:
        if len(shown) == most:
            break
        shown.append(quoted(value, limit) if quote else plain(value, limit))
    more = len(items) - len(shown)
    return sep.join(shown) + (f" and {more:,} more" if more else "")
