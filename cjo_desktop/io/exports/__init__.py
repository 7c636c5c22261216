"""File exports that need no Qt, chosen by the output file's suffix.

Picture exports (PNG, SVG, PDF) render the canvas scene and live with the canvas; the CLI
dispatches to them separately so this package stays importable without Qt. A format's module
is imported only when that format is written, so ``cjo --help`` lists them for free.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from cjo_desktop.domain import Journey

Exporter = Callable[["Journey", Path], object]

#: Suffix -> (module, function, what it writes), for help texts and dispatch.
EXPORTERS: dict[str, tuple[str, str, str]] = {
    ".json": ("cjo_desktop.io.files", "save_map", "the normalized native map file"),
    ".graphml": (
        "cjo_desktop.io.exports.graphml",
        "write_graphml",
        "GraphML for graph tools (networkx, Gephi), with the drawing for yEd",
    ),
    ".mmd": ("cjo_desktop.io.exports.mermaid", "write_mermaid", "a Mermaid journey diagram"),
    ".csv": (
        "cjo_desktop.io.exports.metrics_table",
        "write_metrics_csv",
        "one row per touchpoint with its metrics (latest snapshot)",
    ),
}


def exporter_for(path: Path) -> Exporter | None:
    entry = EXPORTERS.get(path.suffix.lower())
    if entry is None:
        return None
    module, function, _ = entry
    return cast(Exporter, getattr(importlib.import_module(module), function))
