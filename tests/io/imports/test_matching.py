"""Which touchpoint a row means: by id or name, forgiving about case, spaces and Unicode forms,
never guessing between two touchpoints of the same name; keys that match nothing are reported,
or become touchpoints in a stage 'Unsorted' when asked."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.io.imports.keys import KeyResolver
from cjo_desktop.io.imports.kinds.registry import spec_of
from cjo_desktop.io.imports.matching import Matcher, normalize
from cjo_desktop.io.imports.plan import UNSORTED, apply_import
from cjo_desktop.io.imports.report import SharedKey
from cjo_desktop.io.imports.run import ImportResult, run_import
from cjo_desktop.io.imports.spec import ImportSpec

COMPOSED = unicodedata.normalize("NFC", "Café")
DECOMPOSED = unicodedata.normalize("NFD", "Café")

WriteCsv = Callable[..., Path]


def nps_rows(*keys: str, score: int = 9) -> list[list[object]]:
    return [[key, score] for key in keys]


def do_import(journey: Journey, path: Path, **spec: object) -> ImportResult:
    return run_import(journey, path, spec_of(snapshot="m", **spec))


def n_of(result: ImportResult, tp: str) -> int | None:
    value = result.snapshot.value(tp, "nps")
    return None if value is None else value.n


def test_the_two_unicode_forms_really_differ() -> None:
    assert COMPOSED != DECOMPOSED and len(DECOMPOSED) == len(COMPOSED) + 1
    assert normalize(COMPOSED) == normalize(DECOMPOSED)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_keys_by_id_and_by_name_trimmed_and_in_any_case(
    journey: Journey, write_csv: WriteCsv, encoding: str
) -> None:
    keys = [
        "tp-pay",
        "  TP-PAY ",
        "Checkout: payment",
        "checkout:   PAYMENT",
        "\tCheckout: Payment  ",
        "Cart",
        "cart",
    ]
    path = write_csv("k.csv", ["touchpoint", "nps"], nps_rows(*keys), encoding)
    result = do_import(journey, path)
    assert n_of(result, "tp-pay") == 5
    assert n_of(result, "tp-cart") == 2
    assert result.report is not None and result.report.unmatched == {}
    assert result.report.rows_used == 7


@pytest.mark.parametrize(("in_map", "in_file"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_composed_and_decomposed_accents_are_one_name(
    write_csv: WriteCsv, in_map: str, in_file: str
) -> None:
    journey = Journey("Accents")
    journey.add_stage("S", id="st-s")
    journey.add_touchpoint("st-s", in_map, id="tp-cafe")
    path = write_csv("u.csv", ["touchpoint", "nps"], nps_rows(in_file, in_file.upper(), "CAFÉ"))
    result = do_import(journey, path)
    assert n_of(result, "tp-cafe") == 3
    assert result.report is not None and result.report.unmatched == {}


def test_match_by_id_refuses_names(journey: Journey, write_csv: WriteCsv) -> None:
    path = write_csv(
        "ids.csv", ["key", "nps"], nps_rows("tp-cart", "Cart", "Cart", "Checkout: payment")
    )
    result = do_import(journey, path, match="id")
    assert n_of(result, "tp-cart") == 1
    assert n_of(result, "tp-pay") is None
    assert result.report is not None
    assert result.report.unmatched == {"Cart": 2, "Checkout: payment": 1}
    by_name = do_import(journey, path, match="name")  # and names refuse ids
    assert n_of(by_name, "tp-cart") == 2
    assert by_name.report is not None and by_name.report.unmatched == {"tp-cart": 1}


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])  # the fast and the exact reader
def test_unmatched_keys_are_listed_with_their_row_counts(
    journey: Journey, write_csv: WriteCsv, encoding: str
) -> None:
    keys = ["Cart", "Gift card", "Gift card", " gift CARD ", "Wishlist", "Café"]
    path = write_csv("u.csv", ["touchpoint", "nps"], nps_rows(*keys), encoding)
    result = do_import(journey, path)
    report = result.report
    assert report is not None
    assert report.unmatched == {"Gift card": 3, "Wishlist": 1}
    assert report.skipped["key matches no touchpoint"].count == 4
    assert report.rows_used == 2
    text = "\n".join(report.lines())
    assert "keys that matched no touchpoint: 'Gift card' (3 rows); 'Wishlist' (1 rows)" in text
    assert result.new_touchpoints == {}


def test_add_missing_creates_touchpoints_in_an_unsorted_stage(
    journey: Journey, write_csv: WriteCsv
) -> None:
    before = journey.copy()
    path = write_csv(
        "new.csv",
        ["touchpoint", "nps"],
        [["Gift card", 10], ["gift  CARD", 0], ["Cart", 9], ["Wishlist", 7]],
    )
    result = do_import(journey, path, add_missing=True)
    assert journey == before  # run_import changes nothing
    assert sorted(result.new_touchpoints.values()) == ["Gift card", "Wishlist"]
    assert result.report is not None
    assert result.report.added_touchpoints == ["Gift card", "Wishlist"]
    assert result.report.unmatched == {}
    apply_import(journey, result)
    stages = [s.name for s in journey.stages()]
    assert stages == ["Consideration", "Decision", UNSORTED]
    unsorted = journey.stages()[-1]
    added = {t.name: t.id for t in journey.touchpoints(unsorted.id)}
    assert set(added) == {"Gift card", "Wishlist"}
    snap = journey.metric_snapshot("m")
    gift = snap.value(added["Gift card"], "nps")
    assert gift is not None and gift.n == 2 and gift.value == 0.0  # one promoter, one detractor
    assert snap.value(added["Wishlist"], "nps").n == 1  # type: ignore[union-attr]
    assert snap.value("tp-cart", "nps").n == 1  # type: ignore[union-attr]


def test_add_missing_reuses_an_existing_unsorted_stage(
    journey: Journey, write_csv: WriteCsv
) -> None:
    stage = journey.add_stage(UNSORTED, id="st-unsorted")
    journey.add_touchpoint(stage.id, "Earlier import", id="tp-earlier")
    path = write_csv("new.csv", ["touchpoint", "nps"], [["Gift card", 10]])
    apply_import(journey, do_import(journey, path, add_missing=True))
    assert [s.name for s in journey.stages()].count(UNSORTED) == 1
    assert [t.name for t in journey.touchpoints(stage.id)] == ["Earlier import", "Gift card"]
    # a second import of the same file now finds the touchpoint by name: nothing new
    again = do_import(journey, path, add_missing=True)
    assert again.new_touchpoints == {}


def test_add_missing_without_new_keys_adds_no_stage(journey: Journey, write_csv: WriteCsv) -> None:
    path = write_csv("ok.csv", ["touchpoint", "nps"], [["Cart", 10]])
    apply_import(journey, do_import(journey, path, add_missing=True))
    assert UNSORTED not in [s.name for s in journey.stages()]


@pytest.fixture
def twins() -> Journey:
    """Two touchpoints called 'Checkout', one per stage."""
    journey = Journey("Twins")
    journey.add_stage("Web", id="st-web")
    journey.add_stage("App", id="st-app")
    journey.add_touchpoint("st-web", "Checkout", id="tp-web-checkout")
    journey.add_touchpoint("st-app", "checkout ", id="tp-app-checkout")
    journey.add_touchpoint("st-app", "Cart", id="tp-cart")
    return journey


def test_a_name_shared_by_two_touchpoints_is_not_guessed(
    twins: Journey, write_csv: WriteCsv
) -> None:
    path = write_csv(
        "t.csv",
        ["touchpoint", "nps"],
        nps_rows("Checkout", "CHECKOUT", "tp-app-checkout", "Cart"),
    )
    result = do_import(twins, path)
    assert n_of(result, "tp-web-checkout") is None
    assert n_of(result, "tp-app-checkout") == 1  # by id it is clear
    assert n_of(result, "tp-cart") == 1
    assert result.report is not None
    assert result.report.unmatched == {}  # it matches two, not none
    twins_ids = ("tp-web-checkout", "tp-app-checkout")
    assert result.report.ambiguous == {"Checkout": SharedKey(twins_ids, 2)}
    assert Matcher(twins).ambiguous == {"checkout"}
    assert result.report.skipped["key names more than one touchpoint"].count == 2
    assert "key matches no touchpoint" not in result.report.skipped
    line = next(x for x in result.report.lines() if "keys naming more than one" in x)
    assert "'Checkout' (2 rows) names tp-web-checkout, tp-app-checkout" in line
    assert "--match id" in line


def test_add_missing_does_not_copy_a_shared_name(twins: Journey, write_csv: WriteCsv) -> None:
    """'Checkout' matches two touchpoints, not none: a third 'Checkout' would make it worse."""
    path = write_csv("t.csv", ["touchpoint", "nps"], nps_rows("Checkout", "Gift card"))
    result = do_import(twins, path, add_missing=True)
    assert list(result.new_touchpoints.values()) == ["Gift card"]
    assert result.report is not None and result.report.unmatched == {}
    assert result.report.ambiguous["Checkout"].rows == 1


def test_resolver_caches_per_distinct_key_and_counts_rows(journey: Journey) -> None:
    keys = KeyResolver(journey)
    assert keys.resolve("Cart", 40) == "tp-cart"
    assert keys.resolve("nowhere", 3) is None
    assert keys.resolve(" NOWHERE ", 2) is None
    assert keys.unmatched == {"nowhere": 5}


def test_a_failed_apply_leaves_the_map_as_it_was(journey: Journey, write_csv: WriteCsv) -> None:
    """A label that exists already is refused before touchpoints or flows are added."""
    path = write_csv("new.csv", ["touchpoint", "nps"], [["Gift card", 10]])
    apply_import(journey, do_import(journey, path))
    before = journey.copy()
    with pytest.raises(JourneyError, match="exists already"):
        apply_import(journey, do_import(journey, path, add_missing=True))
    assert journey == before
    blank = run_import(journey, path, ImportSpec(snapshot="  ", add_missing=True))
    with pytest.raises(JourneyError, match="cannot be empty"):
        apply_import(journey, blank)
    assert journey == before
