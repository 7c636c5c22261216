"""The undo state machine's comment rules: add (on any element, or a bogus one), edit,
resolve, reopen and delete.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``j``, ``pick`` and
``push``; Hypothesis collects rules from every base class.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from cjo_desktop.commands import (
    AddComment,
    EditComment,
    RemoveComment,
    ReopenComment,
    ResolveComment,
)
from cjo_desktop.domain.comments import MAP_TARGET, flow_target

words = st.text(max_size=12)


class CommentRules:
    journey: Any
    j: Any
    pick: Any
    push: Any

    def _targets(self) -> list[str]:
        j = self.j
        items = [s.id for s in j.stages()] + [t.id for t in j.touchpoints()]
        items += [e.id for e in j.emotions()] + [p.id for p in j.pain_points()]
        items += [o.id for o in j.opportunities()]
        items += [flow_target(*f.key) for f in j.flows()]
        return [MAP_TARGET, *items]

    @precondition(lambda self: self.journey is not None)
    @rule(data=st.data(), author=words, text=words)
    def add_comment(self, data: st.DataObject, author: str, text: str) -> None:
        target = self.pick(data, self._targets(), bogus="nowhere")
        created = "2026-12-07T23:50:15Z"
        self.push(lambda: AddComment(self.j, target, author, text, created=created))

    @precondition(lambda self: self.journey is not None and self.journey.comments())
    @rule(data=st.data(), text=words)
    def edit_comment(self, data: st.DataObject, text: str) -> None:
        cid = self.pick(data, [c.id for c in self.j.comments()])
        self.push(lambda: EditComment(self.j, cid, text))

    @precondition(lambda self: self.journey is not None and self.journey.comments())
    @rule(data=st.data(), resolve=st.booleans())
    def resolve_or_reopen(self, data: st.DataObject, resolve: bool) -> None:
        cid = self.pick(data, [c.id for c in self.j.comments()], bogus="cm-none")
        cls = ResolveComment if resolve else ReopenComment
        self.push(lambda: cls(self.j, cid))

    @precondition(lambda self: self.journey is not None and self.journey.comments())
    @rule(data=st.data())
    def remove_comment(self, data: st.DataObject) -> None:
        cid = self.pick(data, [c.id for c in self.j.comments()])
        self.push(lambda: RemoveComment(self.j, cid))
