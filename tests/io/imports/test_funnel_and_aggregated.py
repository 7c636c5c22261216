"""Funnel counts (flow rows or visitors per step) and aggregated tables of numbers per touchpoint:
counts land on the map's flows, conversion and drop-off per touchpoint, metrics named by the
header, from CSV and from a named worksheet of an .xlsx workbook."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from cjo_desktop.domain import Journey
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds.registry import guess_kind, spec_of
from cjo_desktop.io.imports.plan import apply_import
from cjo_desktop.io.imports.run import ImportResult, run_import
from cjo_desktop.io.tables import TableError

Z = 1.959963984540054

WriteCsv = Callable[..., Path]


def do_import(journey: Journey, path: Path, **spec: object) -> ImportResult:
    return run_import(journey, path, spec_of(snapshot="f", **spec))


def wilson(k: int, n: int) -> tuple[float, float]:
    p = k / n
    center = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return 100 * (center - half), 100 * (center + half)


# ------------------------------------------------------------------------- flow rows

FLOW_ROWS = [
    ["Product page", "Cart", 100],
    ["Product page", "", 20],  # an empty target: they left
    ["product page", "exit", 10],  # another way to say it, summed with the one above
    ["Cart", "Checkout: payment", 70],
    ["Cart", "(exit)", 30],
]


@pytest.fixture
def with_flow(journey: Journey) -> Journey:
    journey.add_flow("tp-product", "tp-cart", count=5, label="main path")
    return journey


def test_flow_rows_become_flow_counts_on_the_map(with_flow: Journey, write_csv: WriteCsv) -> None:
    path = write_csv("flows.csv", ["from", "to", "count"], FLOW_ROWS)
    assert guess_kind(["from", "to", "count"]) == "funnel"
    result = do_import(with_flow, path, kind="funnel")
    assert result.flow_counts == {
        ("tp-product", "tp-cart"): 100,
        ("tp-product", None): 30,
        ("tp-cart", "tp-pay"): 70,
        ("tp-cart", None): 30,
    }
    assert with_flow.flow("tp-product", "tp-cart").count == 5  # not yet applied
    assert result.report is not None
    assert result.report.added_flows == [
        "Product page -> drop-off",
        "Cart -> Checkout: payment",
        "Cart -> drop-off",
    ]
    assert "flows added: Product page -> drop-off, " in "\n".join(result.report.lines())
    apply_import(with_flow, result)
    flows = {f.key: (f.count, f.label) for f in with_flow.flows()}
    assert flows == {
        ("tp-product", "tp-cart"): (100, "main path"),  # updated, label kept
        ("tp-product", None): (30, ""),  # created
        ("tp-cart", "tp-pay"): (70, ""),
        ("tp-cart", None): (30, ""),
    }
    assert with_flow.metric_snapshot("f").provenance.method == "funnel flow rows"


def test_flow_rows_give_conversion_and_dropoff_per_touchpoint(
    with_flow: Journey, write_csv: WriteCsv
) -> None:
    path = write_csv("flows.csv", ["from", "to", "count"], FLOW_ROWS)
    snap = do_import(with_flow, path, kind="funnel").snapshot
    product = snap.values["tp-product"]
    assert product["visitors"].value == 130 and product["visitors"].n == 130
    assert product["dropoff"].value == pytest.approx(100 * 30 / 130, abs=1e-6)
    assert product["conversion"].value == pytest.approx(100 * 100 / 130, abs=1e-6)
    assert product["dropoff"].n == 130
    cart = snap.values["tp-cart"]
    assert (cart["conversion"].value, cart["dropoff"].value, cart["dropoff"].n) == (70, 30, 100)
    low, high = wilson(30, 100)
    assert cart["dropoff"].ci_low == pytest.approx(low, abs=1e-6)
    assert cart["dropoff"].ci_high == pytest.approx(high, abs=1e-6)
    assert snap.values["tp-pay"].keys() == {"visitors"}  # the end of the journey
    assert snap.values["tp-pay"]["visitors"].value == 70
    assert "tp-cafe" not in snap.values


def test_flow_rows_naming_no_touchpoint_are_reported(journey: Journey, write_csv: WriteCsv) -> None:
    rows = [["Product page", "Cart", 10], ["Gift card", "Cart", 4], ["Cart", "Wishlist", 2]]
    path = write_csv("flows.csv", ["source", "target", "visitors"], rows)
    result = do_import(journey, path, kind="funnel")
    assert result.flow_counts == {("tp-product", "tp-cart"): 10}
    report = result.report
    assert report is not None
    assert report.skipped["a step that matches no touchpoint"].lines == [3, 4]
    assert report.unmatched == {"Gift card": 1, "Wishlist": 1}


def test_a_count_must_be_a_whole_number(journey: Journey, write_csv: WriteCsv) -> None:
    rows = [["Product page", "Cart", 10], ["Cart", "", "12.5"]]
    path = write_csv("flows.csv", ["from", "to", "count"], rows)
    with pytest.raises(TableError, match=r"line 3, column 'count': '12.5' is not a count"):
        do_import(journey, path, kind="funnel")
    skipped = do_import(journey, path, kind="funnel", skip_invalid=True)
    assert skipped.flow_counts == {("tp-product", "tp-cart"): 10}
    assert skipped.report is not None and skipped.report.rows_skipped == 1


# ----------------------------------------------------------------- visitors per step


def test_visitor_counts_are_read_in_journey_order(with_flow: Journey, write_csv: WriteCsv) -> None:
    rows = [["Checkout: payment", 240], ["Cart", 300], ["Product page", 1000]]  # file order
    path = write_csv("visits.csv", ["step", "visitors"], rows)
    before = with_flow.flows()
    result = do_import(with_flow, path, kind="funnel")
    snap = result.snapshot
    assert snap.provenance.method == "funnel visitor counts"
    product, cart, pay = (snap.values[t] for t in ("tp-product", "tp-cart", "tp-pay"))
    assert product["visitors"].value == 1000
    assert product["conversion"].value == 30 and product["dropoff"].value == 70
    assert product["conversion"].n == 1000
    assert cart["conversion"].value == 80 and cart["dropoff"].value == 20
    assert cart["conversion"].n == 300
    assert pay.keys() == {"visitors"}  # the last step converts to nothing
    assert result.flow_counts == {}
    apply_import(with_flow, result)
    assert with_flow.flows() == before  # visitor counts leave the flows alone


# ------------------------------------------------------------------ the example files


def test_the_example_funnel_reproduces_the_example_maps_flow_counts(
    example_map: Path, example_data: Path
) -> None:
    journey = load_map(example_map)
    own = {f.key: f.count for f in journey.flows()}
    assert own and None not in own.values()
    result = do_import(journey, example_data / "funnel-2025-03.csv", kind="funnel")
    assert result.flow_counts == own
    assert result.report is not None
    assert result.report.rows_used == len(own) and result.report.rows_skipped == 0
    for flow in journey.flows():  # forget the counts, then let the data put them back
        journey.update_flow(flow.source, flow.target, count=None)
    apply_import(journey, result)
    assert {f.key: f.count for f in journey.flows()} == own
    cart = journey.metric_snapshot("f").values["tp-cart"]
    out = sum(n for (s, _), n in own.items() if s == "tp-cart")
    assert cart["dropoff"].value == pytest.approx(100 * own[("tp-cart", None)] / out, abs=1e-6)


def workbook_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def test_an_aggregated_workbook_gives_metrics_named_by_its_header(
    example_map: Path, example_data: Path
) -> None:
    journey = load_map(example_map)
    path = example_data / "kpis-2025-q1.xlsx"
    result = do_import(journey, path, kind="aggregated", sheet="Q1 2025")
    snap = result.snapshot
    header, *rows = workbook_rows(path, "Q1 2025")
    metrics = [str(h) for h in header[1:]]
    assert snap.metric_names() == sorted(metrics)
    ids = {t.name: t.id for t in journey.touchpoints()}
    for name, *cells in rows:
        for metric, cell in zip(metrics, cells, strict=True):
            got = snap.value(ids[str(name)], metric)
            if cell is None:
                assert got is None  # an empty cell is no value, not 0
            else:
                assert got is not None and got.value == pytest.approx(float(cell))
                assert got.n is None and got.ci_low is None
    assert snap.value("tp-cart", "Avg order value (EUR)").value == 81.88  # type: ignore[union-attr]
    assert snap.value("tp-instagram-ad", "Support tickets").value == 0.0  # type: ignore[union-attr]
    assert snap.provenance.sheet == "Q1 2025"
    assert snap.provenance.method == "aggregated values per touchpoint"
    assert result.report is not None and result.report.rows_used == len(rows)


def test_the_sheet_name_is_forgiving_about_case_and_defaults_to_the_first(
    example_map: Path, example_data: Path
) -> None:
    journey = load_map(example_map)
    path = example_data / "kpis-2025-q1.xlsx"
    named = do_import(journey, path, kind="aggregated", sheet="q1 2025")
    first = do_import(journey, path, kind="aggregated")
    assert named.snapshot.values == first.snapshot.values
    assert first.snapshot.provenance.sheet == "Q1 2025"
    assert first.report is not None
    assert any("'Q1 2025'" in n and "'Notes'" in n for n in first.report.notes)


def test_an_unknown_sheet_is_a_clear_error_listing_the_sheets(
    example_map: Path, example_data: Path
) -> None:
    path = example_data / "kpis-2025-q1.xlsx"
    with pytest.raises(TableError) as caught:
        do_import(load_map(example_map), path, kind="aggregated", sheet="Q2 2025")
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "no sheet 'Q2 2025'" in message
    assert "(sheets: 'Q1 2025', 'Notes')" in message
    assert "\n" not in message


def test_an_aggregated_csv_with_decimal_commas(journey: Journey, write_csv: WriteCsv) -> None:
    rows = [["Cart", "81,88", "1.234,5"], ["Checkout: payment", "-3,5", ""]]
    path = write_csv("k.csv", ["touchpoint", "AOV", "Revenue"], rows, delimiter=";")
    snap = do_import(journey, path, kind="aggregated").snapshot
    assert snap.value("tp-cart", "AOV").value == 81.88  # type: ignore[union-attr]
    assert snap.value("tp-cart", "Revenue").value == 1234.5  # type: ignore[union-attr]
    assert snap.value("tp-pay", "AOV").value == -3.5  # type: ignore[union-attr]
    assert snap.value("tp-pay", "Revenue") is None
