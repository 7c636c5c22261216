"""What goes in the lanes under the cards: stacked notes and chips, and free cards in cells.

Each function places boxes with their lane's top at 0, so the layout can size a lane before it
knows where the lane goes, then shifts the boxes down to it (see :func:`shifted`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cjo_desktop.domain.model import FreeCard
from cjo_desktop.drawing.geometry import Rect
from cjo_desktop.drawing.style import Metrics


@dataclass(frozen=True, slots=True)
class Placed:
    """Boxes by id, relative to their lane's top, and the height the lane needs for them."""

    boxes: dict[str, Rect]
    height: float


def stack_under(
    pairs: Iterable[tuple[str, str]],
    card_at: Mapping[str, tuple[float, float]],
    size: tuple[float, float],
    gap: float,
    padding: float,
    least: float,
) -> Placed:
    """Each ``(box id, card id)`` pair gets a box under its card, a card's boxes stacked.

    ``card_at`` gives each card's x and a rank to order cards sharing an x (top lane first).
    Cards whose boxes would overlap (cards of one column in different channel rows share an x)
    share one stack, which starts at the leftmost of them. The lane is at least ``least`` tall.
    """
    width, height = size
    by_card: dict[str, list[str]] = {}
    for box_id, card in pairs:
        if card in card_at:
            by_card.setdefault(card, []).append(box_id)
    order = sorted(by_card, key=lambda card: card_at[card])
    boxes: dict[str, Rect] = {}
    deepest = 0
    stack_x, depth = float("-inf"), 0
    for card in order:
        x = card_at[card][0]
        if x >= stack_x + width + gap:
            stack_x, depth = x, 0  # clear of the stack on the left: a stack of its own
        for box_id in by_card[card]:
            y = padding + depth * (height + gap)
            boxes[box_id] = Rect(stack_x, y, width, height)
            depth += 1
        deepest = max(deepest, depth)
    need = 2 * padding + deepest * height + max(0, deepest - 1) * gap
    return Placed(boxes, max(least, need))


def fill_cells(
    cards: Sequence[FreeCard], columns: Mapping[str, tuple[float, float]], m: Metrics
) -> Placed:
    """Free cards of one lane in their stage columns (``columns``: stage id -> x, width), in
    rows as wide as the column allows, in the order they were made."""
    step = m.card_width + m.note_gap
    in_cell: dict[str, int] = {}
    boxes: dict[str, Rect] = {}
    rows = 1
    for card in cards:
        if card.stage_id not in columns:
            continue
        x0, width = columns[card.stage_id]
        per_row = max(1, int((width - 2 * m.stage_padding + m.note_gap) // step))
        i = in_cell.get(card.stage_id, 0)
        in_cell[card.stage_id] = i + 1
        row, col = divmod(i, per_row)
        rows = max(rows, row + 1)
        y = m.note_padding + row * (m.free_card_height + m.note_gap)
        boxes[card.id] = Rect(
            x0 + m.stage_padding + col * step, y, m.card_width, m.free_card_height
        )
    height = 2 * m.note_padding + rows * m.free_card_height + (rows - 1) * m.note_gap
    return Placed(boxes, height)


def shifted(placed: Placed, top: float) -> dict[str, Rect]:
    """The boxes moved down to a lane whose top is ``top``."""
    return {k: Rect(b.x, b.y + top, b.w, b.h) for k, b in placed.boxes.items()}
