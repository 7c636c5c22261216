"""File exports that need no Qt, chosen by the output file's suffix.

Picture exports (PNG, SVG, PDF) render the canvas scene and live with the canvas; the CLI
dispatches to them separately so this package stays importable without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cjo_desktop.domain import Journey
from cjo_desktop.io.exports.graphml import write_graphml
from cjo_desktop.io.exports.mermaid import write_mermaid
from cjo_desktop.io.exports.metrics_table import write_metrics_csv
from cjo_desktop.io.files import save_map

Exporter = Callable[[Journey, Path], object]

#: Suffix -> (exporter, what it writes), for help texts and dispatch.
EXPORTERS: dict[str, tuple[Exporter, str]] = {
    ".json": (save_map, "the normalized native map file"),
    ".graphml": (write_graphml, "GraphML for graph tools (networkx, Gephi, yEd)"),
    ".mmd": (write_mermaid, "a Mermaid journey diagram"),
    ".csv": (write_metrics_csv, "one row per touchpoint with its metrics (latest snapshot)"),
}


def exporter_for(path: Path) -> Exporter | None:
    entry = EXPORTERS.get(path.suffix.lower())
    return None if entry is None else entry[0]
