"""The metric snapshots, pain points, opportunities and pain-point settings of a journey:
what analysts add on top of the drawn map. A mixin of
:class:`~cjo_desktop.domain.journey.Journey`, kept apart so each file stays readable; every
edit emits one :class:`Change` like the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from cjo_desktop.domain import painpoints as pp
from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal
from cjo_desktop.domain.journey_checks import A
from cjo_desktop.domain.journey_checks import N as AnyItem
from cjo_desktop.domain.limits import MAX_MONEY
from cjo_desktop.domain.metrics import Snapshot
from cjo_desktop.domain.model import Kind, Opportunity, PainPoint, Touchpoint
from cjo_desktop.domain.painpoints import PainPointSettings

N = TypeVar("N", PainPoint, Opportunity)


class MetricsPainPointsMixin:
    """Pain points and opportunities are nodes of the graph (so ids, ``item`` and ``update``
    work on them as on cards), attached to a touchpoint like emotions are."""

    _graph: nx.DiGraph
    _snapshots: dict[str, Snapshot]
    _notes_of: dict[str, list[str]]
    _settings: PainPointSettings
    changed: Signal[Change]

    if TYPE_CHECKING:

        def touchpoints(self, stage_id: str | None = None) -> list[Touchpoint]: ...
        def touchpoint(self, touchpoint_id: str) -> Touchpoint: ...
        def add_item(self, item: A, index: int | None = None) -> A: ...
        def _new(self, cls: type[AnyItem], item_id: str | None, **values: Any) -> AnyItem: ...
        def _get(self, item_id: str, cls: type[AnyItem]) -> AnyItem: ...

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
        """Remove a snapshot; returns it whole and where it was, for undo. Not the one pain
        points are judged on: judge on another first (one undo step, see the commands)."""
        if label not in self._snapshots:
            raise JourneyError(f"no metric snapshot labelled {label!r}")
        if label == self._settings.judged_on:
            raise JourneyError(f"pain points are judged on snapshot {label!r}; judge on another")
        index = list(self._snapshots).index(label)
        snapshot = self._snapshots.pop(label)
        self.changed.emit(Change("remove", "snapshot", label, snapshot, None, index))
        return snapshot, index

    # --------------------------------------------------------------- pain points
    def pain_points(self, touchpoint_id: str | None = None) -> list[PainPoint]:
        """Manual pain points in journey order; at one touchpoint, by id."""
        return self._attached(PainPoint, touchpoint_id)

    def pain_point(self, pain_point_id: str) -> PainPoint:
        return self._get(pain_point_id, PainPoint)

    def add_pain_point(
        self,
        touchpoint_id: str,
        severity: pp.Severity,
        description: str,
        *,
        id: str | None = None,
        **fields: Any,
    ) -> PainPoint:
        values = {"touchpoint_id": touchpoint_id, "severity": severity, "description": description}
        return self.add_item(self._new(PainPoint, id, **values, **fields))

    def remove_pain_point(self, pain_point_id: str) -> PainPoint:
        """Remove a pain point no opportunity answers (remove those first, for undo)."""
        item = self.pain_point(pain_point_id)
        if any(o.pain_point == item.id for o in self.opportunities(item.touchpoint_id)):
            raise JourneyError(f"pain point {item.description!r:.60} still has opportunities")
        self._detach(item, Kind.PAIN_POINT)
        return item

    # ------------------------------------------------------------- opportunities
    def opportunities(self, touchpoint_id: str | None = None) -> list[Opportunity]:
        """Opportunities in journey order; at one touchpoint, by id."""
        return self._attached(Opportunity, touchpoint_id)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        return self._get(opportunity_id, Opportunity)

    def add_opportunity(
        self,
        touchpoint_id: str,
        pain_point: str,
        name: str,
        *,
        id: str | None = None,
        **fields: Any,
    ) -> Opportunity:
        """``pain_point``: the id of a manual pain point at the touchpoint, or a rule's name."""
        values = {"touchpoint_id": touchpoint_id, "pain_point": pain_point, "name": name}
        return self.add_item(self._new(Opportunity, id, **values, **fields))

    def remove_opportunity(self, opportunity_id: str) -> Opportunity:
        item = self.opportunity(opportunity_id)
        self._detach(item, Kind.OPPORTUNITY)
        return item

    # ------------------------------------------------------------------ settings
    def painpoint_settings(self) -> PainPointSettings:
        return self._settings

    def check_painpoint_settings(self, settings: PainPointSettings) -> None:
        """Raise JourneyError if :meth:`set_painpoint_settings` would refuse ``settings``;
        changes nothing."""
        if not isinstance(settings, PainPointSettings):
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
        if settings.judged_on is not None and settings.judged_on not in self._snapshots:
            labels = ", ".join(repr(s) for s in self._snapshots) or "none"
            raise JourneyError(
                f"pain points cannot be judged on {settings.judged_on!r:.80}: the map has no "
                f"such snapshot (snapshots: {labels:.200})"
            )
        if settings.goal is not None:
            check.identifier(settings.goal)
            node = self._graph.nodes.get(settings.goal)
            if node is None or not isinstance(node["item"], Touchpoint):
                raise JourneyError(f"the goal {settings.goal!r} is not a touchpoint of this map")

    def set_painpoint_settings(self, settings: PainPointSettings) -> None:
        self.check_painpoint_settings(settings)
        old, self._settings = self._settings, settings
        self.changed.emit(Change("update", "settings", "painpoints", old, settings))

    # ------------------------------------------------------------------ helpers
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

    def _attach(self, item: PainPoint | Opportunity, kind: Kind) -> None:
        self._graph.add_node(item.id, kind=kind.value, item=item)
        self._notes_of.setdefault(item.touchpoint_id, []).append(item.id)
        self.changed.emit(Change("add", kind, item.id, None, item))

    def _detach(self, item: PainPoint | Opportunity, kind: Kind) -> None:
        self._notes_of[item.touchpoint_id].remove(item.id)
        self._graph.remove_node(item.id)
        self.changed.emit(Change("remove", kind, item.id, item, None))


def _by_id(item: object) -> str:
    return str(getattr(item, "id", ""))
