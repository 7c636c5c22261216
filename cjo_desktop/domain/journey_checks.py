"""The journey's check-only methods: whether an edit would be accepted, without applying it.

Every edit of :class:`~cjo_desktop.domain.journey.Journey` runs the same check first, so a
caller that must know before it acts (an undo command, which is refused before it is pushed)
asks here and gets the same answer and the same message. A mixin of Journey; the checks read
each item's fields from their specs (:mod:`cjo_desktop.domain.fields`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.fields import Field, checked, fields_of
from cjo_desktop.domain.model import (
    CLASS_OF,
    KIND_OF,
    Flow,
    FreeCard,
    Item,
    Kind,
    Lane,
    Opportunity,
    PainPoint,
    Touchpoint,
)

#: Anything :meth:`~cjo_desktop.domain.journey.Journey.add_item` takes.
Addable = Item | Flow
A = TypeVar("A", bound=Addable)
N = TypeVar("N", bound=Item)


class ChecksMixin:
    """``check_...`` methods raise :class:`JourneyError` where the edit would, and change
    nothing; those that clean a value return it as the edit would store it."""

    _graph: nx.DiGraph
    _stage_order: list[str]
    _touchpoint_order: dict[str, list[str]]
    _persona_order: list[str]
    _lane_order: list[str]
    _free_card_order: list[str]

    if TYPE_CHECKING:

        def item(self, item_id: str) -> Item: ...
        def flow(self, source: str, target: str | None) -> Flow: ...
        def has_flow(self, source: str, target: str | None) -> bool: ...
        def _get(self, item_id: str, cls: type[N]) -> N: ...
        def check_lane_add(self, lane: Lane) -> None: ...
        def check_lane_update(self, old: Lane, changes: dict[str, Any]) -> None: ...
        def check_free_card_cell(self, lane_id: str) -> None: ...

    def check_title(self, title: object) -> str:
        return check.name(title, "the title")

    def check_description(self, description: object) -> str:
        return check.text(description, "description")

    def check_add_item(self, item: A, index: int | None = None) -> A:
        """The item as :meth:`add_item` would store it: its values cleaned, its id free, the
        items it refers to there, ``index`` inside its order."""
        return self._check_add(item, index)[0]

    def check_update(self, item_id: str, **changes: Any) -> Item:
        """The item as :meth:`update` would leave it."""
        old = self.item(item_id)
        specs = fields_of(type(old))
        fixed = sorted(key for key in changes if key in specs and specs[key].spec.fixed)
        if fixed:
            raise JourneyError(f"{fixed[0]!r} cannot be set with update()")
        unknown = set(changes) - set(specs)
        if unknown:
            kind = KIND_OF[type(old)].value
            raise JourneyError(f"a {kind} has no field {sorted(unknown)[0]!r}")
        new = dataclasses.replace(old, **self._clean(specs, changes))
        if isinstance(old, Lane):
            self.check_lane_update(old, changes)
        if isinstance(new, FreeCard) and "lane_id" in changes:
            self.check_free_card_cell(new.lane_id)
        if isinstance(new, Opportunity) and "pain_point" in changes:
            self.check_answers(new.touchpoint_id, new.pain_point)
        return new

    def check_update_flow(self, source: str, target: str | None, **changes: Any) -> Flow:
        """The flow as :meth:`update_flow` would leave it (only its count and label change)."""
        old = self.flow(source, target)
        specs = fields_of(Flow)
        unknown = {key for key in changes if key not in specs or specs[key].spec.fixed}
        if unknown:
            raise JourneyError(f"a flow has no editable field {sorted(unknown)[0]!r}")
        return dataclasses.replace(old, **self._clean(specs, changes))

    def check_answers(self, touchpoint_id: str, pain_point: object) -> None:
        """An opportunity answers a rule by name, or a manual pain point of its touchpoint."""
        check.name(pain_point, "the pain point an opportunity answers")
        if pain_point in self._graph:
            target = self.item(str(pain_point))
            if not isinstance(target, PainPoint) or target.touchpoint_id != touchpoint_id:
                raise JourneyError(f"{pain_point!r} is not a pain point of this touchpoint")

    # ------------------------------------------------------------------ helpers
    def _check_add(self, item: A, index: int | None) -> tuple[A, int | None]:
        """The clean item and its index in its order (``None`` for kinds without one)."""
        if type(item) is not Flow and type(item) not in KIND_OF:
            raise JourneyError(f"a journey holds no {type(item).__name__}")
        specs = fields_of(type(item))
        for name, f in specs.items():
            if f.spec.ref is not None:
                self._check_ref(f, getattr(item, name))
        if not isinstance(item, Flow):
            self._check_free(item.id)
        item = checked(item)
        if isinstance(item, Flow) and self.has_flow(item.source, item.target):
            raise JourneyError(f"a flow from {item.source!r} to {item.target!r} exists already")
        if isinstance(item, Opportunity):
            self.check_answers(item.touchpoint_id, item.pain_point)
        if isinstance(item, Lane):
            self.check_lane_add(item)
        if isinstance(item, FreeCard):
            self.check_free_card_cell(item.lane_id)
        order = self._order_of(item)
        if order is not None:
            return item, check.insert_index(index, len(order))
        if index is not None:
            raise JourneyError(f"a {type(item).__name__.lower()} has no place in an order")
        return item, None

    def _order_of(self, item: Addable) -> list[str] | None:
        """The list that orders items like ``item``, or None for kinds without an order."""
        kind = KIND_OF.get(type(item))
        if kind is Kind.STAGE:
            return self._stage_order
        if kind is Kind.PERSONA:
            return self._persona_order
        if kind is Kind.LANE:
            return self._lane_order
        if kind is Kind.FREE_CARD:
            return self._free_card_order
        if isinstance(item, Touchpoint):
            return self._touchpoint_order[item.stage_id]
        return None

    def _check_free(self, item_id: object) -> None:
        check.identifier(item_id)
        if item_id in self._graph:
            raise JourneyError(f"the id {item_id!r} is used already")

    def _check_ref(self, f: Field, value: object) -> None:
        if value is None and f.spec.nullable:
            return
        if isinstance(value, tuple | list):  # ids of several items (a touchpoint's personas)
            for one in value:
                self._check_ref(f, one)
            return
        if not isinstance(value, str):
            what = f.name.replace("_", " ")
            raise JourneyError(f"{what} must be text, not {type(value).__name__}")
        assert f.spec.ref is not None
        self._get(value, CLASS_OF[Kind(f.spec.ref)])

    def _clean(self, specs: dict[str, Field], changes: dict[str, Any]) -> dict[str, Any]:
        clean: dict[str, Any] = {}
        for key, value in changes.items():
            f = specs[key]
            if f.spec.ref is not None:
                self._check_ref(f, value)
            clean[key] = f.check(value)
        return clean
