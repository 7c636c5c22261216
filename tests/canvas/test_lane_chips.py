"""The owners lane shows each card's owner and the metrics lane its numbers, under the card,
in the form the card shows its badge; in the window and in every export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor

from cjo_desktop.canvas.export import export_picture, scene_for, scene_image
from cjo_desktop.domain import Journey
from cjo_desktop.domain.metrics import MetricValue, Provenance, Snapshot
from cjo_desktop.domain.model import Lane
from cjo_desktop.io.templates import new_from_template


def measured() -> Journey:
    """The blueprint with owners and metrics lanes; the key desk measured only last quarter."""
    journey = new_from_template("service-blueprint")
    journey.add_item(Lane("ln-owners", "Owners", "owners"), 1)
    journey.add_item(Lane("ln-metrics", "Metrics", "metrics"), 2)
    old = {"tp-desk-checkin": {"nps": MetricValue(-40, 80)}}
    journey.add_metric_snapshot(Snapshot("Q2 survey", Provenance("q2.csv"), old))
    values = {
        "tp-search": {"nps": MetricValue(-30, 120), "csat_mean": MetricValue(3.1, 90)},
        "tp-bill": {
            "nps": MetricValue(12, 140),
            "csat_mean": MetricValue(3.6, 95),
            "conversion": MetricValue(41, 300),
            "visitors": MetricValue(1200),
        },
    }
    journey.add_metric_snapshot(Snapshot("Q3 survey", Provenance("q3.csv"), values))
    return journey


def test_each_chip_sits_where_the_layout_put_it_and_says_its_owner() -> None:
    journey = measured()
    scene = scene_for(journey)
    layout = scene.layout
    assert layout is not None
    chips = scene.chips.chips()
    owners = [c for c in chips if c.owner]
    assert [(c.rect.x(), c.rect.y()) for c in owners] == [
        (r.x, r.y) for r in layout.owner_chips.values()
    ]
    by_card = dict(zip(layout.owner_chips, owners, strict=True))
    assert by_card["tp-review"].lines == ("Guest relations",)
    assert len(owners) == len(journey.touchpoints())  # every card of the template has an owner
    image = scene_image(scene, 1.0)
    chip = by_card["tp-search"].rect
    ink = [
        QColor(image.pixel(round(x), round(chip.center().y()))).lightness() < 100
        for x in range(round(chip.left() + 30), round(chip.right() - 10))
    ]
    assert any(ink)  # the name is painted


def test_metric_chips_show_the_card_badge_first_then_the_rest_in_the_same_form() -> None:
    scene = scene_for(measured())
    layout = scene.layout
    assert layout is not None
    numbers = [c for c in scene.chips.chips() if not c.owner]
    by_card = dict(zip(layout.metric_chips, numbers, strict=True))
    search = by_card["tp-search"]
    assert search.lines[0] == scene.cards["tp-search"].shown_badge()  # the n, if the card has it
    assert any("CSAT 3.1" in line for line in search.lines)
    bill = by_card["tp-bill"]  # four numbers: two fit, the last line says how many more
    assert bill.lines == (scene.cards["tp-bill"].shown_badge(), "CSAT 3.6 n=95   +2")
    desk = by_card["tp-desk-checkin"]  # measured in Q2 only; the cards show Q3
    assert desk.muted and desk.lines == ("no numbers in Q3 survey",)


def test_an_svg_carries_the_owners_and_the_numbers_as_text(tmp_path: Path) -> None:
    out = tmp_path / "chips.svg"
    export_picture(measured(), out)
    text = out.read_text(encoding="utf-8")
    assert ">Guest relations<" in text and ">Front office<" in text
    assert "CSAT 3.1" in text  # a number only the metrics lane shows (the card shows NPS)
