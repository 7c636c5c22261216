"""Shared pieces of the import tests: a small map, the example map and data, CSV writing, the CLI.

Nothing here writes into the repository: maps are copied into ``tmp_path`` before use.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from cjo_command import run_cjo

from cjo_desktop.domain import Journey
from cjo_desktop.io.imports import fast_survey, responses
from cjo_desktop.io.imports.fast_survey import NeedsExactReader
from cjo_desktop.io.templates import example_path

EXAMPLE_MAP = example_path()
EXAMPLE_DATA = EXAMPLE_MAP.parent / "outdoor-gear-shop-data"

WriteCsv = Callable[..., Path]
RunCli = Callable[..., subprocess.CompletedProcess[str]]


def small_map() -> Journey:
    """Two stages, four touchpoints; one name has an accent (composed form) and one a colon."""
    journey = Journey("Small shop")
    journey.add_stage("Consideration", id="st-consider")
    journey.add_stage("Decision", id="st-decide")
    journey.add_touchpoint("st-consider", "Product page", id="tp-product")
    journey.add_touchpoint("st-consider", "Café", id="tp-cafe")
    journey.add_touchpoint("st-decide", "Cart", id="tp-cart")
    journey.add_touchpoint("st-decide", "Checkout: payment", id="tp-pay")
    return journey


@pytest.fixture
def journey() -> Journey:
    return small_map()


@pytest.fixture
def example_data() -> Path:
    """The example's data folder (read only)."""
    return EXAMPLE_DATA


@pytest.fixture
def example_map(tmp_path: Path) -> Path:
    """A private copy of the example map, safe to change."""
    out = tmp_path / "shop.cjo.json"
    shutil.copyfile(EXAMPLE_MAP, out)
    return out


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in rows])
    return out.getvalue()


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """``write_csv(name, header, rows, encoding="utf-8", delimiter=",")`` -> the file's path."""

    def write(
        name: str,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        encoding: str = "utf-8",
        delimiter: str = ",",
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_text(header, rows, delimiter).encode(encoding))
        return path

    return write


def cjo(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cjo(*args, cwd=cwd, timeout=120)


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """``run_cli(*args)`` runs ``cjo`` in ``tmp_path``."""

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return cjo(*args, cwd=tmp_path)

    return run


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records which reader produced the numbers: 'fast', or 'exact' (after any fallback)."""
    calls: list[str] = []
    real_fast, real_exact = fast_survey.read_fast, responses.read_exact

    def fast(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            result = real_fast(*args, **kwargs)
        except NeedsExactReader:
            calls.append("fast declined")
            raise
        calls.append("fast")
        return result

    def exact(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append("exact")
        return real_exact(*args, **kwargs)

    # the survey kind imports its readers when it reads: patch them where they live
    monkeypatch.setattr(fast_survey, "read_fast", fast)
    monkeypatch.setattr(responses, "read_exact", exact)
    return calls
