"""Percentages as the Inspector shows and reads them (the expected drop-off field)."""

from __future__ import annotations

import math


def percent_text(share: float | None) -> str:
    """0.125 -> "12.5%"; None -> "" (the field's placeholder then says what applies)."""
    return "" if share is None else f"{round(100 * share, 4):g}%"


def share_of(text: str) -> float | None:
    """A typed percentage ("90", "12.5 %") as a share 0..1; empty: None. Raises ValueError
    with the sentence the Inspector shows."""
    typed = text.strip().removesuffix("%").strip().replace(",", ".")
    if not typed:
        return None
    try:
        value = float(typed)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 100:  # NaN fails too
        # in lines of their own: the Inspector's column is narrow
        raise ValueError(f"Type a percentage\nfrom 0 to 100,\nnot {text.strip()[:12]!r}.")
    return value / 100
