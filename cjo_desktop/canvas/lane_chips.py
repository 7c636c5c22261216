"""The owners lane's and the metrics lane's chips: each card's owner, and its headline numbers,
under the card, where the layout put them.

One item draws every chip, as the backdrop draws every lane: a map of thousands of cards would
otherwise add thousands of items. The words are fitted when the chips are set, so painting only
draws the chips in view. Everything is text and paths: an SVG or PDF keeps the words as words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjo_desktop.canvas.text import elide, metrics
from cjo_desktop.canvas.text import font as text_font
from cjo_desktop.domain import Journey, Snapshot
from cjo_desktop.drawing import style
from cjo_desktop.drawing.geometry import Rect
from cjo_desktop.drawing.layout import Layout
from cjo_desktop.drawing.metric_view import badge_forms, headline_badges

CHIP_PX = 12
PAD = 8.0
ICON = 14.0  # the owner's person glyph, left of the name
LINE = 16.0
#: Far out a chip is a plain box, like a note.
DETAIL_LOD = 0.4
#: Between two numbers on one line of a metric chip.
SEPARATOR = "   "
_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class Chip:
    """One chip: its box in scene units, its lines as drawn, and whether it is an owner's."""

    rect: QRectF
    lines: tuple[str, ...]
    owner: bool
    muted: bool = False


def lane_chips(
    journey: Journey,
    layout: Layout,
    shown: tuple[Snapshot | None, str | None, str | None],
    form: int,
) -> list[Chip]:
    """The owners' chips and the metric chips of the layout; ``shown`` is the snapshot the
    cards show with their badge and colour metrics, ``form`` the form of their badges."""
    chips = owner_chips(journey, layout.owner_chips)
    return chips + metric_chips(*shown, form, layout.metric_chips)


def owner_chips(journey: Journey, boxes: Mapping[str, Rect]) -> list[Chip]:
    """Each touchpoint's owner, on one line, elided to its chip."""
    chips = []
    for tp_id, box in boxes.items():
        owner = " ".join(journey.touchpoint(tp_id).owner.split())
        room = box.w - 2 * PAD - ICON - 4
        rect = QRectF(box.x, box.y, box.w, box.h)
        chips.append(Chip(rect, (elide(owner, CHIP_PX, True, room),), True))
    return chips


def metric_chips(
    snapshot: Snapshot | None,
    badge_metric: str | None,
    colour_metric: str | None,
    form: int,
    boxes: Mapping[str, Rect],
) -> list[Chip]:
    """Each touchpoint's numbers in the snapshot the cards show, the card's own metric first,
    in the form the cards show their badge (with or without the n): as many as its lines hold,
    then how many more. A touchpoint measured only in another snapshot says so."""
    per_tp = headline_badges(snapshot, badge_metric, colour_metric) if snapshot else {}
    chips = []
    for tp_id, box in boxes.items():
        rect = QRectF(box.x, box.y, box.w, box.h)
        room = box.w - 2 * PAD
        rows = max(1, int((box.h - 2 * 4) // LINE))
        badges = [_form(b, form) for b in per_tp.get(tp_id, [])]
        if not badges:
            where = f"no numbers in {snapshot.label}" if snapshot else "no numbers"
            chips.append(Chip(rect, (elide(where, CHIP_PX, False, room),), False, True))
            continue
        chips.append(Chip(rect, tuple(_pack(badges, rows, room)), False))
    return chips


def _form(badge: str, form: int) -> str:
    forms = badge_forms(badge)
    return forms[min(form, len(forms) - 1)]


def _pack(badges: Sequence[str], rows: int, room: float) -> list[str]:
    """The badges on at most ``rows`` lines, several to a line where they fit; what does not
    fit ends the last line as "+N"."""
    fm = metrics(CHIP_PX)
    width = fm.horizontalAdvance
    lines: list[str] = []
    for i, text in enumerate(badges):
        if lines and width(lines[-1] + SEPARATOR + text) <= room:
            lines[-1] += SEPARATOR + text
        elif len(lines) < rows:
            lines.append(text)
        else:
            more = f"{SEPARATOR}+{len(badges) - i}"
            last = fm.elidedText(lines[-1], Qt.TextElideMode.ElideRight, room - width(more))
            lines[-1] = last + more
            break
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]


class LaneChips(QGraphicsItem):
    """Every owner and metric chip of the map; never selectable, never changes the model."""

    def __init__(self) -> None:
        super().__init__()
        self._chips: list[Chip] = []
        self._bounds = QRectF()
        self.setZValue(2)  # over the lane bands, under flows, notes and cards
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_chips(self, chips: list[Chip]) -> None:
        if chips == self._chips:
            return
        self.prepareGeometryChange()
        self._chips = chips
        bounds = QRectF()
        for chip in chips:
            bounds = bounds.united(chip.rect)
        self._bounds = bounds.adjusted(-1, -1, 1, 1)
        self.update()

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        detail = option.levelOfDetailFromTransform(painter.worldTransform()) >= DETAIL_LOD
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail)
        rim = QPen(QColor(style.GRID), 1.2)
        for chip in self._chips:
            if not chip.rect.intersects(exposed):
                continue
            painter.setPen(rim)
            painter.setBrush(QBrush(QColor(style.CARD_FILL)))
            if not detail:
                painter.drawRect(chip.rect)
                continue
            radius = chip.rect.height() / 2 if chip.owner else 6.0
            painter.drawRoundedRect(chip.rect, radius, radius)
            if chip.owner:
                self._paint_owner(painter, chip)
            else:
                self._paint_numbers(painter, chip)

    @staticmethod
    def _paint_owner(painter: QPainter, chip: Chip) -> None:
        """A person's head and shoulders, then the owner's name."""
        r = chip.rect
        head = QPointF(r.x() + PAD + ICON / 2, r.center().y() - 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(style.MUTED)))
        painter.drawEllipse(head, 3.2, 3.2)
        shoulders = QRectF(head.x() - 6, head.y() + 4.5, 12, 10)
        painter.drawChord(shoulders, 0, 180 * 16)
        painter.setPen(QColor(style.INK))
        painter.setFont(text_font(CHIP_PX, True))
        text = r.adjusted(PAD + ICON + 4, 0, -PAD, 0)
        painter.drawText(text, _ALIGN, chip.lines[0])

    @staticmethod
    def _paint_numbers(painter: QPainter, chip: Chip) -> None:
        r = chip.rect
        painter.setPen(QColor(style.MUTED if chip.muted else style.INK))
        painter.setFont(text_font(CHIP_PX))
        top = r.center().y() - len(chip.lines) * LINE / 2
        for i, line in enumerate(chip.lines):
            row = QRectF(r.x() + PAD, top + i * LINE, r.width() - 2 * PAD, LINE)
            painter.drawText(row, _ALIGN, line)
