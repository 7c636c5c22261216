"""Puts the start page in place of the map in a main window, and the map back once there is
one to show: a template, a recent map, the example or any file opened by another way (Open,
drop, recovery) ends the start page, and so does any edit made from the menus.

While it shows, the panels and the tool bar are hidden (they would describe an empty map and
squeeze the page) and Save and the exports are off (they would act on that empty map); the
window's layout is put back as it was when the page goes, and before the window saves its
layout on close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QTabBar, QToolBar, QWidget

from cjo_desktop.app.start.page import StartPage
from cjo_desktop.io.templates import example_path

if TYPE_CHECKING:
    from cjo_desktop.app.shell.main_window import MainWindow

DASH = "\N{EM DASH}"


class StartSwitch(QObject):
    """The start page of ``window`` and whether it shows (``active``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page = StartPage()
        self.stack = QStackedWidget()
        self.stack.setObjectName("center_stack")
        center = window.takeCentralWidget()
        assert center is not None
        self.map_widget: QWidget = center
        self.stack.addWidget(center)
        self.stack.addWidget(self.page)
        window.setCentralWidget(self.stack)
        self._hidden: list[QWidget] = []
        self._on_top: set[str] = set()
        self._paused: list[QAction] = []
        files = window.files
        self.page.templateChosen.connect(files.new_from_template)
        self.page.recentChosen.connect(files.open_recent)
        self.page.recentRemoved.connect(files.remove_recent)
        self.page.exampleChosen.connect(lambda: files.open_copy(example_path()))
        self.page.openChosen.connect(files.open_dialog)
        files.recentChanged.connect(self._refresh_recent)
        window.document.journeyReplaced.connect(self.leave)
        window.document.undo_stack.indexChanged.connect(self.leave)

    @property
    def active(self) -> bool:
        return self.stack.currentWidget() is self.page

    def enter(self) -> None:
        """Show the start page instead of the map."""
        if self.active:
            return
        self._hidden = [
            bar
            for kind in (QDockWidget, QToolBar)
            for bar in self.window.findChildren(kind)
            if bar.parent() is self.window and not bar.isHidden()
        ]
        if not self.window.zoom_label.isHidden():  # the zoom of a map that is not shown
            self._hidden.append(self.window.zoom_label)
        self._on_top = {
            bar.tabText(bar.currentIndex())
            for bar in self.window.findChildren(QTabBar)
            if bar.parent() is self.window and bar.isVisibleTo(self.window)
        }
        for bar in self._hidden:
            bar.hide()
        # Saving or exporting would act on the empty map behind the page.
        acts = self.window.acts
        wanted = (acts.save, acts.save_as, acts.export, acts.export_report)
        self._paused = [action for action in wanted if action.isEnabled()]
        for action in self._paused:
            action.setEnabled(False)
        # Qt keeps a spare tab bar of the tabbed panels up at a stale place, hidden behind
        # the panels; with them gone it would show through the page (the tab bars belong to
        # the window's layout, which may delete them: leave them alone and cover them).
        self.stack.raise_()
        self._refresh_recent()
        # Watched only while the page shows: PySide crashes when a Python filter is handed
        # events of a window being destroyed.
        self.window.installEventFilter(self)
        self.stack.setCurrentWidget(self.page)
        self.window.setWindowTitle(f"Start {DASH} cjo-desktop[*]")
        self.page.templates.setFocus(Qt.FocusReason.OtherFocusReason)
        self.page.load_previews()

    def leave(self) -> None:
        """Show the map again, with the panels as they were."""
        if not self.active:
            return
        self.stack.setCurrentWidget(self.map_widget)
        self.window.removeEventFilter(self)
        paused, self._paused = self._paused, []
        for action in paused:
            action.setEnabled(True)
        self._restore_layout()
        self.window.view.show_start()
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restore_layout(self) -> None:
        """Show again what :meth:`enter` hid; hidden and shown, the panels keep their places
        and sizes (the window's saved layout, taken before the window was first shown, did
        not have them yet)."""
        hidden, self._hidden = self._hidden, []
        for bar in hidden:
            bar.show()
        for bar in hidden:  # shown again, tabbed panels would come up with the last one on top
            if isinstance(bar, QDockWidget) and bar.windowTitle() in self._on_top:
                bar.raise_()

    def _refresh_recent(self) -> None:
        self.page.set_recent(self.window.files.recent_files())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window:
            self.window.removeEventFilter(self)
            self._restore_layout()  # the window saves its layout next: the one with the panels
        return False


def show_start_page(window: MainWindow) -> StartSwitch:
    """Give ``window`` its start page and show it (``cjo-desktop`` without a file)."""
    switch = StartSwitch(window)
    switch.enter()
    return switch
