"""The History panel names what each step did: which card, which field, what value.

Thirteen lines of "Set feeling" said nothing; each line now says whose feeling and to what.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from cjo_desktop.commands import (
    AddEmotion,
    SetEmotion,
    UpdateFlow,
    UpdateItem,
    feeling_macro_text,
)
from cjo_desktop.domain import Journey


def test_a_feeling_names_the_card_the_value_and_its_word(journey: Journey) -> None:
    assert SetEmotion(journey, "cart", -2).text() == 'Set feeling of "Cart" to -2 (frustrated)'
    assert SetEmotion(journey, "cart", 0).text() == 'Set feeling of "Cart" to 0 (neutral)'
    assert SetEmotion(journey, "product", 1, "keen").text() == (
        'Set feeling of "Product" to +1 ("keen")'
    )
    assert SetEmotion(journey, "cart", 2, persona_id="camper").text() == (
        'Set feeling of "Cart" for "Camper" to +2 (delighted)'
    )
    assert AddEmotion(journey, "product", -1).text() == ('Add feeling -1 (confused) to "Product"')


def test_one_key_press_on_several_cards_says_how_many(journey: Journey) -> None:
    assert feeling_macro_text(journey, ["cart"], -2) == 'Set feeling of "Cart" to -2 (frustrated)'
    assert feeling_macro_text(journey, ["cart", "product"], 1) == (
        "Set feeling of 2 touchpoints to +1 (pleased)"
    )
    assert feeling_macro_text(journey, ["cart"], None) == 'Clear feeling of "Cart"'


def test_thirteen_feelings_make_thirteen_different_lines(journey: Journey) -> None:
    stack = QUndoStack()
    for n in range(13):
        tp = journey.add_touchpoint(journey.stages()[0].id, f"Card {n}").id
        stack.push(SetEmotion(journey, tp, n % 5 - 2))
    texts = [stack.text(i) for i in range(stack.count())]
    assert len(set(texts)) == 13
    assert texts[0] == 'Set feeling of "Card 0" to -2 (frustrated)'


def test_a_field_edit_names_the_field_and_the_new_value(journey: Journey) -> None:
    assert UpdateItem(journey, "cart", owner="Ops").text() == 'Set owner of "Cart" to "Ops"'
    assert UpdateItem(journey, "cart", owner="").text() == 'Set owner of "Cart" to nothing'
    assert UpdateItem(journey, "cart", tags=("a", "b")).text() == ('Set tags of "Cart" to "a", "b"')
    assert UpdateItem(journey, "cart", description="A long text").text() == (
        'Edit description of "Cart"'  # a long text is not repeated in the history
    )


def test_a_flow_edit_names_both_ends_and_the_new_count(journey: Journey) -> None:
    flow = next(f for f in journey.flows() if f.target is not None)
    text = UpdateFlow(journey, flow.source, flow.target, count=1200).text()
    assert text.startswith("Set count of flow ") and text.endswith(" to 1200")
    assert "\N{RIGHTWARDS ARROW}" in text


def test_a_run_of_spin_box_edits_names_the_value_it_ended_on(journey: Journey) -> None:
    stack = QUndoStack()
    flow = next(f for f in journey.flows() if f.target is not None)
    for count in (10, 11, 12):
        stack.push(UpdateFlow(journey, flow.source, flow.target, merge=True, count=count))
    assert stack.count() == 1
    assert stack.text(0).endswith(" to 12")
