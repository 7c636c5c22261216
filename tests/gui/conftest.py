"""GUI test fixtures: every test leaves no Qt objects behind for the garbage collector.

Python's cycle collector may run in the middle of a later test and destroy a previous test's
scene, view and controller in an arbitrary order, which crashes PySide. Deleting what is
scheduled for deletion and collecting right after each test keeps destruction orderly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent


@pytest.fixture(autouse=True)
def orderly_qt_cleanup(qapp: object) -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
