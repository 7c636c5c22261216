"""Help > About: what is running, for bug reports: program, Qt, Python, file format."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from cjo_desktop import __version__
from cjo_desktop.io import SCHEMA_VERSION

APP_NAME = "cjo-desktop"


def version_lines() -> list[tuple[str, str]]:
    """(what, version) rows, also what a bug report should quote."""
    return [
        (APP_NAME, __version__),
        ("File format", str(SCHEMA_VERSION)),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("Python", platform.python_version()),
        ("System", f"{platform.system()} {platform.release()}".strip()),
    ]


def about_html() -> str:
    rows = "".join(f"<tr><td>{k}</td><td><b>{v}</b></td></tr>" for k, v in version_lines())
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A desktop editor for customer journey maps: stages, touchpoints, flows and "
        "feelings, the data behind them, and the pain points that cost the most.</p>"
        f"<table cellspacing='4'>{rows}</table>"
        "<p>MIT licence.</p>"
    )


def show_about(parent: QWidget) -> None:
    """The About box; a function so tests can replace it."""
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setText(about_html())
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setAccessibleName(f"About {APP_NAME}")
    box.exec()
