"""Far out every flow is one hairline of the overview, stroked group by group for the part in
view: wherever the user looks on a long map, the flows there must be drawn."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QColor
from screen import on_screen, shown

from cjo_desktop.domain import Journey
from cjo_desktop.drawing import style


def test_far_out_the_flows_at_both_ends_of_a_long_map_are_drawn(qtbot: object) -> None:
    journey = Journey("Long")
    stage = journey.add_stage("All").id
    ids = [journey.add_touchpoint(stage, f"Step {i}").id for i in range(400)]
    for a, b in itertools.pairwise(ids):
        journey.add_flow(a, b, count=10)
    scene, view = shown(
        qtbot, journey, 0.2
    )  # below the zoom where the overview replaces the arrows
    assert not next(iter(scene.flows.values())).isVisible()
    want = QColor(style.FLOW)
    for key in ((ids[3], ids[4]), (ids[395], ids[396])):
        path = scene.flows[key].path
        view.centerOn(path.pointAtPercent(0.5))
        image = on_screen(view)
        window = view.window()
        hits = 0
        # the middle of the gap: far out, each card's name may take 30% of it on either side
        for i in range(32, 69, 4):
            p = view.viewport().mapTo(window, view.mapFromScene(path.pointAtPercent(i / 100)))
            near = [image.pixel(p.x() + d, p.y() + e) for d in (-1, 0, 1) for e in (-1, 0, 1)]
            hits += want in [QColor(c) for c in near]
        assert hits >= 7, key


def test_far_out_a_flow_added_or_a_new_zoom_is_drawn_at_once(qtbot: object) -> None:
    """Far out the window keeps every flow as one picture at the zoom in view; after a new
    flow or at another zoom it must show what a window opened afresh on the map shows."""
    journey = Journey("Long")
    stage = journey.add_stage("All").id
    ids = [journey.add_touchpoint(stage, f"Step {i}").id for i in range(60)]
    for a, b in itertools.pairwise(ids[:30]):
        journey.add_flow(a, b, count=10)
    scene, view = shown(qtbot, journey, 0.2)
    centre = scene.flows[(ids[10], ids[11])].path.pointAtPercent(0.5)
    view.centerOn(centre)
    before = on_screen(view)
    journey.add_flow(ids[10], ids[20], count=5)
    scene.flush()
    for zoom in (0.2, 0.15):
        view.set_zoom(zoom)
        view.centerOn(centre)
        _, fresh = shown(qtbot, journey, zoom)
        fresh.centerOn(centre)
        assert on_screen(view) == on_screen(fresh), zoom
    assert on_screen(fresh) != before
