"""A survey's scales are stated, never assumed: without the flags (and without a scale the map
records from an earlier import) the import stops with one line naming them; a later survey of
the same tool takes the recorded scale; an answer outside the stated scale names its line."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from survey_scales import FLAGS

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_MEAN, HIGHER_IS_BETTER, SCALE_HIGH
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.kinds.responses import recorded_scale
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.tables import TableError

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The CLI contract for bad input: status 1, one ``error:`` line, nothing on stdout."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    return lines[0]


def test_a_survey_without_scale_flags_stops_and_names_them(
    example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    before = example_map.read_bytes()
    survey = example_data / "survey-2025-q1.csv"
    line = refused(run_cli("import-metrics", example_map.name, survey, "--snapshot", "Q1"))
    assert str(survey) in line
    for flag in ("--csat-best", "--ces-scale", "--ces-best"):
        assert flag in line, line
    assert example_map.read_bytes() == before  # nothing saved


def test_half_the_ces_flags_names_the_missing_one_only(
    example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    survey = example_data / "survey-2025-q1.csv"
    args = ("--ces", "ces", "--ces-best", "low", "--snapshot", "Q1")
    line = refused(run_cli("import-metrics", example_map.name, survey, *args))
    assert "--ces-scale" in line and "--ces-best" not in line and "--csat-best" not in line


def test_nps_alone_needs_no_flags(example_map: Path, example_data: Path, run_cli: RunCli) -> None:
    survey = example_data / "survey-2025-q1.csv"
    result = run_cli("import-metrics", example_map.name, survey, "--nps", "nps", "--snapshot", "Q1")
    assert result.returncode == 0, result.stderr


def test_the_scale_stated_once_is_recorded_and_used_by_the_next_survey(
    example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    q1, q2 = example_data / "survey-2025-q1.csv", example_data / "survey-2025-q2.csv"
    args = ("--ces-best", "high", "--ces-scale", "5", "--csat-best", "low")
    # the example's CES answers run to 7: on a stated 1-5 scale they are refused by line
    line = refused(run_cli("import-metrics", example_map.name, q1, "--snapshot", "Q1", *args))
    assert "line " in line and "column 'ces'" in line and "outside the CES scale" in line
    args = ("--ces-best", "high", "--ces-scale", "7", "--csat-best", "low")
    assert (
        run_cli("import-metrics", example_map.name, q1, "--snapshot", "Q1", *args).returncode == 0
    )
    result = run_cli("import-metrics", example_map.name, q2, "--snapshot", "Q2")
    assert result.returncode == 0, result.stderr
    journey = load_map(example_map)
    assert recorded_scale(journey, "ces") == Scale(1, 7, "high")
    assert recorded_scale(journey, "csat") == Scale(1, 5, "low")
    q2_snapshot = journey.metric_snapshot("Q2")
    assert "CES from 'ces' (1-7, high is best)" in q2_snapshot.provenance.method
    assert "CSAT from 'csat' (1-5, low is best)" in q2_snapshot.provenance.method
    values = [per[CES_MEAN] for per in q2_snapshot.values.values() if CES_MEAN in per]
    assert values and all(v.detail[HIGHER_IS_BETTER] == 1.0 for v in values)
    assert all(v.detail[SCALE_HIGH] == 7.0 for v in values)
    csat = [per[CSAT_MEAN] for per in q2_snapshot.values.values() if CSAT_MEAN in per]
    assert csat and all(v.detail[HIGHER_IS_BETTER] == 0.0 for v in csat)


def test_flags_given_win_over_the_record(
    example_map: Path, example_data: Path, run_cli: RunCli
) -> None:
    q1, q2 = example_data / "survey-2025-q1.csv", example_data / "survey-2025-q2.csv"
    assert (
        run_cli("import-metrics", example_map.name, q1, "--snapshot", "Q1", *FLAGS).returncode == 0
    )
    result = run_cli(
        "import-metrics", example_map.name, q2, "--snapshot", "Q2", "--ces-best", "high"
    )
    assert result.returncode == 0, result.stderr
    method = load_map(example_map).metric_snapshot("Q2").provenance.method
    assert "CES from 'ces' (1-7, high is best)" in method  # 1-7 from the record, high as said


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])  # the fast reader, then the exact one
@pytest.mark.parametrize(
    ("column", "bad", "scales"),
    [
        ("ces", "8", {"ces_scale": Scale.ces(7, "low")}),
        ("ces", "6", {"ces_scale": Scale.ces(5, "low")}),
        ("csat", "0", {"csat_scale": Scale.csat("high")}),
    ],
)
def test_an_answer_outside_the_stated_scale_names_file_line_and_column(
    tmp_path: Path, journey, column: str, bad: str, scales: dict[str, Scale], encoding: str
) -> None:  # type: ignore[no-untyped-def]
    rows = ["touchpoint,csat,ces"] + [f"Cart,4,{3 + i % 2}" for i in range(6)]
    cells = rows[5].split(",")
    cells[1 if column == "csat" else 2] = bad
    rows[5] = ",".join(cells)  # file line 6: the header is line 1
    path = tmp_path / "survey.csv"
    path.write_bytes(("\n".join(rows) + "\n").encode(encoding))
    spec = spec_of(kind="responses", snapshot="S", **{column: column}, **scales)
    with pytest.raises(TableError) as caught:
        run_import(journey, path, spec)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert f"line 6, column '{column}'" in message, message
    assert f"'{bad}' is outside the {column.upper()} scale" in message, message


def test_the_python_api_assumes_no_scale_either(tmp_path: Path, journey) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "survey.csv"
    path.write_text("touchpoint,ces\nCart,3\n", encoding="utf-8")
    with pytest.raises(TableError, match=re.escape("--ces-scale 5|7 and --ces-best low|high")):
        run_import(journey, path, spec_of(kind="responses", snapshot="S", ces="ces"))
