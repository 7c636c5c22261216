"""The report's "Personas" pages: one per persona, with its picture, its description and its
own feeling curve along the map (see :mod:`cjo_desktop.charts.persona`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from matplotlib.figure import Figure

from cjo_desktop.charts.persona import persona_page
from cjo_desktop.charts.style import shorten
from cjo_desktop.domain import Journey

TITLE = "Personas"
#: Personas drawn at most, a page each; the last page names how many more there are.
MAX_PERSONAS = 24

Add = Callable[[str, str, Callable[[], Figure]], None]


def add_pages(journey: Journey, order: Callable[[], Sequence[str]], add: Add) -> str | None:
    """Add a page per persona; returns why there are none (no personas), else None.
    ``order`` gives the touchpoints as the map shows them."""
    personas = journey.personas()
    if not personas:
        return "no personas"
    shown = personas[:MAX_PERSONAS]
    for k, persona in enumerate(shown, 1):
        title = f"Persona: {shorten(persona.name, 60)}"
        if k == len(shown) and len(personas) > len(shown):
            title += f" (and {len(personas) - len(shown):,} more personas, not drawn)"
        add(TITLE, f"persona {k}", partial(_page, journey, persona.id, order, title))
    return None


def _page(
    journey: Journey, persona_id: str, order: Callable[[], Sequence[str]], title: str
) -> Figure:
    return persona_page(journey, persona_id, order(), title=title)
