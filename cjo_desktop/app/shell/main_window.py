"""The main window: it only wires the document, canvas, docks, actions and helpers together.

The verbs live elsewhere: edits in :class:`EditorController`, files in :class:`FileOps`,
pictures in :class:`Exporter`; the actions and menus are built in :mod:`actions`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.blueprint.actions import BlueprintActions, build_blueprint_menu
from cjo_desktop.app.comments.actions import CommentActions, build_comment_menus
from cjo_desktop.app.comments.dock import CommentsDock
from cjo_desktop.app.evidence.view_action import evidence_view_action
from cjo_desktop.app.export.dialog import Exporter
from cjo_desktop.app.export.report import export_report
from cjo_desktop.app.freecards.actions import link_action
from cjo_desktop.app.lanes.actions import LaneActions, build_lane_menus
from cjo_desktop.app.lanes.canvas_menu import LaneTitleMenu
from cjo_desktop.app.lanes.dock import LanesDock
from cjo_desktop.app.metrics.dock import MetricsDock
from cjo_desktop.app.metrics.import_dialog import show_import_dialog
from cjo_desktop.app.metrics.menu import MetricsMenu
from cjo_desktop.app.painpoints.actions import PainPointActions, build_painpoint_menus
from cjo_desktop.app.painpoints.dock import PainPointDock
from cjo_desktop.app.panels.find_bar import FindBar
from cjo_desktop.app.panels.inspector import InspectorDock
from cjo_desktop.app.panels.outline import OutlineDock
from cjo_desktop.app.panels.workshop import WorkshopBar
from cjo_desktop.app.personas.actions import PersonaActions, build_persona_menus
from cjo_desktop.app.personas.dock import PersonasDock
from cjo_desktop.app.shell import recovery_ui
from cjo_desktop.app.shell.about import show_about
from cjo_desktop.app.shell.actions import (
    FEELINGS,
    Actions,
    ShortcutsDialog,
    build_menus,
    build_toolbar,
    restrict_to,
)
from cjo_desktop.app.shell.file_ops import FileOps
from cjo_desktop.app.shell.preferences_dialog import PreferencesDialog
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.canvas.view import JourneyView
from cjo_desktop.editor.controller import EditorController
from cjo_desktop.editor.document import Document
from cjo_desktop.editor.recovery import AutoSaver
from cjo_desktop.editor.watcher import ExternalChangeWatcher
from cjo_desktop.io import FILE_SUFFIX

APP_NAME = "cjo-desktop"
#: The side column's default width: this share of the window, within these bounds (px).
SIDE_SHARE, SIDE_MIN, SIDE_MAX = 0.18, 286, 340
#: The Outline's default share of the side column's height (the Inspector has the rest).
OUTLINE_SHARE = 0.42
#: The bottom panel's default share of the window's height.
BOTTOM_SHARE = 0.22
DASH = "\N{EM DASH}"


def droppable_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local ``*.cjo.json`` (or ``*.json``) file being dragged, if any."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return None
    for url in data.urls():
        path = Path(url.toLocalFile())
        if url.isLocalFile() and path.name.lower().endswith((FILE_SUFFIX, ".json")):
            return path
    return None


class MainWindow(QMainWindow):
    """One window per document. Public parts: ``document``, ``scene``, ``view``,
    ``controller``, ``files``, ``exporter``, ``acts`` and the docks and bars."""

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._shown = False
        self.document = document or Document(parent=self)
        self.scene = JourneyScene(self)
        self.view = JourneyView(self.scene)
        self.controller = EditorController(self.document, self.scene, self.view)
        self.autosaver = AutoSaver(self.document)
        self.watcher = ExternalChangeWatcher(self.document)
        self.document.saved.connect(lambda _path: self.watcher.remember())
        self.watcher.changedOnDisk.connect(lambda path: recovery_ui.on_changed_on_disk(self, path))
        self.files = FileOps(self.document, self)
        self.exporter = Exporter(self.document, self)
        self.acts = Actions(self, self.document.undo_stack)
        self._build_center()
        self._build_docks()
        self.toolbar = build_toolbar(self, self.acts)
        self.recent_menu = build_menus(self, self.acts, self._panel_toggles())
        self.metrics_menu = MetricsMenu(self.scene, self)
        view_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&View")
        assert isinstance(view_menu, QMenu)  # the stubs type an action's menu as a QObject
        view_menu.addSeparator()
        view_menu.addMenu(self.metrics_menu)
        self.evidence_view = evidence_view_action(self.scene, self)
        view_menu.addAction(self.evidence_view)
        self.painpoints = PainPointActions(self, self.document, self.scene, self.painpoint_dock)
        build_painpoint_menus(self, self.painpoints)
        self.comments = CommentActions(self, self.document, self.scene, self.comment_dock)
        build_comment_menus(self, self.comments)
        self.lane_actions = LaneActions(self, self.document, self.controller, self.lane_dock)
        self.map_menu = build_lane_menus(self, self.lane_actions)
        self.lane_titles = LaneTitleMenu(self.scene, self.lane_actions)
        self.blueprint = BlueprintActions(self, self.document)
        build_blueprint_menu(self, self.blueprint)
        self.personas = PersonaActions(self, self.document, self.scene, self.persona_dock)
        build_persona_menus(self, self.personas)
        self.link_card = link_action(self, self.controller)  # in the Map menu just made
        self._build_status()
        restrict_to(self.view, self.acts.canvas_only)
        self._connect()
        self._update_title()
        self._update_selection_actions()
        self.resize(1280, 800)
        if not self.restore_settings():
            self._default_dock_sizes()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # keys go to the map at start

    # --------------------------------------------------------------- building
    def _build_center(self) -> None:
        self.find_bar = FindBar(self.document, self.scene, self.view, self)
        self.workshop = WorkshopBar(self.document, self.scene, self, view=self.view)
        center = QWidget(self)
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.workshop)
        self.find_bar.hide()
        self.setCentralWidget(center)

    def _build_docks(self) -> None:
        self.inspector = InspectorDock(self.document, self.scene, self.view, self)
        self.outline = OutlineDock(self.document, self.scene, self.view, self)
        self.metrics_dock = MetricsDock(self.document, self.scene, self.view, self)
        self.painpoint_dock = PainPointDock(self.document, self.scene, self.view, self)
        self.comment_dock = CommentsDock(self.document, self.scene, self.view, self)
        self.lane_dock = LanesDock(self.document, self.scene, self.view, self)
        self.persona_dock = PersonasDock(self.document, self.scene, self.view, self)
        self.history = QDockWidget("History", self)
        self.history.setWidget(QUndoView(self.document.undo_stack, self.history))
        self.history.widget().setAccessibleName("Undo history")
        for dock, name, area in (
            (self.outline, "outline", Qt.DockWidgetArea.RightDockWidgetArea),
            (self.persona_dock, "personas", Qt.DockWidgetArea.RightDockWidgetArea),
            (self.inspector, "inspector", Qt.DockWidgetArea.RightDockWidgetArea),
            (self.history, "history", Qt.DockWidgetArea.RightDockWidgetArea),
            (self.metrics_dock, "metrics", Qt.DockWidgetArea.BottomDockWidgetArea),
            (self.painpoint_dock, "painpoints", Qt.DockWidgetArea.BottomDockWidgetArea),
            (self.comment_dock, "comments", Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setObjectName(dock.objectName() or name)
            self.addDockWidget(area, dock)
        # One column at the right, the Outline above the Inspector: the map gets the whole
        # width left of it (a fitted map is a third larger than with a panel on each side,
        # which is what lets every card's name be read); the column runs the full height.
        self.splitDockWidget(self.outline, self.inspector, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.inspector, self.history)
        self.tabifyDockWidget(self.outline, self.persona_dock)
        # The metrics table (a column per metric and per change) needs the width of the
        # bottom: in the side column it showed two and a half columns.
        self.tabifyDockWidget(self.painpoint_dock, self.metrics_dock)
        self.tabifyDockWidget(self.metrics_dock, self.comment_dock)
        # The lanes are a list top to bottom, like the outline: a tab beside it. Docked by
        # the tabify alone: added to the column first, it left a stray tab bar of the bottom
        # panels painted over them.
        self.lane_dock.setObjectName("lanes")
        self.tabifyDockWidget(self.outline, self.lane_dock)
        self.painpoint_dock.raise_()
        self.inspector.raise_()
        self.outline.raise_()
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

    def _default_dock_sizes(self) -> None:
        """First start (no saved window state): Qt would squeeze the side panels to their
        minimum (the Inspector's title field showed five letters) and give the bottom panel 40%
        of the height; instead the map stays the main thing and every panel is readable."""
        side = min(max(self.width() * SIDE_SHARE, SIDE_MIN), SIDE_MAX)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.outline], [round(side)], horizontal)
        column = self.height() - self.menuBar().height() - self.statusBar().height()
        heights = [round(column * OUTLINE_SHARE), round(column * (1 - OUTLINE_SHARE))]
        self.resizeDocks([self.outline, self.inspector], heights, vertical)
        self.resizeDocks([self.painpoint_dock], [round(self.height() * BOTTOM_SHARE)], vertical)

    def _panel_toggles(self) -> list[QAction]:
        """View menu switches for the panels, each with its own Alt+letter."""
        toggles = []
        panels = (
            (self.outline, "Out&line"),
            (self.persona_dock, "Pe&rsonas"),
            (self.metrics_dock, "M&etrics"),
            (self.painpoint_dock, "Pain Poin&ts"),
            (self.comment_dock, "&Comments"),
            (self.inspector, "I&nspector"),
            (self.history, "Histor&y"),
            (self.toolbar, "Main Tool&bar"),
        )
        for panel, text in panels:
            action = panel.toggleViewAction()
            action.setText(text)
            action.setStatusTip(f"Show or hide the {panel.windowTitle().lower()}")
            toggles.append(action)
        return toggles

    def _build_status(self) -> None:
        self.zoom_label = QLabel("100%")
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setToolTip("Zoom")
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        a, c, f, v = self.acts, self.controller, self.files, self.view
        wiring = [
            (a.new, f.new_map),
            (a.open, f.open_dialog),
            (a.save, f.save),
            (a.save_as, f.save_as),
            (a.export, self.exporter.show_dialog),
            (a.import_metrics, lambda: show_import_dialog(self.document, self.scene, self)),
            (a.close, self.close),
            (a.quit, self._quit),
            (a.cut, c.cut),
            (a.copy, c.copy),
            (a.paste, c.paste),
            (a.duplicate, c.duplicate),
            (a.delete, c.delete_selection),
            (a.select_all, c.select_all),
            (a.rename, c.rename_selection),
            (a.add_stage, c.add_stage),
            (a.insert_before, c.insert_stage_before),
            (a.insert_after, c.insert_stage_after),
            (a.add_touchpoint, c.add_touchpoint),
            (a.workshop, self.workshop.focus_entry),
            (a.clear_feeling, lambda: c.set_feeling(None)),
            (a.find, self.find_bar.activate),
            (a.find_next, self.find_bar.find_next),
            (a.find_previous, self.find_bar.find_previous),
            (a.zoom_in, v.zoom_in),
            (a.zoom_out, v.zoom_out),
            (a.actual_size, v.actual_size),
            (a.fit, v.fit),
            (a.shortcuts, self.show_shortcuts),
            (a.about, lambda: show_about(self)),
            (a.preferences, self.show_preferences),
            (a.export_report, lambda: export_report(self)),
        ]
        for action, slot in wiring:
            action.triggered.connect(lambda _=False, s=slot: s())
        for action, (valence, _label) in zip(a.feelings, FEELINGS, strict=True):
            action.triggered.connect(lambda _=False, v=valence: c.set_feeling(v))
        self.recent_menu.aboutToShow.connect(lambda: f.fill_recent_menu(self.recent_menu))
        status = self.statusBar()
        for source in (f.message, self.exporter.message, c.statusMessage, self.painpoints.message):
            source.connect(lambda text: status.showMessage(text, 5000))
        for extra in (
            self.blueprint.message,
            self.comments.message,
            self.lane_actions.message,
            self.personas.message,
        ):
            extra.connect(lambda text: status.showMessage(text, 5000))
        self.document.modifiedChanged.connect(self.setWindowModified)
        self.document.pathChanged.connect(self._update_title)
        self.document.journeyReplaced.connect(self._update_title)
        self.document.journeyReplaced.connect(self.view.show_start)
        self.document.undo_stack.indexChanged.connect(self._update_title)
        self.scene.selectionChanged.connect(self._update_selection_actions)
        pains = self.painpoints  # a double-clicked note opens its own dialog
        self.scene.noteActivated.connect(
            lambda key: (
                pains.edit_pain_point if self.scene.notes[key].is_pain else pains.edit_opportunity
            )(key)
        )
        self.workshop.done.connect(self.view.setFocus)
        self.find_bar.closed.connect(self.view.setFocus)
        v.zoomChanged.connect(lambda zoom: self.zoom_label.setText(f"{zoom:.0%}"))

    # ----------------------------------------------------------------- state
    def _update_title(self) -> None:
        """ "<map title> — <file name>[*] — cjo-desktop"; [*] shows unsaved changes."""
        title = self.document.journey.title
        self.setWindowTitle(f"{title} {DASH} {self.document.display_name}[*] {DASH} {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def _update_selection_actions(self) -> None:
        selected = bool(self.scene.selectedItems())
        for action in self.acts.selection_dependent:
            action.setEnabled(selected)

    def open_file(self, path: Path) -> bool:
        """Open ``path`` (command line, drop, recent); a bad file keeps the current map."""
        return self.files.open_path(path)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_preferences(self) -> PreferencesDialog:
        """Non-modal like the shortcut list; OK saves and applies at once."""
        dialog = PreferencesDialog(self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _quit(self) -> None:
        if self.close():
            QApplication.quit()

    # -------------------------------------------------------------- settings
    def restore_settings(self) -> bool:
        """Put the window and its panels back as they were; False when nothing was saved."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        return isinstance(state, QByteArray) and self.restoreState(state)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    # ---------------------------------------------------------------- events
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # frame the map once the viewport has its real size
            self._shown = True
            self.view.show_start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosaver.save_now()  # leaving the window: protect the work now

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            self.save_settings()
            self.autosaver.discard()  # a clean close leaves nothing to recover
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if droppable_map(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = droppable_map(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)
