"""Funnels from visitor counts and from flows, on small examples worked out by hand."""

from __future__ import annotations

import pytest

from cjo_desktop.analysis.funnel import funnel_from_flows, funnel_from_visitors
from cjo_desktop.analysis.stats import wilson_interval
from cjo_desktop.domain.metrics import CONVERSION, DROPOFF, VISITORS


def test_funnel_from_visitors_by_hand() -> None:
    order = ["home", "product", "store", "cart", "checkout"]
    counts = {"home": 1000, "product": 400, "cart": 100, "checkout": 80}  # no count for store
    f = funnel_from_visitors(order, counts)
    assert list(f) == ["home", "product", "cart", "checkout"]
    assert f["home"][VISITORS].value == 1000 and f["home"][VISITORS].n == 1000
    assert f["home"][CONVERSION].value == pytest.approx(40.0)
    assert f["home"][DROPOFF].value == pytest.approx(60.0)
    assert f["product"][CONVERSION].value == pytest.approx(25.0)  # product -> cart
    assert f["cart"][DROPOFF].value == pytest.approx(20.0) and f["cart"][DROPOFF].n == 100
    low, high = wilson_interval(80, 100)
    assert (f["cart"][CONVERSION].ci_low, f["cart"][CONVERSION].ci_high) == pytest.approx(
        (100 * low, 100 * high)
    )
    low, high = wilson_interval(20, 100)
    assert f["cart"][DROPOFF].ci_low == pytest.approx(100 * low)
    assert set(f["checkout"]) == {VISITORS}


def test_funnel_from_visitors_edge_cases() -> None:
    f = funnel_from_visitors(["a", "b", "c"], {"a": 0, "b": 50, "c": 80})
    assert f["a"][CONVERSION].value is None and f["a"][CONVERSION].n == 0
    assert f["b"][CONVERSION].value == pytest.approx(160.0)  # people joined mid-funnel
    assert f["b"][CONVERSION].ci_low is None and f["b"][DROPOFF].value is None
    with pytest.raises(ValueError):
        funnel_from_visitors(["a", "a"], {"a": 1})


@pytest.mark.parametrize("bad", [-1, 2.5, True, "3", None])
def test_counts_must_be_non_negative_integers(bad: object) -> None:
    with pytest.raises(ValueError):
        funnel_from_visitors(["a", "b"], {"a": 10, "b": bad})  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        funnel_from_flows({("a", "b"): bad})  # type: ignore[dict-item]


FLOWS: dict[tuple[str | None, str | None], int] = {
    (None, "home"): 1000,  # entries
    ("home", "search"): 700,
    ("home", "product"): 200,
    ("home", None): 200,  # left at home
    ("search", "home"): 100,  # a loop back
    ("search", "product"): 500,
    ("search", None): 100,
    ("product", "cart"): 300,
    ("product", None): 400,
    ("cart", "cart"): 50,  # reloads the cart
    ("cart", "checkout"): 250,
    ("cart", None): 50,
}


def test_funnel_from_flows_with_a_loop_and_drop_offs() -> None:
    metrics, shares = funnel_from_flows(FLOWS)
    assert list(metrics) == ["home", "search", "product", "cart", "checkout"]
    # home: in 1000 + 100 (loop) = 1100, out 700 + 200 + 200 = 1100
    assert metrics["home"][VISITORS].value == 1100
    assert metrics["home"][DROPOFF].value == pytest.approx(100 * 200 / 1100)
    assert metrics["home"][CONVERSION].value == pytest.approx(100 * 900 / 1100)
    assert metrics["home"][DROPOFF].n == 1100
    assert metrics["product"][DROPOFF].value == pytest.approx(100 * 400 / 700)
    # cart: in 300 + 50 (self loop) = 350 visits, 50 of them leave
    assert metrics["cart"][VISITORS].value == 350
    assert metrics["cart"][DROPOFF].value == pytest.approx(100 * 50 / 350)
    low, high = wilson_interval(300, 350)
    assert metrics["cart"][CONVERSION].ci_low == pytest.approx(100 * low)
    assert metrics["cart"][CONVERSION].ci_high == pytest.approx(100 * high)
    # checkout has no way out recorded: the end of the journey
    assert set(metrics["checkout"]) == {VISITORS} and metrics["checkout"][VISITORS].n == 250
    assert shares[("home", "search")].value == pytest.approx(100 * 700 / 1100)
    assert shares[("home", "search")].n == 1100
    assert shares[("search", "home")].value == pytest.approx(100 * 100 / 700)
    assert shares[(None, "home")].value == 100.0
    assert sum(s.value or 0 for (src, _), s in shares.items() if src == "cart") == pytest.approx(
        100
    )


def test_funnel_from_flows_when_counts_do_not_balance() -> None:
    # entries not exported: "landing" only has outflows; "help" receives more than it sends
    metrics, _ = funnel_from_flows(
        {
            ("landing", "help"): 80,
            ("landing", None): 20,
            ("help", "landing"): 10,
            ("help", None): 30,
        }
    )
    assert metrics["landing"][VISITORS].value == 100  # max(in 10, out 100)
    assert metrics["landing"][DROPOFF].value == pytest.approx(20.0)
    assert metrics["help"][VISITORS].value == 80  # max(in 80, out 40)
    assert metrics["help"][DROPOFF].value == pytest.approx(100 * 30 / 80)
    assert metrics["help"][CONVERSION].value == pytest.approx(100 * 50 / 80)
    assert metrics["help"][CONVERSION].detail["unaccounted"] == 40
    with pytest.raises(ValueError):
        funnel_from_flows({(None, None): 1})
