"""Package re-exports that import their module on first use.

``from cjo_desktop.domain import Journey`` stays the public way in, but a command that needs
only ``cjo_desktop.domain.limits`` (``cjo --version``, ``cjo info``) should not pay for
networkx, pydantic or polars to get it: Python runs a package's ``__init__`` before any of its
modules, so an ``__init__`` that imports everything makes every submodule as dear as all of
them (PEP 562 module ``__getattr__``). Each package keeps an ``if TYPE_CHECKING:`` copy of the
same imports for type checkers; ``tests/test_lazy_exports.py`` checks the two agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    ``modules`` maps a module name relative to the package to the names it exports.
    """
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(home))

    return __getattr__, __dir__, sorted(home)
