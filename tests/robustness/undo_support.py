"""What the undo state machine needs around it: settings from the environment, value
strategies, replayable ids, and the state as a saved file would give it back."""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from cjo_desktop.domain import Journey, Position
from cjo_desktop.io.templates import example_path, template

APP = QApplication.instance() or QApplication([])

EXAMPLES = int(os.environ.get("CJO_UNDO_EXAMPLES", "10"))
STEPS = int(os.environ.get("CJO_UNDO_STEPS", "200" if "CJO_UNDO_EXAMPLES" in os.environ else "50"))
STARTS = {
    "example": example_path().read_text(encoding="utf-8"),
    "blank": template("blank").path.read_text(encoding="utf-8"),
}
FUNNEL = example_path().parent / "outdoor-gear-shop-data" / "funnel-2025-03.csv"

# Values the editor lets a user type; a blank name is refused (and must leave no trace).
# No lone surrogates and no over-long values: the file cannot hold them (see test_saveable.py).
characters = st.characters(exclude_categories=("Cs",))
names = st.one_of(
    st.sampled_from(
        ["Search", "Pay", "Cart", "Caf\u00e9 \u2013 Z\u00fcrich", "x", "  padded  ", "Unsorted"]
    ),
    st.text(characters, max_size=20),
)
# A map's title may not be blank in the file, but SetTitle accepts one (test_saveable.py).
titles = names.filter(str.strip)
texts = st.one_of(st.just(""), st.text(characters, max_size=30))
# Tags as the inspector passes them, a tuple: UpdateItem(tags=<an equal list>) is not seen as
# a no-op and pushes an undo step that changes nothing.
tag_lists = st.lists(st.text(characters, max_size=10), max_size=3).map(tuple)
coordinates = st.one_of(
    st.integers(-5000, 5000).map(lambda i: i / 100),  # as stored: 0.01 scene units
    st.floats(-1e6, 1e6, allow_nan=False),  # as a drag leaves them
)
positions = st.one_of(st.none(), st.builds(Position, coordinates, coordinates))
counts = st.one_of(st.none(), st.integers(0, 10**6), st.just(-1))
valences = st.integers(-3, 3)  # -3 and 3 are refused


def deterministic_ids(journey: Journey) -> None:
    """New ids from a counter instead of ``secrets``: ids decide the order of flows and
    emotions, and Hypothesis must be able to replay a run exactly."""
    counter = iter(range(1, 10**9))
    prefixes = {"stage": "st", "touchpoint": "tp", "emotion": "em", "persona": "pe"}
    prefixes |= {"pain point": "pp", "opportunity": "op", "lane": "ln", "free card": "fc"}

    def new_id(kind: Any) -> str:
        while True:
            candidate = f"{prefixes[kind.value]}-{next(counter):06x}"
            if candidate not in journey:
                return candidate

    def new_comment_id() -> str:
        while True:
            candidate = f"cm-{next(counter):06x}"
            if candidate not in journey and candidate not in {c.id for c in journey.comments()}:
                return candidate

    journey.new_id = new_id  # type: ignore[method-assign]
    journey.new_comment_id = new_comment_id  # type: ignore[method-assign]


def rounded_state(journey: Journey) -> tuple[Any, ...]:
    """The state with positions as the file stores them (two decimals)."""
    state = journey.state()
    cards = tuple(
        t
        if t.position is None
        else dataclasses.replace(
            t, position=Position(round(t.position.x, 2), round(t.position.y, 2))
        )
        for t in state[4]
    )
    return (*state[:4], cards, *state[5:])
