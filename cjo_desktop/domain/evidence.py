"""Evidence: whether what a card, a feeling or a pain point says was observed, assumed or is
a proposal for the future, and where an observation comes from.

A map mixes what a team saw in research or data with what it believes; a client deserves to
know which is which. An item with no evidence (``None``) has simply not been stated: maps made
before evidence existed, and new items nobody has judged yet. It is counted and shown as "not
stated", never silently as observed, and never drawn as assumed, so an old map does not turn
into a page of dashed cards nobody chose to call guesses (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.fields import Codec
from cjo_desktop.domain.limits import MAX_NAME

Status = Literal["observed", "assumed", "proposed"]
SourceKind = Literal["snapshot", "file", "link", "note"]

#: The statuses, in the order menus, legends and tables show them.
STATUSES: Final[tuple[Status, ...]] = get_args(Status)
SOURCE_KINDS: Final[tuple[SourceKind, ...]] = get_args(SourceKind)
#: What coverage calls an item without evidence.
UNSTATED: Final = "not stated"
#: The key ``cjo info --json`` uses for it (the issue's word).
UNKNOWN_KEY: Final = "unknown"


@dataclass(frozen=True, slots=True)
class Evidence:
    """What backs an item. ``source_kind`` and ``source`` say where an observation comes
    from (a metric snapshot's label, a file name, a link, a note); both empty or both set."""

    status: Status
    source_kind: SourceKind | None = None
    source: str = ""

    @property
    def words(self) -> str:
        """The evidence in a few plain words: 'observed (snapshot: Q1 survey)'."""
        if self.source_kind is None:
            return self.status
        return f"{self.status} ({self.source_kind}: {self.source})"


def observed(kind: SourceKind, source: str) -> Evidence:
    return Evidence("observed", kind, source)


def evidence(value: object) -> Evidence | None:
    """The field check: None or a well-formed Evidence."""
    if value is None:
        return None
    if not isinstance(value, Evidence):
        raise JourneyError(f"evidence must be an Evidence or None, not {check.excerpt(value)}")
    if value.status not in STATUSES:
        raise JourneyError(
            f"evidence status must be one of {', '.join(STATUSES)}, not {value.status!r}"
        )
    if value.source_kind is not None and value.source_kind not in SOURCE_KINDS:
        raise JourneyError(
            f"an evidence source must be one of {', '.join(SOURCE_KINDS)}, "
            f"not {value.source_kind!r}"
        )
    source = check.text(value.source, "an evidence source", MAX_NAME)
    if (value.source_kind is None) != (not source.strip()):
        raise JourneyError("an evidence source needs both its kind and its text")
    return value


def status_of(value: Evidence | None) -> str:
    """The status, or 'not stated'."""
    return UNSTATED if value is None else value.status


def _write(value: Any) -> Any:
    if not isinstance(value, Evidence):
        return value
    out: dict[str, Any] = {"status": value.status}
    if value.source_kind is not None:
        out["source"] = {"kind": value.source_kind, "text": value.source}
    return out


def _read(data: Any, where: str) -> Evidence | None:
    if data is None:
        return None
    if not isinstance(data, dict) or "status" not in data:
        raise JourneyError(f"{where} must be null or an object with a status")
    source = data.get("source")
    if source is None:
        return Evidence(data["status"])
    if not isinstance(source, dict) or set(source) != {"kind", "text"}:
        raise JourneyError(f"{where}.source must be an object with kind and text")
    return Evidence(data["status"], source["kind"], source["text"])


#: Evidence as JSON: ``{"status": .., "source": {"kind": .., "text": ..}}`` or null.
EVIDENCE = Codec(_write, _read)
