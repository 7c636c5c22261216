"""Building a whole map at once: the file read, the layout and routing, the scene's items.

Each makes some hundred thousand short-lived objects (tuples, dicts, models, wrappers), and
every few hundred of them set off Python's cyclic garbage collector over the whole heap,
which on a 2,000-card map took a third of the time while nothing it could free was made.
The collector waits until the bulk work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """Hold the cyclic collector off inside the block (nested blocks are fine)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
