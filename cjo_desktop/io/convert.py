"""File model <-> domain: the only module that knows both.

Items go both ways by their own field definitions (:mod:`cjo_desktop.domain.fields`): a field
has the same name in the file as in the domain unless its spec names another (``stage_id`` is
``stage``). Reading checks what pydantic cannot see in one record: ids unique across the whole
map and every reference pointing at something that exists, each failure named by its field
path.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel

from cjo_desktop.domain import (
    DEFAULT_RULES,
    Emotion,
    Flow,
    Journey,
    MetricValue,
    Opportunity,
    PainPoint,
    PainPointSettings,
    Persona,
    Position,
    Provenance,
    Rule,
    Snapshot,
    Stage,
    Touchpoint,
)
from cjo_desktop.domain.comments import Comment
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.fields import fields_of
from cjo_desktop.domain.journey_checks import Addable
from cjo_desktop.domain.lanes import CARDS, STANDARD_LANES
from cjo_desktop.domain.metrics import DIGITS
from cjo_desktop.domain.model import FreeCard, Lane
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, MAX_RULES, rule_checks_message
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.file_format import SCHEMA_VERSION
from cjo_desktop.io.schema import (
    CommentModel,
    EmotionModel,
    FlowModel,
    FreeCardModel,
    LaneModel,
    MapFile,
    MetricValueModel,
    OpportunityModel,
    PainPointModel,
    PainPointSettingsModel,
    PersonaModel,
    ProvenanceModel,
    RuleModel,
    SnapshotModel,
    StageModel,
    SummaryValueModel,
    TouchpointModel,
)

#: The file's lists of drawn items and their classes, in the order a map is built from them
#: (each item's references before it); snapshots follow, then the notes.
DRAWN: tuple[tuple[str, type[Addable]], ...] = (
    ("personas", Persona),
    ("lanes", Lane),
    ("stages", Stage),
    ("touchpoints", Touchpoint),
    ("free_cards", FreeCard),
    ("emotions", Emotion),
    ("flows", Flow),
)
NOTES: tuple[tuple[str, type[Addable]], ...] = (
    ("pain_points", PainPoint),
    ("opportunities", Opportunity),
)


def check_references(doc: MapFile, source: str) -> None:
    """Raise on the first duplicate id, dangling reference or repeated flow."""
    seen: dict[str, str] = {}
    for section, cls in (*DRAWN, *NOTES):
        if "id" not in fields_of(cls):
            continue
        for i, record in enumerate(getattr(doc, section) or ()):
            where = f"{section}[{i}].id"
            if record.id in seen:
                raise MapFileError(
                    source, where, f"duplicate id {record.id!r} (first used at {seen[record.id]})"
                )
            seen[record.id] = where

    ids = {
        "stage": {s.id for s in doc.stages},
        "touchpoint": {t.id for t in doc.touchpoints},
        "persona": {p.id for p in doc.personas},
        "lane": {lane.id for lane in doc.lanes or ()},
    }
    touchpoints = ids["touchpoint"]
    for section, cls in (
        ("touchpoints", Touchpoint),
        ("emotions", Emotion),
        ("free_cards", FreeCard),
    ):
        for i, record in enumerate(getattr(doc, section)):
            _check_refs(record, cls, f"{section}[{i}]", ids, source)
    labels: dict[str, int] = {}
    for i, snap in enumerate(doc.snapshots):
        if snap.label in labels:
            raise MapFileError(
                source,
                f"snapshots[{i}].label",
                f"duplicate snapshot label "
                f"{snap.label!r} (first at snapshots[{labels[snap.label]}])",
            )
        labels[snap.label] = i
        seen_values: set[tuple[str, str]] = set()
        for j, v in enumerate(snap.values):
            where = f"snapshots[{i}].values[{j}]"
            if v.touchpoint not in touchpoints:
                raise MapFileError(
                    source, f"{where}.touchpoint", f"unknown touchpoint {v.touchpoint!r}"
                )
            if (v.touchpoint, v.metric) in seen_values:
                raise MapFileError(
                    source, where, f"a second {v.metric!r} value for touchpoint {v.touchpoint!r}"
                )
            seen_values.add((v.touchpoint, v.metric))
    pairs: dict[tuple[str, str | None], int] = {}
    for i, flow in enumerate(doc.flows):
        _check_refs(flow, Flow, f"flows[{i}]", ids, source)
        key = (flow.source, flow.target)
        if key in pairs:
            what = "drop-off" if flow.target is None else "flow"
            raise MapFileError(
                source,
                f"flows[{i}]",
                f"a second {what} from {flow.source!r}"
                f"{'' if flow.target is None else f' to {flow.target!r}'} "
                f"(first at flows[{pairs[key]}])",
            )
        pairs[key] = i
    _check_pain_points(doc, source, ids)


def _check_refs(
    record: BaseModel, cls: type[Addable], where: str, ids: dict[str, set[str]], source: str
) -> None:
    """Every id ``record`` holds of another item names one in the file."""
    for f in fields_of(cls).values():
        kind = f.spec.ref
        ref = None if kind is None else getattr(record, f.file_name)
        if kind is None or ref is None:
            continue
        if isinstance(ref, list):
            for i, one in enumerate(ref):
                if one not in ids[kind]:
                    where_i = f"{where}.{f.file_name}[{i}]"
                    raise MapFileError(source, where_i, f"unknown {kind} {one!r}")
        elif ref not in ids[kind]:
            raise MapFileError(source, f"{where}.{f.file_name}", f"unknown {kind} {ref!r}")


def _check_pain_points(doc: MapFile, source: str, ids: dict[str, set[str]]) -> None:
    touchpoints = ids["touchpoint"]
    where_of = {p.id: p.touchpoint for p in doc.pain_points}
    for section, cls in NOTES:
        for i, record in enumerate(getattr(doc, section)):
            _check_refs(record, cls, f"{section}[{i}]", ids, source)
    for i, o in enumerate(doc.opportunities):
        if o.pain_point in where_of and where_of[o.pain_point] != o.touchpoint:
            raise MapFileError(
                source,
                f"opportunities[{i}].pain_point",
                f"pain point {o.pain_point!r} is at another touchpoint",
            )
    settings = doc.painpoint_settings
    if settings is not None and settings.goal is not None and settings.goal not in touchpoints:
        where, ref = "painpoint_settings.goal", settings.goal
        raise MapFileError(source, where, f"unknown touchpoint {ref!r}")
    labels = {s.label for s in doc.snapshots}
    if settings is not None and settings.judged_on is not None and settings.judged_on not in labels:
        where, ref = "painpoint_settings.judged_on", settings.judged_on
        raise MapFileError(source, where, f"no snapshot labelled {ref!r}")
    if settings is not None and settings.rules is not None:
        rules, where = len(settings.rules), "painpoint_settings.rules"
        if rules > MAX_RULES:
            raise MapFileError(
                source, where, f"a map may have at most {MAX_RULES:,} rules, not {rules:,}"
            )
        if rules * len(touchpoints) > MAX_RULE_CHECKS:
            raise MapFileError(source, where, rule_checks_message(rules, len(touchpoints)))
        names: dict[str, int] = {}
        for i, rule in enumerate(settings.rules):
            if rule.name in names:
                raise MapFileError(
                    source,
                    f"painpoint_settings.rules[{i}].name",
                    f"a second rule named {rule.name!r} (first at rules[{names[rule.name]}])",
                )
            names[rule.name] = i


def to_journey(doc: MapFile, source: str = "<map>") -> Journey:
    """Build the domain journey from a validated file model."""
    check_references(doc, source)
    journey = Journey(doc.title, doc.description)
    if doc.lanes is not None:  # else the standard lanes a new journey has
        if not any(lane.kind == CARDS for lane in doc.lanes):
            raise MapFileError(source, "lanes", "no lane of kind 'touchpoints' to hold the cards")
        journey.clear_lanes()
    for section, cls in DRAWN:
        for i, record in enumerate(getattr(doc, section) or ()):
            try:  # what one record cannot tell: a second emotion lane, a card in one
                journey.add_item(_item(cls, record))
            except JourneyError as error:
                raise MapFileError(source, f"{section}[{i}]", str(error)) from None
    for snap in doc.snapshots:
        journey.add_metric_snapshot(_snapshot(snap))
    for section, cls in NOTES:
        for record in getattr(doc, section):
            journey.add_item(_item(cls, record))
    if doc.painpoint_settings is not None:
        journey.set_painpoint_settings(_settings(doc.painpoint_settings))
    for i, c in enumerate(doc.comments):
        try:  # a comment whose element is gone loads as it was: orphaned, not an error
            journey.add_comment(Comment(**c.model_dump()))
        except JourneyError as error:
            raise MapFileError(source, f"comments[{i}]", str(error)) from None
    return journey


def _item(cls: type[Addable], record: BaseModel) -> Addable:
    """The domain item of a file record, unchecked (the journey checks what it adds)."""
    data = record.model_dump()
    values = {name: f.read(data[f.file_name], name) for name, f in fields_of(cls).items()}
    return cls(**values)


def _record(item: Addable) -> dict[str, Any]:
    """A domain item as the file's record holds it; positions to 0.01 scene units."""
    out: dict[str, Any] = {}
    for name, f in fields_of(type(item)).items():
        value = getattr(item, name)
        if isinstance(value, Position):
            value = Position(round(value.x, 2), round(value.y, 2))
        out[f.file_name] = f.write(value)
    return out


def _lanes_model(lanes: list[Lane]) -> list[LaneModel] | None:
    """None for the standard lanes, which a file without lanes has."""
    if lanes == [Lane(*standard) for standard in STANDARD_LANES]:
        return None
    return [LaneModel(**_record(lane)) for lane in lanes]


def _settings(model: PainPointSettingsModel) -> PainPointSettings:
    rules = DEFAULT_RULES
    if model.rules is not None:
        rules = tuple(Rule(**r.model_dump()) for r in model.rules)
    return PainPointSettings(rules=rules, **model.model_dump(exclude={"rules"}))


def _settings_model(settings: PainPointSettings) -> PainPointSettingsModel | None:
    """None for the defaults, and no rules when they are the defaults, so maps that never
    changed them follow better defaults in later versions."""
    if settings == PainPointSettings():
        return None
    rules = None
    if settings.rules != DEFAULT_RULES:
        rules = [
            RuleModel(**{**dataclasses.asdict(r), "threshold": float(r.threshold)})
            for r in settings.rules
        ]
    values = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.init}
    return PainPointSettingsModel(**{**values, "rules": rules})


def _value(v: MetricValueModel | SummaryValueModel) -> MetricValue:
    return MetricValue(v.value, v.n, v.ci_low, v.ci_high, dict(v.detail))


def _snapshot(snap: SnapshotModel) -> Snapshot:
    values: dict[str, dict[str, MetricValue]] = {}
    for v in snap.values:
        values.setdefault(v.touchpoint, {})[v.metric] = _value(v)
    return Snapshot(
        snap.label,
        Provenance(**snap.provenance.model_dump()),
        values,
        {v.metric: _value(v) for v in snap.summary},
    )


def _number(x: float | None) -> float | None:
    """Six decimals (the domain rounds imports the same way): more is noise, and fewer
    digits keep diffs readable."""
    return None if x is None else round(float(x), DIGITS)


def _fields(v: MetricValue) -> dict[str, Any]:
    """The number fields a value and a summary value share, as the file writes them."""
    return {
        "value": _number(v.value),
        "n": v.n,
        "ci_low": _number(v.ci_low),
        "ci_high": _number(v.ci_high),
        "detail": {k: round(float(x), DIGITS) for k, x in sorted(v.detail.items())},
    }


def _snapshot_model(snap: Snapshot, place: dict[str, int]) -> SnapshotModel:
    """Values in journey order (``place``: touchpoint id -> its place), each touchpoint's in
    the snapshot's metric order. Sorting what the snapshot holds, not looking up every metric
    at every touchpoint: a metric of its own on each of 8,000 cards once took 11 s to save."""
    rank = {name: i for i, name in enumerate(snap.metric_names())}
    values = [
        MetricValueModel(touchpoint=tp, metric=name, **_fields(v))
        for tp in sorted((t for t in snap.values if t in place), key=place.__getitem__)
        for name, v in sorted(snap.values[tp].items(), key=lambda pair: rank[pair[0]])
    ]
    summary = [
        SummaryValueModel(metric=name, **_fields(v)) for name, v in sorted(snap.summary.items())
    ]
    provenance = ProvenanceModel(**dataclasses.asdict(snap.provenance))
    return SnapshotModel(label=snap.label, provenance=provenance, values=values, summary=summary)


def to_file_model(journey: Journey) -> MapFile:
    """The file model of a journey, in the canonical order the domain defines."""
    place = {tp.id: i for i, tp in enumerate(journey.touchpoints())}
    return MapFile(
        schema_version=SCHEMA_VERSION,
        title=journey.title,
        description=journey.description,
        personas=[PersonaModel(**_record(p)) for p in journey.personas()],
        lanes=_lanes_model(journey.lanes()),
        free_cards=[FreeCardModel(**_record(c)) for c in journey.free_cards()],
        stages=[StageModel(**_record(s)) for s in journey.stages()],
        touchpoints=[TouchpointModel(**_record(t)) for t in journey.touchpoints()],
        emotions=[EmotionModel(**_record(e)) for e in journey.emotions()],
        flows=[FlowModel(**_record(f)) for f in journey.flows()],
        snapshots=[_snapshot_model(s, place) for s in journey.metric_snapshots()],
        pain_points=[PainPointModel(**_record(p)) for p in journey.pain_points()],
        opportunities=[OpportunityModel(**_record(o)) for o in journey.opportunities()],
        painpoint_settings=_settings_model(journey.painpoint_settings()),
        comments=[CommentModel(**dataclasses.asdict(c)) for c in journey.comments()],
    )
