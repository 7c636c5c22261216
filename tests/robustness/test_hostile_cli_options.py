"""Hostile option values against ``cjo``: a value wrong whatever the files hold is bad usage
(exit 2, the command's usage and ``cjo VERB: error:``), worded the same in every command; a value
naming something the map lacks is bad input (exit 1) listing what the map has. Either way the
map keeps its bytes and nothing is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cjo_command import run_cjo
from hostile_cli import NOT_UTF8, SURVEY, Case, breaches, error_lines, measured_copy, run_all

from cjo_desktop.cli import main
from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map, save_map
from cjo_desktop.io.templates import example_path

AMOUNTS = ["nan", "NaN", "inf", "-inf", "-100", "-0.01", "1e400", "2e9", "", "abc", f"9{NOT_UTF8}"]
VERBS = [
    "new",
    "templates",
    "validate",
    "info",
    "schema",
    "export",
    "import-metrics",
    "metrics",
    "segments",
    "painpoints",
    "attribution",
    "report",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with m.cjo.json (the example with snapshot 'Q1') and s.csv (its survey)."""
    path = tmp_path_factory.mktemp("options")
    measured_copy(path).rename(path / "m.cjo.json")
    shutil.copy(SURVEY, path / "s.csv")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _shown(value: str) -> str:
    return value.replace(NOT_UTF8, "\\xff")


@pytest.mark.slow
def test_amounts_that_are_not_sane_money_are_refused_in_the_same_words(folder: Path) -> None:
    before = _files(folder)
    # '=' keeps argparse from reading '-inf' as an option of its own
    cases = [
        Case(f"painpoints {v!r}", ["painpoints", "m.cjo.json", f"--value-per-customer={v}"], 2)
        for v in AMOUNTS
    ] + [
        Case(
            f"report {v!r}", ["report", "m.cjo.json", "-o", "r.pdf", f"--value-per-customer={v}"], 2
        )
        for v in ("nan", "-100", "1e400", f"9{NOT_UTF8}")
    ]
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    for case, result in results:
        value = str(case.args[-1]).partition("=")[2]
        verb = str(case.args[0])
        assert error_lines(result.stderr) == [
            f"cjo {verb}: error: argument --value-per-customer: expected an amount from 0 to "
            f"1,000,000,000, not '{_shown(value)}'"
        ]
    assert _files(folder) == before


@pytest.mark.parametrize("amount", ["0", "1e9", "1_000"])
def test_the_ends_of_the_money_range_are_accepted(folder: Path, amount: str) -> None:
    result = run_cjo(
        "painpoints", "m.cjo.json", "--value-per-customer", amount, "--format", "json", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert rows and all(isinstance(r["impact"], int | float) for r in rows)


def test_titles_and_labels_the_map_could_not_hold_are_refused_before_any_file(
    folder: Path,
) -> None:
    before = _files(folder)
    bad = {"empty": "", "blank": "   ", "501 characters": "x" * 501, "not UTF-8": f"a{NOT_UTF8}b"}
    cases = [
        Case(f"new --title {k}", ["new", "t.cjo.json", "--title", v], 2) for k, v in bad.items()
    ]
    cases += [
        Case(
            f"import --snapshot {k}", ["import-metrics", "m.cjo.json", "s.csv", "--snapshot", v], 2
        )
        for k, v in bad.items()
    ]
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    said = {c.name: error_lines(r.stderr)[0] for c, r in results}
    assert said["new --title empty"].endswith("argument --title: the title cannot be empty")
    assert said["new --title 501 characters"].endswith("is 501 characters long; at most 500 fit")
    assert said["import --snapshot not UTF-8"].endswith("'a\\xffb' is not valid UTF-8 text")
    assert _files(folder) == before  # no t.cjo.json, the map as it was


def test_the_longest_title_and_any_script_are_fine(tmp_path: Path) -> None:
    title = "Ünïcødé 旅程 رحلة 🚀 " + "x" * 482
    assert len(title) == 500
    result = run_cjo("new", "t.cjo.json", "--title", title, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load_map(tmp_path / "t.cjo.json").title == title


def test_option_text_that_is_not_utf8_is_refused_the_same_way_everywhere(folder: Path) -> None:
    v = f"x{NOT_UTF8}"
    cases = [
        Case("import --key", ["import-metrics", "m.cjo.json", "s.csv", "--key", v], 2),
        Case(
            "import --segment", ["import-metrics", "m.cjo.json", "s.csv", "--segment", f"a={v}"], 2
        ),
        Case("segments --column", ["segments", "m.cjo.json", "s.csv", "--column", v], 2),
        Case("metrics --snapshot", ["metrics", "m.cjo.json", "--snapshot", v], 2),
        Case("report --author", ["report", "m.cjo.json", "-o", "r.pdf", "--author", v], 2),
        Case("new --template", ["new", "t.cjo.json", "--template", v], 2),
        Case("export --colour-by", ["export", "m.cjo.json", "-o", "x.png", "--colour-by", v], 2),
    ]
    before = _files(folder)
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    for _, result in results:
        assert error_lines(result.stderr)[0].endswith("is not valid UTF-8 text"), result.stderr
    assert _files(folder) == before


@pytest.mark.slow
def test_numbers_out_of_range_and_wrong_suffixes_are_usage_errors(folder: Path) -> None:
    cases = [
        Case(f"--scale {s}", ["export", "m.cjo.json", "-o", "x.png", "--scale", s], 2)
        for s in ("nan", "inf", "0", "9", "abc")
    ]
    cases += [
        Case("export .bmp", ["export", "m.cjo.json", "-o", "x.bmp"], 2),
        Case("export no suffix", ["export", "m.cjo.json", "-o", "x"], 2),
        Case("export no -o", ["export", "m.cjo.json"], 2),
        Case("report .png", ["report", "m.cjo.json", "-o", "r.png"], 2),
        Case("report no suffix", ["report", "m.cjo.json", "-o", "r"], 2),
        Case("csv with --snapshot", ["export", "m.cjo.json", "-o", "x.csv", "--snapshot", "Q1"], 2),
        Case("metrics --format", ["metrics", "m.cjo.json", "--format", "xml"], 2),
        Case(
            "segments --kind funnel",
            ["segments", "m.cjo.json", "s.csv", "--column", "segment", "--kind", "funnel"],
            2,
        ),
    ]
    before = _files(folder)
    results = run_all(cases, folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    said = {c.name: error_lines(r.stderr)[0] for c, r in results}
    assert said["export .bmp"].startswith("cjo export: error: cannot export to .bmp (choose one")
    assert said["report .png"] == "cjo report: error: cannot write a report to .png (choose .pdf)"
    assert _files(folder) == before


@pytest.mark.slow
def test_names_the_map_does_not_have_are_refused_listing_what_it_has(folder: Path) -> None:
    snapshot = "no metric snapshot labelled 'bogus' (snapshots: 'Q1')"
    cases = {
        "export --snapshot": (
            ["export", "m.cjo.json", "-o", "x.png", "--snapshot", "bogus"],
            snapshot,
        ),
        "export --colour-by": (
            ["export", "m.cjo.json", "-o", "x.svg", "--snapshot", "Q1", "--colour-by", "bogus"],
            "no metric 'bogus' in snapshot 'Q1' (metrics: nps, csat_top2, csat_mean, ces_mean)",
        ),
        "metrics --snapshot": (["metrics", "m.cjo.json", "--snapshot", "bogus"], snapshot),
        "metrics --compare": (["metrics", "m.cjo.json", "--compare", "bogus"], snapshot),
        "painpoints --snapshot": (["painpoints", "m.cjo.json", "--snapshot", "bogus"], snapshot),
        "report --snapshot": (
            ["report", "m.cjo.json", "-o", "r.pdf", "--snapshot", "bogus"],
            snapshot,
        ),
        "report --baseline": (
            ["report", "m.cjo.json", "-o", "r.pdf", "--baseline", "bogus"],
            snapshot,
        ),
    }
    before = _files(folder)
    results = run_all([Case(k, a, 1) for k, (a, _) in cases.items()], folder)
    problems = breaches(results)
    assert not problems, "\n".join(problems)
    for case, result in results:
        assert result.stderr == f"error: m.cjo.json: {cases[case.name][1]}\n"
    assert _files(folder) == before  # no picture, no report


def test_a_map_without_metrics_says_so_when_asked_to_colour(tmp_path: Path) -> None:
    shutil.copy(example_path(), tmp_path / "m.cjo.json")
    result = run_cjo("export", "m.cjo.json", "-o", "x.png", "--colour-by", "nps", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "error: m.cjo.json: no metric 'nps': the map has none (import some with "
        "'cjo import-metrics')\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.cjo.json"]


def test_a_snapshot_and_metric_that_exist_colour_the_picture(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    args = ["export", folder / "m.cjo.json", "-o", out, "--snapshot", "Q1", "--colour-by", "nps"]
    result = run_cjo(*args)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("verb", VERBS)
def test_every_help_reads_as_written(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse expands %% in help strings only: a description printed '70%%'."""
    assert main([verb, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: cjo {verb}")
    assert "%%" not in text and "%(" not in text
    if verb == "painpoints":
        assert "below 70%, CES" in " ".join(text.split())


def test_validate_and_info_count_flows_and_drop_offs_alike(tmp_path: Path) -> None:
    journey = load_map(example_path())
    dropoffs = sum(f.is_dropoff for f in journey.flows())
    words = f"{len(journey.flows()) - dropoffs} flows, {dropoffs} drop-offs"
    assert words == "40 flows, 17 drop-offs"
    assert words in run_cjo("validate", example_path()).stdout
    assert words in run_cjo("info", example_path()).stdout


def test_a_name_two_touchpoints_share_is_reported_as_ambiguous(tmp_path: Path) -> None:
    journey = Journey("Twins")
    web, app = journey.add_stage("Web", id="st-web"), journey.add_stage("App", id="st-app")
    journey.add_touchpoint(web.id, "Checkout", id="tp-web-checkout")
    journey.add_touchpoint(app.id, "Checkout", id="tp-app-checkout")
    save_map(journey, tmp_path / "t.cjo.json")
    rows = "".join(f"{k},9\n" for k in ["Checkout"] * 3 + ["tp-app-checkout"])
    (tmp_path / "s.csv").write_text("touchpoint,nps\n" + rows, encoding="utf-8")
    result = run_cjo("import-metrics", "t.cjo.json", "s.csv", "-o", "o.cjo.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "'Checkout' (3 rows) names tp-web-checkout, tp-app-checkout" in result.stdout
    assert "--match id" in result.stdout and "matched no touchpoint" not in result.stdout
    assert "rows read: 4, used: 1" in result.stdout
