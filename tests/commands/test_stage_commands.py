"""Stages: add, remove (with everything in them) and move; undo gives back the exact map."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import AddStage, MoveStage, RemoveStage
from cjo_desktop.domain import Journey, JourneyError

RoundTrip = Callable[[Journey, QUndoCommand, Callable[[Journey], None]], None]


def stage_ids(j: Journey) -> list[str]:
    return [s.id for s in j.stages()]


def test_add_stage_at_an_index_with_a_fixed_id(journey: Journey, roundtrip: RoundTrip) -> None:
    command = AddStage(journey, "Retention", index=1, description="after")
    assert command.text() == 'Add stage "Retention"'
    new = command.stage_id
    assert new.startswith("st-") and new not in journey

    def check(j: Journey) -> None:
        assert stage_ids(j) == ["browse", new, "buy"]
        assert j.stage(new).description == "after"

    roundtrip(journey, command, check)


def test_add_stage_at_the_end_with_a_given_id(journey: Journey, roundtrip: RoundTrip) -> None:
    roundtrip(
        journey,
        AddStage(journey, "Advocacy", stage_id="adv"),
        lambda j: assert_equal(stage_ids(j), ["browse", "buy", "adv"]),
    )


def assert_equal(a: object, b: object) -> None:
    assert a == b


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("",), {}),
        (("  ",), {}),
        ((3,), {}),
        (("Ok",), {"index": 5}),
        (("Ok",), {"index": -1}),
        (("Ok",), {"stage_id": "buy"}),
        (("Ok",), {"stage_id": ""}),
        (("Ok",), {"description": None}),
    ],
)
def test_add_stage_refuses_bad_input_before_the_push(
    journey: Journey, stack: QUndoStack, args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    before = journey.copy()
    with pytest.raises(JourneyError):
        AddStage(journey, *args, **kwargs)  # type: ignore[arg-type]
    assert journey == before and stack.count() == 0


def test_remove_full_stage_restores_cards_flows_dropoffs_emotions_and_order(
    journey: Journey, roundtrip: RoundTrip
) -> None:
    command = RemoveStage(journey, "buy")
    assert command.text() == 'Remove stage "Buy"'
    # cart and checkout, each through RemoveTouchpoint
    assert [type(c).__name__ for c in command.children()] == ["RemoveTouchpoint"] * 2

    def check(j: Journey) -> None:
        assert stage_ids(j) == ["browse"]
        assert [t.id for t in j.touchpoints()] == ["search", "product"]
        assert [f.key for f in j.flows()] == [("search", "product")]
        assert [e.id for e in j.emotions()] == ["e-search"]

    roundtrip(journey, command, check)


def test_remove_first_stage_of_the_example_and_undo_exactly(
    example: Journey, stack: QUndoStack
) -> None:
    for stage in example.stages():
        before = example.copy()
        stack.push(RemoveStage(example, stage.id))
        assert stage.id not in example
        stack.undo()
        assert example == before
        assert example.state() == before.state()


def test_remove_stage_between_others_keeps_its_place(example: Journey, stack: QUndoStack) -> None:
    before = example.copy()
    middle = example.stages()[2].id
    stack.push(RemoveStage(example, middle))
    stack.push(RemoveStage(example, example.stages()[0].id))
    stack.undo()
    stack.undo()
    assert stage_ids(example) == stage_ids(before)
    assert example == before


def test_move_stage(journey: Journey, roundtrip: RoundTrip) -> None:
    command = MoveStage(journey, "browse", 1)
    assert command.text() == 'Move stage "Browse"'
    roundtrip(journey, command, lambda j: assert_equal(stage_ids(j), ["buy", "browse"]))


def test_move_stage_to_where_it_is_is_dropped_by_the_stack(
    journey: Journey, stack: QUndoStack
) -> None:
    stack.push(MoveStage(journey, "buy", 1))
    assert stack.count() == 0


def test_move_stage_refuses_an_index_past_the_end(journey: Journey) -> None:
    with pytest.raises(JourneyError):
        MoveStage(journey, "buy", 2)
    with pytest.raises(JourneyError):
        MoveStage(journey, "nope", 0)
