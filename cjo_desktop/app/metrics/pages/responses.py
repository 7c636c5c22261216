"""The survey responses page: score columns, and which end of each scale is best."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.app.metrics.form import combo
from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.spec import ImportSpec


class ResponsesPage(KindPage):
    kind = ResponsesOptions.kind
    roles: ClassVar[dict[str, str]] = {"nps": "&NPS (0-10)", "csat": "C&SAT (1-5)", "ces": "C&ES"}
    shared: ClassVar[tuple[str, ...]] = ("key", "segment", "date")

    def __init__(self) -> None:
        super().__init__()
        self.csat_best = combo("CSAT best", [("high", "5 is best"), ("low", "1 is best")])
        self.ces_points = combo("CES scale", [(7, "1-7"), (5, "1-5")])
        self.ces_best = combo("CES best", [("low", "1 is best"), ("high", "highest is best")])

    def extras(self, role: str) -> list[QWidget]:
        shown: dict[str, list[QWidget]] = {
            "csat": [self.csat_best],
            "ces": [self.ces_points, self.ces_best],
        }
        return shown.get(role, [])

    def options(self) -> ResponsesOptions:
        return ResponsesOptions(
            nps=self.column("nps"),
            csat=self.column("csat"),
            ces=self.column("ces"),
            csat_scale=Scale.csat(self.csat_best.currentData()),
            ces_scale=Scale.ces(self.ces_points.currentData(), self.ces_best.currentData()),
        )

    def check(self, spec: ImportSpec) -> None:
        options = spec.options
        assert isinstance(options, ResponsesOptions)
        if not (options.nps or options.csat or options.ces):
            raise ValueError("Choose at least one score column: NPS, CSAT or CES.")
        super().check(spec)
