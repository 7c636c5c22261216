"""A long editing session on the bundled example: every step undoes and redoes exactly."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.commands import (
    KEEP,
    AddFlow,
    AddPersona,
    AddStage,
    AddTouchpoint,
    ClearEmotion,
    DuplicateItems,
    MoveStage,
    MoveTouchpoint,
    MoveTouchpoints,
    PasteFragment,
    RemoveFlow,
    RemoveItems,
    RemovePersona,
    RemoveStage,
    RemoveTouchpoint,
    SetDescription,
    SetEmotion,
    SetTitle,
    UpdateFlow,
    UpdateItem,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Journey, Position

Step = Callable[[Journey], QUndoCommand]


def last_stage(j: Journey) -> str:
    return j.stages()[-1].id


def card(j: Journey, name: str) -> str:
    return next(t.id for t in j.touchpoints() if t.name == name)


SCRIPT: list[Step] = [
    lambda j: SetTitle(j, "Trailhead, spring edition"),
    lambda j: SetDescription(j, "Reworked after the March review."),
    lambda j: AddStage(j, "Onboarding", 3, stage_id="st-onboarding"),
    lambda j: AddTouchpoint(j, "st-onboarding", "Welcome email", channel="email"),
    lambda j: AddTouchpoint(j, "st-onboarding", "App tour", 0, "tp-app-tour", channel="app"),
    lambda j: AddTouchpoint(j, "st-onboarding", "Size guide", tags=("fit",), owner="CX"),
    lambda j: AddFlow(j, "tp-order-confirmation", "tp-app-tour", 900, "installed the app"),
    lambda j: AddFlow(j, "tp-app-tour", card(j, "Welcome email"), 600),
    lambda j: AddFlow(j, "tp-app-tour", None, 300, "closed the app"),
    lambda j: SetEmotion(j, "tp-app-tour", 1, "curious"),
    lambda j: SetEmotion(j, "tp-app-tour", -1, "lost", "pe-weekend-hiker"),
    lambda j: SetEmotion(j, "tp-cart", -1),
    lambda j: SetEmotion(j, "tp-product-page", 2, "sold", "pe-family-camper"),
    lambda j: ClearEmotion(j, "tp-unboxing", "pe-family-camper"),
    lambda j: UpdateItem(j, "tp-cart", name="Basket"),
    lambda j: UpdateItem(j, "st-decision", name="Purchase", description="Pay and go"),
    lambda j: UpdateItem(j, "tp-fit-chat", channel="chat", tags=["fit", "live"]),
    lambda j: UpdateItem(j, "em-cart", valence=-2, label="annoyed"),
    lambda j: UpdateItem(j, "pe-weekend-hiker", description="Hikes a lot."),
    lambda j: UpdateFlow(j, "tp-cart", "tp-checkout-shipping", count=4000),
    lambda j: UpdateFlow(j, "tp-cart", None, label="left the basket"),
    lambda j: MoveStage(j, "st-onboarding", 4),
    lambda j: MoveStage(j, "st-awareness", 1),
    lambda j: MoveStage(j, "st-awareness", 0),
    lambda j: MoveTouchpoint(j, "tp-reviews", "st-consideration", 0),
    lambda j: MoveTouchpoint(j, "tp-fit-chat", "st-decision", 1, Position(120.0, 80.0)),
    lambda j: MoveTouchpoint(j, "tp-fit-chat", "st-consideration", None, None),
    lambda j: MoveTouchpoints(
        j,
        [
            ("tp-instagram-ad", "st-consideration", 0, Position(0.0, 0.0)),
            ("tp-search-result", "st-consideration", 1, Position(0.0, 90.0)),
            ("tp-trail-blog", "st-awareness", 0, KEEP),
        ],
    ),
    lambda j: UpdateItem(j, "tp-instagram-ad", merge=True, position=Position(0.0, 10.0)),
    lambda j: UpdateItem(j, "tp-instagram-ad", merge=True, position=Position(0.0, 20.0)),
    lambda j: UpdateItem(j, "em-store-clinic", merge=True, valence=1),
    lambda j: UpdateItem(j, "em-store-clinic", merge=True, valence=0),
    lambda j: RemoveFlow(j, "tp-search-result", "tp-trail-blog"),
    lambda j: RemoveFlow(j, "tp-rewards-email", None),
    lambda j: RemoveTouchpoint(j, "tp-support-call"),
    lambda j: RemoveTouchpoint(j, "tp-product-page"),
    lambda j: AddPersona(j, "Gift buyer", "Buys for others", 0, "pe-gift"),
    lambda j: SetEmotion(j, "tp-order-confirmation", 2, "relieved", "pe-gift"),
    lambda j: RemovePersona(j, "pe-family-camper"),
    lambda j: DuplicateItems(j, ["tp-cart", "tp-reviews"]),
    lambda j: DuplicateItems(j, ["st-advocacy"]),
    lambda j: PasteFragment(j, from_json(to_json(fragment_of(j, ["st-retention"]))), stage_index=0),
    lambda j: PasteFragment(
        j,
        from_json(to_json(fragment_of(j, ["tp-cart", "tp-checkout-shipping"]))),
        "st-onboarding",
        1,
    ),
    lambda j: RemoveItems(
        j, ["tp-abandoned-cart-email", ("tp-cart", "tp-abandoned-cart-email"), "em-cart"]
    ),
    lambda j: RemoveItems(
        j, ["st-retention", "tp-unboxing", ("tp-delivery-tracking", "tp-unboxing")]
    ),
    lambda j: RemoveStage(j, last_stage(j)),
    lambda j: AddStage(j, "Loyalty"),
    lambda j: AddTouchpoint(j, last_stage(j), "Member day", channel="store"),
    lambda j: MoveTouchpoint(j, card(j, "Member day"), "st-awareness", 0),
    lambda j: AddFlow(j, card(j, "Member day"), "tp-instagram-ad"),
    lambda j: RemoveStage(j, last_stage(j)),
    lambda j: UpdateItem(j, card(j, "Member day"), name="Members' day", owner="Stores"),
    lambda j: SetTitle(j, "Trailhead, final"),
    lambda j: RemoveItems(j, [s.id for s in j.stages()[:2]]),
]


def test_the_script_is_long(example: Journey) -> None:
    assert len(SCRIPT) >= 50


def test_a_long_session_undoes_and_redoes_exactly(example: Journey, stack: QUndoStack) -> None:
    original = example.copy()
    states = [original]
    for step in SCRIPT:
        stack.push(step(example))
        states.append(example.copy())
    final = example.copy()
    assert stack.count() == len(SCRIPT) - 2  # two nudges merged into the step before
    assert final != original

    stack.setIndex(stack.count() // 2)
    stack.setIndex(0)
    assert example == original
    assert example.state() == original.state()
    stack.setIndex(stack.count())
    assert example == final
    # and step by step, back and forth
    while stack.canUndo():
        stack.undo()
    assert example == original
    while stack.canRedo():
        stack.redo()
    assert example == final
    assert states[-1] == final


@pytest.mark.parametrize("seed", range(6))
def test_random_sessions_undo_and_redo_exactly(
    example: Journey, stack: QUndoStack, seed: int
) -> None:
    rng = random.Random(seed)
    original = example.copy()
    history = [original]  # journey after each step on the stack
    for _ in range(60):
        if stack.canUndo() and rng.random() < 0.15:
            stack.undo()
            assert example == history[stack.index()]
            continue
        command = random_command(example, rng)
        if command is None:
            continue
        del history[stack.index() + 1 :]  # the stack drops the steps that could be redone
        stack.push(command)
        # one more step, or the step before changed (a merge) or gone (merged back to start)
        del history[stack.index() :]
        history.append(example.copy())
    final_index = stack.index()
    stack.setIndex(0)
    assert example == original
    for i in range(1, stack.count() + 1):
        stack.redo()
        assert example == history[i]
    stack.setIndex(final_index)
    assert example == history[final_index]


def random_command(j: Journey, rng: random.Random) -> QUndoCommand | None:
    stages, cards = j.stages(), j.touchpoints()
    if not stages:
        return AddStage(j, "Fresh")
    stage = rng.choice(stages).id
    if not cards:
        return AddTouchpoint(j, stage, "Card")
    tp, other = rng.choice(cards).id, rng.choice(cards).id
    n_in = len(j.touchpoints(stage))
    choices: list[Callable[[], QUndoCommand | None]] = [
        lambda: AddStage(j, "S", rng.randint(0, len(stages))),
        lambda: AddTouchpoint(j, stage, "T", rng.randint(0, n_in)),
        lambda: MoveStage(j, stage, rng.randrange(len(stages))),
        lambda: MoveTouchpoint(
            j, tp, stage, rng.randint(0, n_in - (j.touchpoint(tp).stage_id == stage))
        ),
        lambda: None if j.has_flow(tp, other) else AddFlow(j, tp, other, rng.randint(0, 9)),
        lambda: None if j.has_flow(tp, None) else AddFlow(j, tp, None),
        lambda: RemoveTouchpoint(j, tp),
        lambda: RemoveStage(j, stage) if rng.random() < 0.3 else None,
        lambda: SetEmotion(j, tp, rng.randint(-2, 2)),
        lambda: UpdateItem(j, tp, merge=True, position=Position(rng.random(), 0.0)),
        lambda: UpdateItem(j, tp, name=f"T{rng.randint(0, 99)}"),
        lambda: RemoveItems(j, rng.sample([t.id for t in cards], min(3, len(cards)))),
        lambda: RemoveItems(j, [f.key for f in j.flows()[:3]]),
        lambda: DuplicateItems(j, [tp]),
        lambda: PasteFragment(j, fragment_of(j, [stage]), stage_index=0),
        lambda: (
            UpdateFlow(j, *j.flows()[0].key, merge=True, count=rng.randint(0, 5))
            if j.flows()
            else None
        ),
    ]
    return rng.choice(choices)()
