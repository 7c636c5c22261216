"""Pain points flagged by hand, the opportunities that answer them, and the map's pain-point
settings (rules, value per customer): each an undoable step like any other edit."""

from __future__ import annotations

import dataclasses

from cjo_desktop.commands._base import Composite, JourneyCommand, describe, quote
from cjo_desktop.commands.items import AddItem
from cjo_desktop.domain import (
    Journey,
    JourneyError,
    Kind,
    Opportunity,
    PainPoint,
    PainPointSettings,
)
from cjo_desktop.domain.painpoints import Effort, Severity


class AddPainPoint(AddItem):
    """Flag a touchpoint as a pain point with a severity, what hurts, and the strategy."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        severity: Severity,
        description: str,
        strategy: str = "",
        pain_point_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        if pain_point_id is None:
            pain_point_id = journey.new_id(Kind.PAIN_POINT)
        item = PainPoint(pain_point_id, touchpoint_id, severity, description, strategy)
        super().__init__(journey, item, parent=parent)
        assert isinstance(self.item, PainPoint)
        #: The pain point this command adds, as checked.
        self.pain_point = self.item


class RemovePainPoint(JourneyCommand):
    """Remove a pain point and the opportunities that answer it; undo brings all back."""

    def __init__(
        self,
        journey: Journey,
        pain_point_id: str,
        parent: Composite | None = None,
        *,
        removing: set[object] | None = None,
    ) -> None:
        self.pain_point = journey.pain_point(pain_point_id)
        where = describe(journey, self.pain_point.touchpoint_id)
        super().__init__(journey, f"Remove pain point at {where}", parent)
        removing = set() if removing is None else removing
        removing.add(pain_point_id)
        for o in journey.opportunities(self.pain_point.touchpoint_id):
            if o.pain_point == pain_point_id and o.id not in removing:
                removing.add(o.id)
                RemoveOpportunity(journey, o.id, parent=self)

    def redo(self) -> None:
        super().redo()
        self.journey.remove_pain_point(self.pain_point.id)

    def undo(self) -> None:
        self.journey.add_item(self.pain_point)
        super().undo()


class AddOpportunity(AddItem):
    """Attach a proposed fix to a pain point (a manual one's id, or a rule's name)."""

    def __init__(
        self,
        journey: Journey,
        touchpoint_id: str,
        pain_point: str,
        name: str,
        effort: Effort = "M",
        impact: int = 50,
        description: str = "",
        opportunity_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        if opportunity_id is None:
            opportunity_id = journey.new_id(Kind.OPPORTUNITY)
        item = Opportunity(
            opportunity_id, touchpoint_id, pain_point, name, effort, impact, description
        )
        super().__init__(journey, item, parent=parent)
        assert isinstance(self.item, Opportunity)
        #: The opportunity this command adds, as checked.
        self.opportunity = self.item


class RemoveOpportunity(JourneyCommand):
    """Remove an opportunity; undo brings it back with the same id."""

    def __init__(
        self, journey: Journey, opportunity_id: str, parent: Composite | None = None
    ) -> None:
        self.opportunity = journey.opportunity(opportunity_id)
        super().__init__(journey, f"Remove opportunity {quote(self.opportunity.name)}", parent)

    def redo(self) -> None:
        self.journey.remove_opportunity(self.opportunity.id)

    def undo(self) -> None:
        self.journey.add_item(self.opportunity)


class SetPainPointSettings(JourneyCommand):
    """Replace the map's rules and pricing settings (the rules dialog, value per customer)."""

    def __init__(
        self,
        journey: Journey,
        settings: PainPointSettings,
        text: str = "Edit pain-point rules",
        parent: Composite | None = None,
    ) -> None:
        if not isinstance(settings, PainPointSettings):
            raise JourneyError("pain-point settings must be a PainPointSettings")
        journey.check_painpoint_settings(settings)  # the domain's own checks, before the push
        super().__init__(journey, text, parent)
        self.settings = settings
        self._old = journey.painpoint_settings()
        if self.standalone and settings == self._old:
            self.setObsolete(True)

    def redo(self) -> None:
        self._old = self.journey.painpoint_settings()
        self.journey.set_painpoint_settings(self.settings)

    def undo(self) -> None:
        self.journey.set_painpoint_settings(self._old)


class SetJudgedOn(SetPainPointSettings):
    """Judge the map's pain points on one snapshot (a label) or on all of them merged (None):
    the editor's ranking, ``cjo painpoints`` and the report follow this one setting."""

    def __init__(
        self, journey: Journey, label: str | None, parent: Composite | None = None
    ) -> None:
        settings = dataclasses.replace(journey.painpoint_settings(), judged_on=label)
        words = "all snapshots" if label is None else quote(label)
        super().__init__(journey, settings, f"Judge pain points on {words}", parent)
