"""What a PDF says as text, word by word with its box, read with poppler's pdftotext: how the
tests tell that names print as real text and at what size."""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from pathlib import Path

PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
Box = tuple[float, float, float, float, str]  # xMin, yMin, xMax, yMax, word
Words = list[tuple[float, float, str]]  # (yMin, height, word) in reading order


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", html.unescape(text))


def boxes(pdf: Path) -> list[list[Box]]:
    """Per page, every word and its box in points, in reading order."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(m[0]), float(m[1]), float(m[2]), float(m[3]), norm(m[4])) for m in WORD.findall(p)]
        for p in PAGE.findall(out)
    ]


def pages_of_words(pdf: Path) -> list[Words]:
    """Per page: (yMin, height, word) in reading order."""
    return [[(y0, y1 - y0, w) for _, y0, _, y1, w in page] for page in boxes(pdf)]


def name_heights(pages: list[Words], line: list[str]) -> list[float]:
    """Heights of the words of every place ``line`` is printed as a run on one baseline."""
    found = []
    for words in pages:
        for i in range(len(words) - len(line) + 1):
            run = words[i : i + len(line)]
            if [w for _, _, w in run] == line and len({round(y, 1) for y, _, _ in run}) == 1:
                found.extend(h for _, h, _ in run)
    return found


def text(words: Words) -> str:
    return " ".join(w for _, _, w in words)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert found
    return int(found[1])
