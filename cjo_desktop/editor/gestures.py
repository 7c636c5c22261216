"""Mouse gestures on the canvas, each turned into exactly one undo command when it ends.

- drag cards: Qt moves the selected cards; on release they become one MoveTouchpoints macro
  (a card dropped in another column changes stage, in another channel lane changes channel);
- drag from a card's handle to another card: AddFlow; to empty canvas: a drop-off (AddFlow
  with no target) from that card;
- drag a stage header sideways: MoveStage;
- double-click a card or header: rename in place; double-click an empty cell: a new card there;
- drag free cards to other cells of lanes of free cards: MoveFreeCard (with the cards above, one
  step); double-click a free card: edit its text; an empty cell of such a lane: a new one;
- double-click a pain point's or opportunity's note: the scene's noteActivated (its dialog).

The filter sits on the scene, so the scene and its items stay free of editing logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsSceneMouseEvent

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.free_card_item import FreeCardItem
from cjo_desktop.canvas.note_items import NoteItem
from cjo_desktop.canvas.stage_header import StageHeader
from cjo_desktop.commands import AddTouchpoint, Move, MoveStage
from cjo_desktop.domain import Position
from cjo_desktop.domain.limits import MAX_COORDINATE
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Lane, Layout, insertion_index

if TYPE_CHECKING:
    from cjo_desktop.editor.controller import EditorController

_PRESS = QEvent.Type.GraphicsSceneMousePress
_MOVE = QEvent.Type.GraphicsSceneMouseMove
_RELEASE = QEvent.Type.GraphicsSceneMouseRelease
_DOUBLE = QEvent.Type.GraphicsSceneMouseDoubleClick


class Gestures(QObject):
    def __init__(self, controller: EditorController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.scene = controller.scene
        self._connect_from: TouchpointCard | None = None
        self._connector: QGraphicsLineItem | None = None
        self._header: StageHeader | None = None
        self._header_press = QPointF()
        self._header_dragging = False
        self._indicator: QGraphicsLineItem | None = None
        self.scene.installEventFilter(self)
        self.scene.mouseReleased.connect(self._after_release)

    # ------------------------------------------------------------- dispatch
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QGraphicsSceneMouseEvent):
            return False
        kind = event.type()
        if kind == _PRESS and event.button() == Qt.MouseButton.LeftButton:
            return self._press(event)
        if kind == _MOVE:
            return self._move(event)
        if kind == _RELEASE and event.button() == Qt.MouseButton.LeftButton:
            return self._release(event)
        if kind == _DOUBLE and event.button() == Qt.MouseButton.LeftButton:
            return self._double_click(event.scenePos())
        return False

    def _press(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        card = self.scene.card_at(pos)
        if card is not None and card.is_on_handle(card.mapFromScene(pos)):
            self._connect_from = card
            line = QGraphicsLineItem(QLineF(card.mapToScene(card.handle_center()), pos))
            line.setPen(QPen(QColor(style.SELECTION), 2, Qt.PenStyle.DashLine))
            line.setZValue(50)
            self.scene.addItem(line)
            self._connector = line
            return True
        header = self._header_at(pos)
        if header is not None:
            self._header, self._header_press, self._header_dragging = header, pos, False
        return False

    def _move(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if self._connector is not None:
            line = self._connector.line()
            self._connector.setLine(QLineF(line.p1(), pos))
            return True
        if self._header is not None and event.buttons() & Qt.MouseButton.LeftButton:
            distance = (pos - self._header_press).manhattanLength()
            if distance >= QApplication.startDragDistance():
                self._header_dragging = True
                self._show_indicator(pos.x())
            return True
        return False

    def _release(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if self._connector is not None:
            source = self._connect_from
            self.scene.removeItem(self._connector)
            self._connector = self._connect_from = None
            target = self.scene.card_at(pos)
            if source is None or target is source:
                return True
            if target is not None:
                self.controller.connect_touchpoints(source.touchpoint_id, target.touchpoint_id)
            elif not source.footprint().contains(pos):
                self.controller.add_dropoff(source.touchpoint_id)
            return True
        if self._header is not None:
            header, dragging = self._header, self._header_dragging
            self._header, self._header_dragging = None, False
            self._hide_indicator()
            if dragging:
                self._drop_stage(header.stage_id, pos.x())
                return True
        return False

    # --------------------------------------------------------------- cards
    def _after_release(self, pos: QPointF) -> None:
        """Cards Qt moved during the drag become one command (or nothing, for a click)."""
        layout = self.scene.layout
        if layout is None:
            return
        moved = [
            card for card in self.scene.cards.values() if card.isSelected() and _moved(card, layout)
        ]
        free = [i for i in self.scene.free.cards.values() if i.isSelected() and _dragged(i, layout)]
        if free:
            self.controller.free.drop(moved, free)
        elif moved:
            self.controller.move_cards(moved)

    def drop_moves(self, cards: list[TouchpointCard]) -> tuple[list[Move], list[tuple[str, str]]]:
        """Where each dropped card lands: its stage, index and hand position, and the
        channel of the lane it was dropped in when that differs from its own."""
        scene = self.scene
        layout = scene.layout
        journey = scene.journey
        assert layout is not None and journey is not None
        moving = {c.touchpoint_id for c in cards}
        moves: list[Move] = []
        channels: list[tuple[str, str]] = []
        lanes = [lane for lane in layout.lanes if lane.is_channel]
        for card in sorted(cards, key=lambda c: c.pos().x()):
            top_left = card.pos()
            center = top_left + QPointF(
                card.boundingRect().width() / 2, layout.metrics.card_height / 2
            )
            column = layout.column_at(center.x())
            if column is None:
                continue
            lane = _nearest_lane(lanes, center.y())
            x = min(max(0.0, top_left.x() - column.x), MAX_COORDINATE)
            y = min(max(0.0, top_left.y() - lane.y), MAX_COORDINATE)
            tp = journey.touchpoint(card.touchpoint_id)
            index = None
            if column.stage_id != tp.stage_id:
                index = insertion_index(journey, layout, column.stage_id, center.x(), moving)
            moves.append((tp.id, column.stage_id, index, Position(round(x, 1), round(y, 1))))
            channel = layout.channel_names.get(lane.key, "")
            if lane.key != layout.card_lane.get(tp.id):
                channels.append((tp.id, channel))
        return moves, channels

    # -------------------------------------------------------------- stages
    def _header_at(self, pos: QPointF) -> StageHeader | None:
        for item in self.scene.items(pos):
            if isinstance(item, StageHeader):
                return item
        return None

    def _drop_stage(self, stage_id: str, x: float) -> None:
        layout = self.scene.layout
        journey = self.scene.journey
        if layout is None or journey is None:
            return
        others = [c for c in layout.columns if c.stage_id != stage_id]
        index = sum(1 for c in others if c.x + c.width / 2 < x)
        if index != journey.stage_index(stage_id):
            self.controller.document.push(MoveStage(journey, stage_id, index))

    def _show_indicator(self, x: float) -> None:
        layout = self.scene.layout
        if layout is None:
            return
        edges = [c.x for c in layout.columns] + [layout.columns[-1].x + layout.columns[-1].width]
        nearest = min(edges, key=lambda e: abs(e - x))
        line = QLineF(nearest, layout.header_top, nearest, layout.height - layout.metrics.margin)
        if self._indicator is None:
            self._indicator = QGraphicsLineItem()
            self._indicator.setPen(QPen(QColor(style.SELECTION), 4))
            self._indicator.setZValue(60)
            self.scene.addItem(self._indicator)
        self._indicator.setLine(line)

    def _hide_indicator(self) -> None:
        if self._indicator is not None:
            self.scene.removeItem(self._indicator)
            self._indicator = None

    # -------------------------------------------------------- double-click
    def _double_click(self, pos: QPointF) -> bool:
        note = next((i for i in self.scene.items(pos) if isinstance(i, NoteItem)), None)
        if note is not None:
            self.scene.noteActivated.emit(note.item_id)
            return True
        card = self.scene.card_at(pos)
        if card is not None:
            self.controller.rename(card.touchpoint_id)
            return True
        free = next((i for i in self.scene.items(pos) if isinstance(i, FreeCardItem)), None)
        if free is not None:
            self.controller.free.edit_text(free.card_id)
            return True
        header = self._header_at(pos)
        if header is not None:
            self.controller.rename(header.stage_id)
            return True
        return self._new_card_at(pos)

    def _new_card_at(self, pos: QPointF) -> bool:
        layout, journey = self.scene.layout, self.scene.journey
        if layout is None or journey is None:
            return False
        column = layout.column_at(pos.x())
        lane = layout.lane_at(pos.y())
        if lane is not None and lane.key.startswith("lane:"):
            return self.controller.free.add_at(pos)
        if column is None or lane is None or not lane.is_channel:
            return False
        if not column.x <= pos.x() <= column.x + column.width:
            return False
        channel = layout.channel_names.get(lane.key, "")
        index = insertion_index(journey, layout, column.stage_id, pos.x())
        m = layout.metrics
        rect = QRectF(
            pos.x() - m.card_width / 2, lane.y + m.lane_padding, m.card_width, m.card_height
        )

        def create(name: str) -> None:
            command = AddTouchpoint(journey, column.stage_id, name, index=index, channel=channel)
            self.controller.document.push(command)
            self.scene.flush()
            self.scene.select_ids([command.touchpoint_id])

        self.controller.inline.start(rect, "", create, placeholder="New touchpoint")
        return True


def _moved(card: TouchpointCard, layout: Layout) -> bool:
    rect = layout.cards.get(card.touchpoint_id)
    if rect is None:
        return False
    return abs(card.pos().x() - rect.x) > 0.5 or abs(card.pos().y() - rect.y) > 0.5


def _dragged(item: FreeCardItem, layout: Layout) -> bool:
    rect = layout.free_cards.get(item.card_id)
    return rect is not None and (abs(item.x() - rect.x) > 0.5 or abs(item.y() - rect.y) > 0.5)


def _nearest_lane(lanes: list[Lane], y: float) -> Lane:
    for lane in lanes:
        if lane.y <= y < lane.y + lane.height:
            return lane
    return min(lanes, key=lambda lane: min(abs(lane.y - y), abs(lane.y + lane.height - y)))
