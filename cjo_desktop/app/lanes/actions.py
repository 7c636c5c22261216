"""Lane verbs in the window: add (a menu of kinds), rename, move, hide, collapse and delete,
each one undo step on the document's stack, from the Lanes panel, Edit > Add Lane and the
context menu of a lane's title on the map. View > Lanes Panel shows the panel and puts the
keyboard in its list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from cjo_desktop.app.edit_actions import EditActions
from cjo_desktop.app.lanes.dock import LanesDock
from cjo_desktop.app.lanes.model import FIXED_TIP
from cjo_desktop.app.map_menu import map_menu
from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.commands import (
    AddLane,
    MoveLane,
    RemoveLane,
    RenameLane,
    SetLaneCollapsed,
    SetLaneHidden,
)
from cjo_desktop.domain import Journey
from cjo_desktop.domain.lanes import CARDS, KIND_WORDS, LANE_KINDS, SINGLE, LaneKind
from cjo_desktop.editor.controller import EditorController
from cjo_desktop.editor.document import Document

#: The order kinds are offered in: what teams add most first, the program's lanes last.
MENU_KINDS: tuple[LaneKind, ...] = tuple(k for k in LANE_KINDS if k not in SINGLE) + tuple(
    k for k in LANE_KINDS if k in SINGLE and k != CARDS
)


#: Each kind's letter in a menu (Alt+letter), unique within the menu of kinds.
MNEMONICS: dict[LaneKind, str] = {
    "customer_actions": "C",
    "thoughts": "T",
    "frontstage": "F",
    "backstage": "B",
    "support": "S",
    "systems": "y",
    "text": "x",
    "owners": "O",
    "metrics": "M",
    "emotion": "E",
    "pain_points": "P",
    "opportunities": "n",
}


def menu_text(kind: LaneKind) -> str:
    """The kind in words with its mnemonic: "Backstage actions" -> "&Backstage actions"."""
    words = KIND_WORDS[kind]
    at = words.find(MNEMONICS[kind])
    return words if at < 0 else f"{words[:at]}&{words[at:]}"


def popup(menu: QMenu, where: QPoint) -> QAction | None:
    """Show a context menu and wait for the choice; a function so tests can answer it."""
    return menu.exec(where)


def new_lane_name(journey: Journey, kind: LaneKind) -> str:
    """The kind in words, numbered when the map has a lane of that name already."""
    base = KIND_WORDS[kind]
    names = {lane.name for lane in journey.lanes()}
    n = 2
    name = base
    while name in names:
        name, n = f"{base} {n}", n + 1
    return name


class LaneActions(EditActions):
    """``add_menu`` (Edit > Add Lane) and ``show_panel`` by name; ``message`` carries
    status-bar text."""

    def __init__(
        self,
        window: QMainWindow,
        document: Document,
        controller: EditorController,
        dock: LanesDock,
    ) -> None:
        super().__init__(window)
        self._window, self._document, self._dock = window, document, dock
        self._controller = controller
        self.add_menu = self.kinds_menu(window, lambda: None, "&Add Lane", in_panel=False)
        self.add_menu.menuAction().setStatusTip("Add a lane at the bottom of the map")
        self.show_panel = make_action(
            window, "&Lanes Panel", "Show the lanes and go to their list", "Ctrl+Shift+L"
        )
        self.show_panel.triggered.connect(lambda _=False: self.focus_panel())
        dock.add_button.setMenu(self.kinds_menu(dock, self._below_current, "Add lane", True))
        model, lanes = dock.model, dock.lanes
        model.renameRequested.connect(self.rename)
        model.hiddenRequested.connect(self.set_hidden)
        model.moveRequested.connect(self.move_to)
        lanes.delegate.collapseRequested.connect(self.set_collapsed)
        dock.removeRequested.connect(self.remove)
        dock.stepRequested.connect(self.move_by)
        dock.menuRequested.connect(lambda lane, at: self.show_lane_menu(lane, at, on_canvas=False))

    def _push(self, build: Callable[[], QUndoCommand]) -> bool:
        """The panel shows the result at once (the next key in its list acts on the lanes as
        they now are)."""
        done = super()._push(build)
        if done:
            self._dock.refresh()
        return done

    def focus_panel(self) -> None:
        self._dock.show()
        self._dock.raise_()
        self._dock.lanes.setFocus()

    # ------------------------------------------------------------------ menus
    def kinds_menu(
        self, parent: QWidget, index: Callable[[], int | None], title: str, in_panel: bool
    ) -> QMenu:
        """A menu of the kinds of lane; kinds the program fills and the map has are greyed
        out, their tooltip says why. Choosing one adds a lane at ``index()`` and starts
        typing its name, in the panel's list or on the map."""
        menu = QMenu(title, parent)
        menu.setToolTipsVisible(True)
        for kind in MENU_KINDS:
            if kind == next(k for k in MENU_KINDS if k in SINGLE):
                menu.addSeparator()
            action = menu.addAction(menu_text(kind))
            action.setData(kind)
            action.setStatusTip(f"Add a lane of {KIND_WORDS[kind].lower()}")
            action.triggered.connect(lambda _=False, k=kind: self.add(k, index(), in_panel))
        menu.aboutToShow.connect(lambda: self.update_kinds(menu))
        return menu

    def update_kinds(self, menu: QMenu) -> None:
        for action in menu.actions():
            kind = action.data()
            if kind not in KIND_WORDS:
                continue
            has = kind in SINGLE and self.journey.lane_of_kind(kind) is not None
            action.setEnabled(not has)
            action.setToolTip(
                f"The map has its {KIND_WORDS[kind].lower()} lane already; the program fills it"
                if has
                else f"Add a lane of {KIND_WORDS[kind].lower()}"
            )

    def _below_current(self) -> int | None:
        lane = self._dock.lanes.current_lane()
        return None if lane is None else self.journey.lane_index(lane) + 1

    def lane_menu(self, lane_id: str, on_canvas: bool) -> QMenu:
        """Rename, hide, collapse, move, delete and add below one lane."""
        lane = self.journey.lane(lane_id)
        index = self.journey.lane_index(lane_id)
        count = len(self.journey.lanes())
        fixed = lane.kind == CARDS
        menu = QMenu(self._window)
        menu.setToolTipsVisible(True)
        rename = menu.addAction("Rena&me…")
        rename.triggered.connect(lambda: self.start_rename(lane_id, on_canvas))
        hide = menu.addAction("&Show" if lane.hidden else "&Hide")
        hide.triggered.connect(lambda: self.set_hidden(lane_id, not lane.hidden))
        fold = menu.addAction("&Expand" if lane.collapsed else "&Collapse")
        fold.triggered.connect(lambda: self.set_collapsed(lane_id, not lane.collapsed))
        menu.addSeparator()
        up = menu.addAction("Move &Up")
        up.setEnabled(index > 0)
        up.triggered.connect(lambda: self.move_by(lane_id, -1))
        down = menu.addAction("Move Do&wn")
        down.setEnabled(index < count - 1)
        down.triggered.connect(lambda: self.move_by(lane_id, 1))
        menu.addSeparator()
        delete = menu.addAction("&Delete")
        delete.triggered.connect(lambda: self.remove(lane_id))
        for action in (hide, fold, delete):
            action.setEnabled(not fixed)
            if fixed:
                action.setToolTip(FIXED_TIP)
        below = self.kinds_menu(menu, lambda: index + 1, "&Add Lane Below", not on_canvas)
        menu.addMenu(below)
        return menu

    def show_lane_menu(self, lane_id: str, where: QPoint, on_canvas: bool) -> None:
        if lane_id not in self.journey:
            return
        menu = self.lane_menu(lane_id, on_canvas)
        try:
            popup(menu, where)
        finally:
            menu.deleteLater()

    # ------------------------------------------------------------------ verbs
    def add(self, kind: LaneKind, index: int | None, in_panel: bool) -> str | None:
        """Add a lane named after its kind, select it and type its name in place."""
        name = new_lane_name(self.journey, kind)
        command: AddLane | None = None

        def build() -> AddLane:
            nonlocal command
            command = AddLane(self.journey, name, kind, index)
            return command

        if not self._push(build) or command is None:
            return None
        self._dock.lanes.select_lane(command.lane_id)
        self.start_rename(command.lane_id, on_canvas=not in_panel)
        return command.lane_id

    def start_rename(self, lane_id: str, on_canvas: bool) -> None:
        """Type the lane's name over its title on the map, else in the panel's list."""
        if on_canvas and self._rename_on_canvas(lane_id):
            return
        self.focus_panel()
        self._dock.edit_lane(lane_id)

    def _rename_on_canvas(self, lane_id: str) -> bool:
        scene = self._controller.scene
        scene.flush()
        layout = scene.layout
        rows = [] if layout is None else [r for r in layout.lanes if r.lane_id == lane_id]
        if layout is None or len(rows) != 1:  # hidden, or the channel rows: use the panel
            return False
        row, m = rows[0], layout.metrics
        rect = QRectF(m.margin + 4, row.y, m.label_width - 28, max(row.height, 34.0))
        self._controller.view.ensureVisible(rect)
        name = self.journey.lane(lane_id).name
        self._controller.inline.start(
            rect, name, lambda text: self.rename(lane_id, text), placeholder="Lane name"
        )
        return True

    def rename(self, lane_id: str, name: str) -> None:
        if lane_id in self.journey and name != self.journey.lane(lane_id).name:
            self._push(lambda: RenameLane(self.journey, lane_id, name))

    def set_hidden(self, lane_id: str, hidden: bool) -> None:
        self._push(lambda: SetLaneHidden(self.journey, lane_id, hidden))

    def set_collapsed(self, lane_id: str, collapsed: bool) -> None:
        self._push(lambda: SetLaneCollapsed(self.journey, lane_id, collapsed))

    def move_to(self, lane_id: str, index: int) -> None:
        if self._push(lambda: MoveLane(self.journey, lane_id, index)):
            self._dock.lanes.select_lane(lane_id)

    def move_by(self, lane_id: str, step: int) -> None:
        if lane_id not in self.journey:
            return
        index = self.journey.lane_index(lane_id) + step
        if 0 <= index < len(self.journey.lanes()):
            self.move_to(lane_id, index)

    def remove(self, lane_id: str) -> None:
        if self._push(lambda: RemoveLane(self.journey, lane_id)):
            done = self._document.undo_stack.undoText().removeprefix("Remove ")
            self.message.emit(f"Removed {done}; Undo brings it back")


def build_lane_menus(window: QMainWindow, lanes: LaneActions) -> QMenu:
    """Map > Add Lane (a kind each) and Map > Lanes Panel; returns the Map menu."""
    menu = map_menu(window)
    menu.addMenu(lanes.add_menu)
    menu.addSeparator()
    menu.addAction(lanes.show_panel)
    menu.addSeparator()  # what other features put in the Map menu comes after
    return menu
