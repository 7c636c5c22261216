"""Lay the map's vector pages (drawn by the editor's scene) onto the report's pages.

matplotlib draws each map page's title, caption and footer around an empty area; pypdf then
places the map page there, so card names stay the text Qt wrote, at the size it wrote them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from cjo_desktop.charts.style import HEADER_IN, PAGE_SIZE

#: The part of an A4 landscape report page the map may fill, in points (width, height):
#: between the margins, below the title, above a caption of up to two lines and the footer.
#: The map's pages are cut to fit it (:mod:`cjo_desktop.report.map_pages`).
AREA_PT = (10.55 * 72, 6.1 * 72)
#: The same on an A4 portrait page, the same bands kept above and below: a map too tall for
#: landscape at 6 pt shows whole stages with every lane there. Its side margins are 0.3 in
#: (printable on office printers), not the 0.55 in of the titles: the lane names and two
#: stages of the bundled example fit side by side.
PORTRAIT_AREA_PT = (7.67 * 72, 9.52 * 72)


def area(portrait: bool) -> tuple[float, float]:
    """The map's area on a landscape or a portrait page, in points."""
    return PORTRAIT_AREA_PT if portrait else AREA_PT


def page_size(portrait: bool) -> tuple[float, float]:
    """The report page, in inches: A4 landscape, or A4 portrait for a tall map."""
    return (PAGE_SIZE[1], PAGE_SIZE[0]) if portrait else PAGE_SIZE


@dataclass(frozen=True)
class Place:
    """Map page ``source`` (0-based, in the map's PDF) goes onto report page ``page``."""

    page: int
    source: int
    size: tuple[float, float]  # the map page's size in points
    portrait: bool = False  # the report page is A4 portrait


def offset(size: tuple[float, float], portrait: bool = False) -> tuple[float, float, float]:
    """Where a map page of ``size`` points goes on a report page: x and y of its lower left
    corner (PDF points from the page's lower left) and the scale, 1 unless it is too large,
    centred across the page, just below the title."""
    width, height = size
    room = area(portrait)
    k = min(1.0, room[0] / max(width, 1e-9), room[1] / max(height, 1e-9))
    x = (page_size(portrait)[0] * 72 - width * k) / 2
    y = (page_size(portrait)[1] - HEADER_IN) * 72 - height * k
    return x, y, k


def stamp_maps(report: bytes, maps: bytes, places: list[Place]) -> bytes:
    """``report`` with every map page of ``maps`` laid onto its place.

    Each map page becomes a form XObject drawn by a few operators appended to its report
    page: its content is copied as it is, never parsed (pypdf's merge_transformed_page
    parses and rewrites both pages: 24 s for 60 map pages, against well under a second).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        IndirectObject,
        NameObject,
        PdfObject,
    )

    if not places:
        return report
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    source = PdfReader(io.BytesIO(maps))

    def stream(data: bytes, extra: dict[str, PdfObject] | None = None) -> IndirectObject:
        obj = DecodedStreamObject()
        obj.set_data(data)
        for key, value in (extra or {}).items():
            obj[NameObject(key)] = value
        return writer._add_object(obj)

    for k, place in enumerate(places):
        map_page = source.pages[place.source]
        width, height = place.size
        content = map_page.get_contents()  # an empty dictionary-like stream is falsy: test None
        form = stream(
            b"" if content is None else content.get_data(),
            {
                "/Type": NameObject("/XObject"),
                "/Subtype": NameObject("/Form"),
                "/BBox": ArrayObject(
                    [FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]
                ),
                "/Resources": map_page[NameObject("/Resources")].clone(writer),
            },
        )
        page = writer.pages[place.page]
        # copies: matplotlib's pages share one resource dictionary
        resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
        page[NameObject("/Resources")] = resources
        xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
        resources[NameObject("/XObject")] = xobjects
        name = f"/CjoMap{k}"
        xobjects[NameObject(name)] = form
        x, y, scale = offset(place.size, place.portrait)
        draw = f"Q q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm {name} Do Q".encode()
        contents = page.raw_get("/Contents")  # matplotlib writes one stream a page
        old = contents.get_object()
        kept = list(old) if isinstance(old, ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([stream(b"q"), *kept, stream(draw)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
