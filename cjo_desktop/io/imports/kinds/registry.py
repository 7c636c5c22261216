"""The registered kinds of import data, in the order the wizard and ``--kind`` list them.

A new kind is one module in this package and one ``register`` line below; the CLI's flags,
the spec's options, the guesses and the import itself pick it up from here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any

from cjo_desktop.io.imports.kinds.aggregated import AGGREGATED
from cjo_desktop.io.imports.kinds.base import ImportKind
from cjo_desktop.io.imports.kinds.funnel import FUNNEL
from cjo_desktop.io.imports.kinds.responses import RESPONSES
from cjo_desktop.io.imports.spec import GUESSES, ImportSpec, guess_roles

_KINDS: dict[str, ImportKind[Any]] = {}


def register(kind: ImportKind[Any]) -> ImportKind[Any]:
    """Add ``kind``; its id and the roles it guesses must be new (the wizard keys by them)."""
    if kind.id in _KINDS:
        raise ValueError(f"an import kind {kind.id!r} is registered already")
    taken = set(all_guesses()) & set(kind.guesses)
    if taken:
        raise ValueError(f"column roles {sorted(taken)} belong to another import kind")
    _KINDS[kind.id] = kind
    return kind


def unregister(kind_id: str) -> None:
    """Take a kind out again (a test that registered one cleans up)."""
    del _KINDS[kind_id]


def kinds() -> list[ImportKind[Any]]:
    return list(_KINDS.values())


def kind_ids() -> list[str]:
    return list(_KINDS)


def kind_of(kind_id: str) -> ImportKind[Any]:
    try:
        return _KINDS[kind_id]
    except KeyError:
        raise ValueError(f"no import kind {kind_id!r} (kinds: {', '.join(_KINDS)})") from None


def default_kind() -> ImportKind[Any]:
    """The kind a spec holds when none is named: the first registered."""
    return next(iter(_KINDS.values()))


def spec_of(kind: str | None = None, **fields: Any) -> ImportSpec:
    """A spec from flat fields, for scripts and tests: a field of the kind's options goes to
    them, any other to the spec; ``kind`` None is the default kind."""
    entry = kind_of(kind) if kind is not None else default_kind()
    own = {f.name for f in dataclasses.fields(entry.options)}
    options = entry.options(**{k: v for k, v in fields.items() if k in own})
    return ImportSpec(options, **{k: v for k, v in fields.items() if k not in own})


def all_guesses() -> dict[str, tuple[str, ...]]:
    """Header words per role: the shared roles and every kind's own."""
    out = dict(GUESSES)
    for kind in _KINDS.values():
        out |= kind.guesses
    return out


def guess_columns(header: list[str]) -> dict[str, str]:
    """Role -> column name for every role, of any kind, a header name suggests."""
    return guess_roles(header, all_guesses())


def guess_kind(header: list[str], among: Collection[str] | None = None) -> str:
    """The id of the kind the header's column names suggest most strongly (of the kinds
    ``among`` only, when given: the wizard offers the kinds that have a page)."""
    roles = guess_columns(header)
    offered = [kind for kind in kinds() if among is None or kind.id in among]
    return max(offered, key=lambda kind: kind.evidence(roles)).id


register(RESPONSES)
register(FUNNEL)
register(AGGREGATED)
