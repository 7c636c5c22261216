"""``cjo discover`` as a user runs it: a map written from an event log, a one-line summary, and
the command's usual exit statuses for bad input (1) and bad usage (2)."""

from __future__ import annotations

import json
from pathlib import Path

from cjo_desktop.io.files import load_map
from tests.cjo_command import run_cjo

LOG = (
    "case_id;activity;timestamp;channel\n"
    "1;Visit;2024-01-01T10:00:00;web\n"
    "1;Buy;2024-01-01T10:05:00;web\n"
    "2;Visit;2024-01-01T11:00:00;app\n"
    "2;Help;2024-01-01T11:02:00;phone\n"
    "3;Visit;2024-01-01T12:00:00;web\n"
    "3;Buy;2024-01-01T12:09:00;web\n"
)


def test_discover_writes_the_map_and_says_what_it_found(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(LOG, encoding="utf-8")
    out = tmp_path / "found.cjo.json"
    result = run_cjo(
        "discover", events, "-o", out, "--channel", "channel", "--goal", "Buy", "--stages", "2"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == (
        f"saved {out}: 3 activities in 2 stages, 2 flows, from 3 cases (6 events; "
        "1 of them dropped off before a goal)\n"
    )
    journey = load_map(out)
    ids = {t.name: t.id for t in journey.touchpoints()}
    assert {t.name: t.channel for t in journey.touchpoints()} == {
        "Visit": "web",
        "Buy": "web",
        "Help": "phone",
    }
    assert journey.flow(ids["Visit"], ids["Buy"]).count == 2
    assert journey.flow(ids["Help"], None).count == 1
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Discovered from events.csv"

    again = run_cjo("discover", events, "-o", out)
    assert again.returncode == 1
    assert again.stderr == f"error: {out}: exists already (use --force to replace it)\n"
    hidden = run_cjo("discover", events, "-o", out, "--force", "--min-count", "2")
    assert hidden.returncode == 0
    assert "1 flow, 1 rarer than --min-count hidden" in hidden.stdout
    assert "no --goal given" in hidden.stdout


def test_bad_input_and_bad_usage(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(LOG.replace("2024-01-01T11:02:00", "soon"), encoding="utf-8")
    out = tmp_path / "found.cjo.json"
    bad = run_cjo("discover", events, "-o", out)
    assert bad.returncode == 1
    assert bad.stderr.startswith(f"error: {events}: line 5, column 'timestamp': cannot read 'soon'")
    assert bad.stderr.count("\n") == 1
    assert not out.exists()
    events.write_text(LOG, encoding="utf-8")
    goal = run_cjo("discover", events, "-o", out, "--goal", "Nope")
    assert goal.returncode == 1
    assert goal.stderr == (
        f"error: {events}: no activity 'Nope' in the log (activities: 'Buy', 'Help', 'Visit')\n"
    )
    assert not out.exists()
    usage = run_cjo("discover", events, "-o", out, "--stages", "0")
    assert usage.returncode == 2
    assert "argument --stages: expected a whole number from 1 to 50, not '0'" in usage.stderr
