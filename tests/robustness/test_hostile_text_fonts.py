"""Names in any script draw as letters, not as empty boxes: on the canvas (Qt, so PNG, SVG and
PDF exports too) and in the report (matplotlib), with the fonts embedded in PDFs.

The missing-glyph box is what a character no font has draws (U+10FFFD, the last private-use
code point); a character of a name must draw something else. These tests fail on a machine
without the fonts packaging/setup.sh installs, which is the point.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

SCRIPTS = {
    "Chinese": "客户旅程",
    "Japanese": "カスタマーひらがな旅",
    "Korean": "고객 여정",
    "Arabic": "رحلة العميل",
    "Hebrew": "מסע לקוח",
    "Devanagari": "ग्राहक यात्रा",
    "Thai": "การเดินทาง",
    "Emoji": "😀🚀🛒",
    "Symbols": "\N{MINUS SIGN}↓→€“”",
}
NO_FONT = "\U0010fffd"
SETUP = "fonts missing: run packaging/setup.sh"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed"
)


def _plain(text: str) -> str:
    """pdftotext's output as comparable text: presentation forms and bidi marks dropped."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c not in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


# -------------------------------------------------------------------- Qt
def _draw(text: str) -> bytes:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter

    from cjo_desktop.canvas.text import font

    image = QImage(64 * max(1, len(text)), 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font(28))
    painter.setPen(QColor("black"))
    painter.drawText(QPointF(6, 44), text)
    painter.end()
    return bytes(image.constBits())


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_canvas_draws_each_character_and_never_the_missing_glyph_box(
    qapp: object, script: str
) -> None:
    white = _draw("")
    for char in SCRIPTS[script].replace(" ", ""):
        drawn, box = _draw(char), _draw(NO_FONT)
        assert drawn != white, f"{script} {char!r} draws nothing"
        assert drawn != box, f"{script} {char!r} draws as the missing-glyph box; {SETUP}"
    # Where Qt on Linux gets its fallback fonts: fontconfig must know one for each character
    # (with none Qt draws boxes from a nameless font of its own, which differ from the box
    # above; asking Qt for that font's name crashes it).
    if shutil.which("fc-list"):
        for char in SCRIPTS[script].replace(" ", ""):
            found = subprocess.run(
                ["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True
            ).stdout
            assert found.strip(), f"no font has {script} {char!r}; {SETUP}"


def test_the_canvas_text_face_has_the_maps_own_symbols(qapp: object) -> None:
    from PySide6.QtGui import QFont, QRawFont

    from cjo_desktop.canvas.text import families
    from cjo_desktop.drawing.style import OWN_SYMBOLS

    raw = QRawFont.fromFont(QFont(families()[0]))
    assert all(raw.supportsCharacter(ord(c)) for c in OWN_SYMBOLS), families()[0]


# ------------------------------------------------------------- matplotlib
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_report_has_a_font_for_every_character(script: str) -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from cjo_desktop.charts import style

    fonts = [
        FT2Font(font_manager.fontManager.findfont(f, fallback_to_default=False))
        for f in style.font_families()
    ]
    for char in SCRIPTS[script].replace(" ", ""):
        assert any(f.get_char_index(ord(char)) for f in fonts), f"{script} {char!r}: {SETUP}"


def test_the_report_face_comes_first_and_has_the_maps_own_symbols() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from cjo_desktop.charts import style

    families = style.font_families()
    assert families[0] == style.font_family()
    assert len(families) == len(set(families))
    face = FT2Font(font_manager.fontManager.findfont(families[0], fallback_to_default=False))
    assert {ord(c) for c in style.OWN_SYMBOLS} <= face.get_charmap().keys()


# ------------------------------------------------------------- end to end
@pytest.fixture
def world(tmp_path: Path) -> Iterator[Path]:
    """The example with its title, stages and personas named in these scripts."""
    j = load_map(example_path())
    j.set_title(f"{SCRIPTS['Chinese']} {SCRIPTS['Emoji']}")
    names = list(SCRIPTS.values())
    for stage, name in zip(j.stages(), names, strict=False):
        j.rename(stage.id, name)
    for persona, name in zip(j.personas(), (SCRIPTS["Korean"], SCRIPTS["Arabic"]), strict=False):
        j.rename(persona.id, name)
    for tp, name in zip(j.touchpoints(), names, strict=False):
        j.rename(tp.id, name)
    path = tmp_path / "world.cjo.json"
    save_map(j, path)
    yield path


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in lines.stdout.splitlines()[2:]]
    return [(row[0], row[-5]) for row in rows]  # name, "emb"


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return _plain(out.stdout.decode("utf-8"))


@pytest.mark.slow
@needs_poppler
def test_the_report_embeds_its_fonts_and_gives_the_names_back(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run_cjo("report", world, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "findfont" not in result.stderr and "missing from font" not in result.stderr
    fonts = _fonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    assert len({name.split("+")[-1].split("-")[0] for name, _ in fonts}) >= 4  # fallbacks used
    text = _pdf_text(out)
    journey = load_map(world)
    for persona in journey.personas():  # one line on the title page
        assert _plain(persona.name) in text, persona.name
    assert _plain(journey.title) in text
    # Devanagari and Thai are drawn (their fonts are embedded) but matplotlib's PDF maps a
    # shaped cluster back to its letters more than once, so pdftotext repeats them: not
    # compared here.
    families = " ".join(name for name, _ in fonts)
    assert "Devanagari" in families and "Thai" in families, families


@needs_poppler
def test_the_pdf_picture_embeds_its_fonts_and_gives_the_names_back(
    world: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.pdf"
    result = run_cjo("export", world, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    fonts = _fonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    text = _pdf_text(out).replace("\n", " ")
    for stage in load_map(world).stages():
        assert _plain(stage.name) in text, stage.name


@pytest.mark.slow
def test_a_png_of_the_names_is_not_a_png_of_boxes(world: Path, tmp_path: Path) -> None:
    """The same map with every name replaced by as many characters no font has: if the names
    were drawn as boxes the two pictures would be the same."""
    boxes = load_map(world)
    for item in [*boxes.stages(), *boxes.personas(), *boxes.touchpoints()]:
        boxes.rename(item.id, "".join(" " if c == " " else NO_FONT for c in item.name))
    boxes.set_title("".join(" " if c == " " else NO_FONT for c in boxes.title))
    boxed = tmp_path / "boxes.cjo.json"
    save_map(boxes, boxed)
    pictures = []
    for path in (world, boxed):
        out = path.with_suffix(".png")
        assert run_cjo("export", path, "-o", out, "--scale", "1").returncode == 0
        pictures.append(out.read_bytes())
    assert pictures[0] != pictures[1]


# ------------------------------------------------------ right to left, long words
def test_an_arabic_card_keeps_its_words_in_order_and_reads_right_to_left(qapp: object) -> None:
    from PySide6.QtGui import QTextLayout

    from cjo_desktop.canvas.text import fit_lines, font
    from cjo_desktop.drawing import style

    name = "رحلة العميل عبر الموقع الإلكتروني والتطبيق"
    lines = fit_lines(name, style.CARD_TITLE_PX, True, 150, 2)
    assert len(lines) == 2
    shown_words = " ".join(lines).replace("…", "").split()
    assert name.split()[: len(shown_words) - 1] == shown_words[:-1]  # logical order, not mirrored
    for line in lines:
        layout = QTextLayout(line, font(style.CARD_TITLE_PX, True))
        layout.beginLayout()
        text_line = layout.createLine()
        layout.endLayout()
        start, end = text_line.cursorToX(0)[0], text_line.cursorToX(len(line))[0]
        assert start > end, line  # the first letter is at the right


@pytest.mark.parametrize("word", ["Supercalifragilistic" * 6, "客户旅程" * 30, "😀" * 80])
def test_a_long_word_without_spaces_stays_inside_its_card(qapp: object, word: str) -> None:
    from cjo_desktop.canvas.export import scene_for
    from cjo_desktop.canvas.text import fit_lines, metrics
    from cjo_desktop.drawing import style

    room = 150
    lines = fit_lines(word, style.CARD_TITLE_PX, True, room, 2)
    assert len(lines) == 1 and lines[0].endswith("…")
    assert metrics(style.CARD_TITLE_PX, True).horizontalAdvance(lines[0]) <= room
    j = Journey("Long words")
    stage = j.add_stage(word)
    j.add_touchpoint(stage.id, "short", id="tp-short")
    j.add_touchpoint(stage.id, word, id="tp-long", channel=word)
    scene = scene_for(j)
    try:
        short, long = scene.cards["tp-short"], scene.cards["tp-long"]
        assert long.boundingRect() == short.boundingRect()
    finally:
        scene.set_journey(None)
