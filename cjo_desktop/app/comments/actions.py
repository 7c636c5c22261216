"""Comment commands in the window: Edit > Add Comment… (for the selection, or the map), and
the Comments panel's resolve, reopen, edit and delete; each one undo step on the document's
stack. View > Comments Panel shows the panel and puts the keyboard in its list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from cjo_desktop.app.comments.dialog import CommentDialog
from cjo_desktop.app.comments.dock import CommentsDock
from cjo_desktop.app.comments.targets import author_name, selection_targets
from cjo_desktop.app.edit_actions import EditActions
from cjo_desktop.app.shell.actions import make_action
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.commands import (
    AddComment,
    EditComment,
    Macro,
    RemoveComment,
    ReopenComment,
    ResolveComment,
)
from cjo_desktop.commands._base import plural
from cjo_desktop.commands.comments import describe_target
from cjo_desktop.editor.document import Document


def ask_comment(
    parent: QWidget, choices: list[tuple[str, str]], author: str
) -> tuple[str, str] | None:
    """(target, text) the user wrote, or None; a function so tests can replace it."""
    dialog = CommentDialog(choices, author, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
    return dialog.chosen() if accepted else None


def ask_text(parent: QWidget, name: str, author: str, text: str) -> str | None:
    """The comment's new text, or None; a function so tests can replace it."""
    dialog = CommentDialog([("", name)], author, parent, text, "Edit comment")
    accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
    return dialog.chosen()[1] if accepted else None


class CommentActions(EditActions):
    """``add`` and ``show_panel`` by name; ``message`` carries status-bar text."""

    def __init__(
        self, window: QMainWindow, document: Document, scene: JourneyScene, dock: CommentsDock
    ) -> None:
        super().__init__(window)
        self._window, self._document, self._scene, self._dock = window, document, scene, dock
        self.add = make_action(
            window,
            "Add Comment…",
            "Comment on the selected card, stage, flow or note, or on the map",
            "Ctrl+Alt+M",
        )
        self.show_panel = make_action(
            window, "Comment&s Panel", "Show the comments and go to their list", "Ctrl+Shift+M"
        )
        self.add.triggered.connect(lambda _=False: self.add_comment())
        self.show_panel.triggered.connect(lambda _=False: self.focus_panel())
        dock.addRequested.connect(self.add_comment)
        dock.resolveRequested.connect(self.toggle_resolved)
        dock.editRequested.connect(self.edit_comment)
        dock.removeRequested.connect(self.remove_comments)
        dock.message.connect(self.message.emit)

    def focus_panel(self) -> None:
        self._dock.show()
        self._dock.raise_()
        self._dock.table.setFocus()

    # ------------------------------------------------------------------- verbs
    def add_comment(self) -> bool:
        """Ask what to say about the selected element (or the map) and add it."""
        choices = selection_targets(self.journey, self._scene)
        author = author_name()
        answer = ask_comment(self._window, choices, author)
        if answer is None:
            return False
        target, text = answer
        return self._push(lambda: AddComment(self.journey, target, author, text))

    def toggle_resolved(self, ids: list[str]) -> bool:
        """Resolve the chosen comments, or reopen them when the first is resolved already."""
        known = [i for i in ids if i in {c.id for c in self.journey.comments()}]
        if not known:
            return False
        reopen = self.journey.comment(known[0]).resolved
        verb, cls = ("Reopen", ReopenComment) if reopen else ("Resolve", ResolveComment)
        todo = [i for i in known if self.journey.comment(i).resolved == reopen]
        if len(todo) == 1:
            return self._push(lambda: cls(self.journey, todo[0]))

        def macro() -> Macro:
            m = Macro(f"{verb} {plural(len(todo), 'comment')}")
            for comment_id in todo:
                cls(self.journey, comment_id, parent=m)
            return m

        return self._push(macro)

    def edit_comment(self, comment_id: str) -> bool:
        comment = self.journey.comment(comment_id)
        name = describe_target(self.journey, comment.target)
        text = ask_text(self._window, name, comment.author, comment.text)
        if text is None:
            return False
        return self._push(lambda: EditComment(self.journey, comment_id, text))

    def remove_comments(self, ids: list[str]) -> bool:
        known = [i for i in ids if i in {c.id for c in self.journey.comments()}]
        if len(known) == 1:
            return self._push(lambda: RemoveComment(self.journey, known[0]))
        if not known:
            return False

        def macro() -> Macro:
            m = Macro(f"Delete {plural(len(known), 'comment')}")
            for comment_id in known:
                RemoveComment(self.journey, comment_id, parent=m)
            return m

        return self._push(macro)


def build_comment_menus(window: QMainWindow, c: CommentActions) -> None:
    """Edit > Add Comment… after the pain-point menu; View > Comments Panel."""
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    edit, view = menus["&Edit"], menus["&View"]
    assert isinstance(edit, QMenu) and isinstance(view, QMenu)
    find = next((a for a in edit.actions() if a.text().replace("&", "") == "Find…"), None)
    separator = edit.insertSeparator(find) if find else edit.addSeparator()
    edit.insertAction(separator, c.add)
    view.addAction(c.show_panel)
