"""``cjo-desktop [FILE | --example]``: start Qt and show a window on a map, or on the start
page (templates, recent maps, the example) when no file is given.

The example opens as an untitled copy, so saving asks for a new file instead of overwriting
the copy that ships with the program.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cjo_desktop import __version__
from cjo_desktop.io import SCHEMA_VERSION
from cjo_desktop.io.templates import example_path, resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cjo-desktop", description="Edit customer journey maps.")
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a map to open (default: the start page)"
    )
    parser.add_argument(
        "--example", action="store_true", help="open a copy of the bundled example map"
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cjo-desktop {__version__} (file format {SCHEMA_VERSION})",
    )
    return parser.parse_args(argv)


def no_display_reason() -> str | None:
    """Why Qt could not show a window here, said before Qt aborts with a cryptic message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "cjo-desktop: no display found (DISPLAY and WAYLAND_DISPLAY are unset); start it from "
        "a desktop session, or on a headless machine use the 'cjo' command or 'xvfb-run'"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from cjo_desktop.app.shell.main_window import MainWindow
    from cjo_desktop.app.shell.preferences import apply_theme
    from cjo_desktop.app.shell.preferences import load as load_preferences
    from cjo_desktop.app.shell.recovery_ui import offer_recovery

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("cjo-desktop")
    app.setOrganizationName("cjo-desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("cjo-desktop")
    app.setWindowIcon(app_icon())
    apply_theme(load_preferences().theme, app)
    window = MainWindow()
    if args.file:
        window.open_file(Path(args.file))
    elif args.example:
        window.files.open_copy(example_path())
    else:
        from cjo_desktop.app.start.switch import show_start_page

        show_start_page(window)
    window.show()
    recovered = offer_recovery(window)  # work left by a crash comes back before anything else
    for extra in recovered:
        extra.show()
    if os.environ.get("CJO_EXIT_WHEN_SHOWN") == "1":
        # Start-up timing (packaging/smoke.sh): quit once the event loop has shown the window.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return app.exec()


def app_icon() -> QIcon:
    """The desktop theme's icon when installed (install-desktop.sh), else the bundled SVG and
    PNG sizes, so the window and the task bar show it from a checkout or the built app."""
    from PySide6.QtGui import QIcon

    icons = resources_dir() / "icons"
    fallback = QIcon(str(icons / "cjo-desktop.svg"))
    for png in sorted((icons / "hicolor").glob("*/cjo-desktop.png")):
        fallback.addFile(str(png))
    return QIcon.fromTheme("cjo-desktop", fallback)
