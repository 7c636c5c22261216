"""The undo state machine's history rules: undo, redo and jumps anywhere in the history.

A mixin of :class:`UndoMachine` (test_undo_property.py), which provides ``stack``; Hypothesis
collects rules from every base class.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import rule


class HistoryRules:
    stack: Any

    @rule()
    def undo(self) -> None:
        if self.stack.canUndo():
            self.stack.undo()

    @rule()
    def redo(self) -> None:
        if self.stack.canRedo():
            self.stack.redo()

    @rule(data=st.data())
    def jump(self, data: st.DataObject) -> None:
        self.stack.setIndex(data.draw(st.integers(0, self.stack.count())))
