"""Every command of the window as a QAction, its menus, its toolbar and the shortcut list.

Shortcuts come from ``QKeySequence.StandardKey`` wherever the platform has a convention, so the
editor feels native on each desktop; the rest are chosen not to collide with those. The
actions are built here without behaviour; the main window connects them to their verbs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

Std = QKeySequence.StandardKey
Shortcut = Std | str | list[Std | str] | None

#: Feeling keys: 1..5 give -2..+2, the order of the scale from left to right.
FEELINGS = [
    (-2, "Very Negative"),
    (-1, "Negative"),
    (0, "Neutral"),
    (1, "Positive"),
    (2, "Very Positive"),
]


def _sequences(shortcut: Shortcut) -> list[QKeySequence]:
    items = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut else []
    out: list[QKeySequence] = []
    for item in items:
        if isinstance(item, Std):
            out += QKeySequence.keyBindings(item)
        else:
            out.append(QKeySequence(item))
    return out


def _signed(value: int) -> str:
    """Signed with a true minus sign, as the feeling scale is printed; zero has no sign."""
    return f"{value:+d}".replace("-", "\N{MINUS SIGN}") if value else "0"


def make_action(parent: QObject, text: str, tip: str, shortcut: Shortcut = None) -> QAction:
    """An action with its menu text (also its accessible name), status tip and shortcuts."""
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(text.replace("&", "").removesuffix("…"))
    keys = _sequences(shortcut)
    if keys:
        action.setShortcuts(keys)
        native = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.toolTip()} ({native})")
    return action


class Actions(QObject):
    """The window's actions by name; ``feelings`` holds -2..+2 in key order 1..5."""

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        super().__init__(window)

        def a(text: str, tip: str, shortcut: Shortcut = None) -> QAction:
            return make_action(window, text, tip, shortcut)

        # File
        self.new = a("&New…", "Start a new map from a template", Std.New)
        self.open = a("&Open…", "Open a journey map file", Std.Open)
        self.save = a("&Save", "Save the map", Std.Save)
        self.save_as = a("Save &As…", "Save the map under a new name", Std.SaveAs)
        self.export = a("&Export…", "Export the map as a PNG, SVG or PDF picture", "Ctrl+E")
        self.export_report = a(
            "Export Re&port…",
            "Write the client report: map, feelings, metrics, funnel, ranked pain points",
            "Ctrl+Shift+E",
        )
        self.import_metrics = a(
            "Import &Metrics…", "Import survey, funnel or KPI data as a metric snapshot", "Ctrl+I"
        )
        self.close = a("&Close Window", "Close this window", Std.Close)
        quit_keys = Std.Quit if QKeySequence.keyBindings(Std.Quit) else "Ctrl+Q"
        self.quit = a("&Quit", "Quit cjo-desktop", quit_keys)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo = undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(_sequences(Std.Undo))
        self.undo.setStatusTip("Undo the last change")
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(_sequences(Std.Redo))
        self.redo.setStatusTip("Redo the change just undone")
        # Menus say what will be undone; toolbar buttons stay short and do not jump around.
        self.undo.setIconText("Undo")
        self.redo.setIconText("Redo")
        self.cut = a("Cu&t", "Move the selection to the clipboard", Std.Cut)
        self.copy = a("C&opy", "Copy the selection to the clipboard", Std.Copy)
        self.paste = a("&Paste", "Paste stages or touchpoints from the clipboard", Std.Paste)
        self.duplicate = a("Dupli&cate", "Duplicate the selection", "Ctrl+D")
        self.delete = a("&Delete", "Delete the selection", Std.Delete)
        self.select_all = a("Select &All", "Select every touchpoint and flow", Std.SelectAll)
        self.rename = a("Rena&me", "Rename the selected stage or touchpoint", "F2")
        self.add_stage = a("Add &Stage", "Add a stage at the end of the journey", "Ctrl+Shift+N")
        self.insert_before = a(
            "Insert Stage &Before", "Insert a stage before the current one", "Ctrl+Shift+Left"
        )
        self.insert_after = a(
            "Insert Stage Aft&er", "Insert a stage after the current one", "Ctrl+Shift+Right"
        )
        self.add_touchpoint = a(
            "Add Touc&hpoint", "Type a new touchpoint on the canvas", "Ctrl+Shift+T"
        )
        self.workshop = a(
            "&Workshop Entry…", "Type touchpoints quickly in the workshop bar", "Ctrl+T"
        )
        self.feelings = [
            a(
                f"{label} ({_signed(valence)})",
                f"Set how the customer feels at the selected touchpoints: {label.lower()}",
                str(key),
            )
            for key, (valence, label) in enumerate(FEELINGS, start=1)
        ]
        for action, (valence, _) in zip(self.feelings, FEELINGS, strict=True):
            action.setData(valence)
        self.clear_feeling = a(
            "&Clear Feeling", "Remove the feeling of the selected touchpoints", "0"
        )
        self.find = a("Fi&nd…", "Find stages and touchpoints by name", Std.Find)
        self.find_next = a("Find Ne&xt", "Go to the next match", Std.FindNext)
        self.find_previous = a("Find Pre&vious", "Go to the previous match", Std.FindPrevious)
        prefs_keys = Std.Preferences if QKeySequence.keyBindings(Std.Preferences) else "Ctrl+,"
        self.preferences = a(
            "Pre&ferences…", "Theme, export defaults, autosave interval, author", prefs_keys
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # View
        self.zoom_in = a("Zoom &In", "Make the map larger", [Std.ZoomIn, "Ctrl+="])
        self.zoom_out = a("Zoom &Out", "Make the map smaller", Std.ZoomOut)
        self.actual_size = a("&Actual Size", "Show the map at 100%", "Ctrl+1")
        self.fit = a("&Fit to Window", "Show the whole map", "Ctrl+0")
        # Help
        self.shortcuts = a(
            "&Keyboard Shortcuts", "List every command and its keys", Std.HelpContents
        )
        self.about = a("&About cjo-desktop", "Version and licence of cjo-desktop")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self._theme_icons()

    def _theme_icons(self) -> None:
        """Freedesktop icon names: the desktop's own icons where it has a theme; elsewhere the
        toolbar falls back to the actions' text."""
        for action, name in (
            (self.new, "document-new"),
            (self.open, "document-open"),
            (self.save, "document-save"),
            (self.save_as, "document-save-as"),
            (self.quit, "application-exit"),
            (self.undo, "edit-undo"),
            (self.redo, "edit-redo"),
            (self.cut, "edit-cut"),
            (self.copy, "edit-copy"),
            (self.paste, "edit-paste"),
            (self.delete, "edit-delete"),
            (self.select_all, "edit-select-all"),
            (self.find, "edit-find"),
            (self.add_stage, "list-add"),
            (self.zoom_in, "zoom-in"),
            (self.zoom_out, "zoom-out"),
            (self.actual_size, "zoom-original"),
            (self.fit, "zoom-fit-best"),
            (self.shortcuts, "help-contents"),
            (self.about, "help-about"),
        ):
            action.setIcon(QIcon.fromTheme(name))

    @property
    def canvas_only(self) -> list[QAction]:
        """Single-key actions: live only while the canvas has focus, so fields keep their
        digits."""
        return [*self.feelings, self.clear_feeling]

    @property
    def selection_dependent(self) -> list[QAction]:
        return [
            self.cut,
            self.copy,
            self.duplicate,
            self.delete,
            self.rename,
            *self.feelings,
            self.clear_feeling,
        ]


def build_menus(window: QMainWindow, a: Actions, docks: list[QAction]) -> QMenu:
    """File, Edit, View and Help; returns the (empty) Open Recent submenu to be filled."""
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([a.new, a.open])
    recent = file.addMenu("Open &Recent")
    recent.menuAction().setStatusTip("Open a recently used map")
    file.addSeparator()
    file.addActions([a.save, a.save_as, a.export, a.export_report, a.import_metrics])
    file.addSeparator()
    file.addActions([a.close, a.quit])

    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.rename])
    edit.addSeparator()
    edit.addActions([a.add_stage, a.insert_before, a.insert_after, a.add_touchpoint, a.workshop])
    feeling = edit.addMenu("Fee&ling")
    feeling.menuAction().setStatusTip("Set how the customer feels at the selected touchpoints")
    feeling.addActions([*a.feelings, a.clear_feeling])
    edit.addSeparator()
    edit.addActions([a.find, a.find_next, a.find_previous])
    edit.addSeparator()
    edit.addAction(a.preferences)

    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.actual_size, a.fit])
    view.addSeparator()
    view.addActions(docks)

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])
    return recent


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    bar = window.addToolBar("Main toolbar")
    bar.setObjectName("main_toolbar")
    bar.toggleViewAction().setStatusTip("Show or hide the toolbar")
    bar.addActions([a.new, a.open, a.save])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addActions([a.add_stage, a.add_touchpoint])
    bar.addSeparator()
    bar.addActions([a.zoom_in, a.zoom_out, a.fit])
    return bar


# --------------------------------------------------------------- shortcut list
def menu_rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, command, shortcuts) for every action reachable from the menu bar."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = action.text().replace("&", "")
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} \N{RIGHTWARDS ARROW} {text}")
                continue
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not _dedicated_key(k)
            )
            rows.append((where, text, keys))

    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, action.text().replace("&", ""))
    return rows


def _dedicated_key(sequence: QKeySequence) -> bool:
    """Keys like "Open" or "Zoom In" that only some keyboards have: noise in the list."""
    if sequence.count() != 1:
        return False
    first = sequence[0]  # type: ignore[index]  # the stubs miss QKeySequence.operator[]
    return bool(first.key().value >= Qt.Key.Key_Back.value)


#: Keys of the canvas itself, which no menu lists: (where, what, keys).
CANVAS_KEYS: list[tuple[str, str, str]] = [
    ("Canvas", "Next / previous card in journey order", "Tab, Shift+Tab"),
    ("Canvas", "Nearest card left, right; card above, below", "Arrow keys"),
    ("Canvas", "Pan", "Space+drag, middle button drag, scroll wheel"),
    ("Canvas", "Zoom at the pointer", "Ctrl+wheel, pinch"),
    ("Canvas", "Rename in place / new card in an empty cell", "Double-click"),
    ("Canvas", "Connect two cards", "Drag from a card's round handle"),
    ("Canvas", "Record a drop-off", "Drag from a card's round handle to empty canvas"),
    ("Canvas", "New free card in a cell / edit its text", "Double-click in a lane of free cards"),
    ("Canvas", "Move a free card to another cell", "Drag it"),
    ("Canvas", "Open a free card's link", "Click its link mark, or Ctrl+click the card"),
    ("Workshop bar", "Next card / next stage / channel / done", "Enter, Tab, Alt+C, Esc"),
]


class ShortcutsDialog(QDialog):
    """Generated from the menus, so it can never fall out of date; the canvas's own keys
    follow."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = menu_rows(bar) + CANVAS_KEYS
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Shortcut"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        # the menu and the keys are never cut; a long command wraps in the width left over
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self._width_for_columns(), 620)

    def _width_for_columns(self) -> int:
        """Wide enough that every column shows its longest entry, within the screen."""
        table = self.table
        columns = sum(
            max(table.sizeHintForColumn(c), table.horizontalHeader().sectionSizeHint(c))
            for c in range(table.columnCount())
        )
        layout = self.layout()
        assert layout is not None  # built in __init__
        margins = layout.contentsMargins()
        chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth() + 4
        width = columns + chrome + margins.left() + margins.right()
        screen = self.screen().availableGeometry().width() if self.screen() else width
        return min(width, round(screen * 0.9))


def restrict_to(widget: QWidget, actions: list[QAction]) -> None:
    """Bind single-key ``actions`` to ``widget`` and its children only."""
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
