"""Names are text, everywhere: what a user typed or imported comes out as the same words in the
report, in every export and on the canvas, and never breaks a file's syntax.

Each test builds a map whose names are made of the characters that broke something (``$`` and
TeX for matplotlib's mathtext; control characters, quotes, line breaks and markup for XML,
Mermaid, CSV and Qt's tooltips), runs the command a user would run and reads the output back
with an independent reader: pdftotext, xml.etree, json, csv, a Mermaid lexer.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.domain.shown import SHOWN_AS, shown
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from tests.cjo_command import run_cjo

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)

#: Names matplotlib's mathtext would have eaten or choked on.
MATH_NAMES = [
    "Upgrade from $5 to $10 plan",
    "Budget $$",
    r"\frac{a}{b} and \alpha",
    "x^2 y_1 {braces}",
    "$$$$",
    r"cost \$3 $",
]
#: Characters XML 1.0 cannot hold or that nothing can draw, and ones that are fine but easy
#: to mishandle (markup, quotes, a CDATA end, CR/LF, tab).
CONTROL = "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f\ufffe\uffff"
TRICKY = "<b>&amp;</b> \"q\" 'a' ]]> tab\there"


def _write(journey: Journey, path: Path) -> Path:
    save_map(journey, path)
    return path


def _texts(root: ET.Element) -> str:
    """The words of an XML document, without the line breaks between elements (Qt writes a
    <text> per font run: "Evil", "␛", "[2Jkey")."""
    return "".join(
        e.text or "" for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("text", "data")
    )


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    # bidi marks and presentation forms are pdftotext's way of writing plain text
    return (
        unicodedata.normalize("NFKC", out.decode("utf-8"))
        .replace("\u202b", "")
        .replace("\u202c", "")
    )


@pytest.mark.slow
# ---------------------------------------------------------------- mathtext
@needs_poppler
@pytest.mark.parametrize("currency", ["$$$$", "$", r"\$", "$x^2$"])
def test_the_report_prints_dollars_and_tex_literally(tmp_path: Path, currency: str) -> None:
    journey = load_map(example_path())
    journey.set_title(MATH_NAMES[0])
    stages = journey.stages()
    for stage, name in zip(stages, MATH_NAMES[1:], strict=False):
        journey.rename(stage.id, name)
    persona = journey.personas()[0]
    journey.rename(persona.id, "Saver $1 $2")
    settings = journey.painpoint_settings()
    journey.set_painpoint_settings(dataclasses.replace(settings, currency=currency))
    path = _write(journey, tmp_path / "math.cjo.json")
    before = path.read_bytes()
    out = tmp_path / "report.pdf"
    result = run_cjo("report", path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ") and "Traceback" not in result.stderr
    assert path.read_bytes() == before  # a report never changes the map
    text = _pdf_text(out)
    for name in [*MATH_NAMES[:5], "Saver $1 $2"]:
        assert name in text, name
    assert f"{currency}85 per customer" in text  # the example's value per customer


def test_every_text_on_a_page_is_literal_whoever_saves_it(tmp_path: Path) -> None:
    """The editor's value-by-effort window saves its figure outside chart_style(): a page
    still draws '$' as a dollar, in texts, tick labels (fixed and formatted) and legends."""
    import matplotlib

    from cjo_desktop.charts import style

    fig = style.new_page("Upgrade from $5 to $10 plan", "caption $x$", subtitle="$$")
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [1, 2, 3], label="legend $\\alpha$")
    ax.set_xticks([0, 1, 2], labels=["$a$", "$$", "\\frac{1}{2}"])
    ax.yaxis.set_major_formatter(lambda v, _pos: f"$${v:g}")
    ax.legend()
    with matplotlib.rc_context({"text.parse_math": True, "svg.fonttype": "none"}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")  # would raise a ParseException on "$$"
    texts = "".join(ET.fromstring(buffer.getvalue()).itertext())
    for words in ["Upgrade from $5 to $10 plan", "$x$", "legend $\\alpha$", "$a$", "\\frac{1}{2}"]:
        assert words in texts, words
    assert "$$2" in texts  # a formatted tick label


def test_the_matrix_window_figure_shows_dollar_names_literally() -> None:
    """The editor's value-by-effort window builds and saves the chart outside chart_style()."""
    import matplotlib

    from cjo_desktop.analysis.impact import rank_map
    from cjo_desktop.analysis.opportunities import opportunity_values
    from cjo_desktop.charts.matrix import matrix_chart

    journey = load_map(example_path())
    for k, idea in enumerate(journey.opportunities()):
        journey.update(idea.id, name=f"Save $5 to $10 ({k})")
    ranking = rank_map(journey, None)
    values = opportunity_values(journey.opportunities(), ranking, currency="$$$$")
    figure = matrix_chart(values, currency="$$$$", period="month")
    figure.savefig(io.BytesIO(), format="png", dpi=40)  # as painpoint_actions.picture_dialog
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg")
    words = "".join(ET.fromstring(buffer.getvalue()).itertext())
    drawn = re.findall(r"Save \$5 to \$10 \(\d\)", words)
    assert len(drawn) >= 2, words  # the numbered list and the caption's list of the rest


# ------------------------------------------------------- control characters
def test_shown_makes_every_character_xml_cannot_hold_visible() -> None:
    xml_char = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for code in range(0x110000):
        c = chr(code)
        out = shown(c)
        assert len(out) == 1  # one for one: wrapping and eliding measure the same text
        assert xml_char.fullmatch(out), hex(code)
        assert (out == c) == (code not in SHOWN_AS)
    assert shown("a\x1bb\x00\x7f\x85") == "a\u241bb\u2400\u2421\ufffd"
    assert shown("tab\tline\nCR\r") == "tab\tline\nCR\r"
    text = "plain name"
    assert shown(text) is text  # no copy when nothing changes


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[tuple[Journey, Path]]:
    """The example with a control character, markup and quotes in every kind of text."""
    j = load_map(example_path())
    j.set_title(f"Title {CONTROL} {TRICKY}")
    for k, stage in enumerate(j.stages()):
        j.update(stage.id, name=f"Stage{k}\x1b{TRICKY}", description=f"d\x07{k}")
    for k, tp in enumerate(j.touchpoints()):
        j.update(
            tp.id,
            name=f"TP{k} {CONTROL[k % len(CONTROL)]} {TRICKY}",
            channel=f"chan\x1b{k % 3}",
            description="line1\r\nline2\x0c",
            owner="o\x00",
            tags=("t\x1b", "<tag>"),
        )
    for persona in j.personas():
        j.update(persona.id, name=f"P\x1b{persona.id}", description="\x1b[31mred")
    for flow in j.flows()[:5]:
        j.update_flow(flow.source, flow.target, label="via\x1b <script>")
    for note in [*j.pain_points(), *j.opportunities()]:
        j.update(note.id, description=f"note \x1b {TRICKY}")
    for idea in j.opportunities():
        j.update(idea.id, name=f"Idea\x1b {TRICKY}")
    path = tmp_path / "hostile.cjo.json"
    save_map(j, path)
    yield j, path


def test_the_hostile_map_saves_and_loads_back_exactly(hostile: tuple[Journey, Path]) -> None:
    journey, path = hostile
    again = load_map(path)
    assert again.state() == journey.state()
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == journey.title


def test_graphml_is_xml_and_holds_every_name_as_shown(
    hostile: tuple[Journey, Path], tmp_path: Path
) -> None:
    journey, path = hostile
    out = tmp_path / "map.graphml"
    result = run_cjo("export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()  # raises on invalid XML
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    names = {}
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        data = {keys[d.get("key")]: d.text or "" for d in node.findall("g:data", ns)}
        names[node.get("id")] = data
    for tp in journey.touchpoints():
        got = names[tp.id]
        assert got["name"] == shown(tp.name)
        assert got["description"] == shown(tp.description)  # CR LF come back exactly
        assert got["channel"] == shown(tp.channel)
    for stage in journey.stages():
        assert names[stage.id]["name"] == shown(stage.name)
    text = out.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)


def test_graphml_keeps_tabs_and_line_breaks(tmp_path: Path) -> None:
    j = Journey("t\tab\r\nCRLF\rCR\nLF")
    stage = j.add_stage("s")
    j.add_touchpoint(stage.id, "a\r\nb", id="tp-a", description="x\ry")
    path = _write(j, tmp_path / "crlf.cjo.json")
    out = tmp_path / "crlf.graphml"
    assert run_cjo("export", path, "-o", out).returncode == 0
    texts = [d.text for d in ET.parse(out).getroot().iter() if d.tag.endswith("data")]
    assert "t\tab\r\nCRLF\rCR\nLF" in texts and "a\r\nb" in texts and "x\ry" in texts


def test_svg_is_xml_and_shows_control_characters(
    hostile: tuple[Journey, Path], tmp_path: Path
) -> None:
    journey, path = hostile
    out = tmp_path / "map.svg"
    result = run_cjo("export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    words = "".join(root.itertext())
    assert "\x1b" not in words and "\u241b" in words  # ESC as its picture
    assert root.find("{http://www.w3.org/2000/svg}title").text == shown(journey.title)
    for stage in journey.stages():  # stage headers are drawn in one piece
        assert shown(stage.name)[:6] in words


def test_the_canvas_itself_draws_control_characters_as_shown(
    hostile: tuple[Journey, Path], qapp: object
) -> None:
    """Not only the SVG safety net: what the items paint is already shown text, so the screen,
    PNG and PDF agree (rendered with QSvgGenerator directly, without the net)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from cjo_desktop.canvas.export import scene_for

    journey, _ = hostile
    scene = scene_for(journey)
    try:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        rect = scene.sceneRect()
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        painter = QPainter(generator)
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
        raw = bytes(data.data()).decode("utf-8")
        bad = re.findall("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", raw)
        assert not bad
        assert raw.count("\u241b") >= len(journey.touchpoints())  # ESC in every channel lane
        card = scene.cards[journey.touchpoints()[0].id]
        tip = card.toolTip()
        assert "<b>&amp;</b>" not in tip and "&lt;b&gt;" in tip  # markup shown, not obeyed
    finally:
        scene.set_journey(None)


@pytest.mark.slow
def test_an_esc_byte_from_an_imported_key_makes_valid_exports(tmp_path: Path) -> None:
    path = tmp_path / "map.cjo.json"
    shutil.copy(example_path(), path)
    data = tmp_path / "survey.csv"
    data.write_bytes(
        b"touchpoint,nps,csat\nEvil\x1b[2Jkey,9,5\nEvil\x1b[2Jkey,10,4\n"
        b"Bell\x07and\x7fdel,7,3\nCheckout: payment,3,2\n"
    )
    result = run_cjo(
        "import-metrics", path, data, "--add-missing", "--snapshot", "Q\x1b1", "--csat-best", "high"
    )
    assert result.returncode == 0, result.stderr
    journey = load_map(path)
    added = [tp.name for tp in journey.touchpoints() if tp.name.startswith(("Evil", "Bell"))]
    assert "Evil\x1b[2Jkey" in added
    for suffix in (".graphml", ".svg"):
        out = tmp_path / f"map{suffix}"
        assert run_cjo("export", path, "-o", out).returncode == 0
        assert "Evil\u241b[2Jkey" in _texts(ET.parse(out).getroot())
    out = tmp_path / "map.csv"
    assert run_cjo("export", path, "-o", out).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert "Evil\x1b[2Jkey" in {r["touchpoint"] for r in rows}  # data keeps the exact key
    out = tmp_path / "again.json"
    assert run_cjo("export", path, "-o", out).returncode == 0
    assert load_map(out).state() == journey.state()


# ----------------------------------------------------------------- Mermaid
JS_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
#: Mermaid's journey lexer (mermaid-js: diagrams/user-journey/parser/journey.jison): the first
#: rule that matches wins, case-insensitive.
LEXER = [
    ("NL", r"\n+"),
    (None, f"{JS_SPACE}+"),
    (None, r"#[^\n]*"),
    (None, r"%%[^\n]*"),
    ("journey", r"journey"),
    ("title", r"title\s[^#\n;]+"),
    ("acc", r"acc(title|descr)"),
    ("section", r"section\s[^#:\n;]+"),
    ("taskName", r"[^#:\n;]+"),
    ("taskData", r":[^#\n;]+"),
    (":", r":"),
    ("INVALID", r"."),
]


def mermaid_tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        for kind, pattern in LEXER:
            m = re.compile(pattern, re.IGNORECASE).match(text, pos)
            if m:
                if kind is not None:
                    out.append((kind, m.group()))
                pos = m.end()
                break
    return out


@pytest.mark.parametrize(
    "name",
    [
        "Quote \" and ' here",
        "line\nbreak\r\nand CR",
        "Title page",
        "section B",
        "Journey map",
        "SECTION\tTAB",
        "%% not a comment",
        "accTitle: x",
        "accDescr {",
        "a: b; c # d",
        "esc\x1b[0m end",
        "  spaces around  ",
    ],
)
def test_mermaid_keeps_one_statement_per_name(tmp_path: Path, name: str) -> None:
    j = Journey(name)
    stages = [j.add_stage(f"{name} {k}") for k in (1, 2)]
    for stage in stages:
        for k in (1, 2):
            j.add_touchpoint(stage.id, f"{name}{k}", channel=name)
    path = _write(j, tmp_path / "m.cjo.json")
    out = tmp_path / "m.mmd"
    assert run_cjo("export", path, "-o", out).returncode == 0
    tokens = [t for t in mermaid_tokens(out.read_text(encoding="utf-8")) if t[0] != "NL"]
    kinds = [k for k, _ in tokens]
    assert kinds == ["journey", "title"] + (["section"] + ["taskName", "taskData"] * 2) * 2
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", out.read_text(encoding="utf-8"))
    for (kind, value), (after, data) in itertools.pairwise(tokens):
        if kind == "taskName":
            assert after == "taskData" and value.strip()
            assert re.fullmatch(r":\s*[1-5]:\s*\S.*", data), data
