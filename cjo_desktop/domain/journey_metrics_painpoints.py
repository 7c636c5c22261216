"""What analysts add on top of the drawn journey: metric snapshots, pain points, opportunities
and the pain-point settings. A mixin of :class:`~cjo_desktop.domain.journey.Journey`, kept
apart so each file stays readable; every edit emits one :class:`Change` like the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import networkx as nx

from cjo_desktop.domain import painpoints as pp
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal
from cjo_desktop.domain.limits import MAX_MONEY
from cjo_desktop.domain.metrics import Snapshot
from cjo_desktop.domain.model import Item, Kind, Touchpoint

N = TypeVar("N", pp.PainPoint, pp.Opportunity)


class AnalysisMixin:
    """Pain points and opportunities are nodes of the graph (so ids, ``item`` and ``update``
    work on them as on cards), attached to a touchpoint like emotions are."""

    _graph: nx.DiGraph
    _snapshots: dict[str, Snapshot]
    _notes_of: dict[str, list[str]]
    _settings: pp.PainPointSettings
    changed: Signal[Change]

    if TYPE_CHECKING:

        def touchpoint(self, touchpoint_id: str) -> Touchpoint: ...
        def touchpoints(self, stage_id: str | None = None) -> list[Touchpoint]: ...
        def item(self, item_id: str) -> Item: ...
        def _fresh(self, item_id: str | None, kind: Kind) -> str: ...
        def _get(self, item_id: str, cls: type[N]) -> N: ...

    # ---------------------------------------------------------- metric snapshots
    def metric_snapshots(self) -> list[Snapshot]:
        """Snapshots in import order, each without values of touchpoints that are gone."""
        ids = {t.id for t in self.touchpoints()}
        return [s.restricted_to(ids) for s in self._snapshots.values()]

    def metric_snapshot(self, label: str) -> Snapshot:
        try:
            snapshot = self._snapshots[label]
        except KeyError:
            raise JourneyError(f"no metric snapshot labelled {label!r}") from None
        return snapshot.restricted_to({t.id for t in self.touchpoints()})

    def add_metric_snapshot(self, snapshot: Snapshot, index: int | None = None) -> None:
        label = check.name(snapshot.label, "a snapshot label")
        check.snapshot_numbers(snapshot)
        if label in self._snapshots:
            raise JourneyError(f"a metric snapshot labelled {label!r} exists already")
        index = check.insert_index(index, len(self._snapshots))
        if index == len(self._snapshots):  # loading adds each at the end: no copy of the rest
            self._snapshots[label] = snapshot
        else:
            order = list(self._snapshots.items())
            order.insert(index, (label, snapshot))
            self._snapshots = dict(order)
        self.changed.emit(Change("add", "snapshot", label, None, snapshot))

    def remove_metric_snapshot(self, label: str) -> tuple[Snapshot, int]:
        """Remove a snapshot; returns it whole and where it was, for undo."""
        if label not in self._snapshots:
            raise JourneyError(f"no metric snapshot labelled {label!r}")
        index = list(self._snapshots).index(label)
        snapshot = self._snapshots.pop(label)
        self.changed.emit(Change("remove", "snapshot", label, snapshot, None, index))
        return snapshot, index

    # --------------------------------------------------------------- pain points
    def pain_points(self, touchpoint_id: str | None = None) -> list[pp.PainPoint]:
        """Manual pain points in journey order; at one touchpoint, by id."""
        return self._attached(pp.PainPoint, touchpoint_id)

    def pain_point(self, pain_point_id: str) -> pp.PainPoint:
        return self._get(pain_point_id, pp.PainPoint)

    def add_pain_point(
        self,
        touchpoint_id: str,
        severity: pp.Severity,
        description: str,
        *,
        strategy: str = "",
        id: str | None = None,
    ) -> pp.PainPoint:
        self.touchpoint(touchpoint_id)
        item = pp.PainPoint(
            self._fresh(id, Kind.PAIN_POINT),
            touchpoint_id,
            pp.severity(severity),
            check.name(description, "a pain point's description"),
            check.text(strategy, "strategy"),
        )
        self._attach(item, Kind.PAIN_POINT)
        return item

    def remove_pain_point(self, pain_point_id: str) -> pp.PainPoint:
        """Remove a pain point no opportunity answers (remove those first, for undo)."""
        item = self.pain_point(pain_point_id)
        if any(o.pain_point == item.id for o in self.opportunities(item.touchpoint_id)):
            raise JourneyError(f"pain point {item.description!r:.60} still has opportunities")
        self._detach(item, Kind.PAIN_POINT)
        return item

    # ------------------------------------------------------------- opportunities
    def opportunities(self, touchpoint_id: str | None = None) -> list[pp.Opportunity]:
        """Opportunities in journey order; at one touchpoint, by id."""
        return self._attached(pp.Opportunity, touchpoint_id)

    def opportunity(self, opportunity_id: str) -> pp.Opportunity:
        return self._get(opportunity_id, pp.Opportunity)

    def add_opportunity(
        self,
        touchpoint_id: str,
        pain_point: str,
        name: str,
        *,
        effort: pp.Effort = "M",
        impact: int = 50,
        description: str = "",
        id: str | None = None,
    ) -> pp.Opportunity:
        """``pain_point``: the id of a manual pain point at the touchpoint, or a rule's name."""
        self.touchpoint(touchpoint_id)
        self._check_answers(touchpoint_id, pain_point)
        item = pp.Opportunity(
            self._fresh(id, Kind.OPPORTUNITY),
            touchpoint_id,
            pain_point,
            check.name(name),
            pp.effort(effort),
            pp.impact(impact),
            check.text(description, "description"),
        )
        self._attach(item, Kind.OPPORTUNITY)
        return item

    def remove_opportunity(self, opportunity_id: str) -> pp.Opportunity:
        item = self.opportunity(opportunity_id)
        self._detach(item, Kind.OPPORTUNITY)
        return item

    def restore_note(self, item: pp.PainPoint | pp.Opportunity) -> None:
        """Add a pain point or opportunity back whole, id and all (undo, copies)."""
        if isinstance(item, pp.PainPoint):
            self.add_pain_point(
                item.touchpoint_id,
                item.severity,
                item.description,
                strategy=item.strategy,
                id=item.id,
            )
        else:
            self.add_opportunity(
                item.touchpoint_id,
                item.pain_point,
                item.name,
                effort=item.effort,
                impact=item.impact,
                description=item.description,
                id=item.id,
            )

    # ------------------------------------------------------------------ settings
    def painpoint_settings(self) -> pp.PainPointSettings:
        return self._settings

    def check_painpoint_settings(self, settings: pp.PainPointSettings) -> None:
        """Raise JourneyError if :meth:`set_painpoint_settings` would refuse ``settings``;
        changes nothing."""
        if not isinstance(settings, pp.PainPointSettings):
            raise JourneyError("pain-point settings must be a PainPointSettings")
        rules, touchpoints = len(settings.rules), len(self.touchpoints())
        if rules * touchpoints > pp.MAX_RULE_CHECKS:
            raise JourneyError(pp.rule_checks_message(rules, touchpoints))
        for rule in settings.rules:
            check.name(rule.name, "a rule's name")
            check.text(rule.name, "a rule's name", check.MAX_METRIC_NAME)
            check.text(rule.metric, "a rule's metric", check.MAX_METRIC_NAME)
            check.text(rule.description, "a rule's description", check.MAX_NAME)
            check.number(rule.threshold, f"rule {rule.name[:40]!r}: the threshold")
        check.number(settings.value_per_customer, "the value per customer", MAX_MONEY, 0)
        check.text(settings.currency, "the currency")
        check.text(settings.period, "the period")
        if settings.goal is not None:
            check.identifier(settings.goal)
            node = self._graph.nodes.get(settings.goal)
            if node is None or not isinstance(node["item"], Touchpoint):
                raise JourneyError(f"the goal {settings.goal!r} is not a touchpoint of this map")

    def set_painpoint_settings(self, settings: pp.PainPointSettings) -> None:
        self.check_painpoint_settings(settings)
        old, self._settings = self._settings, settings
        self.changed.emit(Change("update", "settings", "painpoints", old, settings))

    # ------------------------------------------------------------------ helpers
    def _check_answers(self, touchpoint_id: str, pain_point: object) -> None:
        """An opportunity answers a rule by name, or a manual pain point of its touchpoint."""
        check.name(pain_point, "the pain point an opportunity answers")
        if pain_point in self._graph:
            target = self.item(str(pain_point))
            if not isinstance(target, pp.PainPoint) or target.touchpoint_id != touchpoint_id:
                raise JourneyError(f"{pain_point!r} is not a pain point of this touchpoint")

    def _check_note_update(self, old: Item, clean: dict[str, object]) -> None:
        if isinstance(old, pp.PainPoint) and "description" in clean:
            check.name(clean["description"], "a pain point's description")
        if isinstance(old, pp.Opportunity) and "pain_point" in clean:
            self._check_answers(old.touchpoint_id, clean["pain_point"])

    def _attached(self, cls: type[N], touchpoint_id: str | None) -> list[N]:
        if touchpoint_id is None:
            ids = [t.id for t in self.touchpoints()]
        else:
            ids = [self.touchpoint(touchpoint_id).id]
        nodes = self._graph.nodes
        out: list[N] = []
        for tp in ids:
            items = [nodes[i]["item"] for i in self._notes_of.get(tp, [])]
            out.extend(sorted((i for i in items if isinstance(i, cls)), key=_by_id))
        return out

    def _attach(self, item: pp.PainPoint | pp.Opportunity, kind: Kind) -> None:
        self._graph.add_node(item.id, kind=kind.value, item=item)
        self._notes_of.setdefault(item.touchpoint_id, []).append(item.id)
        self.changed.emit(Change("add", kind, item.id, None, item))

    def _detach(self, item: pp.PainPoint | pp.Opportunity, kind: Kind) -> None:
        self._notes_of[item.touchpoint_id].remove(item.id)
        self._graph.remove_node(item.id)
        self.changed.emit(Change("remove", kind, item.id, item, None))


def _by_id(item: object) -> str:
    return str(getattr(item, "id", ""))
