"""The report's Personas pages: one per persona, after the emotion curve, with its picture,
its name and description and its own curve; every word readable, none on top of another, a
long description cut to the room with an ellipsis; a map without personas says why there are
none."""

from __future__ import annotations

import base64
import itertools
import subprocess
from pathlib import Path

import pytest
from pdf_words import Box, boxes

from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import example_path
from cjo_desktop.report import persona_pages
from cjo_desktop.report.build import build_pdf, plan
from cjo_desktop.report.data import ReportOptions, gather

#: A 3 x 2 PNG, the smallest picture worth drawing.
TINY_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAACXBIWXMAAA9hAAAPYQGoP6dpAAAAFUlEQVQImWNkmFfM"
    "wMDAwMDAxAADABL7ARVZWkD9AAAAAElFTkSuQmCC"
)


def overlaps(words: list[Box]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than a sliver."""
    found = []
    for a, b in itertools.combinations(words, 2):
        dx = min(a[2], b[2]) - max(a[0], b[0])
        dy = min(a[3], b[3]) - max(a[1], b[1])
        if dx > 1 and dy > 1:
            found.append((a[4], b[4]))
    return found


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    journey = load_map(example_path())
    journey.update("pe-weekend-hiker", picture=TINY_PNG)
    data = gather(journey, ReportOptions())
    body, _ = plan(data, None)
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(build_pdf(data, None))
    return path, [p.section for p in body]


def test_a_page_per_persona_after_the_emotion_curve(example_pdf: tuple[Path, list[str]]) -> None:
    path, sections = example_pdf
    assert sections[:3] == ["Emotion curve", "Personas", "Personas"]
    pages = boxes(path)
    hiker, camper = (" ".join(w[4] for w in pages[i]) for i in (2, 3))
    assert hiker.startswith("Persona: Weekend hiker")
    assert camper.startswith("Persona: Family camper")
    assert "Late 20s to 40s, hikes one or two days most" in hiker
    assert "Feelings of its own at 20 of 23 touchpoints." in hiker
    assert "1 touchpoint is other personas' only." in hiker
    assert "4 touchpoints are other personas' only." in camper
    for words in (hiker, camper):
        assert "everyone" in words and "delighted +2" in words and "Awareness" in words
    contents = " ".join(w[4] for w in pages[0])
    assert "3 Personas" in contents


def test_the_persona_pages_have_no_word_on_another(example_pdf: tuple[Path, list[str]]) -> None:
    path, _ = example_pdf
    pages = boxes(path)
    for page in pages[2:4]:
        flat = [w for w in page if w[3] - w[1] < 20]  # rotated tick labels have tall boxes
        assert not overlaps(flat)


def test_the_persona_picture_is_on_its_page(example_pdf: tuple[Path, list[str]]) -> None:
    path, _ = example_pdf
    listing = subprocess.run(
        ["pdfimages", "-f", "3", "-l", "4", "-list", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert [(r[0], r[3], r[4]) for r in rows] == [("3", "3", "2")]  # the hiker's, 3 x 2 px


def test_a_long_description_is_cut_to_the_room_left(tmp_path: Path) -> None:
    journey = Journey("Long")
    journey.add_stage("Only", id="s")
    journey.add_touchpoint("s", "Card", id="t")
    words = " ".join(f"word{i}" for i in range(900))
    persona = journey.add_persona("Talkative " * 6, description=words, picture=TINY_PNG)
    journey.add_emotion("t", 1, persona_id=persona.id)
    data = gather(journey, ReportOptions())
    path = tmp_path / "long.pdf"
    path.write_bytes(build_pdf(data, None))
    page = boxes(path)[2]
    text = " ".join(w[4] for w in page)
    assert (
        "..." in text and "word899" not in text
    )  # pdf_words reads "…" as "..." and "Feelings of its own at 1 of 1" in text
    assert not overlaps([w for w in page if w[3] - w[1] < 20])
    caption = next(w for w in page if w[4] == "coloured")  # the caption's first line
    assert max(w[3] for w in page if w[0] < 200 and w[1] < caption[1]) < caption[1]


def test_a_map_without_personas_says_so_and_many_are_capped() -> None:
    journey = Journey("Plain")
    journey.add_stage("Only", id="s")
    journey.add_touchpoint("s", "Card", id="t")
    data = gather(journey, ReportOptions())
    _, contents = plan(data, None)
    entry = next(e for e in contents if e.title == persona_pages.TITLE)
    assert entry.page is None and entry.note == "no personas"
    for i in range(persona_pages.MAX_PERSONAS + 3):
        journey.add_persona(f"P{i}")
    body, _ = plan(gather(journey, ReportOptions()), None)
    drawn = [p for p in body if p.section == persona_pages.TITLE]
    assert len(drawn) == persona_pages.MAX_PERSONAS
    assert "and 3 more personas, not drawn" in drawn[-1].draw().texts[0].get_text()


def test_the_tiny_picture_is_a_png() -> None:
    assert base64.b64decode(TINY_PNG).startswith(b"\x89PNG")
