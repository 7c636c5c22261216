"""File model <-> domain: the only module that knows both.

Reading checks what pydantic cannot see in one record: ids unique across the whole map and every
reference pointing at something that exists, each failure named by its field path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from cjo_desktop.domain import (
    DEFAULT_RULES,
    Journey,
    MetricValue,
    PainPointSettings,
    Position,
    Provenance,
    Rule,
    Snapshot,
)
from cjo_desktop.domain.metrics import DIGITS
from cjo_desktop.domain.painpoints import MAX_RULE_CHECKS, MAX_RULES, rule_checks_message
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.file_format import SCHEMA_VERSION
from cjo_desktop.io.schema import (
    EmotionModel,
    FlowModel,
    MapFile,
    MetricValueModel,
    OpportunityModel,
    PainPointModel,
    PainPointSettingsModel,
    PersonaModel,
    PositionModel,
    ProvenanceModel,
    RuleModel,
    SnapshotModel,
    StageModel,
    SummaryValueModel,
    TouchpointModel,
)


def check_references(doc: MapFile, source: str) -> None:
    """Raise on the first duplicate id, dangling reference or repeated flow."""
    seen: dict[str, str] = {}
    sections: list[tuple[str, Sequence[Any]]] = [
        ("personas", doc.personas),
        ("stages", doc.stages),
        ("touchpoints", doc.touchpoints),
        ("emotions", doc.emotions),
        ("pain_points", doc.pain_points),
        ("opportunities", doc.opportunities),
    ]
    for section, records in sections:
        for i, record in enumerate(records):
            where = f"{section}[{i}].id"
            if record.id in seen:
                raise MapFileError(
                    source, where, f"duplicate id {record.id!r} (first used at {seen[record.id]})"
                )
            seen[record.id] = where

    stages = {s.id for s in doc.stages}
    touchpoints = {t.id for t in doc.touchpoints}
    personas = {p.id for p in doc.personas}
    for i, tp in enumerate(doc.touchpoints):
        if tp.stage not in stages:
            raise MapFileError(source, f"touchpoints[{i}].stage", f"unknown stage {tp.stage!r}")
    for i, em in enumerate(doc.emotions):
        if em.touchpoint not in touchpoints:
            raise MapFileError(
                source, f"emotions[{i}].touchpoint", f"unknown touchpoint {em.touchpoint!r}"
            )
        if em.persona is not None and em.persona not in personas:
            raise MapFileError(source, f"emotions[{i}].persona", f"unknown persona {em.persona!r}")
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
        for end in ("source", "target"):
            ref = getattr(flow, end)
            if ref is not None and ref not in touchpoints:
                raise MapFileError(source, f"flows[{i}].{end}", f"unknown touchpoint {ref!r}")
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
    _check_pain_points(doc, source, touchpoints)


def _check_pain_points(doc: MapFile, source: str, touchpoints: set[str]) -> None:
    where_of = {p.id: p.touchpoint for p in doc.pain_points}
    attached: list[tuple[str, Sequence[PainPointModel | OpportunityModel]]] = [
        ("pain_points", doc.pain_points),
        ("opportunities", doc.opportunities),
    ]
    for section, records in attached:
        for i, record in enumerate(records):
            if record.touchpoint not in touchpoints:
                where, ref = f"{section}[{i}].touchpoint", record.touchpoint
                raise MapFileError(source, where, f"unknown touchpoint {ref!r}")
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
    for p in doc.personas:
        journey.add_persona(p.name, description=p.description, id=p.id)
    for s in doc.stages:
        journey.add_stage(s.name, description=s.description, id=s.id)
    for t in doc.touchpoints:
        journey.add_touchpoint(
            t.stage,
            t.name,
            id=t.id,
            channel=t.channel,
            description=t.description,
            owner=t.owner,
            tags=t.tags,
            position=None if t.position is None else Position(t.position.x, t.position.y),
        )
    for e in doc.emotions:
        journey.add_emotion(e.touchpoint, e.valence, label=e.label, persona_id=e.persona, id=e.id)
    for f in doc.flows:
        journey.add_flow(f.source, f.target, count=f.count, label=f.label)
    for snap in doc.snapshots:
        journey.add_metric_snapshot(_snapshot(snap))
    for pain in doc.pain_points:
        journey.add_pain_point(
            pain.touchpoint, pain.severity, pain.description, strategy=pain.strategy, id=pain.id
        )
    for o in doc.opportunities:
        journey.add_opportunity(
            o.touchpoint,
            o.pain_point,
            o.name,
            effort=o.effort,
            impact=o.impact,
            description=o.description,
            id=o.id,
        )
    if doc.painpoint_settings is not None:
        journey.set_painpoint_settings(_settings(doc.painpoint_settings))
    return journey


def _settings(model: PainPointSettingsModel) -> PainPointSettings:
    rules = DEFAULT_RULES
    if model.rules is not None:
        rules = tuple(Rule(**r.model_dump()) for r in model.rules)
    return PainPointSettings(
        rules, model.value_per_customer, model.currency, model.period, model.goal
    )


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
    return PainPointSettingsModel(
        rules=rules,
        value_per_customer=None
        if settings.value_per_customer is None
        else float(settings.value_per_customer),
        currency=settings.currency,
        period=settings.period,
        goal=settings.goal,
    )


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
        personas=[
            PersonaModel(id=p.id, name=p.name, description=p.description)
            for p in journey.personas()
        ],
        stages=[
            StageModel(id=s.id, name=s.name, description=s.description) for s in journey.stages()
        ],
        touchpoints=[
            TouchpointModel(
                id=t.id,
                name=t.name,
                stage=t.stage_id,
                channel=t.channel,
                description=t.description,
                owner=t.owner,
                tags=list(t.tags),
                position=None
                if t.position is None
                else PositionModel(x=round(t.position.x, 2), y=round(t.position.y, 2)),
            )
            for t in journey.touchpoints()
        ],
        emotions=[
            EmotionModel(
                id=e.id,
                touchpoint=e.touchpoint_id,
                valence=e.valence,
                label=e.label,
                persona=e.persona_id,
            )
            for e in journey.emotions()
        ],
        flows=[
            FlowModel(source=f.source, target=f.target, count=f.count, label=f.label)
            for f in journey.flows()
        ],
        snapshots=[_snapshot_model(s, place) for s in journey.metric_snapshots()],
        pain_points=[
            PainPointModel(
                id=p.id,
                touchpoint=p.touchpoint_id,
                severity=p.severity,
                description=p.description,
                strategy=p.strategy,
            )
            for p in journey.pain_points()
        ],
        opportunities=[
            OpportunityModel(
                id=o.id,
                touchpoint=o.touchpoint_id,
                pain_point=o.pain_point,
                name=o.name,
                effort=o.effort,
                impact=o.impact,
                description=o.description,
            )
            for o in journey.opportunities()
        ],
        painpoint_settings=_settings_model(journey.painpoint_settings()),
    )
