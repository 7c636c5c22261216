"""``cjo new --template service-blueprint`` makes a service blueprint: the blueprint's lanes in
order, free cards in every stage of its four layers linked to the touchpoints they serve, and
pictures that draw and name its three lines."""

from __future__ import annotations

from pathlib import Path

from cjo_command import run_cjo

from cjo_desktop.domain.lanes import BLUEPRINT_LANES
from cjo_desktop.io import load_map
from cjo_desktop.io.templates import template

LAYERS = ("customer_actions", "frontstage", "backstage", "support")


def ok(*args: str | Path, cwd: Path) -> str:
    result = run_cjo(*args, cwd=cwd, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_new_makes_the_blueprint_with_its_lanes_and_cards(tmp_path: Path) -> None:
    out = ok("new", "stay.cjo.json", "--template", "service-blueprint", cwd=tmp_path)
    assert "service-blueprint" in out
    path = tmp_path / "stay.cjo.json"
    assert path.read_bytes() == template("service-blueprint").path.read_bytes()
    journey = load_map(path)
    lanes = journey.lanes()
    assert [(lane.id, lane.name, lane.kind) for lane in lanes] == list(BLUEPRINT_LANES)
    assert not any(lane.hidden or lane.collapsed for lane in lanes)
    by_kind = {lane.kind: lane.id for lane in lanes}
    for stage in journey.stages():
        stage_cards = {t.id for t in journey.touchpoints(stage.id)}
        assert len(stage_cards) >= 2
        for kind in LAYERS:
            cards = journey.free_cards(stage_id=stage.id, lane_id=by_kind[kind])
            assert cards, (stage.name, kind)
            for card in cards:  # each serves touchpoints of its own stage
                assert card.supports and set(card.supports) <= stage_cards, card.text
    assert len({t.channel for t in journey.touchpoints()}) >= 3
    assert journey.pain_points() and journey.emotions()
    assert "service-blueprint" in ok("templates", cwd=tmp_path)
    ok("validate", "stay.cjo.json", cwd=tmp_path)


def test_the_blueprint_exported_as_svg_names_its_three_lines(tmp_path: Path) -> None:
    ok("new", "stay.cjo.json", "--template", "service-blueprint", cwd=tmp_path)
    ok("export", "stay.cjo.json", "-o", "stay.svg", cwd=tmp_path)
    svg = (tmp_path / "stay.svg").read_text(encoding="utf-8")
    for words in ("Line of interaction", "Line of visibility", "Line of internal"):
        assert f">{words}<" in svg
