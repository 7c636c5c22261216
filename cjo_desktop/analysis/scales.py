"""Rating scales and their validation: which values are answers, which end is best.

Survey tools disagree on direction (CSAT 1 = very satisfied in some, 5 in others; CES likewise),
so the direction is always a setting of the :class:`Scale`, never assumed from the data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Literal

NPS_LOW, NPS_HIGH = 0, 10
PROMOTER_MIN, PASSIVE_MIN = 9, 7  # 9-10 promoters, 7-8 passives, 0-6 detractors


@dataclass(frozen=True, slots=True)
class Scale:
    """A rating scale from ``low`` to ``high``; ``best`` says which end is the good one.

    Survey tools disagree on direction (1 = very satisfied in some, 5 in others), so it is
    always a setting. "Top-2-box" is the two best points: ``high - 1`` and ``high`` when high is
    best, ``low`` and ``low + 1`` when low is best.
    """

    low: int
    high: int
    best: Literal["high", "low"]

    def __post_init__(self) -> None:
        if self.high - self.low < 2:
            raise ValueError(f"a scale needs at least three points, got {self.low}..{self.high}")
        if self.best not in ("high", "low"):
            raise ValueError(f"best must be 'high' or 'low', got {self.best!r}")

    @classmethod
    def csat(cls, best: Literal["high", "low"] = "high") -> Scale:
        """CSAT, 1-5; 5 = very satisfied unless the survey tool runs it the other way."""
        return cls(1, 5, best)

    @classmethod
    def ces(cls, points: Literal[5, 7] = 7, best: Literal["high", "low"] = "low") -> Scale:
        """CES, 1-5 or 1-7; 1 = least effort (best) unless the survey tool says otherwise."""
        if points not in (5, 7):
            raise ValueError(f"CES runs 1-5 or 1-7, got 1-{points}")
        return cls(1, points, best)

    def check(self, value: float) -> bool:
        """Whether ``value`` is a valid answer: a finite number (whole or fractional, e.g. an
        average already taken) inside [low, high]."""
        return _number(value) and math.isfinite(value) and self.low <= value <= self.high

    def is_top2(self, value: float) -> bool:
        """Whether a (valid) answer lies in the two best points of the scale."""
        return value >= self.high - 1 if self.best == "high" else value <= self.low + 1


def nps_check(value: float) -> bool:
    """An NPS answer is a whole number from 0 to 10 (9.0 is fine, 9.5 is not)."""
    return (
        _number(value)
        and math.isfinite(value)
        and NPS_LOW <= value <= NPS_HIGH
        and value == int(value)
    )


def _number(value: object) -> bool:
    """A real number, not a bool (True is not a score) nor a string."""
    return isinstance(value, Real) and not isinstance(value, bool)
