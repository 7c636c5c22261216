"""The Lanes panel's list: each row a check box (shown), the lane's name over its kind in words,
and a collapse arrow at the right; drag a row to reorder, F2 or double-click to rename.

The delegate paints and hit-tests the row's parts; the view turns a drop into one move request
(the model never moves a row itself: the journey's change puts it in its new place).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cjo_desktop.app.lanes.model import (
    COLLAPSED_ROLE,
    FIXED_ROLE,
    ID_ROLE,
    KIND_ROLE,
    LaneModel,
    dragged_lane,
)

Index = QModelIndex | QPersistentModelIndex
PAD = 6
#: The collapse arrow's square at the right of a row, and the check box's room at the left.
TOGGLE = 22
_MOUSE = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
)


def small_font(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
    return smaller


class LaneDelegate(QStyledItemDelegate):
    """Paints a lane row; a click on the arrow asks to collapse or expand the lane."""

    collapseRequested = QtSignal(str, bool)  # lane id, collapsed wanted

    # ---------------------------------------------------------------- geometry
    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        widget = option.widget
        return widget.style() if widget is not None else QApplication.style()

    def check_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = self._style(option)
        w = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        h = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        rect: QRect = option.rect
        line = QFontMetrics(option.font).height()
        return QRect(rect.left() + PAD, rect.top() + PAD + (line - h) // 2, w, h)

    def toggle_rect(self, option: QStyleOptionViewItem) -> QRect:
        rect: QRect = option.rect
        return QRect(rect.right() - TOGGLE - PAD // 2, rect.top(), TOGGLE, rect.height())

    def name_rect(self, option: QStyleOptionViewItem) -> QRect:
        rect: QRect = option.rect
        left = self.check_rect(option).right() + PAD + 1
        line = QFontMetrics(option.font).height()
        return QRect(left, rect.top() + PAD, self.toggle_rect(option).left() - left, line)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font: QFont = option.font
        big, small = QFontMetrics(font), QFontMetrics(small_font(font))
        text = max(
            big.horizontalAdvance(str(index.data())),
            small.horizontalAdvance(str(index.data(KIND_ROLE))),
        )
        indicator = self._style(option).pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        width = PAD + indicator + PAD + text + PAD + TOGGLE + PAD
        return QSize(width, big.height() + small.height() + 2 * PAD + 2)

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style, widget = self._style(opt), opt.widget
        fixed = bool(index.data(FIXED_ROLE))
        shown = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        collapsed = bool(index.data(COLLAPSED_ROLE))
        plain = QStyleOptionViewItem(opt)  # background, selection and focus only
        plain.text = ""
        plain.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        painter.save()
        self._paint_box(painter, opt, shown, fixed)
        self._paint_arrow(painter, opt, collapsed, fixed)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        ink = palette.highlightedText() if selected else palette.text()
        name = self.name_rect(opt)
        font: QFont = opt.font
        painter.setFont(font)
        painter.setPen(ink.color() if shown else palette.placeholderText().color())
        elided = QFontMetrics(font).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, name.width()
        )
        painter.drawText(
            name, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
        small = small_font(font)
        below = QRect(name.left(), name.bottom() + 2, name.width(), QFontMetrics(small).height())
        painter.setFont(small)
        muted = ink.color() if selected else palette.placeholderText().color()
        painter.setPen(muted)
        kind = QFontMetrics(small).elidedText(
            str(index.data(KIND_ROLE)), Qt.TextElideMode.ElideRight, below.width()
        )
        painter.drawText(
            below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), kind
        )
        painter.restore()

    def _paint_box(
        self, painter: QPainter, opt: QStyleOptionViewItem, shown: bool, fixed: bool
    ) -> None:
        box = QStyleOptionViewItem(opt)
        box.rect = self.check_rect(opt)
        state = QStyle.StateFlag.State_On if shown else QStyle.StateFlag.State_Off
        state |= opt.state & ~QStyle.StateFlag.State_HasFocus
        if fixed:  # always shown: a box the style greys out, faded so that it reads so
            state &= ~QStyle.StateFlag.State_Enabled
            painter.setOpacity(0.45)
        box.state = state
        style, widget = self._style(opt), opt.widget
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, widget
        )
        painter.setOpacity(1.0)

    def _paint_arrow(
        self, painter: QPainter, opt: QStyleOptionViewItem, collapsed: bool, fixed: bool
    ) -> None:
        if fixed:
            return  # the touchpoint lane never collapses: no arrow to offer
        arrow = QStyleOptionViewItem(opt)
        toggle = self.toggle_rect(opt)
        line = QFontMetrics(opt.font).height()
        arrow.rect = QRect(toggle.left() + 5, toggle.top() + PAD, TOGGLE - 10, line)
        element = (
            QStyle.PrimitiveElement.PE_IndicatorArrowRight
            if collapsed
            else QStyle.PrimitiveElement.PE_IndicatorArrowDown
        )
        style, widget = self._style(opt), opt.widget
        style.drawPrimitive(element, arrow, painter, widget)

    # ----------------------------------------------------------------- editing
    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        name = self.name_rect(option)
        editor.setGeometry(name.adjusted(-3, -4, 0, 4))

    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """A click on the check box or the arrow chooses the row and ticks or folds it (a
        double-click there renames nothing); Space ticks the box of the current row."""
        lane_model = index.model()
        if not isinstance(lane_model, LaneModel):
            return False
        if isinstance(event, QMouseEvent) and event.type() in _MOUSE:
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            pos = event.position().toPoint()
            on_box = self.check_rect(option).contains(pos)
            on_arrow = self.toggle_rect(option).contains(pos) and not index.data(FIXED_ROLE)
            if not (on_box or on_arrow) or event.type() == QEvent.Type.MouseButtonPress:
                return False  # a press chooses the row, as anywhere on it
            if event.type() == QEvent.Type.MouseButtonRelease:
                if on_box:
                    self._tick(lane_model, index)
                else:
                    lane = str(index.data(ID_ROLE))
                    self.collapseRequested.emit(lane, not index.data(COLLAPSED_ROLE))
            return True
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            self._tick(lane_model, index)
            return True
        return False

    @staticmethod
    def _tick(model: LaneModel, index: Index) -> None:
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            shown = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if shown else Qt.CheckState.Checked
            model.setData(index, new, Qt.ItemDataRole.CheckStateRole)


class LaneList(QListView):
    """The list of lanes; a drop asks the model to move the dragged lane into the gap. Its
    keys ask for the current lane: Delete removes it, Ctrl+Up / Ctrl+Down move it, Left /
    Right collapse and expand it."""

    removeRequested = QtSignal()
    stepRequested = QtSignal(int)  # -1 up, +1 down
    foldRequested = QtSignal(bool)  # collapsed wanted

    def __init__(self, model: LaneModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.delegate = LaneDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setAccessibleName("Lanes, top to bottom")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setDropIndicatorShown(True)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)  # tooltips per part of the row
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _verb(self, event: QKeyEvent) -> Callable[[], None] | None:
        """What a key asks of the current lane, if it is one of the list's own keys."""
        if self.state() == QAbstractItemView.State.EditingState:
            return None
        if event.matches(QKeySequence.StandardKey.Delete):
            return self.removeRequested.emit
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        return {
            (Qt.Key.Key_Up, True, False): lambda: self.stepRequested.emit(-1),
            (Qt.Key.Key_Down, True, False): lambda: self.stepRequested.emit(1),
            (Qt.Key.Key_Left, False, True): lambda: self.foldRequested.emit(True),
            (Qt.Key.Key_Right, False, True): lambda: self.foldRequested.emit(False),
        }.get((Qt.Key(event.key()), ctrl, plain))

    def event(self, event: QEvent) -> bool:
        """The list's keys are its own while it has the focus: the window's Delete (which
        removes what the map has selected) must not take them, nor make them ambiguous."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._verb(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        verb = self._verb(event)
        if verb is None:
            super().keyPressEvent(event)
            return
        event.accept()
        verb()

    @property
    def lanes(self) -> LaneModel:
        model = self.model()
        assert isinstance(model, LaneModel)
        return model

    def gap_at(self, pos: QPoint) -> int:
        """The gap between rows nearest ``pos``: 0 above the first, ``n`` below the last."""
        index = self.indexAt(pos)
        if not index.isValid():
            return 0 if pos.y() < 0 else self.lanes.rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() >= rect.center().y() else 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Only lanes are dropped here (a lane of another window is not found: no move)."""
        if dragged_lane(event.mimeData()) is None:
            event.ignore()
            return
        self.setState(QAbstractItemView.State.DraggingState)
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dragged_lane(event.mimeData()) is None:
            event.ignore()
            return
        super().dragMoveEvent(event)
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """One move per drop; the row itself moves when the journey says it has."""
        lane_id = dragged_lane(event.mimeData())
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if lane_id is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the source must not remove a row
        event.accept()
        self.lanes.request_move(lane_id, self.gap_at(event.position().toPoint()))

    def part_rect(self, row: int, part: str) -> QRect:
        """Where a row's ``"box"``, ``"arrow"`` or ``"name"`` is, in the viewport."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(self.lanes.index(row))
        d = self.delegate
        return {"box": d.check_rect, "arrow": d.toggle_rect, "name": d.name_rect}[part](option)

    def current_lane(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_lane(self, lane_id: str) -> None:
        row = self.lanes.row_of(lane_id)
        if row is not None:
            index = self.lanes.index(row)
            self.setCurrentIndex(index)
            self.scrollTo(index)
