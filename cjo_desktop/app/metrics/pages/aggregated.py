"""The aggregated values page: every column besides the touchpoint's is a metric."""

from __future__ import annotations

from cjo_desktop.app.metrics.pages.base import KindPage
from cjo_desktop.io.imports.kinds.aggregated import AggregatedOptions


class AggregatedPage(KindPage):
    kind = AggregatedOptions.kind

    def options(self) -> AggregatedOptions:
        return AggregatedOptions()
