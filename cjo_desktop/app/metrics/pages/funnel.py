"""The funnel page: from/to/count columns for flow rows, or a visitors column; either with an
optional column of expected drop-offs."""

from __future__ import annotations

from typing import ClassVar

from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.io.imports.kinds.funnel import FunnelOptions
from cjo_desktop.io.imports.spec import ImportSpec


class FunnelPage(KindPage):
    kind = FunnelOptions.kind
    roles: ClassVar[dict[str, str]] = {
        "source": "&From",
        "target": "T&o",
        "count": "Co&unt",
        "visitors": "&Visitors (no from/to)",
        "expected": "E&xpected drop-off (0.12 or 12%)",
    }

    def options(self) -> FunnelOptions:
        return FunnelOptions(**{role: self.column(role) for role in self.roles})

    def check(self, spec: ImportSpec) -> None:
        options = spec.options
        assert isinstance(options, FunnelOptions)
        flows = bool(options.source and options.target)
        if not (flows or options.visitors):
            raise ValueError("Choose the From and To columns, or the Visitors column.")
        if not flows:  # flow rows name their touchpoints in from and to
            super().check(spec)
