"""The native map file (``*.cjo.json``) as versioned pydantic models.

These models describe the file, not the domain: they change only with ``SCHEMA_VERSION`` (and a
migration in :mod:`cjo_desktop.io.migrate`), while the domain may change freely.
:func:`json_schema` is what ``cjo schema`` prints.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 2
SCHEMA_ID = "https://cjo-desktop.org/schema/map-v2.json"
FILE_SUFFIX = ".cjo.json"

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$",
        description="A stable identifier: letters, digits, '_', '.', ':' or '-', 1 to 64 long.",
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=500, pattern=r"\S")]
Text = Annotated[str, Field(max_length=20_000)]


class FileModel(BaseModel):
    """Every file model rejects unknown fields, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class PositionModel(FileModel):
    x: float = Field(description="Horizontal position in scene units.", allow_inf_nan=False)
    y: float = Field(description="Vertical position in scene units.", allow_inf_nan=False)


class PersonaModel(FileModel):
    id: Id
    name: Name = Field(description="Who this is, e.g. 'First-time buyer'.")
    description: Text = Field("", description="Goals, context and needs of the persona.")


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
    tags: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, description="Free keywords for filtering and search."
    )
    position: PositionModel | None = Field(
        None, description="Where the user placed the card by hand; absent means automatic layout."
    )


class EmotionModel(FileModel):
    id: Id
    touchpoint: Id = Field(description="Id of the touchpoint where the customer feels this.")
    valence: int = Field(
        ge=-2, le=2, description="How it feels: -2 frustrated, -1, 0 neutral, +1, +2 delighted."
    )
    label: Text = Field("", description="The feeling in words; empty uses the valence's word.")
    persona: Id | None = Field(None, description="Id of the persona who feels it; absent: all.")


class FlowModel(FileModel):
    source: Id = Field(description="Id of the touchpoint customers come from.")
    target: Id | None = Field(
        description="Id of the touchpoint they go to; null is a drop-off (they leave the journey)."
    )
    count: int | None = Field(None, ge=0, description="How many customers took this flow.")
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
    metric: Annotated[str, Field(min_length=1, max_length=200)] = Field(
        description="Metric name: nps, csat_top2, csat_mean, ces_mean, visitors, conversion, "
        "dropoff, or a column name of the imported data."
    )
    value: float | None = Field(description="The value; null where it is not defined.")
    n: int | None = Field(None, ge=0, description="How many responses or rows stand behind it.")
    ci_low: float | None = Field(None, description="Lower end of the 95% interval.")
    ci_high: float | None = Field(None, description="Upper end of the 95% interval.")
    detail: dict[str, float] = Field(
        default_factory=dict, description="Counts behind the value, e.g. promoters."
    )


class SummaryValueModel(FileModel):
    metric: Annotated[str, Field(min_length=1, max_length=200)] = Field(
        description="Journey-wide metric name, e.g. csat_mean_weighted."
    )
    value: float | None = Field(description="The value; null where it is not defined.")
    n: int | None = Field(None, ge=0, description="How many responses stand behind it.")
    ci_low: float | None = Field(None, description="Lower end of the 95% interval.")
    ci_high: float | None = Field(None, description="Upper end of the 95% interval.")
    detail: dict[str, float] = Field(default_factory=dict, description="Numbers behind it.")


class SnapshotModel(FileModel):
    label: Name = Field(description="The snapshot's label, e.g. 'baseline 2025-Q1'.")
    provenance: ProvenanceModel = Field(description="Where the numbers came from.")
    values: list[MetricValueModel] = Field(
        default_factory=list, description="Values by touchpoint, in journey order."
    )
    summary: list[SummaryValueModel] = Field(
        default_factory=list, description="Journey-wide values."
    )


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
    stages: list[StageModel] = Field(
        default_factory=list, description="The journey's stages, left to right."
    )
    touchpoints: list[TouchpointModel] = Field(
        default_factory=list,
        description="Touchpoints, stage by stage; within a stage, in display order.",
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


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the native file."""
    return MapFile.model_json_schema(mode="validation")
