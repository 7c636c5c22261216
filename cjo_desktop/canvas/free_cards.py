"""The scene's free cards and their links to the touchpoints they support, kept by id and
reused, as the scene keeps its cards: one :class:`FreeCardLayer` per scene, synced on every
layout.

A link is a thin dotted line in a muted grey under the cards, with a small dot where it meets
the touchpoint and no arrowhead: nothing like a flow. It takes no clicks (a press on it starts
the rubber band, as on empty canvas); hovering it says which card supports which touchpoint.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas import item_types
from cjo_desktop.canvas.free_card_item import FreeCardItem
from cjo_desktop.canvas.overview import FlowOverview
from cjo_desktop.canvas.text import plain_tooltip
from cjo_desktop.domain import Journey
from cjo_desktop.drawing.free_card_view import free_card_look, free_card_tooltip
from cjo_desktop.drawing.free_links import Point, SupportLink, support_links
from cjo_desktop.drawing.layout import Layout
from cjo_desktop.palette import SUPPORT_LINK

LinkKey = tuple[str, str]
LINK_WIDTH = 1.4
DOT_RADIUS = 3.0
#: Below this zoom a link on screen is a plain hairline (see SupportLinkItem.paint).
FAR_LINK_LOD = 0.3


class SupportLinkItem(QGraphicsItem):
    """One free card's link to one touchpoint: ``key`` is (free card id, touchpoint id)."""

    Type = item_types.SUPPORT_LINK

    def __init__(self, key: LinkKey) -> None:
        super().__init__()
        self.key = key
        self._points: tuple[Point, ...] = ()
        self._path = QPainterPath()
        self._shape = QPainterPath()
        self._bounds = QRectF()
        #: A picture's links are dashed in scene units, so paper and the screen agree.
        self.for_export = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)  # over the lane bands, under the curve, the flows and every card

    def type(self) -> int:
        return self.Type

    @property
    def points(self) -> tuple[Point, ...]:
        return self._points

    def set_link(self, link: SupportLink, tip: str) -> None:
        if tip != self.toolTip():
            self.setToolTip(plain_tooltip(tip))
        if link.points == self._points:
            return
        self.prepareGeometryChange()
        self._points = link.points
        path = QPainterPath(QPointF(*link.points[0]))
        for x, y in link.points[1:]:
            path.lineTo(x, y)
        self._path = path
        stroker = QPainterPathStroker()
        stroker.setWidth(6)
        self._shape = stroker.createStroke(path)
        pad = DOT_RADIUS + LINK_WIDTH
        self._bounds = path.boundingRect().adjusted(-pad, -pad, pad, pad)
        self.update()

    @property
    def path(self) -> QPainterPath:
        """The link's route, for the far-out overview."""
        return self._path

    def end(self) -> QPointF:
        """Where the link meets the touchpoint card (its dot)."""
        return QPointF(*self._points[-1])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._points:
            return
        # On screen, lines at right angles need no antialiasing, and short flat dashes draw
        # far faster than round dots (a map's links cross it from lane to lane); the dashes
        # are screen pixels (a cosmetic pen): zoomed out, dashes in scene units would be
        # thousands of specks per line. A picture is drawn once, smoothly.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.for_export)
        colour = QColor(SUPPORT_LINK)
        far = (
            not self.for_export
            and option.levelOfDetailFromTransform(painter.worldTransform()) < FAR_LINK_LOD
        )
        if far:  # a hairline: at this size dashes and the dot are specks, and cost a card each
            painter.setPen(QPen(colour, 0))
            painter.drawPolyline([QPointF(x, y) for x, y in self._points])
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            return
        pen = QPen(colour, LINK_WIDTH, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([1.5, 2.0])  # 2 px dashes 3 px apart: dotted, not a flow's line
        if not self.for_export:
            pen.setCosmetic(True)
            pen.setWidthF(1.0)  # one screen pixel: far out a line must not outweigh a card
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(self.end(), DOT_RADIUS, DOT_RADIUS)


class FreeCardLayer:
    """The free card items (``cards``) and link items (``links``) of one scene."""

    def __init__(self, scene: QGraphicsScene, for_export: bool) -> None:
        self._scene = scene
        self._for_export = for_export
        self.cards: dict[str, FreeCardItem] = {}
        self.links: dict[LinkKey, SupportLinkItem] = {}
        self._far = False
        #: Far out every link is one hairline picture, as the flows are (canvas/overview.py).
        self.overview = FlowOverview(SUPPORT_LINK)
        scene.addItem(self.overview)
        self._overview_on = False

    def clear(self) -> None:
        for item in [*self.cards.values(), *self.links.values()]:
            self._scene.removeItem(item)
        self.cards.clear()
        self.links.clear()

    def sync(self, journey: Journey, layout: Layout, by_evidence: bool) -> None:
        """Items where the layout puts them, for the free cards of shown, open lanes."""
        shown = {c.id: c for c in journey.free_cards() if c.id in layout.free_cards}
        for card_id in set(self.cards) - set(shown):
            self._scene.removeItem(self.cards.pop(card_id))
        kinds = {lane.id: lane.kind for lane in journey.lanes()}
        for card_id, card in shown.items():
            item = self.cards.get(card_id)
            rect = layout.free_cards[card_id]
            if item is None:
                item = self.cards[card_id] = FreeCardItem(card, (rect.w, rect.h))
                if self._for_export:
                    item.set_for_export()
                item.set_far(self._far)
                self._scene.addItem(item)
            look = free_card_look(card, kinds.get(card.lane_id, ""), by_evidence)
            item.set_card(card, (rect.w, rect.h), look, free_card_tooltip(journey, card))
            item.setPos(rect.x, rect.y)
        self._sync_links(journey, layout)

    def _sync_links(self, journey: Journey, layout: Layout) -> None:
        drawn = {(s.card_id, s.touchpoint_id): s for s in support_links(journey, layout)}
        for key in set(self.links) - set(drawn):
            self._scene.removeItem(self.links.pop(key))
        for key, link in drawn.items():
            item = self.links.get(key)
            if item is None:
                item = self.links[key] = SupportLinkItem(key)
                item.for_export = self._for_export
                self._scene.addItem(item)
            card, tp = journey.free_card(key[0]), journey.touchpoint(key[1])
            item.set_link(link, f"{card.text}\nsupports {tp.name}")
            item.setVisible(not self._overview_on)
        if self._overview_on:
            self.overview.set_paths(item.path for item in self.links.values())

    def set_overview(self, on: bool) -> None:
        """Far out, draw the links in one picture instead of one item each."""
        self._overview_on = on
        if on:
            self.overview.set_paths(item.path for item in self.links.values())
        for item in self.links.values():
            item.setVisible(not on)
        self.overview.setVisible(on)

    def set_far(self, far: bool) -> None:
        """The view is zoomed out below legible text (see JourneyScene.set_far)."""
        self._far = far
        for item in self.cards.values():
            item.set_far(far)

    def put_back(self, layout: Layout) -> None:
        """Every card where the layout has it: after a drag that dropped nowhere useful."""
        for card_id, item in self.cards.items():
            rect = layout.free_cards.get(card_id)
            if rect is not None:
                item.setPos(rect.x, rect.y)

    def set_comments(self, counts: dict[str, int]) -> None:
        for card_id, item in self.cards.items():
            item.set_comments(counts.get(card_id, 0))

    def selected(self) -> list[str]:
        """Ids of the selected free cards."""
        return [i.card_id for i in self._scene.selectedItems() if isinstance(i, FreeCardItem)]
