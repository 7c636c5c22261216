"""100,000 seeded responses: the streaming accumulators against an independent pandas groupby."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest

from cjo_desktop.analysis.scales import Scale
from cjo_desktop.analysis.survey import SurveyAccumulator
from cjo_desktop.domain.metrics import CES_MEAN, CSAT_MEAN, CSAT_TOP2, NPS

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

N_ROWS, N_TOUCHPOINTS = 100_000, 30
SEGMENTS = ["new", "returning", "business"]
Key = tuple[str, str]


def _column(rng: Any, valid: list[float], invalid: list[float]) -> Any:
    """Mostly valid answers, about 8% blank (NaN) and 2% invalid."""
    values = rng.choice(np.array(valid, dtype=float), N_ROWS)
    u = rng.random(N_ROWS)
    values[u < 0.08] = np.nan
    bad = u > 0.98
    values[bad] = rng.choice(np.array(invalid, dtype=float), int(bad.sum()))
    return values


@pytest.fixture(scope="module")
def responses() -> Any:
    rng = np.random.default_rng(20250101)
    return pd.DataFrame(
        {
            "tp": [f"tp{i:02d}" for i in rng.integers(0, N_TOUCHPOINTS, N_ROWS)],
            "segment": rng.choice(SEGMENTS, N_ROWS),
            "nps": _column(rng, list(range(11)), [7.5, 11, -1, 10.2]),
            "csat": _column(rng, [1, 2, 3, 4, 5, 1.5, 4.5], [0, 6, 5.5]),
            "ces": _column(rng, list(range(1, 8)), [0, 8, 7.01]),
        }
    )


def _accumulate(df: Any) -> SurveyAccumulator[Key]:
    acc = SurveyAccumulator[Key](csat=Scale.csat(), ces=Scale.ces(points=7))
    for tp, seg, nps, csat, ces in df.itertuples(index=False):
        acc.add(
            (tp, seg),
            None if math.isnan(nps) else nps,
            None if math.isnan(csat) else csat,
            None if math.isnan(ces) else ces,
        )
    return acc


@pytest.fixture(scope="module")
def one_pass(responses: Any) -> SurveyAccumulator[Key]:
    return _accumulate(responses)


def test_against_pandas_groupby(responses: Any, one_pass: SurveyAccumulator[Key]) -> None:
    df = responses
    keys = ["tp", "segment"]
    nps = df[df.nps.between(0, 10) & (df.nps == df.nps.round())].copy()
    nps["score"] = np.where(nps.nps >= 9, 1, np.where(nps.nps >= 7, 0, -1))
    g_nps = nps.groupby(keys)["score"].agg(
        n="count",
        promoters=lambda s: (s == 1).sum(),
        passives=lambda s: (s == 0).sum(),
        detractors=lambda s: (s == -1).sum(),
        mean="mean",
        var0=lambda s: s.var(ddof=0),
    )
    csat = df[df.csat.between(1, 5)]
    g_csat = csat.groupby(keys)["csat"].agg(
        n="count", mean="mean", sd="std", top2=lambda s: (s >= 4).sum()
    )
    g_ces = df[df.ces.between(1, 7)].groupby(keys)["ces"].agg(n="count", mean="mean", sd="std")

    res = one_pass.results()
    assert len(res) == N_TOUCHPOINTS * len(SEGMENTS) == len(g_nps) == len(g_csat) == len(g_ces)
    for key, row in g_nps.iterrows():
        mv = res[key][NPS]
        assert mv.n == row.n
        assert mv.detail == {
            "promoters": row.promoters,
            "passives": row.passives,
            "detractors": row.detractors,
        }
        assert mv.value == pytest.approx(100 * row["mean"], abs=1e-9)
        half = 1.96 * 100 * math.sqrt(row.var0 / row.n)
        assert mv.ci_low == pytest.approx(100 * row["mean"] - half, abs=1e-9)
        assert mv.ci_high == pytest.approx(100 * row["mean"] + half, abs=1e-9)
    for key, row in g_csat.iterrows():
        mean, top2 = res[key][CSAT_MEAN], res[key][CSAT_TOP2]
        assert mean.n == top2.n == row.n
        assert mean.value == pytest.approx(row["mean"], rel=1e-9, abs=1e-9)
        assert mean.detail["sd"] == pytest.approx(row.sd, rel=1e-9, abs=1e-9)
        assert top2.detail == {"top2": row.top2}
        assert top2.value == pytest.approx(100 * row.top2 / row.n, abs=1e-9)
    for key, row in g_ces.iterrows():
        mean = res[key][CES_MEAN]
        assert mean.n == row.n
        assert mean.value == pytest.approx(row["mean"], rel=1e-9, abs=1e-9)
        assert mean.detail["sd"] == pytest.approx(row.sd, rel=1e-9, abs=1e-9)
    invalid = one_pass.invalid_counts()
    assert invalid["nps"] == int((df.nps.notna() & ~df.nps.index.isin(nps.index)).sum())
    assert invalid["csat"] == int((df.csat.notna() & ~df.csat.between(1, 5)).sum())


def test_four_merged_chunks_equal_one_pass(
    responses: Any, one_pass: SurveyAccumulator[Key]
) -> None:
    bounds = [0, 17_000, 50_000, 50_001, N_ROWS]
    merged = _accumulate(responses.iloc[0:0])
    for start, stop in itertools.pairwise(bounds):
        merged.merge(_accumulate(responses.iloc[start:stop]))
    whole, parts = one_pass.results(), merged.results()
    assert set(parts) == set(whole)
    for key, metrics in whole.items():
        assert set(parts[key]) == set(metrics)
        for name, mv in metrics.items():
            other = parts[key][name]
            assert other.n == mv.n
            assert other.value == pytest.approx(mv.value, rel=1e-12)
            assert other.ci_low == pytest.approx(mv.ci_low, rel=1e-12)
            assert other.detail == pytest.approx(mv.detail, rel=1e-12)
    assert merged.invalid_counts() == one_pass.invalid_counts()
