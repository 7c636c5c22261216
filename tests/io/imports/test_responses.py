"""Survey responses (one row per answer) become NPS, CSAT and CES per touchpoint, with n, 95%
intervals and a provenance; the fast polars reader and the exact Python reader agree exactly."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import statistics
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats
from survey_scales import STATED

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.domain import Journey
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.run import ImportResult, run_import
from cjo_desktop.io.tables import TableError

Z = 1.959963984540054
HEADER = ["touchpoint", "nps", "csat", "ces", "segment", "date", "comment"]
#: The UTF-8 file takes the polars reader; the same rows in Windows-1252 the exact one.
ENCODING = {"fast": "utf-8", "exact": "cp1252"}


def write(path: Path, rows: list[list[object]], encoding: str = "utf-8", sep: str = ",") -> Path:
    """Rows of (touchpoint, nps, csat, ces, segment, date); a comment with an accent is added,
    so the encoding decides the reader."""
    lines = [sep.join(HEADER)]
    lines += [sep.join(["" if c is None else str(c) for c in row] + ["très bien"]) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def nps_rows(touchpoint: str = "Checkout: payment") -> list[list[object]]:
    """100 answers: 60 promoters (9-10), 25 passives (7-8), 15 detractors (0-6), shuffled."""
    scores = [10] * 30 + [9] * 30 + [8] * 13 + [7] * 12 + [6] * 5 + [3] * 5 + [0] * 5
    random.Random(1).shuffle(scores)
    return [[touchpoint, s, None, None, "Family", "2025-02-01"] for s in scores]


def do_import(journey: Journey, path: Path, **spec: object) -> ImportResult:
    return run_import(journey, path, spec_of(snapshot="test", **{**STATED, **spec}))


@pytest.mark.parametrize("reader", ["fast", "exact"])
def test_nps_of_100_responses_with_interval_and_counts(
    journey: Journey, tmp_path: Path, reader: str, readers: list[str]
) -> None:
    path = write(tmp_path / "survey.csv", nps_rows(), ENCODING[reader])
    result = do_import(journey, path)
    assert readers[-1] == reader
    nps = result.snapshot.value("tp-pay", "nps")
    assert nps is not None and nps.value == 45.0 and nps.n == 100
    # 45 +- 1.96 * 100 * sqrt((0.60 + 0.15 - 0.45^2) / 100) = 45 +- 14.50
    assert nps.ci_low == pytest.approx(30.5, abs=0.01)
    assert nps.ci_high == pytest.approx(59.5, abs=0.01)
    counts = {k: nps.detail[k] for k in ("promoters", "passives", "detractors")}
    assert counts == {"promoters": 60.0, "passives": 25.0, "detractors": 15.0}
    assert result.report is not None
    assert (result.report.rows_read, result.report.rows_used) == (100, 100)
    assert "Cart" in result.report.without_data


def wilson(k: int, n: int) -> tuple[float, float]:
    p = k / n
    center = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return 100 * (center - half), 100 * (center + half)


@pytest.mark.parametrize(("best", "top2"), [("high", 55), ("low", 25)])
def test_csat_top2_follows_the_scale_direction(
    journey: Journey, tmp_path: Path, best: str, top2: int
) -> None:
    answers = [1] * 10 + [2] * 15 + [3] * 20 + [4] * 25 + [5] * 30
    path = write(tmp_path / "csat.csv", [["Cart", None, a, None, "", ""] for a in answers])
    result = do_import(journey, path, csat="csat", csat_scale=Scale.csat(best))  # type: ignore[arg-type]
    share = result.snapshot.value("tp-cart", "csat_top2")
    mean = result.snapshot.value("tp-cart", "csat_mean")
    assert share is not None and mean is not None
    assert share.value == top2 and share.n == 100
    assert share.detail["top2"] == top2
    low, high = wilson(top2, 100)
    assert (share.ci_low, share.ci_high) == (pytest.approx(low, abs=1e-6), pytest.approx(high))
    assert mean.value == 3.5  # the mean does not depend on which end is best
    sd = statistics.stdev(answers)
    t = stats.t.ppf(0.975, 99)
    assert mean.ci_low == pytest.approx(3.5 - t * sd / 10, abs=1e-6)
    assert mean.ci_high == pytest.approx(3.5 + t * sd / 10, abs=1e-6)
    assert f"CSAT from 'csat' (1-5, {best} is best)" in result.snapshot.provenance.method


def test_ces_on_1_to_7_with_low_best(journey: Journey, tmp_path: Path) -> None:
    answers = [1, 1, 2, 2, 2, 3, 4, 5, 6, 7]
    path = write(tmp_path / "ces.csv", [["Cart", None, None, a, "", ""] for a in answers])
    result = do_import(journey, path, ces="ces", ces_scale=Scale.ces(7, "low"))
    ces = result.snapshot.value("tp-cart", "ces_mean")
    assert ces is not None and ces.n == 10
    assert ces.value == pytest.approx(3.3)
    assert ces.detail["sd"] == pytest.approx(statistics.stdev(answers), abs=1e-6)
    assert "CES from 'ces' (1-7, low is best)" in result.snapshot.provenance.method
    assert result.snapshot.summary["ces_mean_weighted"].value == pytest.approx(3.3)
    # 6 and 7 are no answers on a 1-5 scale: the first one (line 10) is named
    with pytest.raises(TableError, match=r"line 10, column 'ces': '6' is outside the CES scale"):
        do_import(journey, path, ces="ces", ces_scale=Scale.ces(5))


@pytest.mark.parametrize("reader", ["fast", "exact"])
def test_empty_cells_are_no_answer(
    journey: Journey, tmp_path: Path, reader: str, readers: list[str]
) -> None:
    rows: list[list[object]] = [["Cart", 9, None, None, "", ""]] * 10
    rows += [["Cart", None, 4, None, "", ""]] * 5
    rows += [["Cart", "  ", "", None, "", ""]] * 2  # answered nothing at all
    path = write(tmp_path / "gaps.csv", rows, ENCODING[reader])
    result = do_import(journey, path)
    assert readers[-1] == reader
    snap = result.snapshot
    assert snap.value("tp-cart", "nps").n == 10  # type: ignore[union-attr]
    assert snap.value("tp-cart", "csat_mean").n == 5  # type: ignore[union-attr]
    assert snap.value("tp-cart", "ces_mean") is None  # nobody answered it
    assert result.report is not None
    assert result.report.rows_skipped == 0 and result.report.rows_used == 17


@pytest.mark.parametrize("reader", ["fast", "exact"])
def test_a_segment_uses_only_its_rows_and_reports_the_others(
    journey: Journey, tmp_path: Path, reader: str, readers: list[str]
) -> None:
    family = [["Cart", 10, None, None, "Family", ""]] * 6 + [
        ["Cart", 0, None, None, "Family", ""]
    ] * 4
    solo = ["Cart", 8, None, None, "Solo", ""]
    rows = []
    for i, row in enumerate(family):  # Family, Solo, Family, Solo, ... then Family only
        rows += [row, solo] if i < 5 else [row]
    path = write(tmp_path / "seg.csv", rows, ENCODING[reader])
    result = do_import(journey, path, segment=("segment", "Family"))
    assert readers[-1] == reader
    nps = result.snapshot.value("tp-cart", "nps")
    assert nps is not None and nps.n == 10 and nps.value == 20.0  # 6 promoters, 4 detractors
    report = result.report
    assert report is not None
    assert (report.rows_read, report.rows_used, report.rows_skipped) == (15, 10, 5)
    (reason,) = report.skipped
    assert reason == "not in segment 'Family'"
    if reader == "exact":  # rows 2, 4, ... of the data are Solo: lines 3, 5, 7, 9, 11
        assert report.skipped[reason].lines == [3, 5, 7, 9, 11]
    assert any("skipped 5 row(s): not in segment 'Family'" in line for line in report.lines())
    assert result.snapshot.provenance.segment == "segment = Family"


def test_both_readers_report_the_same_skips(journey: Journey, tmp_path: Path) -> None:
    """Blank keys and unknown keys, inside and outside the segment: same reasons, same counts."""
    rows: list[list[object]] = []
    for segment in ("Family", "Solo", "Family"):
        rows += [["Cart", 9, 4, 2, segment, ""], ["", 7, None, None, segment, ""]]
        rows += [["Gift card", 0, 1, 7, segment, ""], [" cart ", 10, 5, 1, segment, ""]]
    summaries = []
    for reader, encoding in ENCODING.items():
        path = write(tmp_path / f"{reader}.csv", rows, encoding)
        result = do_import(journey, path, segment=("segment", "Family"))
        report = result.report
        assert report is not None
        skips = {reason: s.count for reason, s in report.skipped.items()}
        summaries.append((skips, report.unmatched, report.rows_used, result.snapshot.values))
    assert summaries[0] == summaries[1]
    skips, unmatched, used, values = summaries[0]
    assert skips == {
        "not in segment 'Family'": 4,
        "no touchpoint in the key column": 2,
        "key matches no touchpoint": 2,
    }
    assert unmatched == {"Gift card": 2} and used == 4
    assert values["tp-cart"]["nps"].n == 4


@pytest.mark.parametrize("reader", ["fast", "exact"])
def test_a_date_column_gives_the_period(
    journey: Journey, tmp_path: Path, reader: str, readers: list[str]
) -> None:
    dates = ["2025-02-14", "2025-03-30T23:59:00", "", "2025-01-02 08:00", "2025-01-15"]
    path = write(
        tmp_path / "d.csv", [["Cart", 9, None, None, "", d] for d in dates], ENCODING[reader]
    )
    result = do_import(journey, path, date="date")
    assert readers[-1] == reader
    assert result.snapshot.provenance.period == "2025-01-02..2025-03-30"
    assert do_import(journey, path).snapshot.provenance.period == ""  # no date column chosen
    us = ["12/31/2024", "1/5/2025", "3/15/2025"]  # as text, "1/5/2025" < "12/31/2024"
    path = write(
        tmp_path / "us.csv", [["Cart", 9, None, None, "", d] for d in us], ENCODING[reader]
    )
    result = do_import(journey, path, date="date")
    assert result.snapshot.provenance.period == ""  # no period rather than a wrong one
    assert result.report is not None and any("YYYY-MM-DD" in n for n in result.report.notes)


def test_provenance_names_the_file_its_hash_the_method_and_the_time(
    journey: Journey, tmp_path: Path
) -> None:
    path = write(tmp_path / "survey.csv", nps_rows())
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = do_import(journey, path, nps="nps", csat="csat")
    prov = result.snapshot.provenance
    assert prov.source == "survey.csv"
    assert prov.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert prov.method == (
        "survey responses: NPS from 'nps' (0-10); CSAT from 'csat' (1-5, high is best)"
    )
    stamp = dt.datetime.fromisoformat(prov.imported_at)
    assert stamp.utcoffset() == dt.timedelta(0)
    assert before <= stamp <= dt.datetime.now(dt.UTC)


def test_weighted_summary_across_touchpoints(journey: Journey, tmp_path: Path) -> None:
    rows = [["Cart", None, a, None, "", ""] for a in (4, 5, 5, 4)]
    rows += [["Checkout: payment", None, a, None, "", ""] for a in (2, 3, 2, 3, 1, 1)]
    path = write(tmp_path / "w.csv", rows)
    plain = do_import(journey, path, csat="csat").snapshot.summary
    assert plain["csat_mean_weighted"].value == pytest.approx((4.5 + 2.0) / 2)
    assert plain["csat_mean_weighted"].n == 10
    weighted = do_import(journey, path, csat="csat", weights={"tp-pay": 3.0}).snapshot.summary
    assert weighted["csat_mean_weighted"].value == pytest.approx((4.5 + 3 * 2.0) / 4)
    assert weighted["csat_top2_weighted"].value == pytest.approx((100.0 + 3 * 0.0) / 4)
    low, high = weighted["csat_mean_weighted"].ci_low, weighted["csat_mean_weighted"].ci_high
    assert low is not None and high is not None and low < 2.625 < high


# ---------------------------------------------------------------- the two readers agree

SEGMENTS = ["Family camper", "Trail runner", "Pro"]
NAMES = [f"Étape {i}" if i % 3 == 0 else f"Step {i}" for i in range(30)]


def big_map() -> Journey:
    journey = Journey("Thirty steps")
    journey.add_stage("All", id="st-all")
    for i, name in enumerate(NAMES):
        journey.add_touchpoint("st-all", name, id=f"tp-{i}")
    return journey


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """100,000 seeded responses: UTF-8 with commas, Windows-1252, and semicolons with decimal
    commas. About 1% name a touchpoint the map lacks; some CES answers are averages (x.5)."""
    rng = random.Random(20250401)
    rows = []
    for _ in range(100_000):
        key = "Gift card" if rng.random() < 0.01 else rng.choice(NAMES)
        nps = "" if rng.random() < 0.05 else str(rng.choice([rng.randint(0, 10), 9, 10]))
        csat = "" if rng.random() < 0.1 else str(rng.randint(1, 5))
        ces = "" if rng.random() < 0.1 else str(rng.randint(1, 7))
        if ces and rng.random() < 0.05:
            ces = f"{rng.randint(1, 6)}.5"
        day = f"2025-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        rows.append([key, nps, csat, ces, rng.choice(SEGMENTS), day])
    folder = tmp_path_factory.mktemp("big")
    return {
        "utf8": write(folder / "big.csv", rows),
        "cp1252": write(folder / "big-1252.csv", rows, "cp1252"),
        "semicolon": write(
            folder / "big-semicolon.csv",
            [[str(c).replace(".", ",") if i == 3 else c for i, c in enumerate(r)] for r in rows],
            sep=";",
        ),
    }


def pandas_oracle(path: Path, segment: str | None = None) -> dict[str, dict[str, tuple]]:
    """Per touchpoint id: (value, n, ci_low, ci_high) per metric, computed with pandas/scipy."""
    frame = pd.read_csv(path, dtype={"touchpoint": str, "segment": str})
    if segment is not None:
        frame = frame[frame["segment"] == segment]
    ids = {name: f"tp-{i}" for i, name in enumerate(NAMES)}
    out: dict[str, dict[str, tuple]] = {}
    for name, group in frame.groupby("touchpoint"):
        if name not in ids:
            continue
        nps = group["nps"].dropna()
        n = len(nps)
        pro, det = (nps >= 9).sum() / n, (nps <= 6).sum() / n
        half = 1.96 * 100 * math.sqrt((pro + det - (pro - det) ** 2) / n)
        metrics = {
            "nps": (100 * (pro - det), n, 100 * (pro - det) - half, 100 * (pro - det) + half)
        }
        for column, metric in (("csat", "csat_mean"), ("ces", "ces_mean")):
            x = group[column].dropna()
            t = stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / math.sqrt(len(x))
            metrics[metric] = (x.mean(), len(x), x.mean() - t, x.mean() + t)
        csat = group["csat"].dropna()
        low, high = wilson(int((csat >= 4).sum()), len(csat))
        metrics["csat_top2"] = (100 * (csat >= 4).mean(), len(csat), low, high)
        out[ids[name]] = metrics
    return out


def assert_matches_oracle(result: ImportResult, oracle: dict[str, dict[str, tuple]]) -> None:
    assert set(result.snapshot.values) == set(oracle)
    for tp, metrics in oracle.items():
        for metric, (value, n, low, high) in metrics.items():
            got = result.snapshot.value(tp, metric)
            assert got is not None, (tp, metric)
            assert got.n == n, (tp, metric)
            assert (got.value, got.ci_low, got.ci_high) == (
                pytest.approx(value, abs=1e-6),
                pytest.approx(low, abs=1e-6),
                pytest.approx(high, abs=1e-6),
            ), (tp, metric)


@pytest.mark.parametrize(
    ("variant", "note"),
    [("cp1252", "read as Windows-1252"), ("semicolon", "decimal commas")],
)
def test_fast_and_exact_readers_give_identical_snapshots(
    big: dict[str, Path], variant: str, note: str, readers: list[str]
) -> None:
    journey = big_map()
    fast = do_import(journey, big["utf8"], date="date")
    assert readers == ["fast"]
    assert fast.report is not None and fast.report.notes == []
    exact = do_import(journey, big[variant], date="date")
    assert readers[-1] == "exact"
    assert exact.report is not None
    assert any(note in line for line in exact.report.notes), exact.report.notes
    assert exact.snapshot.values == fast.snapshot.values  # identical after 6-decimal rounding
    assert exact.snapshot.summary == fast.snapshot.summary
    assert exact.snapshot.provenance.period == fast.snapshot.provenance.period
    for report in (fast.report, exact.report):
        assert report.rows_read == 100_000
        assert report.rows_used + report.unmatched["Gift card"] == 100_000
    assert exact.report.unmatched == fast.report.unmatched
    assert_matches_oracle(fast, pandas_oracle(big["utf8"]))


def test_both_readers_filter_a_segment_like_pandas(
    big: dict[str, Path], readers: list[str]
) -> None:
    journey = big_map()
    segment = ("segment", "Trail runner")
    fast = do_import(journey, big["utf8"], segment=segment)
    exact = do_import(journey, big["cp1252"], segment=segment)
    assert readers == ["fast", "exact"]
    assert exact.snapshot.values == fast.snapshot.values
    assert_matches_oracle(fast, pandas_oracle(big["utf8"], "Trail runner"))
    outside = len(pd.read_csv(big["utf8"]).query("segment != 'Trail runner'"))
    for result in (fast, exact):
        assert result.report is not None
        assert result.report.skipped["not in segment 'Trail runner'"].count == outside
