"""How a map goes onto paper so its card names print at a readable size.

One page when the whole map fits there with card names at :data:`MIN_NAME_PT` or more;
otherwise the fewest pages (rows and columns of them, either orientation) that keep that size,
each page repeating a strip of its neighbours (:data:`OVERLAP_PT`) so the sheets can be laid
edge to edge. Plain arithmetic in points and scene units, shared by the PDF export and the
report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cjo_desktop.drawing.style import CARD_TITLE_PX

#: The smallest size a card name may print at, in points.
MIN_NAME_PT = 6.0
#: The least scale (points per scene unit) that prints card names at MIN_NAME_PT.
MIN_SCALE = MIN_NAME_PT / CARD_TITLE_PX
#: How much of each neighbouring page a tiled page repeats, in points (about 8 mm).
OVERLAP_PT = 22.0
#: Height kept free at the foot of a tiled page for its key ("page 2 of 6, row 1 column 2").
KEY_PT = 16.0
#: More pages than this is no longer a print-out: the export refuses with a clear message.
MAX_PAGES = 120

#: Paper sizes in points, portrait (width, height).
PAPER_PT = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
#: The margin kept blank on every side, in points (10 mm).
MARGIN_PT = 28.35


@dataclass(frozen=True)
class Tile:
    """One page's share of the map: ``rect`` in scene units (x, y, width, height)."""

    row: int
    column: int
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class PagePlan:
    landscape: bool
    rows: int
    columns: int
    scale: float  # points per scene unit
    content: tuple[float, float]  # the map's area on each page, points (width, height)
    tiles: list[Tile]

    @property
    def pages(self) -> int:
        return self.rows * self.columns

    @property
    def name_pt(self) -> float:
        """The size card names print at."""
        return CARD_TITLE_PX * self.scale

    def key(self, tile: Tile) -> str:
        number = tile.row * self.columns + tile.column + 1
        return f"page {number} of {self.pages}, row {tile.row + 1} column {tile.column + 1}"


def _count(length: float, room: float, overlap: float) -> int:
    """Pages needed side by side to hold ``length`` points, each showing ``room``."""
    if length <= room:
        return 1
    return math.ceil((length - overlap) / (room - overlap))


def _span(count: int, room: float, overlap: float) -> float:
    return count * room - (count - 1) * overlap


def _tiles(
    plan_scale: float,
    size: tuple[float, float],
    content: tuple[float, float],
    counts: tuple[int, int],
    overlap: float,
) -> list[Tile]:
    """Tiles over the map, the map centred in the pages' joint area."""
    width, height = size
    rows, columns = counts
    room_w, room_h = content[0] / plan_scale, content[1] / plan_scale
    step_w, step_h = room_w - overlap / plan_scale, room_h - overlap / plan_scale
    left = (width - (room_w + (columns - 1) * step_w)) / 2 if columns > 1 else 0.0
    top = (height - (room_h + (rows - 1) * step_h)) / 2 if rows > 1 else 0.0
    return [
        Tile(r, c, (left + c * step_w, top + r * step_h, room_w, room_h))
        for r in range(rows)
        for c in range(columns)
    ]


def plan_pages(width: float, height: float, paper: str = "A4") -> PagePlan:
    """The page plan for a map of ``width`` x ``height`` scene units on ``paper``.

    Raises ValueError when the map would need more than MAX_PAGES pages.
    """
    short, long = PAPER_PT[paper]
    width, height = max(width, 1.0), max(height, 1.0)
    candidates: list[tuple[int, float, int, PagePlan]] = []
    for landscape in (True, False):
        page_w, page_h = (long, short) if landscape else (short, long)
        whole = (page_w - 2 * MARGIN_PT, page_h - 2 * MARGIN_PT)
        fit = min(whole[0] / width, whole[1] / height)
        if fit >= MIN_SCALE:
            plan = PagePlan(landscape, 1, 1, fit, whole, [Tile(0, 0, (0, 0, width, height))])
            candidates.append((1, -fit, 0 if landscape else 1, plan))
            continue
        content = (whole[0], whole[1] - KEY_PT)
        columns = _count(width * MIN_SCALE, content[0], OVERLAP_PT)
        rows = _count(height * MIN_SCALE, content[1], OVERLAP_PT)
        scale = min(
            _span(columns, content[0], OVERLAP_PT) / width,
            _span(rows, content[1], OVERLAP_PT) / height,
        )
        if rows * columns > MAX_PAGES:  # refused below: never list millions of tiles
            candidates.append(
                (
                    rows * columns,
                    -scale,
                    0 if landscape else 1,
                    PagePlan(landscape, rows, columns, scale, content, []),
                )
            )
            continue
        tiles = _tiles(scale, (width, height), content, (rows, columns), OVERLAP_PT)
        plan = PagePlan(landscape, rows, columns, scale, content, tiles)
        candidates.append((rows * columns, -scale, 0 if landscape else 1, plan))
    pages, _, _, best = min(candidates, key=lambda c: c[:3])
    if pages > MAX_PAGES:
        raise ValueError(
            f"the map would take {pages:,} {paper} pages to print its card names at "
            f"{MIN_NAME_PT:g} pt (at most {MAX_PAGES}); export SVG instead, or PNG for a "
            "smaller map"
        )
    return best
