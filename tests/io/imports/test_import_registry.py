"""The import registry: each kind is one entry, and a kind registered from outside (the test
kind ``tally``) is taken by the CLI's flags, the spec, the guesses, the import, the apply path,
the undo command and the wizard without an edit anywhere else."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tally_kind import TALLY, TallyOptions

from cjo_desktop.cli import main
from cjo_desktop.io import load_map
from cjo_desktop.io.imports.kinds import registry
from cjo_desktop.io.imports.kinds.aggregated import AggregatedOptions
from cjo_desktop.io.imports.kinds.funnel import FunnelOptions
from cjo_desktop.io.imports.kinds.registry import guess_kind, kind_of, register, spec_of
from cjo_desktop.io.imports.kinds.responses import ResponsesOptions
from cjo_desktop.io.imports.plan import UNSORTED, apply_import
from cjo_desktop.io.imports.run import run_import
from cjo_desktop.io.imports.spec import ImportSpec, KindOptions
from cjo_desktop.io.templates import example_path

PAYMENT = "tp-checkout-payment"


@dataclass
class ScoreOptions(KindOptions):
    kind = "score"


@pytest.fixture
def tally() -> Iterator[None]:
    register(TALLY)
    yield
    registry.unregister(TALLY.id)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    out = tmp_path / "shop.cjo.json"
    shutil.copyfile(example_path(), out)
    return out


def tallies(tmp_path: Path, header: str = "touchpoint,tally") -> Path:
    data = tmp_path / "tallies.csv"
    data.write_text(f"{header}\nCheckout: payment,41\nCart,7\nGift wrap,3\n", encoding="utf-8")
    return data


def test_the_three_kinds_are_registered_with_their_options() -> None:
    assert registry.kind_ids() == ["responses", "funnel", "aggregated"]
    for options in (ResponsesOptions, FunnelOptions, AggregatedOptions):
        assert kind_of(options.kind).options is options
    assert isinstance(ImportSpec().options, ResponsesOptions)  # the first registered
    assert ImportSpec().kind == "responses"
    with pytest.raises(ValueError, match="no import kind 'tally'"):
        kind_of("tally")


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["touchpoint", "nps", "date"], "responses"),
        (["Step", "Effort"], "responses"),
        (["from", "to", "count"], "funnel"),
        (["from", "to", "count", "nps"], "funnel"),  # from/to is the stronger evidence
        (["page", "visitors"], "aggregated"),  # visitors alone: a table of numbers
        (["touchpoint", "tickets", "revenue"], "aggregated"),
    ],
)
def test_the_kind_is_guessed_from_the_header(header: list[str], kind: str) -> None:
    assert guess_kind(header) == kind


def test_a_spec_of_flat_fields_splits_them_between_the_kind_and_the_spec() -> None:
    spec = spec_of("funnel", source="from", target="to", snapshot="March", add_missing=True)
    assert spec.options == FunnelOptions(source="from", target="to")
    assert (spec.kind, spec.snapshot, spec.add_missing) == ("funnel", "March", True)
    with pytest.raises(TypeError):
        spec_of("aggregated", nps="nps")  # not a field of aggregated values, nor of a spec


def test_a_kind_id_or_a_column_role_is_registered_once(tally: None) -> None:
    with pytest.raises(ValueError, match="registered already"):
        register(TALLY)
    with pytest.raises(ValueError, match=r"roles \['nps'\] belong to another import kind"):
        register(dataclasses.replace(TALLY, options=ScoreOptions, guesses={"nps": ("score",)}))
    assert registry.kind_ids() == ["responses", "funnel", "aggregated", "tally"]


def test_a_registered_kind_gets_its_cli_flags_and_imports(
    tally: None, shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-metrics", "--help"]) == 0
    help_text = capsys.readouterr().out
    assert "tally}" in help_text and "--tally COL" in help_text and "--nps COL" in help_text

    data = tallies(tmp_path, "touchpoint,n")
    args = ["import-metrics", str(shop), str(data), "--kind", "tally", "--tally", "n"]
    assert main([*args, "--snapshot", "tallied"]) == 0
    out = capsys.readouterr().out
    assert f"import of {data} (tally) into snapshot 'tallied'" in out
    assert "rows read: 3, used: 2, skipped: 1" in out
    snap = load_map(shop).metric_snapshot("tallied")
    assert snap.values[PAYMENT]["tally"].value == 41
    assert snap.provenance.method == "tallies from n"


def test_a_registered_kind_is_guessed_and_its_column_too(
    tally: None, shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tallies(tmp_path, "Touchpoint,Tallies")
    assert main(["import-metrics", str(shop), str(data), "--snapshot", "T", "--add-missing"]) == 0
    assert "touchpoints added to 'Unsorted': Gift wrap" in capsys.readouterr().out
    journey = load_map(shop)
    added = next(t for t in journey.touchpoints() if t.name == "Gift wrap")
    assert journey.stage(added.stage_id).name == UNSORTED
    assert journey.metric_snapshot("T").values[added.id]["tally"].value == 3


def test_an_unregistered_kind_is_wrong_usage_and_the_map_stays(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = shop.read_bytes()
    data = tallies(tmp_path)
    assert main(["import-metrics", str(shop), str(data), "--kind", "tally"]) == 2
    assert "invalid choice: 'tally'" in capsys.readouterr().err
    assert main(["import-metrics", str(shop), str(data), "--tally", "tally"]) == 2
    assert shop.read_bytes() == before


def test_a_registered_kind_takes_the_one_apply_path(tally: None, tmp_path: Path) -> None:
    journey = load_map(example_path())
    spec = spec_of("tally", snapshot="T", add_missing=True)
    result = run_import(journey, tallies(tmp_path), spec)
    assert spec.options == TallyOptions(column="tally")  # guessed from the header
    assert result.report is not None and result.report.kind == "tally"
    apply_import(journey, result)
    assert [s.name for s in journey.stages()][-1] == UNSORTED
    assert journey.metric_snapshot("T").values[PAYMENT]["tally"].value == 41


@pytest.mark.gui
def test_a_registered_kind_goes_through_the_undo_command(
    tally: None, tmp_path: Path, qapp: object
) -> None:
    from PySide6.QtGui import QUndoStack

    from cjo_desktop.commands import ApplyImport
    from cjo_desktop.io.imports.plan import plan_import

    journey = load_map(example_path())
    before = journey.state()
    result = run_import(
        journey, tallies(tmp_path), spec_of("tally", snapshot="T", add_missing=True)
    )
    stack = QUndoStack()
    stack.push(ApplyImport(journey, plan_import(journey, result)))
    assert stack.undoText() == 'Import metrics "T" (+1 touchpoint)'
    assert journey.metric_snapshot("T").values[PAYMENT]["tally"].value == 41
    stack.undo()
    assert journey.state() == before
