"""Robustness tests write nothing into the repository: Hypothesis keeps its files in a temp dir.

The example database is off (``database=None`` in every ``settings``), and the cache Hypothesis
keeps for text strategies goes to a temporary folder instead of ``./.hypothesis``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import configuration


@pytest.fixture(autouse=True, scope="module")
def _hypothesis_home_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    configuration.set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis-home"))
    yield
    configuration.set_hypothesis_home_dir(None)
