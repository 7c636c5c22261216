"""Whatever an edit or an import accepts must be savable: else the user cannot keep the map.

The file schema limits names (1..500 characters, not blank), texts (20,000), tags (200), metric
names (200), and strings must be valid Unicode; the domain and the commands do not check all of
that. Each case below must either be refused when the edit is made (JourneyError, or TableError
for an import) or save and load back. Each case below once passed the edit and then failed the
save (pydantic refused what the domain had accepted); the domain now applies the file's limits.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from cjo_desktop.commands import (
    AddStage,
    AddTouchpoint,
    Fragment,
    FragmentError,
    PasteFragment,
    SetDescription,
    SetTitle,
    UpdateItem,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.io import MapFileError, load_map, save_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec

APP = QApplication.instance() or QApplication([])


def small() -> Journey:
    journey = Journey("Shop")
    journey.add_stage("Buy", id="st-buy")
    journey.add_touchpoint("st-buy", "Cart", id="tp-cart")
    return journey


def refused_or_saved(tmp_path: Path, journey: Journey, build: Callable[[], QUndoCommand]) -> None:
    stack = QUndoStack()
    try:
        try:
            command = build()
        except JourneyError:
            return  # refused when made: fine
        stack.push(command)
        path = tmp_path / "m.cjo.json"
        save_map(journey, path)
        assert load_map(path) == journey
    finally:
        stack.clear()


def test_an_ordinary_edit_saves(tmp_path: Path) -> None:
    journey = small()
    refused_or_saved(tmp_path, journey, lambda: UpdateItem(journey, "tp-cart", name="Basket"))


@pytest.mark.parametrize("title", ["", "   "])
def test_a_blank_title(tmp_path: Path, title: str) -> None:
    journey = small()
    refused_or_saved(tmp_path, journey, lambda: SetTitle(journey, title))


def test_a_long_name(tmp_path: Path) -> None:
    journey = small()
    refused_or_saved(tmp_path, journey, lambda: UpdateItem(journey, "tp-cart", name="n" * 501))


def test_a_long_description(tmp_path: Path) -> None:
    journey = small()
    refused_or_saved(tmp_path, journey, lambda: SetDescription(journey, "d" * 20_001))


def test_a_long_tag(tmp_path: Path) -> None:
    journey = small()
    refused_or_saved(
        tmp_path, journey, lambda: AddTouchpoint(journey, "st-buy", "Pay", tags=("t" * 201,))
    )


def test_an_id_the_file_cannot_hold(tmp_path: Path) -> None:
    journey = small()
    refused_or_saved(tmp_path, journey, lambda: AddStage(journey, "Pay", stage_id="a b"))


@pytest.mark.parametrize(("name", "why"), [("Cart\ud800", "not valid text"), ("n" * 501, "501")])
def test_a_pasted_name_the_file_cannot_hold(tmp_path: Path, name: str, why: str) -> None:
    """Clipboard text is read by the items' own field checks, so it is refused when read;
    a fragment built in code is refused when pasted."""
    journey = small()
    text = to_json(fragment_of(journey, ["tp-cart"])).replace('"Cart"', json.dumps(name))
    with pytest.raises(FragmentError, match=why):
        from_json(text)
    card = dataclasses.replace(journey.touchpoint("tp-cart"), name=name)
    refused_or_saved(
        tmp_path, journey, lambda: PasteFragment(journey, Fragment(touchpoints=(card,)))
    )


def imported(tmp_path: Path, text: str, spec: ImportSpec) -> None:
    journey = small()
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    try:
        result = run_import(journey, path, spec)
    except MapFileError:
        return  # refused when read: fine
    apply_import(journey, result)
    save_map(journey, tmp_path / "m.cjo.json")
    assert load_map(tmp_path / "m.cjo.json") == journey


def test_an_import_adding_a_touchpoint_with_a_long_name(tmp_path: Path) -> None:
    imported(
        tmp_path, "touchpoint,nps\n" + "N" * 501 + ",9\nCart,3\n", ImportSpec(add_missing=True)
    )


def test_an_import_with_a_long_metric_name(tmp_path: Path) -> None:
    imported(tmp_path, "touchpoint," + "m" * 201 + "\nCart,3\n", spec_of(kind="aggregated"))


def test_an_import_with_a_blank_key_adds_no_nameless_touchpoint(tmp_path: Path) -> None:
    imported(tmp_path, "touchpoint,nps\n  ,9\nCart,3\n", ImportSpec(add_missing=True))
