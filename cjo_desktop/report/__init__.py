"""The report: a multi-page PDF of a map, its charts and its ranked pain points.

``render_map`` (GUI thread: it draws the Qt scene) then ``build_pdf`` (any thread) then
``write_report``; :func:`make_report` does all three for the command line.
"""

from __future__ import annotations

import re
from pathlib import Path

from cjo_desktop.domain import Journey
from cjo_desktop.report.data import ReportOptions, gather

__all__ = ["ReportOptions", "make_report"]


def make_report(journey: Journey, path: Path, options: ReportOptions) -> int:
    """Write the report of ``journey`` to ``path``; returns its page count. Raises
    JourneyError for an unknown snapshot and OSError when the file cannot be written."""
    from cjo_desktop.report.build import build_pdf, write_report
    from cjo_desktop.report.map_pages import render_map

    data = gather(journey, options)
    pictures = None if data.summary else render_map(data.journey)
    pdf = build_pdf(data, pictures)
    write_report(path, pdf)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
