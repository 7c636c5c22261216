"""Comments stay out of pictures unless asked: ``cjo export`` without ``--comments`` draws no
badge, with it the open comments' badges are drawn (the SVG's fills, the PNG's pixels where a
commented card's badge goes); the map file and ``cjo info --json`` keep them all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from cjo_desktop.canvas.card import BADGE_HEIGHT
from cjo_desktop.canvas.export import scene_for
from cjo_desktop.domain.comments import Comment
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path
from cjo_desktop.palette import COMMENT
from tests.cjo_command import run_cjo

CARD, STAGE = "tp-cart", "st-decision"


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    journey = load_map(example_path())
    when = "2026-12-07T23:50:15Z"
    journey.add_comment(Comment("cm-1", CARD, "Ana", "Coupon field confuses", when))
    journey.add_comment(Comment("cm-2", CARD, "Bo", "Agreed", when))
    journey.add_comment(Comment("cm-3", STAGE, "Ana", "Rename the stage?", when))
    journey.add_comment(Comment("cm-4", "", "Ana", "Old point", when, resolved=True))
    path = tmp_path / "shop.cjo.json"
    save_map(journey, path)
    return path


def test_svg_leaves_badges_out_unless_asked(commented: Path, tmp_path: Path) -> None:
    colour = COMMENT.lower()
    plain, badged = tmp_path / "plain.svg", tmp_path / "badged.svg"
    assert run_cjo("export", commented, "-o", plain).returncode == 0
    assert run_cjo("export", commented, "-o", badged, "--comments").returncode == 0
    assert colour not in plain.read_text(encoding="utf-8").lower()
    assert badged.read_text(encoding="utf-8").lower().count(colour) >= 2  # a card, a stage


def test_comments_option_is_for_pictures_only(commented: Path, tmp_path: Path) -> None:
    result = run_cjo("export", commented, "-o", tmp_path / "m.graphml", "--comments")
    assert result.returncode != 0
    assert "--comments applies to pictures" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_counts_open_and_resolved(commented: Path) -> None:
    result = run_cjo("info", commented, "--json")
    assert json.loads(result.stdout)["comments"] == {"open": 3, "resolved": 1}


def badge_colour_share(comments: bool, path: Path) -> float:
    """The share of the band along the card's top edge (where its tabs go) in the comment
    colour, in a picture at scale 1."""
    scene = scene_for(load_map(path), comments=comments)
    try:
        assert scene.layout is not None
        m = scene.layout.metrics
        corner = scene.cards[CARD].scenePos()
        band = QRectF(0, -BADGE_HEIGHT, m.card_width, BADGE_HEIGHT)
        where = band.translated(corner).toAlignedRect()
        rect = scene.sceneRect()
        image = QImage(round(rect.width()), round(rect.height()), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
    finally:
        scene.set_journey(None)
    want = QColor(COMMENT)
    hits = total = 0
    for x in range(where.left() + 3, where.right() - 2):
        for y in range(where.top() + 3, where.bottom() - 2):
            total += 1
            c = image.pixelColor(x, y)
            hits += abs(c.red() - want.red()) + abs(c.green() - want.green()) < 40
    return hits / total


def test_png_pixels_show_the_badge_only_when_asked(commented: Path) -> None:
    assert badge_colour_share(False, commented) == 0.0
    share = badge_colour_share(True, commented)
    assert 0.04 < share < 0.5, share  # a tab, its white bubble and count "2"
