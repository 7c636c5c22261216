"""A rule reads as words wherever a user meets it ("NPS below 0"), never as its id: one title
per rule, kept next to the rules, made from its metric, operator and threshold when the team
wrote no description."""

from __future__ import annotations

import pytest

from cjo_desktop.domain.painpoints import DEFAULT_RULES, Rule, rule_title


def test_the_default_rules_have_titles_in_words() -> None:
    titles = {r.name: rule_title(r) for r in DEFAULT_RULES}
    assert titles["nps_negative"] == "NPS below 0"
    assert titles["csat_low"] == "CSAT top-2-box below 70%"
    assert titles["dropoff_high"] == "Drop-off 30% or more above expected"
    for name, title in titles.items():
        assert name not in title and "_" not in title, title
        assert title[0].isupper(), title


@pytest.mark.parametrize(
    ("rule", "title"),
    [
        (Rule("r1", "csat_mean", "<=", 3.0, "high"), "CSAT mean at or below 3"),
        (Rule("r2", "dropoff", ">", 45.5, "high"), "Drop-off above 45.5%"),
        (Rule("r3", "ces_mean", ">=", 5, "medium"), "CES mean at or above 5"),
        (Rule("r4", "returns_rate", "<", 2, "low"), "returns_rate below 2"),  # the user's column
        (Rule("r5", "nps", "<", -10, "low", description="  detractors win "), "Detractors win"),
    ],
)
def test_a_rule_without_words_is_titled_from_what_it_checks(rule: Rule, title: str) -> None:
    assert rule_title(rule) == title
