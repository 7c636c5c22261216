"""Each persona's feeling curve over the map's own in the emotion lane, with the legend that
names them, painted from :mod:`cjo_desktop.drawing.persona_curves`; and the persona filter,
which dims the cards a chosen persona does not use and the other personas' curves.

The filter is a way of looking, like zoom: the file does not keep it and undo does not see it.
Pictures are drawn by fresh scenes, which show every persona.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Mapping

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.emotion_item import LINES_LOD, smooth_path
from cjo_desktop.canvas.scaled_picture import PictureItem
from cjo_desktop.canvas.text import elide, font, metrics
from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style
from cjo_desktop.drawing.layout import Layout
from cjo_desktop.drawing.persona_curves import (
    LegendRow,
    PersonaCurve,
    PersonaStyle,
    emotion_lane,
    legend_rows,
    persona_curves,
)
from cjo_desktop.drawing.zoom import far_text

#: Below this zoom the screen draws a curve as straight lines between its points.
STRAIGHT_LOD = 0.6
#: How strongly what the chosen persona does not use shows: cards and other curves.
DIMMED = 0.22
#: The legend's sample of a curve, before its name.
SAMPLE = 16.0
#: A persona point's marker, about the map's own dot (radius 7) less its rim.
RADIUS = 5.0
_DASH = {
    "solid": Qt.PenStyle.SolidLine,
    "dashed": Qt.PenStyle.DashLine,
    "dotted": Qt.PenStyle.DotLine,
}
#: Corners of each marker around the origin: (count, radius factor, first angle in degrees).
_SHAPES = {
    "square": (4, 1.25, 45.0),
    "triangle": (3, 1.35, -90.0),
    "diamond": (4, 1.3, -90.0),
    "triangle_down": (3, 1.35, 90.0),
    "pentagon": (5, 1.15, -90.0),
    "hexagon": (6, 1.1, 0.0),
}


def marker(shape: str, radius: float) -> QPolygonF:
    """The marker's outline centred on the origin."""
    count, factor, first = _SHAPES[shape]
    r = radius * factor
    return QPolygonF(
        [
            QPointF(
                r * math.cos(math.radians(first + k * 360 / count)),
                r * math.sin(math.radians(first + k * 360 / count)),
            )
            for k in range(count)
        ]
    )


def curve_pen(
    persona: PersonaStyle, width: float = 2.0, cap: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap
) -> QPen:
    """A persona's line (on screen with flat ends: round ones on many short lines are slow)."""
    return QPen(QColor(persona.colour), width, _DASH[persona.dash], cap)


class PersonaCurves(PictureItem):
    """The persona curves and their legend; ``chosen`` is the filter's persona (None: all)."""

    def __init__(self) -> None:
        super().__init__()
        self._curves: list[PersonaCurve] = []
        self._legend: list[LegendRow] = []
        self._cache: list[_Drawn] = []
        self._bounds = QRectF()
        self._markers: dict[str, QPolygonF] = {s: marker(s, RADIUS) for s in _SHAPES}
        self._rims: dict[str, QPolygonF] = {s: marker(s, RADIUS + 1.1) for s in _SHAPES}
        self._rim_colour = QColor(style.ON_FILL)
        self.chosen: str | None = None
        self.setZValue(5)  # over the map's curve: the personas' marks stay in sight
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    @property
    def curves(self) -> list[PersonaCurve]:
        return list(self._curves)

    @property
    def legend(self) -> list[LegendRow]:
        return list(self._legend)

    def sync(self, journey: Journey, layout: Layout, cards: Mapping[str, TouchpointCard]) -> bool:
        """Follow the map; True when the chosen persona is gone and the filter was reset."""
        lane = emotion_lane(layout)
        curves = persona_curves(journey, layout)
        rows: list[LegendRow] = []
        if lane is not None:
            label = QRectF(0, 0, layout.metrics.label_width - 20, lane.height)
            fm = metrics(style.LANE_LABEL_PX, True)
            wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            title = fm.boundingRect(label, int(wrap), lane.title).height()
            rows = legend_rows(layout, curves, title)
        self.prepareGeometryChange()
        self._curves, self._legend = curves, rows
        self._cache = []
        if lane is None:
            self._bounds = QRectF()
        else:
            m = layout.metrics
            self._bounds = QRectF(m.margin, lane.y, layout.width - 2 * m.margin, lane.height)
        reset = self.chosen is not None and self.chosen not in {p.id for p in journey.personas()}
        if reset:
            self.chosen = None
        self._dim_cards(journey, cards)
        self._picture.clear()
        self.update()
        return reset

    def choose(
        self, persona_id: str | None, journey: Journey, cards: Mapping[str, TouchpointCard]
    ) -> None:
        self.chosen = persona_id
        self._dim_cards(journey, cards)
        self._picture.clear()
        self.update()

    def _dim_cards(self, journey: Journey, cards: Mapping[str, TouchpointCard]) -> None:
        """Cards the chosen persona does not use (some persona is named, not this one)."""
        chosen = self.chosen
        for tp in journey.touchpoints():
            card = cards.get(tp.id)
            if card is None:
                continue
            dim = chosen is not None and bool(tp.personas) and chosen not in tp.personas
            opacity = DIMMED if dim else 1.0
            if card.opacity() != opacity:
                card.setOpacity(opacity)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _opacity(self, persona_id: str | None) -> float:
        return 1.0 if self.chosen is None or persona_id in (None, self.chosen) else DIMMED

    def _paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
    ) -> None:
        if not self._curves:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        on_screen = widget is not None
        if not self._cache:
            self._cache = [_Drawn(c) for c in self._curves]
        chosen_last = sorted(
            range(len(self._curves)), key=lambda k: self._curves[k].persona_id == self.chosen
        )
        for k in chosen_last:
            curve, drawn = self._curves[k], self._cache[k]
            first = max(0, bisect.bisect_left(drawn.xs, exposed.left()) - 1)
            last = min(len(drawn.xs), bisect.bisect_right(drawn.xs, exposed.right()) + 1)
            painter.setOpacity(self._opacity(curve.persona_id))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if on_screen and lod <= LINES_LOD:  # see LINES_LOD: short lines, those in view
                painter.setPen(curve_pen(curve.style, cap=Qt.PenCapStyle.FlatCap))
                if lod < STRAIGHT_LOD:  # far out a curve and its chords look the same
                    painter.drawPolyline(drawn.polygon.mid(first, last - first))
                else:
                    painter.drawLines(drawn.lines_between(exposed.left(), exposed.right()))
            else:
                painter.setPen(curve_pen(curve.style))
                painter.drawPath(smooth_path(curve.points))
            if lod * 2 * RADIUS < 1.5:  # marks under two pixels: the lines say it all
                continue
            shape, rim = self._markers[curve.style.marker], self._rims[curve.style.marker]
            colour = QColor(curve.style.colour)
            if on_screen:  # the rim as a shape under the mark: two fills cost less than a stroke
                painter.setPen(Qt.PenStyle.NoPen)
                for p in curve.points[first:last]:
                    painter.setBrush(self._rim_colour)
                    painter.drawPolygon(rim.translated(p.x, p.y))
                    painter.setBrush(colour)
                    painter.drawPolygon(shape.translated(p.x, p.y))
            else:
                painter.setPen(QPen(self._rim_colour, 1.25))
                painter.setBrush(colour)
                for p in curve.points[first:last]:
                    painter.drawPolygon(shape.translated(p.x, p.y))
        painter.setOpacity(1.0)
        if not far_text(style.LANE_LABEL_PX, lod, on_screen):  # the lane title grows far out
            self._paint_legend(painter)

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(font(style.LEGEND_PX))
        for row in self._legend:
            box = row.box
            y = box.y + box.h / 2
            painter.setOpacity(self._opacity(row.persona_id))
            if not row.more:
                start, end = QPointF(box.x, y), QPointF(box.x + SAMPLE, y)
                if row.style is None:  # the map's own curve: ink line, a neutral dot
                    painter.setPen(QPen(QColor(style.INK), 2.5))
                    painter.drawLine(start, end)
                    painter.setPen(QPen(QColor(style.INK), 1.25))
                    painter.setBrush(QColor(style.VALENCE_COLOURS[0]))
                    painter.drawEllipse(QPointF(box.x + SAMPLE / 2, y), 4.5, 4.5)
                else:
                    painter.setPen(curve_pen(row.style))
                    painter.drawLine(start, end)
                    painter.setPen(QPen(QColor(style.ON_FILL), 1.0))
                    painter.setBrush(QColor(row.style.colour))
                    painter.drawPolygon(
                        marker(row.style.marker, 4.0).translated(box.x + SAMPLE / 2, y)
                    )
            painter.setPen(QColor(style.MUTED if row.more else style.INK))
            text_box = QRectF(box.x + SAMPLE + 5, box.y, box.w - SAMPLE - 5, box.h)
            if row.more:
                text_box = QRectF(box.x, box.y, box.w, box.h)
            painter.drawText(
                text_box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elide(row.text, style.LEGEND_PX, False, text_box.width()),
            )
        painter.setOpacity(1.0)


class _Drawn:
    """A curve as the screen draws it, made once per layout: its points' x (sorted: the
    points go left to right), the polyline through them and, when first asked, the short
    lines Qt flattens the smooth curve into, with each line's left end."""

    def __init__(self, curve: PersonaCurve) -> None:
        self.curve = curve
        self.xs = [p.x for p in curve.points]
        self.polygon = QPolygonF([QPointF(p.x, p.y) for p in curve.points])
        self._starts: list[float] = []
        self._lines: list[QLineF] | None = None

    def lines_between(self, left: float, right: float) -> list[QLineF]:
        if self._lines is None:
            self._lines = [
                QLineF(a, b)
                for poly in smooth_path(self.curve.points).toSubpathPolygons()
                for a, b in itertools.pairwise([poly.at(i) for i in range(poly.size())])
            ]
            self._starts = [line.x1() for line in self._lines]
        first = max(0, bisect.bisect_left(self._starts, left) - 1)
        return self._lines[first : bisect.bisect_right(self._starts, right) + 1]
