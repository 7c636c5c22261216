"""The packages whose names load on first use say the same thing to a type checker (their
``if TYPE_CHECKING:`` imports) and at run time (their ``lazy_exports`` table)."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import cjo_desktop

LAZY = ["cjo_desktop.domain", "cjo_desktop.io"]


def type_checking_names(package: str) -> dict[str, str]:
    """Name -> module, as the ``if TYPE_CHECKING:`` block of the package imports them."""
    source = Path(importlib.import_module(package).__file__ or "").read_text()
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module
                found |= {alias.name: stmt.module for alias in stmt.names}
    return found


@pytest.mark.parametrize("package", LAZY)
def test_type_checkers_and_the_runtime_see_the_same_names(package: str) -> None:
    module = importlib.import_module(package)
    declared = type_checking_names(package)
    assert sorted(declared) == module.__all__
    for name, home in declared.items():
        assert getattr(module, name) is getattr(importlib.import_module(home), name), name


@pytest.mark.parametrize("package", LAZY)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nonsense'"):
        importlib.import_module(package).Nonsense  # noqa: B018 - the lookup is the test


def test_a_light_module_does_not_load_the_whole_package() -> None:
    probe = (
        "import sys, cjo_desktop.domain.limits, cjo_desktop.io.atomic, cjo_desktop.io.errors\n"
        "print(sorted(m for m in ('networkx', 'pydantic') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_star_import_still_gives_the_public_names() -> None:
    names: dict[str, object] = {}
    exec("from cjo_desktop.domain import *", names)  # what a notebook does
    assert {"Journey", "Touchpoint", "JourneyError"} <= set(names)
    assert cjo_desktop.__version__
