"""The Inspector's page for a selected free card: its text, colour (a few light swatches or its
lane's default), link, owner and evidence, and the touchpoints it supports, with Add (a
touchpoint chosen by name) and Remove.

Each finished edit pushes one command; an unchanged value pushes nothing. A field still being
typed in when another card is shown is committed to the card it was typed for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cjo_desktop.app.evidence.inspector_section import EvidenceFields, Push
from cjo_desktop.commands import EditFreeCard, LinkFreeCard, UnlinkFreeCard
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.free_card_view import default_fill
from cjo_desktop.palette import FREE_CARD_SWATCHES, GRID, SELECTION

#: Swatches per row of the colour picker.
PER_ROW = 4
SWATCH = 22


class FreeCardPage:
    """``page`` is the widget the Inspector shows; ``show`` fills it for one card."""

    def __init__(self, journey: Callable[[], Journey], push: Push) -> None:
        self._journey, self._push = journey, push
        self.card_id: str | None = None
        self.page = QWidget()
        self.page.setAccessibleName("Free card properties")
        fields = QWidget()
        form = QFormLayout(fields)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(self.page)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(fields)
        column.addStretch(1)
        self.text = self._line(form, "&Text", "Free card text", "text")
        self.where = QLabel()
        self.where.setAccessibleName("Free card lane and stage")
        self.where.setWordWrap(True)
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        form.addRow("Cell", self.where)
        form.addRow("Colour", self._build_swatches())
        self.link = self._line(form, "&Link", "Free card link", "link")
        self.link.setPlaceholderText("https://…")
        self.owner = self._line(form, "&Owner", "Free card owner", "owner")
        self._build_supports(form)
        self.evidence = EvidenceFields(form, "Card", journey, push)

    # ------------------------------------------------------------------ building
    def _line(self, form: QFormLayout, label: str, name: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.editingFinished.connect(partial(self._commit_text, edit, field))
        form.addRow(label, edit)
        return edit

    def _build_swatches(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.swatches: dict[str, QToolButton] = {}
        for i, (name, colour) in enumerate(FREE_CARD_SWATCHES.items()):
            button = QToolButton()
            button.setCheckable(True)
            button.setFixedSize(SWATCH, SWATCH)
            button.setToolTip(name)
            button.setAccessibleName(f"Colour {name.lower()}")
            button.clicked.connect(partial(self._set_colour, colour.lower()))
            self.swatches[colour.lower()] = button
            grid.addWidget(button, i // PER_ROW, i % PER_ROW)
        self.default_colour = QPushButton("Default")
        self.default_colour.setCheckable(True)
        self.default_colour.setAccessibleName("Colour of the lane")
        self.default_colour.setToolTip("The colour the card's lane gives its cards")
        self.default_colour.clicked.connect(partial(self._set_colour, ""))
        rows = (len(FREE_CARD_SWATCHES) + PER_ROW - 1) // PER_ROW
        grid.addWidget(self.default_colour, rows, 0, 1, PER_ROW)
        return box

    def _build_supports(self, form: QFormLayout) -> None:
        """The list with Remove under it, then a row as wide as the page: a touchpoint chosen
        (or typed) by name and Add."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.supports = QListWidget()
        self.supports.setAccessibleName("Touchpoints the card supports")
        self.supports.setMaximumHeight(96)
        self.supports.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.supports.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has it all
        column.addWidget(self.supports)
        self.remove = QPushButton("&Remove")
        self.remove.setAccessibleName("Unlink touchpoint")
        self.remove.setToolTip("The card stops supporting the touchpoint chosen in the list")
        self.remove.clicked.connect(self._remove_link)
        column.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow("Supports", box)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Touchpoint to link")
        self.choice.setEditable(True)  # type a name: the completer finds it
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # as narrow as the page: long names are read in the list that opens
        policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.choice.setSizeAdjustPolicy(policy)
        self.choice.setMinimumContentsLength(6)
        edit = self.choice.lineEdit()
        if edit is not None:
            edit.setPlaceholderText("touchpoint to link…")
        self.add = QPushButton("&Add")
        self.add.setAccessibleName("Link to touchpoint")
        self.add.setToolTip("The card supports the touchpoint named at the left")
        self.add.clicked.connect(self._add_link)
        line.addWidget(self.choice, 1)
        line.addWidget(self.add)
        form.addRow(row)

    # ------------------------------------------------------------------ showing
    def show(self, journey: Journey, card_id: str, same: bool) -> None:
        if card_id != self.card_id:
            self.commit_focused()  # an unfinished edit belongs to the card it was typed for
            same = False
        self.card_id = card_id
        card = journey.free_card(card_id)
        for edit, value in (
            (self.text, card.text),
            (self.link, card.link),
            (self.owner, card.owner),
        ):
            if not (same and edit.hasFocus()) and edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)
        lane = journey.lane(card.lane_id)
        self.where.setText(f"{lane.name} in {journey.stage(card.stage_id).name}")
        own = card.colour.lower()
        for colour, button in self.swatches.items():
            button.setChecked(colour == own)
            ring = f"2px solid {SELECTION}" if colour == own else f"1px solid {GRID}"
            button.setStyleSheet(f"background: {colour}; border: {ring}; border-radius: 4px;")
        self.default_colour.setChecked(not own)
        self.default_colour.setStyleSheet(f"background: {default_fill(lane.kind)};")
        self._show_supports(journey, card.supports)
        self.evidence.show_item(card_id, same)

    def _show_supports(self, journey: Journey, supports: tuple[str, ...]) -> None:
        self.supports.clear()
        for tp_id in supports:
            tp = journey.touchpoint(tp_id)
            item = QListWidgetItem(f"{tp.name} ({journey.stage(tp.stage_id).name})")
            item.setData(Qt.ItemDataRole.UserRole, tp_id)
            item.setToolTip(item.text())
            self.supports.addItem(item)
        self.remove.setEnabled(bool(supports))
        others = [t for t in journey.touchpoints() if t.id not in supports]
        typed = self.choice.currentText() if self.choice.hasFocus() else ""
        self.choice.clear()
        for tp in others:
            self.choice.addItem(f"{tp.name} ({journey.stage(tp.stage_id).name})", tp.id)
        self.choice.setCurrentIndex(-1)
        self.choice.setEditText(typed)
        self.add.setEnabled(bool(others))

    def commit_focused(self) -> None:
        for edit, field in ((self.text, "text"), (self.link, "link"), (self.owner, "owner")):
            if edit.hasFocus():
                self._commit_text(edit, field)

    # ------------------------------------------------------------------ committing
    def _card(self) -> str | None:
        journey = self._journey()
        return self.card_id if self.card_id is not None and self.card_id in journey else None

    def _edit(self, field: str, value: str) -> None:
        card_id, journey = self._card(), self._journey()
        if card_id is None or getattr(journey.free_card(card_id), field) == value:
            return
        changes: dict[str, Any] = {field: value}
        self._push(lambda: EditFreeCard(journey, card_id, **changes))

    def _commit_text(self, edit: QLineEdit, field: str) -> None:
        self._edit(field, edit.text().strip())

    def _set_colour(self, colour: str) -> None:
        self._edit("colour", colour)

    def chosen_touchpoint(self) -> str | None:
        """The touchpoint the combo names: the entry chosen, or the first whose name starts
        with what was typed (case aside); None when nothing matches."""
        typed = self.choice.currentText().strip().casefold()
        if not typed:
            return None
        names = [self.choice.itemText(i).casefold() for i in range(self.choice.count())]
        index = names.index(typed) if typed in names else -1
        if index < 0:
            index = next((i for i, n in enumerate(names) if n.startswith(typed)), -1)
        return None if index < 0 else str(self.choice.itemData(index))

    def _add_link(self) -> None:
        card_id, journey, tp_id = self._card(), self._journey(), self.chosen_touchpoint()
        if card_id is None or tp_id is None:
            self.choice.setFocus()
            return
        self._push(lambda: LinkFreeCard(journey, card_id, tp_id))

    def _remove_link(self) -> None:
        """Unlink the touchpoint chosen in the list (or the only one there is)."""
        card_id, journey = self._card(), self._journey()
        item = self.supports.currentItem()
        if item is None and self.supports.count() == 1:
            item = self.supports.item(0)
        if card_id is None or item is None:
            return
        tp_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._push(lambda: UnlinkFreeCard(journey, card_id, tp_id))
