"""Comments on the map and its elements: add, edit, resolve, reopen and remove, one undo step
each, named in the history by the element the comment is on."""

from __future__ import annotations

from cjo_desktop.commands._base import Composite, JourneyCommand, describe, flow_text, quote
from cjo_desktop.domain import Journey
from cjo_desktop.domain.comments import MAP_TARGET, Comment, flow_of, now

#: How a comment whose element was removed names it.
REMOVED = "a removed element"


def describe_target(journey: Journey, target: str) -> str:
    """The element a comment is on, in words: ``touchpoint "Checkout"``, ``the map``."""
    kind = journey.target_kind(target)
    if kind is None:
        return REMOVED
    if kind == "map":
        return "the map"
    flow = flow_of(target)
    if flow is not None:
        return flow_text(journey, *flow, "flow from {source} to {target}", "drop-off at {source}")
    if kind in ("emotion", "pain point", "free card"):
        return describe(journey, target)  # "feeling of ...", "pain point at ...", "card ..."
    return f"{kind} {describe(journey, target)}"


def _excerpt(text: str) -> str:
    return quote(" ".join(text.split()))


class AddComment(JourneyCommand):
    """Comment on an element that exists (``target``: see :mod:`cjo_desktop.domain.comments`);
    the id and the time are fixed when the command is built, so redo gives the same comment."""

    def __init__(
        self,
        journey: Journey,
        target: str,
        author: str,
        text: str,
        *,
        created: str | None = None,
        comment_id: str | None = None,
        parent: Composite | None = None,
    ) -> None:
        comment = Comment(
            comment_id or journey.new_comment_id(),
            target,
            author.strip(),
            text.strip(),
            created or now(),
        )
        journey.check_new_comment(comment)
        super().__init__(journey, f"Comment on {describe_target(journey, target)}", parent)
        self.comment = comment

    def redo(self) -> None:
        self.journey.add_comment(self.comment)

    def undo(self) -> None:
        self.journey.remove_comment(self.comment.id)


class _SetComment(JourneyCommand):
    """Sets fields of one comment; obsolete when nothing changes."""

    def __init__(
        self,
        journey: Journey,
        comment_id: str,
        verb: str,
        parent: Composite | None,
        **changes: object,
    ) -> None:
        old = journey.comment(comment_id)
        new = journey.check_update_comment(comment_id, **changes)
        where = describe_target(journey, old.target)
        super().__init__(journey, f"{verb} comment on {where}", parent)
        self.old, self.new = old, new
        self.setObsolete(old == new)

    def redo(self) -> None:
        self.journey.update_comment(self.new.id, text=self.new.text, resolved=self.new.resolved)

    def undo(self) -> None:
        self.journey.update_comment(self.old.id, text=self.old.text, resolved=self.old.resolved)


class EditComment(_SetComment):
    """Change what a comment says (its author and time stay)."""

    def __init__(
        self, journey: Journey, comment_id: str, text: str, parent: Composite | None = None
    ) -> None:
        super().__init__(journey, comment_id, "Edit", parent, text=text.strip())


class ResolveComment(_SetComment):
    """Mark a comment's point as settled: its badge goes, the comment stays."""

    def __init__(self, journey: Journey, comment_id: str, parent: Composite | None = None) -> None:
        super().__init__(journey, comment_id, "Resolve", parent, resolved=True)


class ReopenComment(_SetComment):
    """Open a resolved comment again."""

    def __init__(self, journey: Journey, comment_id: str, parent: Composite | None = None) -> None:
        super().__init__(journey, comment_id, "Reopen", parent, resolved=False)


class RemoveComment(JourneyCommand):
    """Delete a comment; undo puts it back where it was in the order."""

    def __init__(self, journey: Journey, comment_id: str, parent: Composite | None = None) -> None:
        comment = journey.comment(comment_id)
        where = describe_target(journey, comment.target)
        super().__init__(journey, f"Delete comment {_excerpt(comment.text)} on {where}", parent)
        self.comment = comment
        self._index = journey.comment_index(comment_id)

    def redo(self) -> None:
        self.comment, self._index = self.journey.remove_comment(self.comment.id)

    def undo(self) -> None:
        self.journey.add_comment(self.comment, self._index)


__all__ = [
    "MAP_TARGET",
    "REMOVED",
    "AddComment",
    "EditComment",
    "RemoveComment",
    "ReopenComment",
    "ResolveComment",
    "describe_target",
]
