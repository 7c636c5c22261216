"""How a user's text is shown wherever it is drawn or written as XML: one rule for all.

A map keeps names exactly as typed or imported, control characters included (an ESC byte from
a CSV key is still the key). Nothing can draw those characters, and XML 1.0 cannot hold most
of them, so every picture, chart and XML export shows them through :func:`shown`: a C0 control
becomes its visible Unicode control picture (ESC as U+241B "␛", NUL as "␀"), DEL becomes "␡",
and what has no picture (C1 controls, lone surrogates, U+FFFE and U+FFFF) becomes U+FFFD "�".
Tab, line feed and carriage return are text layout and stay. The result is always valid XML 1.0
character data and draws the same on screen, in PNG, SVG and PDF, and in the report.
"""

from __future__ import annotations

import re

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
#: Code point -> what is shown instead; the only characters :func:`shown` changes.
SHOWN_AS: dict[int, str] = {
    **{c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r"},
    0x7F: "\N{SYMBOL FOR DELETE}",
    **dict.fromkeys(range(0x80, 0xA0), REPLACEMENT),
    **dict.fromkeys(range(0xD800, 0xE000), REPLACEMENT),
    0xFFFE: REPLACEMENT,
    0xFFFF: REPLACEMENT,
}
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def shown(text: str) -> str:
    """``text`` with every character nothing can draw (and XML cannot hold) made visible."""
    if _UNSHOWABLE.search(text) is None:  # the usual case: no copy
        return text
    return text.translate(SHOWN_AS)
