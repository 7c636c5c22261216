"""The comments of a journey: a mixin of :class:`~cjo_desktop.domain.journey.Journey`.

Comments are not nodes of the graph: they sit beside it in the order they were written, and
point at their element by target (see :mod:`cjo_desktop.domain.comments`). Each edit emits one
:class:`Change` of kind ``"comment"`` like every other edit.
"""

from __future__ import annotations

import dataclasses
import secrets
from typing import TYPE_CHECKING, Any

import networkx as nx

from cjo_desktop.domain import validate as check
from cjo_desktop.domain.comments import (
    ID_PREFIX,
    MAP_TARGET,
    Comment,
    check_comment,
    flow_of,
)
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.domain.events import Change, Signal

if TYPE_CHECKING:
    from cjo_desktop.domain.model import Kind

#: The fields of a comment an edit may change: who wrote it and when stay as they were.
EDITABLE = ("text", "resolved")


class CommentsMixin:
    """Adding, editing, resolving and removing comments; asking what a target names."""

    _graph: nx.DiGraph
    _comments: dict[str, Comment]
    changed: Signal[Change]

    if TYPE_CHECKING:

        def has_flow(self, source: str, target: str | None) -> bool: ...
        def kind_of(self, item_id: str) -> Kind: ...

    # ------------------------------------------------------------------ reading
    def comments(self, target: str | None = None) -> list[Comment]:
        """Comments in the order they were written; with ``target``, only those on it."""
        if target is None:
            return list(self._comments.values())
        return [c for c in self._comments.values() if c.target == target]

    def comment(self, comment_id: str) -> Comment:
        try:
            return self._comments[comment_id]
        except KeyError:
            raise JourneyError(f"no comment with id {comment_id!r}") from None

    def comment_index(self, comment_id: str) -> int:
        self.comment(comment_id)
        return list(self._comments).index(comment_id)

    def open_comments_by_target(self) -> dict[str, int]:
        """How many open comments each target has (the badge on its element)."""
        out: dict[str, int] = {}
        for c in self._comments.values():
            if not c.resolved:
                out[c.target] = out.get(c.target, 0) + 1
        return out

    def comment_counts(self) -> dict[str, int]:
        """``{"open": .., "resolved": ..}`` over every comment, orphaned ones included."""
        resolved = sum(c.resolved for c in self._comments.values())
        return {"open": len(self._comments) - resolved, "resolved": resolved}

    def target_kind(self, target: str) -> str | None:
        """``"map"``, ``"flow"`` or the item's kind (``"touchpoint"``...) that ``target``
        names; None when its element is gone (an orphaned comment)."""
        if target == MAP_TARGET:
            return "map"
        flow = flow_of(target)
        if flow is not None:
            return "flow" if self.has_flow(*flow) else None
        return self.kind_of(target).value if target in self._graph else None

    def new_comment_id(self) -> str:
        while True:
            candidate = f"{ID_PREFIX}-{secrets.token_hex(3)}"
            if candidate not in self._comments and candidate not in self._graph:
                return candidate

    # -------------------------------------------------------------------- checks
    def check_new_comment(self, comment: Comment) -> Comment:
        """Raise JourneyError unless :meth:`add_comment` would take ``comment`` on an element
        that exists now (the editor never comments on what is gone)."""
        self._check_addable(comment)
        if self.target_kind(comment.target) is None:
            raise JourneyError(f"there is no element {comment.target!r} to comment on")
        return comment

    def check_update_comment(self, comment_id: str, **changes: Any) -> Comment:
        old = self.comment(comment_id)
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise JourneyError(
                f"a comment's {', '.join(sorted(unknown))} cannot change; "
                f"only its {' and '.join(EDITABLE)}"
            )
        return check_comment(dataclasses.replace(old, **changes))

    # ------------------------------------------------------------------ editing
    def add_comment(self, comment: Comment, index: int | None = None) -> Comment:
        """Add a comment whole (undo, loading) at ``index`` in the order (the end: None). Its
        target must be well formed; loading keeps a comment whose element is gone."""
        self._check_addable(comment)
        index = check.insert_index(index, len(self._comments))
        if index == len(self._comments):
            self._comments[comment.id] = comment
        else:
            order = list(self._comments.items())
            order.insert(index, (comment.id, comment))
            self._comments = dict(order)
        self.changed.emit(Change("add", "comment", comment.id, None, comment, index))
        return comment

    def update_comment(self, comment_id: str, **changes: Any) -> Comment:
        """Change a comment's ``text`` or ``resolved`` flag."""
        new = self.check_update_comment(comment_id, **changes)
        old, self._comments[comment_id] = self._comments[comment_id], new
        self.changed.emit(Change("update", "comment", comment_id, old, new))
        return new

    def remove_comment(self, comment_id: str) -> tuple[Comment, int]:
        """Remove a comment; returns it and where it was, for undo."""
        index = self.comment_index(comment_id)
        comment = self._comments.pop(comment_id)
        self.changed.emit(Change("remove", "comment", comment_id, comment, None, index))
        return comment, index

    def _check_addable(self, comment: Comment) -> None:
        check_comment(comment)
        if comment.id in self._comments or comment.id in self._graph:
            raise JourneyError(f"id {comment.id!r} is already used")
