"""The native map file (``*.cjo.json``) as versioned pydantic models.

These models describe the file, not the domain: they change only with ``SCHEMA_VERSION`` (and a
migration in :mod:`cjo_desktop.io.migrate`), while the domain may change freely.
:func:`json_schema` is what ``cjo schema`` prints.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cjo_desktop.domain.lanes import AUTOMATIC, LANE_KINDS, MAX_PICTURE
from cjo_desktop.domain.limits import (
    MAX_COORDINATE,
    MAX_COUNT,
    MAX_METRIC_NAME,
    MAX_MONEY,
    MAX_NAME,
    MAX_TAG,
    MAX_TEXT,
    MAX_VALUE,
)
from cjo_desktop.io.file_format import SCHEMA_ID, SCHEMA_VERSION

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$",
        description="A stable identifier: letters, digits, '_', '.', ':' or '-', 1 to 64 long.",
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME, pattern=r"\S")]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
MetricName = Annotated[str, Field(min_length=1, max_length=MAX_METRIC_NAME)]
#: Numbers are finite (the models refuse NaN and infinities) and bounded, so every sum and
#: product the program forms from them stays a finite float (see domain/limits.py).
Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Number = Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE)]
Word = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
Severity = Literal["high", "medium", "low"]


class FileModel(BaseModel):
    """Every file model rejects unknown fields, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class PositionModel(FileModel):
    x: Coordinate = Field(description="Horizontal position in scene units.")
    y: Coordinate = Field(description="Vertical position in scene units.")


class EvidenceSourceModel(FileModel):
    kind: Literal["snapshot", "file", "link", "note"] = Field(
        description="Where the observation comes from: a metric snapshot, a file, a link or a note."
    )
    text: Name = Field(
        description="The snapshot's label, the file's name, the address, or the note itself.",
    )


class EvidenceModel(FileModel):
    status: Literal["observed", "assumed", "proposed"] = Field(
        description="Observed (seen in research or data), assumed (believed, not checked) or "
        "proposed (a future state)."
    )
    source: EvidenceSourceModel | None = Field(None, description="Where an observation comes from.")


#: Absent on items whose evidence nobody has stated (every map made before evidence existed).
EVIDENCE_FIELD = Field(
    None, description="What backs this item; absent: not stated (shown apart from assumed)."
)


class PersonaModel(FileModel):
    id: Id
    name: Name = Field(description="Who this is, e.g. 'First-time buyer'.")
    description: Text = Field("", description="Goals, context and needs of the persona.")
    picture: Annotated[str, Field(max_length=(MAX_PICTURE * 4) // 3 + 4)] = Field(
        "",
        description=f"A PNG or JPEG picture of the persona as base64, at most {MAX_PICTURE:,} "
        "bytes; empty: none.",
    )


class LaneModel(FileModel):
    id: Id
    name: Name = Field(description="The lane's title, shown at its left.")
    kind: Literal[LANE_KINDS] = Field(  # type: ignore[valid-type]
        description="What the lane shows. Filled by the program: "
        + ", ".join(sorted(AUTOMATIC))
        + " (at most one lane of each; a map always has its touchpoints lane). Holding free "
        "cards: " + ", ".join(k for k in LANE_KINDS if k not in AUTOMATIC) + "."
    )
    hidden: bool = Field(False, description="Left out of the map and its exports.")
    collapsed: bool = Field(False, description="Drawn as a thin strip with its title only.")


class FreeCardModel(FileModel):
    id: Id
    stage: Id = Field(description="Id of the stage (column) the card sits in.")
    lane: Id = Field(description="Id of the lane (row) the card sits in; one holding free cards.")
    text: Name = Field(description="What the card says.")
    colour: Annotated[str, Field(pattern=r"^(#[0-9a-fA-F]{6})?$")] = Field(
        "", description="The card's colour as #rrggbb; empty: the lane's."
    )
    link: Text = Field("", description="An address the card points to, e.g. a document.")
    owner: Text = Field("", description="The team or person responsible.")
    supports: list[Id] = Field(
        default_factory=list,
        description="Ids of the touchpoints this card supports, drawn as links to them.",
    )
    evidence: EvidenceModel | None = EVIDENCE_FIELD


class StageModel(FileModel):
    id: Id
    name: Name = Field(description="The stage's name, shown as a column header.")
    description: Text = Field("", description="What happens in this stage.")


class TouchpointModel(FileModel):
    id: Id
    name: Name = Field(description="The touchpoint's name, shown on its card.")
    stage: Id = Field(description="Id of the stage the touchpoint belongs to.")
    channel: Text = Field("", description="Channel, e.g. web, mobile app, email, store, phone.")
    description: Text = Field("", description="What the customer does or meets here.")
    owner: Text = Field("", description="The team or person responsible for this touchpoint.")
    tags: list[Annotated[str, Field(max_length=MAX_TAG)]] = Field(
        default_factory=list, description="Free keywords for filtering and search."
    )
    position: PositionModel | None = Field(
        None, description="Where the user placed the card by hand; absent means automatic layout."
    )
    expected_dropoff: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None,
        description="The share (0 to 1) of people expected to leave the journey here, e.g. 0.9 "
        "for an ad most people scroll past; a drop-off is a pain point only beyond it. Absent: "
        "compared with the typical drop-off of the touchpoint's stage.",
    )
    evidence: EvidenceModel | None = EVIDENCE_FIELD
    personas: list[Id] = Field(
        default_factory=list,
        description="Ids of the personas who use this touchpoint; empty: everyone does.",
    )


class EmotionModel(FileModel):
    id: Id
    touchpoint: Id = Field(description="Id of the touchpoint where the customer feels this.")
    valence: int = Field(
        ge=-2, le=2, description="How it feels: -2 frustrated, -1, 0 neutral, +1, +2 delighted."
    )
    label: Text = Field("", description="The feeling in words; empty uses the valence's word.")
    persona: Id | None = Field(None, description="Id of the persona who feels it; absent: all.")
    evidence: EvidenceModel | None = EVIDENCE_FIELD


class FlowModel(FileModel):
    source: Id = Field(description="Id of the touchpoint customers come from.")
    target: Id | None = Field(
        description="Id of the touchpoint they go to; null is a drop-off (they leave the journey)."
    )
    count: Count | None = Field(None, description="How many customers took this flow.")
    label: Text = Field("", description="A short note shown on the arrow.")


class ProvenanceModel(FileModel):
    source: Text = Field(description="Name of the file the numbers were read from.")
    sha256: str = Field(
        "", pattern=r"^([0-9a-f]{64})?$", description="SHA-256 of that file's bytes."
    )
    sheet: Text = Field("", description="The worksheet, for workbooks.")
    imported_at: Text = Field("", description="When the import ran (ISO 8601, UTC).")
    method: Text = Field("", description="How rows became numbers, in words.")
    segment: Text = Field("", description="The row filter applied; empty means all rows.")
    period: Text = Field("", description="First and last date in the rows used.")


class MetricValueModel(FileModel):
    touchpoint: Id = Field(description="Id of the touchpoint the value belongs to.")
    metric: MetricName = Field(
        description="Metric name: nps, csat_top2, csat_mean, ces_mean, visitors, conversion, "
        "dropoff, or a column name of the imported data."
    )
    value: Number | None = Field(description="The value; null where it is not defined.")
    n: Count | None = Field(None, description="How many responses or rows stand behind it.")
    ci_low: Number | None = Field(None, description="Lower end of the 95% interval.")
    ci_high: Number | None = Field(None, description="Upper end of the 95% interval.")
    detail: dict[MetricName, Number] = Field(
        default_factory=dict, description="Counts behind the value, e.g. promoters."
    )


class SummaryValueModel(FileModel):
    metric: MetricName = Field(description="Journey-wide metric name, e.g. csat_mean_weighted.")
    value: Number | None = Field(description="The value; null where it is not defined.")
    n: Count | None = Field(None, description="How many responses stand behind it.")
    ci_low: Number | None = Field(None, description="Lower end of the 95% interval.")
    ci_high: Number | None = Field(None, description="Upper end of the 95% interval.")
    detail: dict[MetricName, Number] = Field(default_factory=dict, description="Numbers behind it.")


class SnapshotModel(FileModel):
    label: Name = Field(description="The snapshot's label, e.g. 'baseline 2025-Q1'.")
    provenance: ProvenanceModel = Field(description="Where the numbers came from.")
    values: list[MetricValueModel] = Field(
        default_factory=list, description="Values by touchpoint, in journey order."
    )
    summary: list[SummaryValueModel] = Field(
        default_factory=list, description="Journey-wide values."
    )


class PainPointModel(FileModel):
    id: Id
    touchpoint: Id = Field(description="Id of the touchpoint where the friction is.")
    severity: Severity = Field(description="How much it hurts the business: high, medium, low.")
    description: Name = Field(description="The friction in the customer's words.")
    strategy: Text = Field("", description="The optimization strategy the team agreed on.")
    evidence: EvidenceModel | None = EVIDENCE_FIELD


class OpportunityModel(FileModel):
    id: Id
    touchpoint: Id = Field(description="Id of the touchpoint it improves.")
    pain_point: Name = Field(
        description="The pain point it answers: a manual pain point's id or a rule's name."
    )
    name: Name = Field(description="The proposed fix, in a few words.")
    effort: Literal["S", "M", "L"] = Field("M", description="Effort to build it: S, M or L.")
    impact: int = Field(
        50, ge=0, le=100, description="Share (%) of the pain point's loss it should win back."
    )
    description: Text = Field("", description="Details of the idea.")


class RuleModel(FileModel):
    name: Word = Field(description="The rule's name, shown as the source of what it finds.")
    metric: Word = Field(
        description="A metric name (nps, csat_top2, ces_mean, dropoff...), 'valence' or "
        "'valence_dip' (how far the feeling fell from the previous touchpoint)."
    )
    op: Literal["<", "<=", ">", ">="] = Field(description="How the value meets the threshold.")
    threshold: Number = Field(description="The value the metric is compared with.")
    severity: Severity = Field(description="Severity of what the rule finds.")
    min_n: int = Field(
        30, ge=0, le=1_000_000_000, description="Fewest responses before the rule may fire."
    )
    enabled: bool = Field(True, description="Whether the rule is applied.")
    description: Annotated[str, Field(max_length=MAX_NAME)] = Field(
        "", description="The rule in words."
    )


class PainPointSettingsModel(FileModel):
    rules: list[RuleModel] | None = Field(
        None, description="The map's pain-point rules; absent means the program's defaults."
    )
    value_per_customer: float | None = Field(
        None,
        ge=0,
        le=MAX_MONEY,
        description="What one customer is worth: average order value, CLTV...",
    )
    currency: Annotated[str, Field(max_length=8)] = Field("€", description="Currency shown.")
    period: Annotated[str, Field(min_length=1, max_length=40, pattern=r"\S")] = Field(
        "month", description="The period the counts cover, e.g. month."
    )
    goal: Id | None = Field(
        None, description="Id of the touchpoint where a visitor becomes a customer."
    )
    judged_on: Name | None = Field(
        None,
        description="Label of the snapshot pain points are judged on; absent: every snapshot "
        "merged, the latest value winning.",
    )


class CommentModel(FileModel):
    id: Id
    target: Annotated[
        str,
        Field(
            pattern=r"^([A-Za-z0-9][A-Za-z0-9_.:-]{0,63}(>([A-Za-z0-9][A-Za-z0-9_.:-]{0,63})?)?)?$"
        ),
    ] = Field(
        description="What the comment is on: empty for the map, an item's id (stage, "
        "touchpoint, feeling, pain point, opportunity), or 'SOURCE>TARGET' for a flow "
        "('SOURCE>' for a drop-off). A comment whose element was removed keeps its target."
    )
    author: Name = Field(description="Who wrote it.")
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S")] = Field(
        description="The comment."
    )
    created: Annotated[str, Field(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")] = Field(
        description="When it was written, in UTC (ISO 8601), e.g. 2026-12-07T23:50:15Z."
    )
    resolved: bool = Field(False, description="Whether the point it raises is settled.")


class MapFile(FileModel):
    """A customer journey map."""

    model_config = ConfigDict(
        title="cjo-desktop journey map",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID,
        },
    )

    schema_version: int = Field(
        ge=1,
        le=SCHEMA_VERSION,
        description="Version of this file format; the program refuses files newer than it knows.",
    )
    title: Name = Field(description="The map's title.")
    description: Text = Field("", description="What journey this is, for whom, and when.")
    personas: list[PersonaModel] = Field(default_factory=list, description="Whose journey it is.")
    lanes: list[LaneModel] | None = Field(
        None,
        description="The map's rows, top to bottom; absent: the standard four (touchpoints, "
        "emotion, pain points, opportunities).",
    )
    stages: list[StageModel] = Field(
        default_factory=list, description="The journey's stages, left to right."
    )
    touchpoints: list[TouchpointModel] = Field(
        default_factory=list,
        description="Touchpoints, stage by stage; within a stage, in display order.",
    )
    free_cards: list[FreeCardModel] = Field(
        default_factory=list,
        description="Cards typed into stage-by-lane cells; a cell shows its cards in this order.",
    )
    emotions: list[EmotionModel] = Field(
        default_factory=list, description="How customers feel at touchpoints."
    )
    flows: list[FlowModel] = Field(
        default_factory=list, description="How customers move between touchpoints."
    )
    snapshots: list[SnapshotModel] = Field(
        default_factory=list, description="Imported metrics, one labelled snapshot per import."
    )
    pain_points: list[PainPointModel] = Field(
        default_factory=list, description="Pain points the team flagged by hand."
    )
    opportunities: list[OpportunityModel] = Field(
        default_factory=list, description="Proposed fixes, each for one pain point."
    )
    painpoint_settings: PainPointSettingsModel | None = Field(
        None, description="Rules and value per customer; absent means the defaults."
    )
    comments: list[CommentModel] = Field(
        default_factory=list,
        description="What reviewers said about the map and its elements, oldest first; kept "
        "in the file, left out of pictures and reports unless asked.",
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the native file."""
    return MapFile.model_json_schema(mode="validation")
