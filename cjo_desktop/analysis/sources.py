"""What found a pain point, in words: the rule's title ("NPS below 0") or the pain point the
team flagged by hand. One wording for the pain-point panel, the map and the report, so no
reader meets a rule's id such as ``nps_negative``.
"""

from __future__ import annotations

from cjo_desktop.analysis.impact import MANUAL
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.painpoints import rule_title


def source_words(journey: Journey, source: str, key: str) -> str:
    """``source`` is a rule's name or ``manual``; ``key`` the rule's name or the manual pain
    point's id (a ranked row's, or what an opportunity answers)."""
    if source == MANUAL:
        try:
            return f"Flagged by the team: {journey.pain_point(key).description}"
        except JourneyError:
            return "Flagged by the team"
    rule = journey.painpoint_settings().rule(source)
    return rule_title(rule) if rule else source
