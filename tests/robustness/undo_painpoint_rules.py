"""The undo state machine's pain-point rules: flags, opportunities and settings.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick`` and
``push``; Hypothesis collects rules from every base class.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from cjo_desktop.commands import (
    AddOpportunity,
    AddPainPoint,
    RemoveOpportunity,
    RemovePainPoint,
    SetPainPointSettings,
)
from cjo_desktop.domain import DEFAULT_RULES, PainPointSettings

severities = st.sampled_from(["high", "medium", "low", "bogus"])
words = st.text(max_size=12)


class PainPointRules:
    journey: Any
    j: Any
    pick: Any
    push: Any

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(data=st.data(), severity=severities, description=words, strategy=words)
    def add_pain_point(
        self, data: st.DataObject, severity: str, description: str, strategy: str
    ) -> None:
        tp = self.pick(data, [t.id for t in self.j.touchpoints()], bogus="nowhere")
        self.push(lambda: AddPainPoint(self.j, tp, severity, description, strategy))  # type: ignore[arg-type]

    @precondition(lambda self: self.journey is not None and self.journey.pain_points())
    @rule(data=st.data())
    def remove_pain_point(self, data: st.DataObject) -> None:
        pain = self.pick(data, [p.id for p in self.j.pain_points()])
        self.push(lambda: RemovePainPoint(self.j, pain))

    @precondition(lambda self: self.journey is not None and self.journey.touchpoints())
    @rule(
        data=st.data(),
        name=words,
        effort=st.sampled_from(["S", "M", "L", "XL"]),
        impact=st.integers(-5, 105),
    )
    def add_opportunity(self, data: st.DataObject, name: str, effort: str, impact: int) -> None:
        tp = self.pick(data, [t.id for t in self.j.touchpoints()])
        answers = [p.id for p in self.j.pain_points(tp)] + [r.name for r in DEFAULT_RULES]
        target = self.pick(data, answers, bogus=tp)
        self.push(lambda: AddOpportunity(self.j, tp, target, name, effort, impact))  # type: ignore[arg-type]

    @precondition(lambda self: self.journey is not None and self.journey.opportunities())
    @rule(data=st.data())
    def remove_opportunity(self, data: st.DataObject) -> None:
        idea = self.pick(data, [o.id for o in self.j.opportunities()])
        self.push(lambda: RemoveOpportunity(self.j, idea))

    @precondition(lambda self: self.journey is not None)
    @rule(
        rules=st.integers(0, len(DEFAULT_RULES)),
        value=st.none() | st.floats(0, 1e6, allow_nan=False),
        period=st.sampled_from(["month", "quarter"]),
    )
    def set_settings(self, rules: int, value: float | None, period: str) -> None:
        settings = PainPointSettings(DEFAULT_RULES[:rules], value, "€", period)
        self.push(lambda: SetPainPointSettings(self.j, settings))
