"""The report's charts: each returns a Figure drawing exactly the data it was given."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")

from matplotlib.figure import Figure
from matplotlib.text import Annotation

from cjo_desktop.analysis.impact import Ranked
from cjo_desktop.analysis.opportunities import opportunity_values
from cjo_desktop.charts import style
from cjo_desktop.charts.comparison import changes, comparison_chart
from cjo_desktop.charts.emotion import emotion_chart
from cjo_desktop.charts.funnel import funnel_chart, funnel_steps, main_path
from cjo_desktop.charts.matrix import matrix_chart, matrix_points
from cjo_desktop.charts.stage_metrics import stage_chart, stage_values
from cjo_desktop.domain import Journey, MetricValue, Provenance, Snapshot


def _nps(pro: int, pas: int, det: int) -> MetricValue:
    n = pro + pas + det
    detail = {"promoters": float(pro), "passives": float(pas), "detractors": float(det)}
    return MetricValue(100 * (pro - det) / n, n, -100.0, 100.0, detail)


@pytest.fixture
def journey() -> Journey:
    j = Journey("Shop")
    a = j.add_stage("Find", id="st-a")
    b = j.add_stage("Buy", id="st-b")
    j.add_touchpoint(a.id, "Ad", id="tp-ad", channel="social")
    j.add_touchpoint(a.id, "Search", id="tp-search", channel="search")
    j.add_touchpoint(b.id, "Cart", id="tp-cart", channel="web")
    j.add_touchpoint(b.id, "Pay", id="tp-pay", channel="web")
    for tp, v in (("tp-ad", 1), ("tp-search", 0), ("tp-cart", -1), ("tp-pay", -2)):
        j.add_emotion(tp, v)
    j.add_flow("tp-ad", "tp-cart", count=300)
    j.add_flow("tp-ad", "tp-search", count=100)
    j.add_flow("tp-ad", None, count=600)
    j.add_flow("tp-search", "tp-cart", count=50)
    j.add_flow("tp-cart", "tp-pay", count=200)
    j.add_flow("tp-cart", None, count=150)
    return j


def survey(label: str, ces_pay: float = 3.0) -> Snapshot:
    values = {
        # the stage "Find": 50 answers at NPS 40 and 10 answers at NPS -70
        "tp-ad": {
            "nps": _nps(30, 10, 10),
            "csat_top2": MetricValue(80.0, 50, 70.0, 90.0, {"top2": 40.0}),
            "csat_mean": MetricValue(4.0, 50, 3.8, 4.2, {"sd": 0.5}),
        },
        "tp-search": {
            "nps": _nps(1, 1, 8),
            "csat_top2": MetricValue(20.0, 10, 5.0, 50.0, {"top2": 2.0}),
            "csat_mean": MetricValue(2.0, 10, 1.6, 2.4, {"sd": 0.5}),
        },
        "tp-pay": {
            "nps": _nps(10, 10, 30),
            "ces_mean": MetricValue(ces_pay, 50, ces_pay - 0.2, ces_pay + 0.2, {"sd": 0.7}),
        },
    }
    return Snapshot(label, Provenance(f"{label}.csv"), values)


def test_the_style_is_the_canvas_style() -> None:
    from cjo_desktop.drawing import style as canvas

    for name in ("OKABE_ITO", "VALENCE_COLOURS", "INK", "MUTED", "GRID", "LANE_FILL"):
        assert getattr(style, name) is getattr(canvas, name), name  # one palette, not two
    assert style.font_family() in canvas.FONT_FAMILIES


def test_stage_values_pool_the_counts_not_the_percentages(journey: Journey) -> None:
    find = stage_values(journey, survey("q1"))["st-a"]
    # (31 promoters - 18 detractors) / 60 answers, not the mean of 40 and -70
    assert find["nps"].value == pytest.approx(100 * 13 / 60)
    assert find["nps"].n == 60
    assert find["csat_top2"].value == pytest.approx(100 * 42 / 60)
    assert find["csat_mean"].value == pytest.approx((4.0 * 50 + 2.0 * 10) / 60)
    # the pooled spread: within-group squares plus between-group squares, over n - 1
    squares = 49 * 0.25 + 9 * 0.25 + 50 * (4 - 11 / 3) ** 2 + 10 * (2 - 11 / 3) ** 2
    assert find["csat_mean"].detail["sd"] == pytest.approx((squares / 59) ** 0.5)
    assert find["nps"].ci_low < find["nps"].value < find["nps"].ci_high


def test_stage_chart_has_a_panel_per_metric(journey: Journey) -> None:
    fig = stage_chart(journey, survey("q1"))
    assert isinstance(fig, Figure)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert [t.split("\n")[0] for t in titles] == [
        "NPS",
        "CSAT top-2-box (%)",
        "CSAT mean",
        "CES mean",
    ]
    assert "lower is better" in titles[3]
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["Find", "Buy"]


def test_emotion_chart_draws_the_curve_and_the_nps_band_it_can(journey: Journey) -> None:
    order = ["tp-ad", "tp-search", "tp-cart", "tp-pay"]
    fig = emotion_chart(journey, survey("q1"), order)
    curve = next(line for ax in fig.axes for line in ax.lines if line.get_gid() == "valence")
    assert list(curve.get_ydata()) == [1, 0, -1, -2]
    nps = [line for ax in fig.axes for line in ax.lines if line.get_gid() == "nps"]
    # tp-search has only 10 answers: below the minimum, so no NPS point there
    assert [list(line.get_xdata()) for line in nps] == [[0], [3]]
    texts = " ".join(" ".join(t.get_text() for t in fig.texts).split())
    assert "the shaded band is its 95% interval" in texts
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["Ad", "Search", "Cart", "Pay"]
    bare = emotion_chart(journey, None)
    assert "no uncertainty band" in " ".join(" ".join(t.get_text() for t in bare.texts).split())


def test_funnel_follows_the_busiest_flows(journey: Journey) -> None:
    assert main_path(journey, None) == ["tp-ad", "tp-cart", "tp-pay"]
    steps = funnel_steps(journey, None)
    assert [(s.visits, s.onward, s.left) for s in steps] == [
        (1000.0, 300.0, 600.0),
        (350.0, 200.0, 150.0),
        (200.0, None, None),
    ]
    fig = funnel_chart(journey, None)
    bars = [p for p in fig.axes[0].patches if (p.get_gid() or "").startswith("step:")]
    assert len(bars) == 3
    assert bars[0].get_width() == pytest.approx(1.0)


def _ranked(tp: str, key: str, revenue: float | None, lost: float | None) -> Ranked:
    basis = "revenue" if revenue is not None else "customers" if lost is not None else "severity"
    impact = revenue if revenue is not None else lost if lost is not None else 3.0
    return Ranked(tp, tp, key, key, "high", impact, lost, revenue, "why.", basis)


def test_matrix_draws_one_numbered_point_per_linked_opportunity(journey: Journey) -> None:
    journey.add_opportunity("tp-cart", "dropoff_high", "Cheaper shipping", effort="S", impact=40)
    journey.add_opportunity("tp-pay", "nps_negative", "More payment options", effort="L")
    journey.add_opportunity("tp-ad", "csat_low", "Not ranked", effort="M")
    ranked = [
        _ranked("tp-cart", "dropoff_high", 10_000.0, 150.0),
        _ranked("tp-pay", "nps_negative", 2_000.0, 30.0),
    ]
    values = opportunity_values(journey.opportunities(), ranked)
    points, missing, basis = matrix_points(values)
    assert basis == "revenue"
    assert [(p.number, p.opportunity.name, p.value) for p in points] == [
        (1, "Cheaper shipping", 4_000.0),
        (2, "More payment options", 1_000.0),
    ]
    assert [o.name for o in missing] == ["Not ranked"]
    fig = matrix_chart(values)
    drawn = [line for line in fig.axes[0].lines if (line.get_gid() or "").startswith("opp")]
    assert len(drawn) == len(points)
    assert "Not ranked" in " ".join(" ".join(t.get_text() for t in fig.texts).split())


def test_matrix_uses_one_unit_when_some_rows_are_not_priced(journey: Journey) -> None:
    journey.add_opportunity("tp-cart", "dropoff_high", "A", impact=50)
    journey.add_opportunity("tp-pay", "nps_negative", "B", impact=50)
    ranked = [
        _ranked("tp-cart", "dropoff_high", 10_000.0, 150.0),
        _ranked("tp-pay", "nps_negative", None, 30.0),
    ]
    values = opportunity_values(journey.opportunities(), ranked)
    points, _, basis = matrix_points(values)
    assert basis == "customers"
    assert [p.value for p in points] == [75.0, 15.0]
    fig = matrix_chart(values, period="month")
    assert "customers kept a month" in fig.axes[0].get_ylabel()


def test_comparison_arrows_point_to_the_latest_and_read_each_direction(
    journey: Journey,
) -> None:
    before, after = survey("q1", ces_pay=5.0), survey("q2", ces_pay=3.0)
    after.values["tp-ad"]["nps"] = _nps(10, 10, 30)  # NPS falls from 40 to -40
    ces = changes(journey, before, after, "ces_mean")
    assert [(c.before, c.after, c.better, c.significant) for c in ces] == [(5.0, 3.0, True, True)]
    fig = comparison_chart(journey, before, after)
    arrows = {a.get_gid(): a for ax in fig.axes for a in ax.texts if isinstance(a, Annotation)}
    pay = arrows["ces_mean:tp-pay"]
    assert pay.xy[0] == 3.0 and pay.xyann[0] == 5.0  # drawn from 5 towards 3: lower
    assert pay.arrow_patch.get_edgecolor()[:3] == pytest.approx(_rgb(style.BETTER))
    ad = arrows["nps:tp-ad"]
    assert ad.xy[0] < ad.xyann[0]
    assert ad.arrow_patch.get_edgecolor()[:3] == pytest.approx(_rgb(style.WORSE))


def test_comparison_colours_only_significant_changes(journey: Journey) -> None:
    """NPS 40 -> 36 on 50 answers each is noise: grey and "no significant change", however
    the arrow points; the caption counts what did change."""
    before, after = survey("q1"), survey("q2")
    after.values["tp-ad"]["nps"] = _nps(29, 10, 11)  # 40 -> 36
    (ad,) = [c for c in changes(journey, before, after, "nps") if c.touchpoint_id == "tp-ad"]
    assert (ad.before, ad.after, ad.better, ad.significant) == (40.0, 36.0, None, False)
    assert ad.judged.verdict == "no significant change"
    assert ad.judged.ci_low is not None and ad.judged.ci_low < -4 < 0 < ad.judged.ci_high
    fig = comparison_chart(journey, before, after)
    arrows = {a.get_gid(): a for ax in fig.axes for a in ax.texts if isinstance(a, Annotation)}
    assert arrows["nps:tp-ad"].arrow_patch.get_edgecolor()[:3] == pytest.approx(
        _rgb(style.UNCHANGED)
    )
    caption = " ".join(" ".join(t.get_text().split()) for t in fig.texts)
    assert "0 changed significantly for the better and 0 for the worse" in caption
    # ...and plans the next survey for the grey ones: answers a touchpoint for 10 NPS points
    needed = sorted(c.judged.n_needed for c in changes(journey, before, after, "nps"))
    assert needed and needed[0] is not None
    middle = needed[len(needed) // 2]
    assert f"NPS by 10 points, {middle:,}" in caption


def _rgb(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)
