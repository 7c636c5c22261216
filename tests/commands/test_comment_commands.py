"""Comment commands: one undo step each, named by the element, undo and redo exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    AddComment,
    EditComment,
    RemoveComment,
    RemoveItems,
    ReopenComment,
    ResolveComment,
)
from cjo_desktop.commands.comments import describe_target
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.comments import MAP_TARGET, flow_target

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]
WHEN = "2026-12-07T23:50:15Z"


def add(journey: Journey, stack: QUndoStack, target: str = "cart") -> str:
    command = AddComment(journey, target, "Ana", "  Why two steps?  ", created=WHEN)
    stack.push(command)
    return command.comment.id


def test_add_comment(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddComment(journey, "cart", " Ana ", "Why two steps?", created=WHEN)
    assert command.text() == 'Comment on touchpoint "Cart"'

    def check(j: Journey) -> None:
        (c,) = j.comments()
        assert (c.target, c.author, c.text, c.created, c.resolved) == (
            "cart",
            "Ana",
            "Why two steps?",
            WHEN,
            False,
        )
        assert c.id == command.comment.id  # redo gives the same comment

    roundtrip(journey, command, check)


@pytest.mark.parametrize(
    ("target", "text"),
    [
        (MAP_TARGET, "Comment on the map"),
        ("browse", 'Comment on stage "Browse"'),
        ("e-cart", 'Comment on feeling of "Cart"'),
        (flow_target("cart", "checkout"), 'Comment on flow from "Cart" to "Checkout"'),
        (flow_target("cart", None), 'Comment on drop-off at "Cart"'),
    ],
)
def test_history_names_the_element(journey: Journey, target: str, text: str) -> None:
    assert AddComment(journey, target, "Ana", "x").text() == text


def test_resolve_reopen_edit_remove(
    journey: Journey, stack: QUndoStack, roundtrip: RoundTrip
) -> None:
    cid = add(journey, stack)
    resolve = ResolveComment(journey, cid)
    assert resolve.text() == 'Resolve comment on touchpoint "Cart"'
    roundtrip(journey, resolve, lambda j: j.comment(cid).resolved or pytest.fail("open"))
    stack.push(ResolveComment(journey, cid))
    reopen = ReopenComment(journey, cid)
    assert reopen.text() == 'Reopen comment on touchpoint "Cart"'
    roundtrip(journey, reopen, lambda j: not j.comment(cid).resolved or pytest.fail("closed"))
    edit = EditComment(journey, cid, "Merge the two steps")
    assert edit.text() == 'Edit comment on touchpoint "Cart"'
    roundtrip(journey, edit, lambda j: j.comment(cid).text == "Merge the two steps" or 1 / 0)
    remove = RemoveComment(journey, cid)
    assert remove.text() == 'Delete comment "Why two steps?" on touchpoint "Cart"'
    roundtrip(journey, remove, lambda j: j.comments() == [] or 1 / 0)


def test_nothing_to_change_is_no_step(journey: Journey, stack: QUndoStack) -> None:
    cid = add(journey, stack)
    stack.push(ReopenComment(journey, cid))  # open already
    stack.push(EditComment(journey, cid, "Why two steps?"))  # same words
    assert stack.count() == 1


def test_refused_before_the_stack(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="no element"):
        AddComment(journey, "nowhere", "Ana", "x")
    with pytest.raises(JourneyError, match="empty"):
        AddComment(journey, "cart", "Ana", "   ")
    with pytest.raises(JourneyError, match="no comment"):
        ResolveComment(journey, "cm-none")


def test_removing_a_commented_card_keeps_its_comment(journey: Journey, stack: QUndoStack) -> None:
    cid = add(journey, stack)
    stack.push(RemoveItems(journey, ["cart"]))
    assert [c.id for c in journey.comments()] == [cid]
    assert describe_target(journey, "cart") == "a removed element"
    stack.push(EditComment(journey, cid, "Moot now"))
    assert stack.command(stack.count() - 1).text() == "Edit comment on a removed element"
    stack.undo()
    stack.undo()  # the card is back, its comment on it again
    assert journey.target_kind(journey.comment(cid).target) == "touchpoint"
