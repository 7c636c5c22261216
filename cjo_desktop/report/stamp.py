"""Lay the map's vector pages (drawn by the editor's scene) onto the report's pages.

matplotlib draws each map page's title, caption and footer around an empty area; pypdf then
places the map page there, so card names stay the text Qt wrote, at the size it wrote them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from cjo_desktop.charts.style import HEADER_IN, MARGIN_IN, PAGE_SIZE

#: The part of an A4 landscape report page the map may fill, in points (width, height):
#: between the margins, below the title, above a caption of up to two lines and the footer.
#: The map's pages are cut to fit it (:mod:`cjo_desktop.report.map_pages`).
AREA_PT = (10.55 * 72, 6.1 * 72)


@dataclass(frozen=True)
class Place:
    """Map page ``source`` (0-based, in the map's PDF) goes onto report page ``page``."""

    page: int
    source: int
    size: tuple[float, float]  # the map page's size in points


def offset(size: tuple[float, float]) -> tuple[float, float, float]:
    """Where a map page of ``size`` points goes on a report page: x and y of its lower left
    corner (PDF points from the page's lower left) and the scale, 1 unless it is too large,
    centred across the page, just below the title."""
    width, height = size
    k = min(1.0, AREA_PT[0] / max(width, 1e-9), AREA_PT[1] / max(height, 1e-9))
    x = MARGIN_IN * 72 + (AREA_PT[0] - width * k) / 2
    y = (PAGE_SIZE[1] - HEADER_IN) * 72 - height * k
    return x, y, k


def stamp_maps(report: bytes, maps: bytes, places: list[Place]) -> bytes:
    """``report`` with every map page of ``maps`` laid onto its place."""
    from pypdf import PdfReader, PdfWriter, Transformation

    if not places:
        return report
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    source = PdfReader(io.BytesIO(maps))
    for place in places:
        x, y, k = offset(place.size)
        writer.pages[place.page].merge_transformed_page(
            source.pages[place.source], Transformation().scale(k, k).translate(x, y)
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
