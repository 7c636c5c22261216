"""A rule left unchecked for too few answers is said, with the answers that would do: the
panel and the report plan the next survey instead of staying silent."""

from __future__ import annotations

from statsmodels.stats.power import NormalIndPower

from cjo_desktop.analysis.painpoints import evaluate
from cjo_desktop.analysis.unchecked import unchecked, unchecked_text
from cjo_desktop.domain import Journey, MetricValue, Provenance, Snapshot
from cjo_desktop.domain.painpoints import DEFAULT_RULES


def _journey() -> tuple[Journey, Snapshot]:
    j = Journey("Few answers")
    stage = j.add_stage("Buy").id
    j.add_touchpoint(stage, "Checkout", id="few")
    j.add_touchpoint(stage, "Cart", id="many")
    counts = {"promoters": 4.0, "passives": 3.0, "detractors": 5.0}  # 12 answers, NPS -8.3
    values = {
        "few": {"nps": MetricValue(-100 / 12, 12, detail=counts)},
        "many": {
            "nps": MetricValue(
                -20.0, 200, detail={"promoters": 40.0, "passives": 80.0, "detractors": 80.0}
            )
        },
    }
    snapshot = Snapshot("Q1", Provenance("survey.csv"), values)
    j.add_metric_snapshot(snapshot)
    return j, snapshot


def test_a_rule_without_enough_answers_says_how_many_would_do() -> None:
    j, snapshot = _journey()
    items = unchecked(j, snapshot, evaluate(j, snapshot, DEFAULT_RULES))
    nps = [u for u in items if u.rule == "NPS below 0"]
    assert [u.touchpoint for u in nps] == ["Checkout"]  # Cart's 200 answers are enough
    (few,) = nps
    assert (few.n, few.min_n) == (12, 30)
    # the NPS score's variance from the 12 answers: p+ + p- - (p+ - p-)^2
    p, d = 4 / 12, 5 / 12
    sd = (p + d - (p - d) ** 2) ** 0.5
    oracle = NormalIndPower().solve_power(effect_size=0.10 / sd, alpha=0.05, power=0.8)
    assert abs(few.needed - oracle) <= 1  # type: ignore[operator]
    text = unchecked_text(items)
    assert text.startswith("Too few answers to judge: Checkout: NPS below 0 not checked")
    assert f"about {few.needed:,} would detect a change of 10 NPS points" in text
    assert "nps_negative" not in text


def test_the_report_says_it_as_the_panel_does() -> None:
    from cjo_desktop.report.data import ReportOptions, gather

    j, snapshot = _journey()
    text = unchecked_text(unchecked(j, snapshot, evaluate(j, snapshot, DEFAULT_RULES)))
    assert text and gather(j, ReportOptions()).unchecked == text
