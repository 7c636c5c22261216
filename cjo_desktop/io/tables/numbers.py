"""Numbers as people type them in tables: "1 234,5", "1.234,5", "1,234.5", "-0.5", "1E+10".

A cell is read with either a decimal point or a decimal comma, never a guess per cell; the other
mark may only group thousands in threes. Percentages, "NaN" and "inf" are not numbers: the import
report names such cells instead of quietly reading a different value.
"""

from __future__ import annotations

import math
import re

#: What may group thousands besides the mark that is not the decimal mark: spaces (also no-break,
#: narrow no-break, thin and figure spaces) and apostrophes (Swiss "1'234.50").
_GROUP = " \u00a0\u202f\u2009\u2007'\u2019"
_MINUS = "-\u2212"


def _pattern(decimal: str, group: str) -> re.Pattern[str]:
    seps = re.escape(group + _GROUP)
    return re.compile(
        rf"(?P<int>[0-9]{{1,3}}(?P<sep>[{seps}])[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*|[0-9]*)"
        rf"(?:{re.escape(decimal)}(?P<frac>[0-9]*))?"
        r"(?:[eE](?P<exp>[+-]?[0-9]+))?"
    )


_PATTERNS = {True: _pattern(",", "."), False: _pattern(".", ",")}
_PLAIN = {
    True: re.compile(r"[+-]?[0-9]+(?:,[0-9]+)?"),
    False: re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?"),
}


def _match(text: str, decimal_comma: bool) -> re.Match[str] | None:
    """The number without its sign, or None; ``text`` is already trimmed."""
    if text and text[0] in "+" + _MINUS:
        text = text[1:]
    found = _PATTERNS[decimal_comma].fullmatch(text)
    if found is None or not (found["int"] or found["frac"]):
        return None
    return found


def parse_number(text: str, decimal_comma: bool) -> float:
    """The value of a number cell, or ValueError saying why ``text`` is not one."""
    trimmed = text.strip()
    if _PLAIN[decimal_comma].fullmatch(trimmed):  # the usual "12", "-4.5": one quick match
        value = float(trimmed.replace(",", ".") if decimal_comma else trimmed)
    else:
        found = _match(trimmed, decimal_comma)
        if found is None:
            raise ValueError(_why_not(text, trimmed, decimal_comma))
        digits = re.sub(r"[^0-9]", "", found["int"]) or "0"
        sign = "-" if trimmed[0] in _MINUS else ""
        value = float(f"{sign}{digits}.{found['frac'] or '0'}e{found['exp'] or '0'}")
    if not math.isfinite(value):
        raise ValueError(f"{_shown(trimmed)} is too large to be a number")
    return value


def _why_not(text: str, trimmed: str, decimal_comma: bool) -> str:
    if not trimmed:
        return "empty, not a number"
    if trimmed.endswith("%"):
        return f"{_shown(trimmed)} is a percentage, not a number (write it without '%')"
    if trimmed.lstrip("+" + _MINUS).casefold() in {"nan", "inf", "infinity"}:
        return f"{_shown(trimmed)} is not a number"
    if _match(trimmed, not decimal_comma) is not None:
        mark, other = ("comma", "point") if decimal_comma else ("point", "comma")
        shown = _shown(trimmed)
        return f"{shown} is not a number with a decimal {mark} (but one with a decimal {other})"
    return f"not a number: {_shown(text)}"


def _shown(text: str, limit: int = 40) -> str:
    """A cell quoted for a message, shortened if long."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def comma_only(text: str) -> bool:
    """True when ``text`` reads as a number only with a decimal comma, like "4,5" or "1.234,5"."""
    trimmed = text.strip()
    return _match(trimmed, True) is not None and _match(trimmed, False) is None


def point_only(text: str) -> bool:
    """True when ``text`` reads as a number only with a decimal point, like "4.5" or "1,234.5"."""
    trimmed = text.strip()
    return _match(trimmed, False) is not None and _match(trimmed, True) is None


def detect_decimal_comma(samples: list[str], *, prefer_comma: bool = False) -> bool:
    """Whether a sample of cells uses decimal commas: a vote of the cells only one mark can read.

    Cells either mark reads ("12", "1,234") and text do not vote; with no votes or a tie the answer
    is ``prefer_comma`` (pass True for semicolon-separated files, where decimal commas are usual).
    """
    comma = point = 0
    for text in samples:
        trimmed = text.strip()
        if not trimmed or not (trimmed[0].isdigit() or trimmed[0] in "+.," + _MINUS):
            continue  # text, not a number: skip the regular expressions
        comma += comma_only(trimmed)
        point += point_only(trimmed)
    return comma > point if comma != point else prefer_comma
