"""The survey responses page: score columns, and which end of each scale is best.

Survey tools disagree on which end is best, so the page never picks one: each scale starts
unchosen ("choose…") unless the map records it from an earlier import, and the import is
refused until every scale of a chosen column is stated.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QComboBox, QWidget

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.app.metrics.form import combo, refill
from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.domain import Journey
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions, recorded_scale
from cjo_desktop.io.imports.spec import ImportSpec

UNCHOSEN = "choose…"
CSAT_BEST = [(None, f"best end: {UNCHOSEN}"), ("high", "5 is best"), ("low", "1 is best")]
CES_POINTS = [(None, f"scale: {UNCHOSEN}"), (7, "1-7"), (5, "1-5")]
CES_BEST = [(None, f"best end: {UNCHOSEN}"), ("low", "1 is best"), ("high", "highest is best")]


class ResponsesPage(KindPage):
    kind = ResponsesOptions.kind
    roles: ClassVar[dict[str, str]] = {"nps": "&NPS (0-10)", "csat": "C&SAT (1-5)", "ces": "C&ES"}
    shared: ClassVar[tuple[str, ...]] = ("key", "segment", "date")

    def __init__(self) -> None:
        super().__init__()
        self.csat_best = combo("CSAT best", CSAT_BEST)
        self.ces_points = combo("CES scale", CES_POINTS)
        self.ces_best = combo("CES best", CES_BEST)

    def extras(self, role: str) -> list[QWidget]:
        shown: dict[str, list[QWidget]] = {
            "csat": [self.csat_best],
            "ces": [self.ces_points, self.ces_best],
        }
        return shown.get(role, [])

    def preset(self, journey: Journey) -> None:
        """The scales the map records from its last survey import, else none chosen."""
        csat, ces = recorded_scale(journey, "csat"), recorded_scale(journey, "ces")
        refill(self.csat_best, CSAT_BEST, csat.best if csat else None)
        refill(self.ces_points, CES_POINTS, ces.high if ces else None)
        refill(self.ces_best, CES_BEST, ces.best if ces else None)

    def options(self) -> ResponsesOptions:
        csat_best, points, ces_best = (
            box.currentData() for box in (self.csat_best, self.ces_points, self.ces_best)
        )
        return ResponsesOptions(
            nps=self.column("nps"),
            csat=self.column("csat"),
            ces=self.column("ces"),
            csat_scale=Scale.csat(csat_best) if csat_best else None,
            ces_scale=Scale.ces(points, ces_best) if points and ces_best else None,
        )

    def check(self, spec: ImportSpec) -> None:
        options = spec.options
        assert isinstance(options, ResponsesOptions)
        if not (options.nps or options.csat or options.ces):
            raise ValueError("Choose at least one score column: NPS, CSAT or CES.")
        unstated: list[tuple[str, QComboBox]] = []
        if options.csat and options.csat_scale is None:
            unstated.append(("which end of the CSAT scale is best", self.csat_best))
        if options.ces and options.ces_scale is None:
            if self.ces_points.currentData() is None:
                unstated.append(("the CES scale (1-5 or 1-7)", self.ces_points))
            if self.ces_best.currentData() is None:
                unstated.append(("which end of the CES scale is best", self.ces_best))
        if unstated:
            unstated[0][1].setFocus()
            words = [w for w, _ in unstated]
            what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
            raise ValueError(f"Choose {what}: survey tools differ, so it is never assumed.")
        super().check(spec)
