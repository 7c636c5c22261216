"""The cards' rank numbers are the places of the ranking that counts each touchpoint once, as
the pain-point panel numbers its rows: Checkout: payment is #1 with three pain points, not
#1, #2 and a later number for each."""

from __future__ import annotations

from survey_scales import STATED

from cjo_desktop.analysis.impact import by_touchpoint, chosen_snapshot, rank_map
from cjo_desktop.drawing.painpoint_view import pain_view, tab_text
from cjo_desktop.io.files import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.templates import example_path

DATA = example_path().parent / "outdoor-gear-shop-data"


def test_card_ranks_number_touchpoints_not_pain_points() -> None:
    j = load_map(example_path())
    for name, spec in (
        ("survey-2025-q1.csv", spec_of(kind="responses", snapshot="survey", **STATED)),
        ("funnel-2025-03.csv", spec_of(kind="funnel", snapshot="funnel")),
    ):
        apply_import(j, run_import(j, DATA / name, spec))
    view = pain_view(j)
    groups = by_touchpoint(rank_map(j, chosen_snapshot(j)))
    assert {tp: view.marks[tp].rank for tp in view.marks if view.marks[tp].rank} == {
        g.touchpoint_id: n for n, g in enumerate(groups, 1)
    }
    payment = view.marks["tp-checkout-payment"]
    assert tab_text(payment) == "H #1"
    assert view.marks["tp-checkout-shipping"].rank == 2
    assert view.marks["tp-product-page"].rank == 3
    ad = view.marks.get("tp-instagram-ad")
    assert ad is None or not any("drop-off" in s.lower() for s in ad.sources)
