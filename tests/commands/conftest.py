"""Fixtures for the undo commands: a small journey, the bundled example, and an undo stack."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjo_desktop.domain import Journey, Position
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path


@pytest.fixture
def journey() -> Journey:
    """Two stages, four cards, flows (one a drop-off), emotions for everyone and a persona."""
    j = Journey("Shop")
    j.add_persona("Hiker", id="hiker")
    j.add_persona("Camper", id="camper")
    j.add_stage("Browse", id="browse")
    j.add_stage("Buy", id="buy")
    j.add_touchpoint("browse", "Search", id="search", channel="web")
    j.add_touchpoint("browse", "Product", id="product", tags=["pdp"])
    j.add_touchpoint("buy", "Cart", id="cart", position=Position(10.0, 20.0))
    j.add_touchpoint("buy", "Checkout", id="checkout", owner="Payments")
    j.add_flow("search", "product", count=100, label="clicked")
    j.add_flow("product", "cart", count=40)
    j.add_flow("cart", "checkout", count=30)
    j.add_flow("cart", None, count=10, label="left")
    j.add_flow("checkout", "product", count=2)
    j.add_emotion("search", 0, id="e-search")
    j.add_emotion("cart", 1, label="keen", id="e-cart")
    j.add_emotion("cart", -1, persona_id="hiker", id="e-cart-hiker")
    j.add_emotion("checkout", -2, id="e-checkout")
    return j


@pytest.fixture
def example() -> Journey:
    return load_map(example_path())


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    s = QUndoStack()
    yield s
    s.clear()


Check = Callable[[Journey], None]


@pytest.fixture
def roundtrip(stack: QUndoStack) -> Callable[[Journey, QUndoCommand, Check], None]:
    """Push, check, undo (== before), redo (== after the first redo, same ids)."""

    def run(journey: Journey, command: QUndoCommand, check: Check) -> None:
        before = journey.copy()
        stack.push(command)
        after = journey.copy()
        assert after != before, "the command changed nothing"
        check(journey)
        stack.undo()
        assert journey == before
        stack.redo()
        assert journey == after
        check(journey)
        stack.undo()
        assert journey == before

    return run
