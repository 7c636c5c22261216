"""The scales of the example surveys, stated as a user states them: CSAT 1-5 with 5 best, CES
1-7 with 1 (least effort) best. An import never assumes them, so tests say them too."""

from __future__ import annotations

from cjo_desktop.analysis.scales import Scale

#: For ``spec_of(..., **STATED)`` and ``ResponsesOptions(..., **STATED)``.
STATED = {"csat_scale": Scale.csat("high"), "ces_scale": Scale.ces(7, "low")}
#: For ``cjo import-metrics`` and ``cjo segments``.
FLAGS = ("--csat-best", "high", "--ces-scale", "7", "--ces-best", "low")
