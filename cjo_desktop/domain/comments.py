"""Comments: what a team says about an element of the map, kept with the map, not drawn on it.

A comment points at its element by a *target*, one string: ``""`` is the map itself, an item
id is that stage, touchpoint, feeling, pain point or opportunity, and ``"SOURCE>TARGET"``
(``"SOURCE>"`` for a drop-off) is a flow. ``>`` cannot occur in an id, so the three never
clash. When its element is removed a comment stays on the map as *orphaned* (its target names
nothing): nothing a reviewer wrote is lost by a deletion, and undoing the deletion brings the
element back with its comments on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.limits import MAX_NAME, MAX_TEXT

#: The target of a comment on the map as a whole.
MAP_TARGET = ""
#: Separates a flow's source and target in a comment's target.
FLOW_MARK = ">"
#: Id prefix of comments.
ID_PREFIX = "cm"


@dataclass(frozen=True, slots=True)
class Comment:
    """One remark on one element; ``created`` is UTC in ISO 8601 (``2026-12-07T23:50:15Z``)."""

    id: str
    target: str
    author: str
    text: str
    created: str
    resolved: bool = False


def flow_target(source: str, target: str | None) -> str:
    """The comment target of a flow (``target=None``: the drop-off at ``source``)."""
    return f"{source}{FLOW_MARK}{target or ''}"


def flow_of(target: str) -> tuple[str, str | None] | None:
    """The flow key a target names, or None when it names no flow."""
    if FLOW_MARK not in target:
        return None
    source, _, to = target.partition(FLOW_MARK)
    return source, (to or None)


def now() -> str:
    """This moment as a comment's ``created`` holds it: UTC, whole seconds."""
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_target(value: object) -> str:
    """A well-formed target (whether its element exists is the journey's question)."""
    if not isinstance(value, str):
        raise JourneyError(f"a comment's target must be text, not {type(value).__name__}")
    if value == MAP_TARGET:
        return value
    flow = flow_of(value)
    if flow is None:
        return check.identifier(value)
    check.identifier(flow[0])
    if flow[1] is not None:
        check.identifier(flow[1])
    return value


def check_created(value: object) -> str:
    if not isinstance(value, str):
        raise JourneyError(f"a comment's time must be text, not {type(value).__name__}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise JourneyError(
            f"a comment's time {check.excerpt(value)} is not a date and time (ISO 8601)"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() != UTC.utcoffset(None):
        raise JourneyError(f"a comment's time {check.excerpt(value)} must be in UTC (end in Z)")
    return value


def check_comment(comment: object) -> Comment:
    """Every field of ``comment`` is one a map can hold; the comment itself back."""
    if not isinstance(comment, Comment):
        raise JourneyError(f"a comment must be a Comment, not {type(comment).__name__}")
    check.identifier(comment.id)
    check_target(comment.target)
    check.name(comment.author, "a comment's author")
    check.text(comment.author, "a comment's author", MAX_NAME)
    if not check.text(comment.text, "a comment's text", MAX_TEXT).strip():
        raise JourneyError("a comment's text cannot be empty")
    check_created(comment.created)
    if not isinstance(comment.resolved, bool):
        raise JourneyError("a comment's resolved flag must be true or false")
    return comment
