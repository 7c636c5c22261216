"""Flagging pain points, adding opportunities and editing the rules through the window's
actions and their dialogs: one undo step per action, and the map and the ranking follow.
The dialogs' ``exec`` is replaced by a function that fills them in as a user would."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QLineEdit
from pytestqt.qtbot import QtBot

from cjo_desktop.app.painpoints import actions as painpoint_actions
from cjo_desktop.app.painpoints.dialogs import OpportunityDialog, PainPointDialog
from cjo_desktop.app.painpoints.rules import (
    DESCRIPTION,
    NAME,
    THRESHOLD,
    Pricing,
    RuleRow,
    RulesDialog,
    problems,
    rows_of,
    settings_from,
)
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.domain import DEFAULT_RULES, PainPointSettings
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path
from tests.app.painpoints.test_painpoint_dock import AD, SHIPPING, import_data, settle

ACCEPT = QDialog.DialogCode.Accepted


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(dialog: QDialog) -> int:
        raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")

    for cls in (PainPointDialog, OpportunityDialog, RulesDialog):
        monkeypatch.setattr(cls, "exec", unexpected)


def answer(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[QDialog], None]) -> None:
    """The next ``cls`` dialog is filled in by ``fill`` and accepted, if OK allows it."""

    def run(dialog: QDialog) -> QDialog.DialogCode:
        fill(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), "OK is disabled"
        return ACCEPT

    monkeypatch.setattr(cls, "exec", run)


def ok_button(dialog: QDialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


# ---------------------------------------------------------------- pain points
def test_flag_pain_point_is_one_undo_step(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey, stack, p = window.document.journey, window.document.undo_stack, window.painpoints
    window.scene.clearSelection()
    settle(qtbot, window)
    assert not p.flag.isEnabled()  # nothing selected
    window.scene.select_ids([AD])
    settle(qtbot, window)
    qtbot.waitUntil(p.flag.isEnabled)
    assert not p.edit.isEnabled()  # the ad has no pain point flagged by hand

    def fill(dialog: PainPointDialog) -> None:
        assert not ok_button(dialog).isEnabled()  # a description is required
        dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
        dialog.description.setText("The ad promises a trail guide the shop does not sell")
        dialog.strategy.setPlainText("Match the ad to the landing page")

    answer(monkeypatch, PainPointDialog, fill)
    count = stack.count()
    p.flag.trigger()
    assert stack.count() == count + 1
    assert stack.undoText().startswith("Flag pain point")
    (flagged,) = journey.pain_points(AD)
    assert (flagged.severity, flagged.strategy) == ("high", "Match the ad to the landing page")
    settle(qtbot, window)
    assert (AD, flagged.id) in [(r.touchpoint_id, r.key) for r in window.painpoint_dock.ranking]
    assert window.scene.cards[AD].pain is not None  # the card is highlighted
    assert p.edit.isEnabled() and p.remove.isEnabled()
    stack.undo()
    assert journey.pain_points(AD) == []
    settle(qtbot, window)
    assert all(r.touchpoint_id != AD or r.source != "manual" for r in window.painpoint_dock.ranking)


def test_edit_and_remove_a_flagged_pain_point(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey, stack, p = window.document.journey, window.document.undo_stack, window.painpoints
    window.scene.select_ids([SHIPPING])
    settle(qtbot, window)

    def fill(dialog: PainPointDialog) -> None:
        assert dialog.description.text().startswith("Shipping costs appear only")
        dialog.severity.setCurrentIndex(dialog.severity.findData("medium"))

    answer(monkeypatch, PainPointDialog, fill)
    count = stack.count()
    p.edit.trigger()
    assert journey.pain_point("pp-late-shipping-cost").severity == "medium"
    assert stack.count() == count + 1
    p.remove.trigger()  # with the opportunity that answers it, in one step
    assert "pp-late-shipping-cost" not in journey and "op-cost-on-product" not in journey
    assert stack.count() == count + 2
    stack.undo()
    assert journey.opportunity("op-cost-on-product").pain_point == "pp-late-shipping-cost"


def test_add_opportunity_prefills_the_clicked_row(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey, stack, dock = (
        window.document.journey,
        window.document.undo_stack,
        window.painpoint_dock,
    )
    settle(qtbot, window)
    row = next(i for i, r in enumerate(dock.ranking) if r.key == "pp-late-shipping-cost")
    dock.table.setCurrentIndex(dock.table.model().index(row, 1))  # selects the card too
    settle(qtbot, window)
    assert window.scene.selected_touchpoints() == [SHIPPING]

    def fill(dialog: OpportunityDialog) -> None:
        assert dialog.pain_point.currentData() == "pp-late-shipping-cost"
        assert dialog.impact.value() == 50 and dialog.effort.currentData() == "M"
        assert not ok_button(dialog).isEnabled()  # a name is required
        dialog.name.setText("Free shipping from €60")
        dialog.effort.setCurrentIndex(dialog.effort.findData("S"))

    answer(monkeypatch, OpportunityDialog, fill)
    count = stack.count()
    window.painpoints.add_opportunity.trigger()
    assert stack.count() == count + 1
    added = [o for o in journey.opportunities(SHIPPING) if o.name == "Free shipping from €60"]
    assert [(o.pain_point, o.effort, o.impact) for o in added] == [
        ("pp-late-shipping-cost", "S", 50)
    ]
    settle(qtbot, window)
    model = dock.opportunities.model()
    names = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert "Free shipping from €60" in names


def test_hiding_pain_points_clears_the_canvas_highlight(window: MainWindow, qtbot: QtBot) -> None:
    settle(qtbot, window)
    card = window.scene.cards[SHIPPING]
    assert card.pain is not None and card.pain.manual
    window.painpoints.show.trigger()
    assert not window.painpoints.show.isChecked()
    assert card.pain is None
    window.painpoints.show.trigger()
    assert card.pain is not None


# ---------------------------------------------------------------- rules
def set_threshold(dialog: RulesDialog, rule: str, value: float) -> None:
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, NAME).text() == rule
    )
    spin = dialog.table.cellWidget(row, THRESHOLD)
    assert isinstance(spin, QDoubleSpinBox)
    spin.setValue(value)


def test_editing_a_rule_reranks_and_rehighlights_in_one_step(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey, stack, dock = (
        window.document.journey,
        window.document.undo_stack,
        window.painpoint_dock,
    )
    import_data(window.document)
    settle(qtbot, window)
    browsing = "tp-category-page"  # 36% drop-off against 24.4% typical in Consideration
    assert (browsing, "dropoff_high") in [(r.touchpoint_id, r.key) for r in dock.ranking]
    card = window.scene.cards[browsing]
    assert card.pain is not None and card.pain.severity == "high"
    assert any("drop-off" in s.lower() for s in card.pain.sources)

    def fill(dialog: RulesDialog) -> None:
        set_threshold(dialog, "dropoff_high", 60)  # 48% above: no longer fires

    answer(monkeypatch, RulesDialog, fill)
    count = stack.count()
    window.painpoints.rules.trigger()
    assert stack.count() == count + 1
    assert stack.undoText() == "Edit pain-point rules"
    rule = journey.painpoint_settings().rule("dropoff_high")
    assert rule is not None and rule.threshold == 60
    # the words follow the threshold
    assert rule.description == "Drop-off 60% or more above expected"
    settle(qtbot, window)
    assert (browsing, "dropoff_high") not in [(r.touchpoint_id, r.key) for r in dock.ranking]
    assert card.pain is None or not any("drop-off" in s.lower() for s in card.pain.sources)
    stack.undo()
    settle(qtbot, window)
    assert (browsing, "dropoff_high") in [(r.touchpoint_id, r.key) for r in dock.ranking]
    assert card.pain is not None and any("drop-off" in s.lower() for s in card.pain.sources)


def test_the_rules_dialog_refuses_duplicate_names_and_blank_metrics(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = RulesDialog(window.document.journey, window)
    qtbot.addWidget(dialog)
    assert ok_button(dialog).isEnabled() and dialog.problem.isHidden()
    dialog.add_button.click()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, NAME).setText("nps_negative")
    assert not ok_button(dialog).isEnabled()
    assert "Two rules are named 'nps_negative'" in dialog.problem.text()
    dialog.table.item(row, NAME).setText("checkout_nps")
    assert ok_button(dialog).isEnabled()
    metric = dialog.table.cellWidget(row, 2).lineEdit()
    assert isinstance(metric, QLineEdit)
    metric.setText("")
    assert not ok_button(dialog).isEnabled() and "needs a metric" in dialog.problem.text()
    dialog.reset_button.click()
    assert [r.name for r in dialog.rows()] == [r.name for r in DEFAULT_RULES]
    dialog.value.setText("eighty")
    assert "must be a number" in dialog.problem.text()
    dialog.value.setText("")
    assert ok_button(dialog).isEnabled()
    assert dialog.settings().value_per_customer is None


def test_a_description_typed_by_hand_is_kept(window: MainWindow, qtbot: QtBot) -> None:
    dialog = RulesDialog(window.document.journey, window)
    qtbot.addWidget(dialog)
    dialog.table.item(3, DESCRIPTION).setText("funnel leaks")
    set_threshold(dialog, "dropoff_high", 50)
    assert dialog.table.item(3, DESCRIPTION).text() == "funnel leaks"
    set_threshold(dialog, "csat_low", 60)
    assert dialog.table.item(1, DESCRIPTION).text() == "CSAT top-2-box below 60%"


def test_cancel_and_unchanged_rules_push_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = window.document.undo_stack
    count = stack.count()
    monkeypatch.setattr(RulesDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    window.painpoints.rules.trigger()
    answer(monkeypatch, RulesDialog, lambda _d: None)
    window.painpoints.rules.trigger()
    assert stack.count() == count


def test_rows_become_settings_and_problems_are_plain_words() -> None:
    rows = rows_of(DEFAULT_RULES)
    example = load_map(example_path())
    settings = settings_from(rows, Pricing("85", "€", "month", "tp-order-confirmation"), example)
    assert settings == PainPointSettings(DEFAULT_RULES, 85.0, "€", "month", "tp-order-confirmation")
    assert settings_from(rows, Pricing("1 200,50"), example).value_per_customer == 1200.5
    assert problems(rows, Pricing(), example) == []
    twice = [*rows, RuleRow("csat_low", "csat_mean", "<", 3.0, "low")]
    assert problems(twice, Pricing(), example) == [
        "Two rules are named 'csat_low': rule names must differ."
    ]
    blank = [RuleRow(" ", "", "<", 0.0, "low")]
    assert problems(blank, Pricing(period=" "), example) == [
        "Rule 1 needs a name.",
        "Rule 1 needs a metric.",
        "Name the period the counts run over, e.g. month.",
    ]
    assert problems(rows, Pricing("-3"), example) == ["The value per customer must be 0 or more."]


def test_a_goal_that_is_not_a_touchpoint_is_a_problem() -> None:
    rows = rows_of(DEFAULT_RULES)
    example = load_map(example_path())
    found = problems(rows, Pricing("85", "€", "month", "tp-gone"), example)
    assert found == ["The goal 'tp-gone' is not a touchpoint of this map."]
    found = problems(rows, Pricing("2e9"), example)
    assert found == [
        "The value per customer must be a number from 0 to 1,000,000,000, not 2000000000.0."
    ]


def test_the_menu_holds_the_commands_with_their_keys(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    sub = next(a.menu() for a in edit.actions() if a.text() == "Pa&in Points")
    texts = [a.text() for a in sub.actions() if not a.isSeparator()]
    assert texts == [
        "&Flag Pain Point…",
        "&Edit Pain Point…",
        "&Remove Pain Point",
        "Add &Opportunity…",
        "Pain-Point R&ules…",
    ]
    p = window.painpoints
    assert p.flag.shortcut().toString() == "Ctrl+Shift+P"
    assert p.rules.shortcut().toString() == "Ctrl+Shift+R"
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert p.show in view.actions()
    assert window.painpoint_dock.toggleViewAction() in view.actions()
    assert painpoint_actions.choose_pain_point is not None
    assert window.dockWidgetArea(window.painpoint_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
