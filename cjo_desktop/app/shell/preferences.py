"""The user's preferences, kept in QSettings: theme, export defaults, autosave, author.

One place names every key and its default, so the dialog, the export dialog, the autosaver
and the report read the same values; a value a hand-edited settings file broke falls back
to its default instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from cjo_desktop.palette import DARK_DISABLED, DARK_THEME

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
PAGES = ("A4", "A3")

THEME_KEY = "appearance/theme"
SCALE_KEY = "export/png_scale"
PAGE_KEY = "export/pdf_page"
AUTOSAVE_KEY = "autosave/seconds"
AUTHOR_KEY = "user/author"

AUTOSAVE_MIN, AUTOSAVE_MAX = 5, 3600


@dataclass(frozen=True)
class Preferences:
    theme: Theme = "system"
    export_scale: int = 2
    export_page: str = "A4"
    autosave_seconds: int = 30
    author: str = ""


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number: int = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def load() -> Preferences:
    s = QSettings()
    theme = str(s.value(THEME_KEY, "system"))
    page = str(s.value(PAGE_KEY, "A4"))
    return Preferences(
        theme=next((t for t in THEMES if t == theme), "system"),
        export_scale=_int(s.value(SCALE_KEY, 2), 2, 1, 4),
        export_page=page if page in PAGES else "A4",
        autosave_seconds=_int(s.value(AUTOSAVE_KEY, 30), 30, AUTOSAVE_MIN, AUTOSAVE_MAX),
        author=str(s.value(AUTHOR_KEY, "") or "")[:200],
    )


def save(prefs: Preferences) -> None:
    s = QSettings()
    s.setValue(THEME_KEY, prefs.theme)
    s.setValue(SCALE_KEY, prefs.export_scale)
    s.setValue(PAGE_KEY, prefs.export_page)
    s.setValue(AUTOSAVE_KEY, prefs.autosave_seconds)
    s.setValue(AUTHOR_KEY, prefs.author)


# ------------------------------------------------------------------- themes
_system_palette: QPalette | None = None
_system_style: str | None = None


def dark_palette() -> QPalette:
    """A calm dark palette (Fusion's colours roles, dark greys, the canvas blue for focus)."""
    p = QPalette()
    for name, colour in DARK_THEME.items():
        p.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    disabled = QColor(DARK_DISABLED)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def effective_theme(theme: Theme) -> Literal["light", "dark"]:
    """What "follow the system" means right now."""
    if theme != "system":
        return theme
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    """Light and dark use Fusion with a fixed palette, so they look the same everywhere;
    "system" gives the platform's own style and palette back."""
    global _system_palette, _system_style
    app = app or _app()
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if theme == "system":
        if _system_style and app.style().name() != _system_style:
            app.setStyle(QStyleFactory.create(_system_style))
        app.setPalette(_system_palette)
        return
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(fusion)
    app.setPalette(dark_palette() if theme == "dark" else fusion.standardPalette())


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication must exist"
    return app
