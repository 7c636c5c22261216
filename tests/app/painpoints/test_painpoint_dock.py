"""The pain-point dock driven as a user would: read the ranking and why, click a row to find
its touchpoint on the map, import data and see the order change, read and edit opportunities.
Data arrives as the import wizard brings it: run_import, then one ApplyImport."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from survey_scales import STATED

from cjo_desktop.app.painpoints.dialogs import OpportunityDialog, PainPointDialog
from cjo_desktop.app.painpoints.dock import PainPointDock
from cjo_desktop.app.painpoints.rules import RulesDialog
from cjo_desktop.app.shell.main_window import MainWindow
from cjo_desktop.commands import SetPainPointSettings
from cjo_desktop.commands.metrics import ApplyImport
from cjo_desktop.domain import Journey
from cjo_desktop.editor.document import Document
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import plan_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"
LEFT = Qt.MouseButton.LeftButton
AD, PAYMENT, SHIPPING = "tp-instagram-ad", "tp-checkout-payment", "tp-checkout-shipping"


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not expect fails it instead of waiting for a click forever."""

    def unexpected(dialog: QDialog) -> int:
        raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")

    for cls in (PainPointDialog, OpportunityDialog, RulesDialog):
        monkeypatch.setattr(cls, "exec", unexpected)


def import_data(document: Document) -> None:
    """The Q1 survey and the March funnel, one undo step each."""
    for name, spec in (
        ("survey-2025-q1.csv", spec_of(kind="responses", snapshot="survey Q1", **STATED)),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel March")),
    ):
        result = run_import(document.journey, DATA / name, spec)
        document.push(ApplyImport(document.journey, plan_import(document.journey, result)))


def column(dock: PainPointDock, name: str) -> list[str]:
    model = dock.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    c = headers.index(name)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def rows(dock: PainPointDock) -> list[tuple[str, str]]:
    return [(r.touchpoint_id, r.key) for r in dock.ranking]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let the 0-ms refreshes of the dock and the scene run."""
    qtbot.waitUntil(lambda: not window.painpoint_dock._timer.isActive())
    window.scene.flush()
    window.painpoints.update_enabled()


def click_row(qtbot: QtBot, dock: PainPointDock, row: int) -> None:
    index = dock.table.model().index(row, 1)
    dock.table.scrollTo(index)
    QTest.mouseClick(dock.table.viewport(), LEFT, pos=dock.table.visualRect(index).center())


def test_clicking_a_ranked_row_selects_and_centres_its_card(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock, view = window.painpoint_dock, window.view
    import_data(window.document)
    settle(qtbot, window)
    assert dock.isVisible()
    row = next(i for i, r in enumerate(dock.ranking) if r.touchpoint_id == PAYMENT)
    view.centerOn(0, 0)
    window.scene.clearSelection()
    click_row(qtbot, dock, row)
    assert window.scene.selected_touchpoints() == [PAYMENT]
    card = window.scene.cards[PAYMENT]
    centre = view.mapToScene(view.viewport().rect().center())
    target = card.sceneBoundingRect().center()
    assert abs(centre.x() - target.x()) < 3 / view.zoom + 1
    assert abs(centre.y() - target.y()) < 3 / view.zoom + 1
    own = card.mapRectToScene(card.boundingRect()).center()
    assert (own - QPointF(centre)).manhattanLength() < 60  # the card itself, not just its tab
    assert dock.current_row() is not None and dock.current_row().touchpoint_id == PAYMENT
    assert "Checkout: payment" in dock.detail.text() and "at risk" in dock.detail.text()


def test_arrow_keys_and_enter_walk_the_rows_on_the_map(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.painpoint_dock
    settle(qtbot, window)
    dock.table.setFocus()
    dock.table.setCurrentIndex(dock.table.model().index(0, 0))
    qtbot.keyClick(dock.table, Qt.Key.Key_Down)
    second = dock.ranking[1].touchpoint_id
    assert window.scene.selected_touchpoints() == [second]
    window.scene.clearSelection()
    qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    assert window.scene.selected_touchpoints() == [second]
    assert dock.table.hasFocus()  # the keys stay in the table


def test_every_row_explains_its_rank_and_the_header_its_basis(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock = window.painpoint_dock
    settle(qtbot, window)
    assert dock.basis_label.text().startswith("Ranked by revenue at risk per month at €85")
    model = dock.table.model()
    for ranked in dock.ranking:
        assert ranked.explanation.count(". ") == 0 and ranked.explanation.endswith(".")
    names = column(dock, "Touchpoint")
    assert len(names) == len(set(names))  # each touchpoint once
    for r, name in enumerate(names):
        own = [x.explanation for x in dock.ranking if x.touchpoint == name]
        tip = model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.split("\n\n")[: len(own)] == own
    assert column(dock, "#")[:3] == ["1", "2", "3"]
    assert "Revenue at risk / month" in [
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
    ]
    shipping = column(dock, "Pain points")[names.index("Checkout: shipping")]
    assert "Flagged by the team: Shipping costs appear" in shipping


def test_the_dock_reranks_after_an_import_and_after_undo(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.painpoint_dock
    settle(qtbot, window)
    before = rows(dock)
    assert (AD, "dropoff_high") not in before
    import_data(window.document)
    settle(qtbot, window)
    assert (AD, "dropoff_high") not in rows(dock)  # 90% drop-off is what the map expects there
    assert rows(dock)[0] == (PAYMENT, "csat_low")
    assert column(dock, "Touchpoint")[0] == "Checkout: payment"
    assert column(dock, "Pain points")[0] == (
        "CSAT top-2-box below 70% \N{MIDDLE DOT} NPS below 0 \N{MIDDLE DOT} Emotion at or below -1"
    )
    # counted once, at its largest share at risk (CSAT's), not the sum of its three
    assert column(dock, "Revenue at risk / month")[0] == "€226,378"
    assert column(dock, "Customers at risk / month")[0] == "2,663"
    assert [dock.snapshot_combo.itemText(i) for i in range(dock.snapshot_combo.count())] == [
        "All snapshots (latest wins)",
        "survey Q1",
        "funnel March",
    ]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    settle(qtbot, window)
    assert rows(dock) == before


def test_judging_on_one_snapshot_is_an_undoable_setting_of_the_map(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock, stack = window.painpoint_dock, window.document.undo_stack
    email = "tp-abandoned-cart-email"  # 53% drop-off in the funnel, far above its stage's
    import_data(window.document)
    settle(qtbot, window)
    on_all = rows(dock)
    assert (email, "dropoff_high") in on_all
    count = stack.count()
    dock.snapshot_combo.setCurrentIndex(dock.snapshot_combo.findData("survey Q1"))
    settle(qtbot, window)
    assert (
        stack.count() == count + 1
        and window.document.journey.painpoint_settings().judged_on == "survey Q1"
    )
    assert (email, "dropoff_high") not in rows(dock)  # the survey has no drop-off
    mark = window.scene.pain.marks.get(email)  # the cards judge on it as well
    assert mark is None or not any("drop-off" in s.lower() for s in mark.sources)
    window.scene.set_metric_view("funnel March", None, None)  # View > Metrics: what cards show
    settle(qtbot, window)
    assert dock.snapshot_combo.currentData() == "survey Q1"  # ... not what they are judged on
    assert (email, "dropoff_high") not in rows(dock)
    stack.undo()
    settle(qtbot, window)
    assert dock.snapshot_combo.currentData() is None
    assert rows(dock) == on_all


def test_an_import_never_moves_the_basis_and_cards_rank_as_the_dock(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The bug of issue 14: after a funnel import the panel judged on the funnel alone, so
    every NPS and CSAT pain point left it and the report's #1 was not the editor's."""
    from cjo_desktop.report.data import ReportOptions, gather

    dock, journey = window.painpoint_dock, window.document.journey
    import_data(window.document)  # the survey, then the funnel
    settle(qtbot, window)
    assert dock.snapshot_combo.currentData() is None  # still all snapshots
    sources = {key for _, key in rows(dock)}
    assert {"nps_negative", "csat_low", "dropoff_high"} <= sources
    report = gather(journey, ReportOptions())
    assert [(r.touchpoint_id, r.key) for r in report.ranked] == rows(dock)
    assert [r.impact for r in report.ranked] == [r.impact for r in dock.ranking]
    order = list(dict.fromkeys(tp for tp, _ in rows(dock)))  # each touchpoint once
    ranks = {tp: m.rank for tp, m in window.scene.pain.marks.items() if m.is_pain}
    assert ranks == {tp: order.index(tp) + 1 for tp in ranks}  # card tabs' #n: the dock's rows
    assert column(dock, "Touchpoint") == [journey.touchpoint(tp).name for tp in order]
    window.grab().save("/tmp/h14/basis/editor-after-funnel.png")


def test_a_new_value_per_customer_reprices_and_none_falls_back_to_customers(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock, journey = window.painpoint_dock, window.document.journey
    import_data(window.document)
    settle(qtbot, window)
    old = journey.painpoint_settings()
    window.document.push(
        SetPainPointSettings(
            journey, type(old)(old.rules, 170.0, old.currency, old.period, old.goal)
        )
    )
    settle(qtbot, window)
    assert column(dock, "Revenue at risk / month")[0] == "€452,755"  # twice €226,378
    assert "at €170 per customer" in dock.basis_label.text()
    window.document.push(
        SetPainPointSettings(journey, type(old)(old.rules, None, old.currency, "month", old.goal))
    )
    settle(qtbot, window)
    assert dock.basis_label.text().startswith("Ranked by customers at risk per month")
    assert set(column(dock, "Revenue at risk / month")) == {"\N{EM DASH}"}


def test_without_volumes_the_ranking_says_it_falls_back_to_severity(
    window: MainWindow, qtbot: QtBot
) -> None:
    j = Journey()
    stage = j.add_stage("Decision")
    a = j.add_touchpoint(stage.id, "Checkout")
    b = j.add_touchpoint(stage.id, "Support")
    j.add_pain_point(a.id, "low", "Slow page")
    j.add_pain_point(b.id, "high", "Nobody answers")
    window.document.replace(j, None)
    settle(qtbot, window)
    dock = window.painpoint_dock
    assert dock.basis_label.text().startswith("No volumes: ranked by severity and sample size")
    assert column(dock, "Touchpoint") == ["Support", "Checkout"]
    assert "ranked by severity" in dock.ranking[0].explanation


def test_copy_puts_the_rows_on_the_clipboard(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.painpoint_dock
    settle(qtbot, window)
    dock.table.setFocus()
    dock.table.selectRow(0)
    qtbot.keyClick(dock.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["#", "Touchpoint", "Pain points"]
    assert lines[1].split("\t")[1] == dock.ranking[0].touchpoint


# ---------------------------------------------------------------- opportunities
def opportunity_rows(dock: PainPointDock) -> dict[str, list[str]]:
    model = dock.opportunities.model()
    return {
        model.index(r, 2).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }


def test_the_opportunities_tab_shows_expected_value(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.painpoint_dock
    import_data(window.document)
    settle(qtbot, window)
    dock.tabs.setCurrentIndex(1)
    table = opportunity_rows(dock)
    landing = table["Landing page per trail instead of the home page"]
    assert landing[0] == "Category browsing"
    assert landing[1] == "Drop-off 30% or more above expected"
    browsing = next(
        r for r in dock.ranking if (r.touchpoint_id, r.key) == ("tp-category-page", "dropoff_high")
    )
    assert landing[3:5] == ["M (medium)", "25%"]
    assert landing[5] == f"€{0.25 * browsing.revenue_at_risk:,.0f}"
    shipping = table["Delivery cost on the product page"]
    assert shipping[1].startswith("Flagged by the team: Shipping costs")
    row = next(r for r in dock.ranking if r.key == "pp-late-shipping-cost")
    assert shipping[5] == f"€{0.4 * row.revenue_at_risk:,.0f}"
    # a pain point that no longer fires has no value to win back
    journey = window.document.journey
    old = journey.painpoint_settings()
    rules = tuple(r for r in old.rules if r.name != "dropoff_high")
    window.document.push(SetPainPointSettings(journey, type(old)(rules, 85.0, goal=old.goal)))
    settle(qtbot, window)
    assert opportunity_rows(dock)["Landing page per trail instead of the home page"][5] == (
        "\N{EM DASH}"
    )


def test_delete_removes_an_opportunity_as_one_undoable_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    dock, journey, stack = (
        window.painpoint_dock,
        window.document.journey,
        window.document.undo_stack,
    )
    settle(qtbot, window)
    window.scene.select_ids([PAYMENT])  # the window's Delete must not take the card instead
    dock.tabs.setCurrentIndex(1)
    names = list(opportunity_rows(dock))
    row = names.index("Call-back instead of a waiting line")
    dock.opportunities.setFocus()
    dock.opportunities.selectRow(row)
    count = stack.count()
    qtbot.keyClick(dock.opportunities, Qt.Key.Key_Delete)
    assert "op-call-back" not in journey
    assert PAYMENT in journey
    assert stack.count() == count + 1
    settle(qtbot, window)
    assert "Call-back instead of a waiting line" not in opportunity_rows(dock)
    stack.undo()
    settle(qtbot, window)
    assert journey.opportunity("op-call-back").name == "Call-back instead of a waiting line"
    assert list(opportunity_rows(dock)) == names


def test_double_click_edits_an_opportunity_in_one_step(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dock, journey, stack = (
        window.painpoint_dock,
        window.document.journey,
        window.document.undo_stack,
    )
    settle(qtbot, window)
    dock.tabs.setCurrentIndex(1)

    def fill(dialog: OpportunityDialog) -> QDialog.DialogCode:
        assert dialog.name.text() == "Call-back instead of a waiting line"
        dialog.impact.setValue(45)
        dialog.effort.setCurrentIndex(dialog.effort.findData("M"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpportunityDialog, "exec", fill)
    row = list(opportunity_rows(dock)).index("Call-back instead of a waiting line")
    index = dock.opportunities.model().index(row, 2)
    rect = dock.opportunities.visualRect(index)
    count = stack.count()
    QTest.mouseDClick(dock.opportunities.viewport(), LEFT, pos=rect.center())
    o = journey.opportunity("op-call-back")
    assert (o.impact, o.effort) == (45, "M")
    assert stack.count() == count + 1
    stack.undo()
    assert journey.opportunity("op-call-back").impact == 30


def test_the_value_by_effort_matrix_opens_from_the_tab(window: MainWindow, qtbot: QtBot) -> None:
    pytest.importorskip("cjo_desktop.charts.matrix")
    dock = window.painpoint_dock
    settle(qtbot, window)
    assert not dock.matrix_button.isHidden()
    dialog = window.painpoints.show_matrix()
    assert dialog is not None and dialog.isVisible()
    dialog.close()
