"""Pictures of a map (PNG, SVG, PDF) rendered by the very scene the editor shows.

The PDF goes onto pages that print card names at 6 pt or more (:mod:`.print_pdf`).

Each export renders into memory and then replaces the target file atomically, so a failed or
cancelled export never leaves half a file. Headless callers (the ``cjo`` command) get Qt's
offscreen platform: no display is needed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLoggingCategory,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from cjo_desktop.canvas.print_pdf import pdf_bytes as pdf_bytes
from cjo_desktop.canvas.scene import JourneyScene
from cjo_desktop.domain import Journey
from cjo_desktop.domain.shown import shown
from cjo_desktop.drawing import style
from cjo_desktop.io import MapFileError
from cjo_desktop.io.files import write_atomic

#: Largest PNG side we render: beyond it memory explodes and viewers refuse the file.
MAX_PNG_SIDE = 32_000


def ensure_app() -> QApplication:
    """A QApplication for headless rendering; reuses the running one inside the editor."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Qt logs each family it passes over on the way to a font for a script (a Hindi name
        # is tried in DejaVu Sans first): diagnostics on stderr, not faults in the picture.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        app = QApplication(["cjo"])
    assert isinstance(app, QApplication)
    return app


#: (snapshot label, badge metric, colour metric), as JourneyScene.set_metric_view takes them.
MetricView = tuple[str | None, str | None, str | None]


def scene_for(
    journey: Journey,
    metric_view: MetricView = (None, None, None),
    *,
    painpoints: bool = True,
    evidence: bool = False,
    comments: bool = False,
) -> JourneyScene:
    """A fresh scene for a picture: no selection or hover, same metrics, pain-point
    highlighting and evidence colouring as on screen (pass the editor scene's
    ``painpoints_visible()`` and ``evidence_view()``); badges of open comments only with
    ``comments`` (a client picture leaves the team's notes out)."""
    ensure_app()
    scene = JourneyScene(cached=False)
    scene.metric_snapshot, scene.badge_metric, scene.colour_metric = metric_view
    scene.set_evidence_view(evidence)
    scene.set_painpoints_visible(painpoints)
    scene.set_comments_visible(comments)
    scene.set_journey(journey)
    return scene


def _buffer() -> tuple[QBuffer, QByteArray]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer, data


def scene_image(scene: JourneyScene, scale: float, transparent: bool = False) -> QImage:
    """The whole scene drawn at ``scale`` on paper (or on nothing: ``transparent``)."""
    rect = scene.sceneRect()
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(QColor(Qt.GlobalColor.transparent) if transparent else QColor(style.PAPER))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
    painter.end()
    return image


def png_bytes(scene: JourneyScene, scale: float = 2.0, transparent: bool = False) -> bytes:
    rect = scene.sceneRect()
    size = QSize(round(rect.width() * scale), round(rect.height() * scale))
    if max(size.width(), size.height()) > MAX_PNG_SIDE:
        raise ValueError(
            f"the map is {size.width()}x{size.height()} px at scale {scale:g}, larger than a PNG "
            f"can sensibly hold ({MAX_PNG_SIDE} px a side); export SVG or PDF, or lower the scale"
        )
    image = scene_image(scene, scale, transparent)
    buffer, data = _buffer()
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    return bytes(data.data())


def svg_bytes(scene: JourneyScene, title: str) -> bytes:
    rect = scene.sceneRect()
    buffer, data = _buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(shown(title))
    generator.setDescription("Customer journey map exported by cjo-desktop")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor(style.PAPER))
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    # The items draw text as shown already; this pass keeps the file well-formed XML even for
    # text that reached the painter another way (QSvgGenerator writes characters unescaped).
    return shown(bytes(data.data()).decode("utf-8", "replace")).encode("utf-8")


def export_picture(
    journey: Journey,
    path: Path,
    *,
    scale: float = 2.0,
    transparent: bool = False,
    page: str = "A4",
    metric_view: MetricView = (None, None, None),
    painpoints: bool = True,
    comments: bool = False,
) -> None:
    """Write ``path`` as PNG, SVG or PDF by its suffix; bad requests raise MapFileError."""
    suffix = path.suffix.lower()
    scene = scene_for(journey, metric_view, painpoints=painpoints, comments=comments)
    try:
        if suffix == ".png":
            data = png_bytes(scene, scale, transparent)
        elif suffix == ".svg":
            data = svg_bytes(scene, journey.title)
        elif suffix == ".pdf":
            data = pdf_bytes(scene, journey.title, page)
        else:
            raise ValueError(f"cannot draw a map as {suffix or 'a file without a suffix'}")
    except ValueError as exc:
        raise MapFileError(path, "", str(exc)) from None
    finally:
        scene.set_journey(None)
    write_atomic(path, data)


def exporter(
    suffix: str,
    *,
    scale: float = 2.0,
    transparent: bool = False,
    page: str = "A4",
    metric_view: MetricView = (None, None, None),
    painpoints: bool = True,
    comments: bool = False,
) -> Callable[[Journey, Path], None]:
    """The CLI's hook: an exporter for one picture suffix."""

    def run(journey: Journey, path: Path) -> None:
        export_picture(
            journey,
            path,
            scale=scale,
            transparent=transparent,
            page=page,
            metric_view=metric_view,
            painpoints=painpoints,
            comments=comments,
        )

    return run
