"""Copy: what a selection brings along, the clipboard JSON, and refusing anything else."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjo_desktop.commands import (
    MIME_TYPE,
    Fragment,
    FragmentError,
    check_fragment,
    fragment_of,
    from_json,
    to_json,
)
from cjo_desktop.domain import Emotion, Flow, Journey, JourneyError, Position, Stage, Touchpoint


def test_mime_type() -> None:
    assert MIME_TYPE == "application/x-cjo-fragment+json"


def test_a_stage_brings_its_cards_their_emotions_and_inner_flows(journey: Journey) -> None:
    f = fragment_of(journey, ["buy"])
    assert [s.id for s in f.stages] == ["buy"]
    assert [t.id for t in f.touchpoints] == ["cart", "checkout"]
    assert [e.id for e in f.emotions] == ["e-cart", "e-cart-hiker", "e-checkout"]
    # checkout -> product leaves the fragment, so it stays behind
    assert [x.key for x in f.flows] == [("cart", "checkout"), ("cart", None)]
    assert f.loose_touchpoints() == []


def test_loose_cards_and_ignored_selections(journey: Journey) -> None:
    f = fragment_of(journey, ["product", "cart", ("product", "cart"), "e-search", "hiker"])
    assert f.stages == ()
    assert [t.id for t in f.loose_touchpoints()] == ["product", "cart"]
    assert [x.key for x in f.flows] == [("cart", None), ("product", "cart")]
    assert fragment_of(journey, []).is_empty
    for bad in (["nope"], [("cart", "search")], [3]):
        with pytest.raises(JourneyError):
            fragment_of(journey, bad)  # type: ignore[arg-type]


def test_json_round_trip_of_the_example(example: Journey) -> None:
    f = fragment_of(example, [s.id for s in example.stages()])
    assert len(f.touchpoints) == len(example.touchpoints())
    assert len(f.flows) == len(example.flows())
    text = to_json(f)
    assert from_json(text) == f
    assert from_json(text.encode()) == f
    assert json.loads(text)["format"] == "cjo-fragment"


def test_json_round_trip_of_every_field() -> None:
    f = Fragment(
        stages=(Stage("s", "Stage ✓", "d"),),
        touchpoints=(
            Touchpoint("t", "Card", "s", "web", "desc", "me", ("a", "b"), Position(1.5, -2)),
            Touchpoint("u", "Loose", "elsewhere"),
        ),
        emotions=(Emotion("e", "t", -2, "sad", "p"),),
        flows=(Flow("t", "u", 0, "x"), Flow("u", None)),
    )
    assert from_json(to_json(f)) == f
    check_fragment(f)


def good() -> dict[str, Any]:
    return {
        "format": "cjo-fragment",
        "version": 1,
        "stages": [{"id": "s", "name": "S"}],
        "touchpoints": [{"id": "t", "name": "T", "stage_id": "s"}],
        "emotions": [{"id": "e", "touchpoint_id": "t", "valence": 1}],
        "flows": [{"source": "t", "target": None}],
    }


def test_minimal_records_take_the_defaults() -> None:
    f = from_json(json.dumps(good()))
    assert f.touchpoints[0] == Touchpoint("t", "T", "s")
    assert f.flows[0] == Flow("t", None)


def with_(path: str, value: Any) -> str:
    data = good()
    *keys, last = path.split(".")
    node: Any = data
    for key in keys:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is KeyError:
        del node[last]
    elif last.isdigit() and int(last) == len(node):
        node.append(value)
    else:
        node[int(last) if last.isdigit() else last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ("null", "expected a JSON object"),
        ('"text"', "expected a JSON object"),
        ('{"format": "cjo-fragment", "format": "x"}', "appears twice"),
        ('{"x": NaN}', "NaN"),
        ("[" * 100_000, "nested too deeply"),
        ("1" * 5000, "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (with_("format", "cjo-map"), "'format'"),
        (with_("version", 2), "newer cjo-desktop"),
        (with_("version", "1"), "'version'"),
        (with_("version", True), "'version'"),
        (with_("extra", 1), "unknown field 'extra'"),
        (with_("stages", {}), "'stages' must be a list"),
        (with_("stages.0", "s"), "stages[0] must be an object"),
        (with_("stages.0.name", ""), "stages[0].name"),
        (with_("stages.0.id", 5), "stages[0].id"),
        (with_("stages.0.id", KeyError), "lacks the field 'id'"),
        (with_("stages.0.colour", "red"), "unknown field 'colour'"),
        (with_("touchpoints.0.tags", "a"), "tags"),
        (with_("touchpoints.0.tags", [1]), "tags[0]"),
        (with_("touchpoints.0.position", [1, 2]), "position"),
        (with_("touchpoints.0.position", {"x": 1}), "position"),
        (with_("touchpoints.0.position", {"x": 1, "y": True}), "position.y"),
        (with_("touchpoints.0.position", {"x": 1, "y": 12345}).replace("12345", "1e400"), ".y"),
        (with_("touchpoints.0.stage_id", None), "stage_id"),
        (with_("emotions.0.valence", 3), "valence"),
        (with_("emotions.0.valence", 1.0), "valence"),
        (with_("emotions.0.touchpoint_id", "zz"), "not in the fragment"),
        (with_("emotions.0.persona_id", ""), "persona_id"),
        (with_("emotions.0.id", "t"), "used twice"),
        (with_("flows.0.target", "zz"), "not in the fragment"),
        (with_("flows.0.count", -1), "count"),
        (with_("flows.0.target", KeyError), "lacks the field 'target'"),
        (with_("flows.1", {"source": "t", "target": None}), "appears twice"),
    ],
)
def test_bad_clipboard_data_raises_a_clear_value_error(text: str | bytes, message: str) -> None:
    with pytest.raises(ValueError, match="not a journey fragment") as info:
        from_json(text)
    assert isinstance(info.value, FragmentError)
    assert message in str(info.value)


def test_non_text_is_refused() -> None:
    with pytest.raises(FragmentError):
        from_json(3)  # type: ignore[arg-type]


def test_check_fragment_refuses_hand_built_nonsense() -> None:
    for bad in (
        Fragment(stages=("s",)),  # type: ignore[arg-type]
        Fragment(touchpoints=(Touchpoint("t", "", "s"),)),
        Fragment(emotions=(Emotion("e", "t", 0),)),
        Fragment(flows=[Flow("t", None)]),  # type: ignore[arg-type]
        "fragment",
    ):
        with pytest.raises(FragmentError):
            check_fragment(bad)  # type: ignore[arg-type]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "name", "stage_id", "x", "y", "valence", "source", "target"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    path=st.sampled_from(
        [
            "format",
            "version",
            "stages",
            "stages.0",
            "stages.0.id",
            "stages.0.name",
            "stages.0.description",
            "touchpoints",
            "touchpoints.0",
            "touchpoints.0.stage_id",
            "touchpoints.0.tags",
            "touchpoints.0.position",
            "emotions.0",
            "emotions.0.valence",
            "emotions.0.persona_id",
            "flows",
            "flows.0.source",
            "flows.0.target",
            "flows.0.count",
        ]
    ),
    value=json_values,
)
def test_any_change_to_good_data_gives_a_fragment_or_a_value_error(path: str, value: Any) -> None:
    text = with_(path, value)
    with contextlib.suppress(FragmentError):
        assert isinstance(from_json(text), Fragment)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.binary(max_size=40), json_values.map(json.dumps)))
def test_any_input_gives_a_fragment_or_a_value_error(text: str | bytes) -> None:
    with contextlib.suppress(FragmentError):
        from_json(text)
