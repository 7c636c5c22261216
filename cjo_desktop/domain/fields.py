"""What each field of a journey item is, said once, where the item class declares it.

An item class declares every field with ``field(metadata=spec(...))``: the check its value
gets, whether it holds the id of another item, whether only a new item may set it, and what the
map file calls it where that differs. The journey's edits and check-only methods, loading and
saving, the clipboard, copies and undo all read the fields from here instead of listing them,
so a new field is its line in the item class (with its check) and its line in the file schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from cjo_desktop.domain.errors import JourneyError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

_KEY = "cjo_desktop"


@dataclass(frozen=True, slots=True)
class Codec:
    """How a value that is not plain JSON data (a tuple, a position) is written as such, and
    read back strictly: ``read(data, where)`` raises JourneyError naming ``where``."""

    write: Callable[[Any], Any]
    read: Callable[[Any, str], Any]


@dataclass(frozen=True, slots=True)
class Spec:
    """What a field is; see :func:`spec`."""

    check: Callable[[Any], Any] | None = None
    ref: str | None = None
    nullable: bool = False
    fixed: bool = False
    file: str | None = None
    codec: Codec | None = None


def spec(
    check: Callable[[Any], Any] | None = None,
    *,
    ref: str | None = None,
    nullable: bool = False,
    fixed: bool = False,
    file: str | None = None,
    codec: Codec | None = None,
) -> dict[str, Spec]:
    """Field metadata. ``check`` returns the clean value or raises JourneyError (``None``:
    an id, which the journey checks); ``ref`` is the kind of item whose id the field holds,
    ``None`` allowed when ``nullable``; a ``fixed`` field is set when the item is made and
    never by an update; ``file`` is the map file's name for it; ``codec`` writes it as JSON."""
    return {_KEY: Spec(check, ref, nullable, fixed, file, codec)}


#: An item's own id: well formed and unused, which only the journey can tell.
ID = spec(fixed=True)


def _write_list(value: Any) -> Any:
    return list(value) if isinstance(value, tuple | list) else value


def _read_texts(data: Any, where: str) -> tuple[str, ...]:
    if not isinstance(data, list):
        raise JourneyError(f"{where} must be a list of words")
    for i, item in enumerate(data):
        if not isinstance(item, str):
            raise JourneyError(f"{where}[{i}] must be text")
    return tuple(data)


#: A tuple of words, written as a JSON list.
TEXTS = Codec(_write_list, _read_texts)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an item class, with its spec."""

    name: str
    spec: Spec
    required: bool

    @property
    def file_name(self) -> str:
        return self.spec.file or self.name

    @property
    def is_id(self) -> bool:
        """The item's own id or another item's: checked by the journey, not by a value check."""
        return self.spec.check is None

    def write(self, value: Any) -> Any:
        """The value as plain JSON data."""
        return value if self.spec.codec is None else self.spec.codec.write(value)

    def read(self, data: Any, where: str) -> Any:
        """The value from plain JSON data, its shape checked (not its value: see ``check``)."""
        return data if self.spec.codec is None else self.spec.codec.read(data, where)

    def check(self, value: Any) -> Any:
        return value if self.spec.check is None else self.spec.check(value)


_FIELDS: dict[type, dict[str, Field]] = {}


def fields_of(cls: type) -> dict[str, Field]:
    """The fields of an item class by name, in declaration order."""
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    out: dict[str, Field] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if _KEY not in f.metadata:
            raise TypeError(f"{cls.__name__}.{f.name} is declared without a spec()")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out[f.name] = Field(f.name, f.metadata[_KEY], required)
    _FIELDS[cls] = out
    return out


def build(cls: type[T], what: str, values: Mapping[str, Any]) -> T:
    """An item from field values, unchecked; a field the class lacks is a JourneyError."""
    unknown = sorted(set(values) - set(fields_of(cls)))
    if unknown:
        raise JourneyError(f"a {what} has no field {unknown[0]!r}")
    return cls(**values)


def checked(item: T) -> T:
    """``item`` with every value cleaned by its field's check, or the first JourneyError.
    Ids and references are left to the journey, which knows what exists."""
    clean: dict[str, Any] = {}
    for name, f in fields_of(type(item)).items():
        if not f.is_id:
            value = getattr(item, name)
            new = f.check(value)
            if new is not value:
                clean[name] = new
    return dataclasses.replace(item, **clean) if clean else item


def to_plain(item: DataclassInstance) -> dict[str, Any]:
    """The item's fields as plain JSON data, under the domain's names."""
    return {name: f.write(getattr(item, name)) for name, f in fields_of(type(item)).items()}
