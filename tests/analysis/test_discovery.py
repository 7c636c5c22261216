"""Discovery's counts against pm4py's directly-follows graph (a test-time oracle only: pm4py is
AGPL and never imported by the program), and the map discovery builds from them."""

from __future__ import annotations

import gzip
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjo_desktop.analysis.discovery import discover
from cjo_desktop.domain.errors import JourneyError
from cjo_desktop.io.events import read_event_log
from tests.analysis.event_logs import expected_traces, generated_events, write_log

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench-data"
if not BENCH.is_dir():
    BENCH = Path("/work/shared/bench-data")


def pm4py_dfg(path: Path) -> tuple[dict[Any, int], dict[str, int], dict[str, int]]:
    """pm4py's flow, start and end counts of a CSV log with columns case_id, activity,
    timestamp, read with its documented defaults."""
    pd = pytest.importorskip("pandas")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm4py = pytest.importorskip("pm4py")
        frame = pd.read_csv(path, dtype={"case_id": str})
        frame = pm4py.format_dataframe(
            frame, case_id="case_id", activity_key="activity", timestamp_key="timestamp"
        )
        dfg, starts, ends = pm4py.discover_dfg(frame)
    return dict(dfg), dict(starts), dict(ends)


def assert_same_as_pm4py(path: Path) -> None:
    log = read_event_log(path)
    found = discover(list(log.traces.values()))
    dfg, starts, ends = pm4py_dfg(path)
    assert dict(found.flows) == dfg
    assert dict(found.starts) == starts
    assert dict(found.ends) == ends


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_logs_match_pm4py(tmp_path: Path, seed: int) -> None:
    rows = generated_events(seed)
    path = write_log(tmp_path / "log.csv", rows)
    assert read_event_log(path).traces == expected_traces(rows)
    assert_same_as_pm4py(path)


@pytest.mark.parametrize("name", ["running_example.csv", "helpdesk.csv"])
def test_real_logs_match_pm4py(name: str) -> None:
    path = BENCH / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    assert_same_as_pm4py(path)


def test_gzip_and_semicolons_read_the_same_log(tmp_path: Path) -> None:
    rows = generated_events(4, cases=80)
    plain = read_event_log(write_log(tmp_path / "log.csv", rows))
    semi = write_log(tmp_path / "semi.csv", rows, delimiter=";")
    packed = tmp_path / "log.csv.gz"
    packed.write_bytes(gzip.compress(semi.read_bytes()))
    assert read_event_log(packed).traces == plain.traces
    assert read_event_log(packed).events == len(rows)


def test_loops_repeats_and_one_event_cases_are_counted() -> None:
    traces = [["A", "B", "A", "B", "C"], ["A", "A", "C"], ["A"], ["B"]]
    found = discover(traces, goals=["C"])
    assert found.flows == Counter(
        {("A", "B"): 2, ("B", "A"): 1, ("B", "C"): 1, ("A", "A"): 1, ("A", "C"): 1}
    )
    assert found.starts == Counter({"A": 3, "B": 1})
    assert found.ends == Counter({"C": 2, "A": 1, "B": 1})
    assert found.visits == Counter({"A": 5, "B": 3, "C": 2})
    assert found.dropoffs == Counter({"A": 1, "B": 1})  # the one-event cases never reach C
    journey = found.journey
    ids = {t.name: t.id for t in journey.touchpoints()}
    assert journey.flow(ids["A"], ids["A"]).count == 1  # a repeat is a loop on the map
    assert journey.flow(ids["A"], None).count == 1
    assert journey.flow(ids["B"], None).count == 1
    assert not journey.has_flow(ids["C"], None)


def test_a_case_that_reaches_a_goal_and_goes_on_has_not_dropped_off() -> None:
    found = discover([["A", "Buy", "Review"], ["A", "Review"]], goals=["Buy"])
    assert found.dropoffs == Counter({"Review": 1})


def test_without_a_goal_ends_are_counted_and_no_dropoff_is_drawn() -> None:
    found = discover([["A", "B"], ["A"]])
    assert found.ends == Counter({"B": 1, "A": 1})
    assert not found.dropoffs
    assert not any(f.is_dropoff for f in found.journey.flows())


def test_a_goal_missing_from_the_log_is_refused() -> None:
    with pytest.raises(JourneyError, match=r"no activity 'Buy' in the log \(activities: 'A'"):
        discover([["A", "B"]], goals=["Buy"])


def test_stages_follow_the_typical_position_and_are_named_by_their_busiest_activity() -> None:
    traces = [["Visit", "Browse", "Browse", "Cart", "Pay", "Thanks"]] * 3 + [["Visit", "Help"]]
    found = discover(traces, stages=3)
    journey = found.journey
    stages = journey.stages()
    names = [[t.name for t in journey.touchpoints(s.id)] for s in stages]
    # Help is the last event of its case (position 1), so it sits with the other ends.
    assert names == [["Visit", "Browse"], ["Cart"], ["Pay", "Thanks", "Help"]]
    assert [s.name for s in stages] == ["Browse", "Cart", "Pay"]
    one = discover(traces, stages=1).journey
    assert [len(one.touchpoints(s.id)) for s in one.stages()] == [6]


def test_empty_position_slices_give_no_stage() -> None:
    found = discover([["A", "B"]], stages=10)
    assert [s.name for s in found.journey.stages()] == ["A", "B"]


def test_min_count_hides_rare_flows_but_keeps_them_counted() -> None:
    traces = [["A", "B"]] * 5 + [["A", "C"]] + [["A"]] * 2
    found = discover(traces, goals=["B"], min_count=2)
    journey = found.journey
    ids = {t.name: t.id for t in journey.touchpoints()}
    assert journey.flow(ids["A"], ids["B"]).count == 5
    assert not journey.has_flow(ids["A"], ids["C"])
    assert journey.flow(ids["A"], None).count == 2  # the two one-event cases
    assert not journey.has_flow(ids["C"], None)  # one case: hidden
    assert found.hidden == 2
    assert found.flows[("A", "C")] == 1
    assert {t.name for t in journey.touchpoints()} == {"A", "B", "C"}


def test_channels_go_on_the_touchpoints() -> None:
    found = discover([["A", "B"]], channels={"A": "web"})
    assert {t.name: t.channel for t in found.journey.touchpoints()} == {"A": "web", "B": ""}


@given(st.lists(st.lists(st.sampled_from("ABCD"), min_size=1, max_size=8), max_size=30))
def test_every_visit_is_entered_once_and_left_once(traces: list[list[str]]) -> None:
    """Each event starts its case or follows one, and ends its case or is followed: the map's
    counts balance at every touchpoint, loops and repeats included."""
    reached = any("D" in trace for trace in traces)
    found = discover(traces, goals=["D"] if reached else [])
    for activity, visits in found.visits.items():
        into = sum(n for (_, target), n in found.flows.items() if target == activity)
        out_of = sum(n for (source, _), n in found.flows.items() if source == activity)
        assert visits == found.starts[activity] + into == found.ends[activity] + out_of
    assert sum(found.ends.values()) == found.cases == len(traces)
    dropped = sum("D" not in trace for trace in traces) if reached else 0
    assert sum(found.dropoffs.values()) == dropped
