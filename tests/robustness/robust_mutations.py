"""Hypothesis strategies that break good files: byte-level and JSON-aware mutations.

Byte mutations flip, insert, delete, splice and truncate. JSON-aware ones work on a tree that
keeps objects as lists of key/value pairs (so a key can be repeated), then write it back:
a value of another type, a removed or unknown key, a repeated key, a copied record (repeated
ids), a string taken from elsewhere in the file (dangling or crossed references), numbers JSON
readers choke on, and values wrapped in deep nesting.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

# -------------------------------------------------------------------------- bytes

SPECIAL_BYTES = [
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b",",
    b":",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"-0",
    b"null",
    b"true",
    b"9" * 5000,
    b"\r\n",
    b"\t",
    b"\xe2\x80\xa8",
]


@st.composite
def mutated_bytes(draw: st.DrawFn, base: bytes, max_mutations: int = 6) -> bytes:
    """``base`` after 1..max_mutations random byte edits."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_mutations))):
        kind = draw(
            st.sampled_from(["flip", "set", "insert", "special", "delete", "splice", "truncate"])
        )
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=24))
        elif kind == "special":
            data[at:at] = draw(st.sampled_from(SPECIAL_BYTES))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif kind == "splice" and data:
            start = draw(st.integers(0, len(data) - 1))
            data[at:at] = data[start : start + draw(st.integers(1, 512))]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


# ---------------------------------------------------------------------------- JSON


@dataclass
class Obj:
    """A JSON object as a list of ``[key, value]`` pairs: keys may repeat."""

    pairs: list[list[Any]] = field(default_factory=list)


@dataclass
class Raw:
    """JSON text written as is, e.g. a number no reader can hold."""

    text: str

    def __repr__(self) -> str:  # short, for Hypothesis' statistics and failure reports
        return f"Raw({self.text[:12]!r}{'...' if len(self.text) > 12 else ''})"


@dataclass
class Deep:
    """``value`` wrapped in ``depth`` arrays or objects."""

    value: Any
    depth: int
    objects: bool


def to_tree(value: Any) -> Any:
    if isinstance(value, dict):
        return Obj([[k, to_tree(v)] for k, v in value.items()])
    if isinstance(value, list):
        return [to_tree(v) for v in value]
    return value


def dump(node: Any) -> str:
    if isinstance(node, Obj):
        return "{" + ",".join(f"{json.dumps(k)}:{dump(v)}" for k, v in node.pairs) + "}"
    if isinstance(node, list):
        return "[" + ",".join(dump(v) for v in node) + "]"
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, Deep):
        inner = dump(node.value)
        if node.objects:
            return '{"a":' * node.depth + inner + "}" * node.depth
        return "[" * node.depth + inner + "]" * node.depth
    return json.dumps(node, ensure_ascii=False)


def _slots(node: Any) -> list[tuple[Any, Any]]:
    """Every place a value sits: (container, key or index), the root excluded."""
    out: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Obj):
            for i, pair in enumerate(current.pairs):
                out.append((current, i))
                stack.append(pair[1])
        elif isinstance(current, list):
            for i, value in enumerate(current):
                out.append((current, i))
                stack.append(value)
    return out


def _get(container: Any, key: int) -> Any:
    return container.pairs[key][1] if isinstance(container, Obj) else container[key]


def _set(container: Any, key: int, value: Any) -> None:
    if isinstance(container, Obj):
        container.pairs[key][1] = value
    else:
        container[key] = value


def _strings(node: Any) -> list[str]:
    found: list[str] = []
    for container, key in _slots(node):
        value = _get(container, key)
        if isinstance(value, str):
            found.append(value)
    return found or ["x"]


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 2, 3, -3, 64, 10**20]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", " ", "\n", "st-x", "tp-x", "-", "\x00", "\ud800"]),
    st.sampled_from([65, 501, 20_001]).map(lambda n: "a" * n),  # just over the length limits
    st.sampled_from(
        [Raw("NaN"), Raw("Infinity"), Raw("-Infinity"), Raw("1e999"), Raw("9" * 5000), Raw("-0")]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(st.tuples(st.text(max_size=8), inner), max_size=4).map(
            lambda kv: Obj([list(p) for p in kv])
        ),
    ),
    max_leaves=8,
)

MUTATIONS = ["replace", "delete", "duplicate_key", "unknown_key", "copy", "steal_string", "deep"]


@st.composite
def mutated_json(draw: st.DrawFn, base: Any, max_mutations: int = 4) -> str:
    """JSON text of ``base`` (parsed JSON) after 1..max_mutations structural edits."""
    tree = to_tree(base)
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, max_mutations))):
        slots = _slots(tree)
        if not slots:
            break
        container, key = slots[draw(st.integers(0, len(slots) - 1))]
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "replace":
            _set(container, key, draw(json_values))
        elif kind == "delete":
            if isinstance(container, Obj):
                del container.pairs[key]
            else:
                del container[key]
        elif kind == "duplicate_key" and isinstance(container, Obj):
            name, value = container.pairs[key]
            again = value if draw(st.booleans()) else draw(json_values)
            container.pairs.insert(rng.randrange(len(container.pairs) + 1), [name, again])
        elif kind == "unknown_key" and isinstance(container, Obj):
            container.pairs.append([draw(st.text(max_size=10)), draw(json_values)])
        elif kind == "copy":
            twin = copy.deepcopy(_get(container, key))
            if isinstance(container, Obj):
                container.pairs.insert(key, [container.pairs[key][0], twin])
            else:
                container.insert(rng.randrange(len(container) + 1), twin)
        elif kind == "steal_string":
            _set(container, key, rng.choice(_strings(tree)))
        elif kind == "deep":
            depth = draw(st.sampled_from([2, 50, 500, 990, 5000, 100_000]))
            _set(container, key, Deep(_get(container, key), depth, draw(st.booleans())))
    return dump(tree)
