"""Pain-point commands: flag a touchpoint, edit or remove a flag, add and edit opportunities,
edit the map's rules, and show or hide the pain points on the map.

Each user action is one command pushed on the document's undo stack. The actions act on the
selected touchpoint card (clicking a row of the pain-point dock selects its card), and live
in Edit > Pain Points and View; the dock shows them as buttons and in its context menus.
"""

from __future__ import annotations

import io
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.analysis.impact import MANUAL
from cjo_desktop.analysis.opportunities import opportunity_values
from cjo_desktop.app.edit_actions import EditActions
from cjo_desktop.app.painpoints.dialogs import (
    OpportunityDialog,
    PainPointDialog,
    pain_point_choices,
)
from cjo_desktop.app.painpoints.dock import MATRIX_MODULE, PainPointDock, matrix_available
from cjo_desktop.app.painpoints.rules import RulesDialog
from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands import (
    AddOpportunity,
    AddPainPoint,
    RemoveOpportunity,
    RemovePainPoint,
    SetJudgedOn,
    SetPainPointSettings,
    UpdateItem,
)
from cjo_desktop.domain import PainPoint
from cjo_desktop.editor.document import Document


def accepted(dialog: QDialog) -> bool:
    """Run ``dialog`` modally; True when the user pressed OK."""
    result = dialog.exec()
    return int(getattr(result, "value", result)) == QDialog.DialogCode.Accepted.value


def choose_pain_point(parent: QWidget, pain_points: list[PainPoint]) -> str | None:
    """Which of a touchpoint's flagged pain points; a function so tests can replace it."""
    texts = [f"{p.severity}: {p.description}" for p in pain_points]
    text, ok = QInputDialog.getItem(parent, "Which pain point?", "Pain point:", texts, 0, False)
    return pain_points[texts.index(text)].id if ok and text in texts else None


def picture_dialog(parent: QWidget, title: str, figure: Any) -> QDialog:
    """A matplotlib figure as a picture in a closable window."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue())
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    picture = QLabel()
    picture.setPixmap(pixmap)
    picture.setAccessibleName(title)
    scroll = QScrollArea()
    scroll.setWidget(picture)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll, 1)
    layout.addWidget(buttons)
    dialog.resize(min(pixmap.width() + 40, 1400), min(pixmap.height() + 80, 900))
    return dialog


class PainPointActions(EditActions):
    """The actions by name; ``message`` carries status-bar text."""

    def __init__(
        self, window: QMainWindow, document: Document, scene: JourneyScene, dock: PainPointDock
    ) -> None:
        super().__init__(window)
        self._window, self._document, self._scene, self._dock = window, document, scene, dock

        def a(text: str, tip: str, shortcut: str | None = None) -> QAction:
            return make_action(window, text, tip, shortcut)

        self.flag = a(
            "&Flag Pain Point…",
            "Flag the selected touchpoint as a pain point, with a severity and a strategy",
            "Ctrl+Shift+P",
        )
        self.edit = a(
            "&Edit Pain Point…",
            "Edit a pain point flagged at the selected touchpoint",
            "Ctrl+Alt+P",
        )
        self.remove = a(
            "&Remove Pain Point",
            "Remove a pain point flagged at the selected touchpoint, with its opportunities",
        )
        self.add_opportunity = a(
            "Add &Opportunity…",
            "Attach a proposed fix to a pain point of the selected touchpoint",
            "Ctrl+Shift+O",
        )
        self.rules = a(
            "Pain-Point R&ules…",
            "Edit the rules that find pain points, and the value of a customer",
            "Ctrl+Shift+R",
        )
        self.show = a("Show &Pain Points", "Highlight the pain points on the map", "Ctrl+Shift+H")
        self.show.setCheckable(True)
        self.show.setChecked(True)
        for action, slot in (
            (self.flag, self.flag_pain_point),
            (self.edit, self.edit_pain_point),
            (self.remove, self.remove_pain_point),
            (self.add_opportunity, self.add_opportunity_here),
            (self.rules, self.edit_rules),
        ):
            action.triggered.connect(lambda _=False, s=slot: s())
        self.show.toggled.connect(self.set_visible)
        follow = getattr(scene, "painpointsVisibleChanged", None)
        if follow is not None:  # switched elsewhere (preferences): keep the check in step
            follow.connect(self.show.setChecked)
        dock.editPainPointRequested.connect(self.edit_pain_point)
        dock.editOpportunityRequested.connect(self.edit_opportunity)
        dock.removeOpportunitiesRequested.connect(self.remove_opportunities)
        dock.matrixRequested.connect(self.show_matrix)
        dock.judgeOnRequested.connect(self.judge_on)
        dock.add_actions(
            [self.flag, self.add_opportunity, self.rules],
            [self.flag, self.edit, self.remove, self.add_opportunity, self.rules],
            [self.add_opportunity],
        )
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_enabled)
        scene.selectionChanged.connect(self._timer.start)
        document.journeyChanged.connect(lambda _change: self._timer.start())
        document.journeyReplaced.connect(self._timer.start)
        self.update_enabled()

    # ------------------------------------------------------------------ state
    def touchpoint(self) -> str | None:
        """The one selected touchpoint, if exactly one is selected."""
        ids = [i for i in self._scene.selected_touchpoints() if i in self.journey]
        return ids[0] if len(ids) == 1 else None

    def update_enabled(self) -> None:
        self._timer.stop()
        tp = self.touchpoint()
        flagged = tp is not None and bool(self.journey.pain_points(tp))
        self.flag.setEnabled(tp is not None)
        self.add_opportunity.setEnabled(tp is not None)
        self.edit.setEnabled(flagged)
        self.remove.setEnabled(flagged)

    def set_visible(self, on: bool) -> None:
        """Show or hide the pain-point highlights on the canvas."""
        show = getattr(self._scene, "set_painpoints_visible", None)
        if callable(show):
            show(on)

    def _name(self, tp: str) -> str:
        return self.journey.touchpoint(tp).name

    def _pick(self) -> str | None:
        """The manual pain point to edit or remove: the dock's current row when it is one of
        the selected card's, the card's only one, or the one the user picks."""
        tp = self.touchpoint()
        if tp is None:
            self.message.emit("Select one touchpoint card first")
            return None
        flagged = self.journey.pain_points(tp)
        row = self._dock.current_row()
        if row is not None and row.source == MANUAL and row.touchpoint_id == tp:
            return row.key
        if not flagged:
            self.message.emit(f"{self._name(tp)} has no pain point flagged by hand")
            return None
        if len(flagged) == 1:
            return flagged[0].id
        return choose_pain_point(self._window, flagged)

    # ------------------------------------------------------------------ pain points
    def flag_pain_point(self) -> None:
        tp = self.touchpoint()
        if tp is None:
            self.message.emit("Select one touchpoint card to flag it as a pain point")
            return
        dialog = PainPointDialog(self._name(tp), parent=self._window)
        if not accepted(dialog):
            return
        v = dialog.values()
        journey = self.journey
        if self._push(lambda: AddPainPoint(journey, tp, v.severity, v.description, v.strategy)):
            self.message.emit(f"Flagged a {v.severity} pain point at {self._name(tp)}")

    def edit_pain_point(self, pain_point_id: str | None = None) -> None:
        key = pain_point_id or self._pick()
        if key is None or key not in self.journey:
            return
        old = self.journey.pain_point(key)
        dialog = PainPointDialog(self._name(old.touchpoint_id), old, parent=self._window)
        if not accepted(dialog):
            return
        v = dialog.values()
        new = {"severity": v.severity, "description": v.description, "strategy": v.strategy}
        changes: dict[str, Any] = {k: x for k, x in new.items() if getattr(old, k) != x}
        journey = self.journey
        if changes:
            self._push(lambda: UpdateItem(journey, key, **changes))

    def remove_pain_point(self, pain_point_id: str | None = None) -> None:
        key = pain_point_id or self._pick()
        if key is None or key not in self.journey:
            return
        journey = self.journey
        p = journey.pain_point(key)
        if self._push(lambda: RemovePainPoint(journey, key)):
            self.message.emit(
                f"Removed the pain point at {self._name(p.touchpoint_id)} (Undo brings it back)"
            )

    # ------------------------------------------------------------------ opportunities
    def add_opportunity_here(self) -> None:
        tp = self.touchpoint()
        if tp is None:
            self.message.emit("Select one touchpoint card to add an opportunity to its pain point")
            return
        firing = [r.key for r in self._dock.ranking if r.touchpoint_id == tp]
        row = self._dock.current_row()
        wanted = row.key if row is not None and row.touchpoint_id == tp else None
        wanted = wanted or (firing[0] if firing else None)
        choices = pain_point_choices(self.journey, tp, set(firing))
        dialog = OpportunityDialog(self._name(tp), choices, pain_point=wanted, parent=self._window)
        if not accepted(dialog):
            return
        v = dialog.values()
        journey = self.journey
        if self._push(
            lambda: AddOpportunity(
                journey, tp, v.pain_point, v.name, v.effort, v.impact, v.description
            )
        ):
            self.message.emit(f"Added the opportunity {v.name!r} at {self._name(tp)}")

    def edit_opportunity(self, opportunity_id: str) -> None:
        journey = self.journey
        if opportunity_id not in journey:
            return
        old = journey.opportunity(opportunity_id)
        firing = {r.key for r in self._dock.ranking if r.touchpoint_id == old.touchpoint_id}
        choices = pain_point_choices(journey, old.touchpoint_id, firing)
        dialog = OpportunityDialog(
            self._name(old.touchpoint_id), choices, opportunity=old, parent=self._window
        )
        if not accepted(dialog):
            return
        v = dialog.values()
        new: dict[str, Any] = {
            "pain_point": v.pain_point,
            "name": v.name,
            "effort": v.effort,
            "impact": v.impact,
            "description": v.description,
        }
        changes: dict[str, Any] = {k: x for k, x in new.items() if getattr(old, k) != x}
        if changes:
            self._push(lambda: UpdateItem(journey, opportunity_id, **changes))

    def remove_opportunities(self, ids: list[str]) -> None:
        """Remove opportunities: one undo step however many."""
        journey = self.journey
        ids = [i for i in ids if i in journey]
        if not ids:
            return
        stack = self._document.undo_stack
        if len(ids) > 1:
            stack.beginMacro(f"Remove {len(ids)} opportunities")
        try:
            for key in ids:
                self._push(partial(RemoveOpportunity, journey, key))
        finally:
            if len(ids) > 1:
                stack.endMacro()
        self.message.emit(
            f"Removed {len(ids)} opportunit{'y' if len(ids) == 1 else 'ies'} (Undo brings "
            f"{'it' if len(ids) == 1 else 'them'} back)"
        )

    def show_matrix(self) -> QDialog | None:
        """The value-by-effort matrix of the opportunities (:mod:`cjo_desktop.charts.matrix`),
        judged on the dock's current ranking, in a window of its own."""
        if not matrix_available():
            self.message.emit("The value-by-effort matrix is not available in this version")
            return None
        import importlib

        chart = importlib.import_module(MATRIX_MODULE).matrix_chart
        settings = self.journey.painpoint_settings()
        values = opportunity_values(
            self.journey.opportunities(),
            self._dock.ranking,
            currency=settings.currency,
            period=settings.period,
        )
        figure = chart(
            values,
            currency=settings.currency,
            period=settings.period,
            subtitle=self.journey.title,
        )
        dialog = picture_dialog(self._window, "Value by effort", figure)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ rules
    def judge_on(self, label: str | None) -> None:
        """Judge the map's pain points on one snapshot, or on all (None): one undo step."""
        if label == self.journey.painpoint_settings().judged_on:
            return
        self._push(lambda: SetJudgedOn(self.journey, label))

    def edit_rules(self) -> None:
        journey = self.journey
        dialog = RulesDialog(journey, self._window)
        if not accepted(dialog):
            return
        settings = dialog.settings()
        if settings == journey.painpoint_settings():
            return
        if self._push(lambda: SetPainPointSettings(journey, settings)):
            self.message.emit("Pain-point rules changed: the ranking and the map follow them")


def build_painpoint_menus(window: QMainWindow, p: PainPointActions) -> QMenu:
    """Edit > Pain Points, and in View the highlight switch and the dock's toggle."""
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    edit, view = menus["&Edit"], menus["&View"]
    assert isinstance(edit, QMenu) and isinstance(view, QMenu)
    menu = QMenu("Pa&in Points", window)
    menu.menuAction().setStatusTip("Flag pain points, attach opportunities, edit the rules")
    menu.addActions([p.flag, p.edit, p.remove])
    menu.addSeparator()
    menu.addAction(p.add_opportunity)
    menu.addSeparator()
    menu.addAction(p.rules)
    find = next((a for a in edit.actions() if a.text().replace("&", "") == "Find…"), None)
    separator = edit.insertSeparator(find) if find else edit.addSeparator()
    edit.insertMenu(separator, menu)
    view.addSeparator()
    view.addAction(p.show)
    return menu
