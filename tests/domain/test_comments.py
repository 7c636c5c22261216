"""Comments in the domain: what a map holds, what it refuses, and what happens to a comment
whose element is removed (it stays, orphaned, and is on its element again after an undo)."""

from __future__ import annotations

import pytest

from cjo_desktop.domain import Journey, JourneyError
from cjo_desktop.domain.comments import MAP_TARGET, Comment, flow_of, flow_target, now
from cjo_desktop.domain.limits import MAX_TEXT

WHEN = "2026-12-07T23:50:15Z"


@pytest.fixture
def journey() -> Journey:
    j = Journey("Shop")
    j.add_stage("Buy", id="buy")
    j.add_touchpoint("buy", "Cart", id="cart")
    j.add_touchpoint("buy", "Checkout", id="checkout")
    j.add_flow("cart", "checkout")
    j.add_flow("cart", None)
    j.add_emotion("cart", -1, id="e-cart")
    j.add_pain_point("cart", "high", "Shipping cost shows late", id="pp-cart")
    return j


def comment(target: str, text: str = "Check this", **kw: object) -> Comment:
    values: dict[str, object] = {"author": "Ana", "created": WHEN, **kw}
    cid = str(values.pop("id", f"cm-{abs(hash((target, text))) % 10**6:06d}"))
    return Comment(cid, target, text=text, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        (MAP_TARGET, "map"),
        ("buy", "stage"),
        ("cart", "touchpoint"),
        ("e-cart", "emotion"),
        ("pp-cart", "pain point"),
        (flow_target("cart", "checkout"), "flow"),
        (flow_target("cart", None), "flow"),
    ],
)
def test_every_element_can_carry_a_comment(journey: Journey, target: str, kind: str) -> None:
    c = journey.check_new_comment(comment(target))
    journey.add_comment(c)
    assert journey.comments(target) == [c]
    assert journey.target_kind(target) == kind
    assert journey.comment_counts() == {"open": 1, "resolved": 0}


def test_flow_targets_read_back() -> None:
    assert flow_of(flow_target("a", "b")) == ("a", "b")
    assert flow_of(flow_target("a", None)) == ("a", None)
    assert flow_of("a") is None


def test_resolve_and_edit_change_only_text_and_flag(journey: Journey) -> None:
    c = journey.add_comment(comment("cart"))
    seen = []
    journey.changed.connect(seen.append)
    journey.update_comment(c.id, resolved=True, text="Fixed in sprint 4")
    got = journey.comment(c.id)
    assert (got.resolved, got.text, got.author, got.created) == (
        True,
        "Fixed in sprint 4",
        "Ana",
        WHEN,
    )
    assert [(ch.action, ch.kind, ch.key) for ch in seen] == [("update", "comment", c.id)]
    assert journey.comment_counts() == {"open": 0, "resolved": 1}
    assert journey.open_comments_by_target() == {}
    with pytest.raises(JourneyError, match="author"):
        journey.update_comment(c.id, author="Bob")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"text": "   "}, "cannot be empty"),
        ({"text": "x" * (MAX_TEXT + 1)}, "at most"),
        ({"author": ""}, "author cannot be empty"),
        ({"created": "yesterday"}, "not a date"),
        ({"created": "2026-12-07T23:50:15"}, "UTC"),
        ({"created": "2026-12-07T23:50:15+02:00"}, "UTC"),
    ],
)
def test_bad_comments_are_refused_with_a_reason(
    journey: Journey, bad: dict[str, object], message: str
) -> None:
    with pytest.raises(JourneyError, match=message):
        journey.add_comment(comment("cart", **bad))
    assert journey.comments() == []


def test_a_comment_on_nothing_is_refused(journey: Journey) -> None:
    with pytest.raises(JourneyError, match="no element"):
        journey.check_new_comment(comment("nowhere"))
    with pytest.raises(JourneyError, match="no element"):
        journey.check_new_comment(comment(flow_target("checkout", "cart")))
    with pytest.raises(JourneyError, match="not a valid id"):
        journey.add_comment(comment("bad id!"))


def test_ids_are_unique_across_items_and_comments(journey: Journey) -> None:
    journey.add_comment(comment("cart", id="cm-1"))
    with pytest.raises(JourneyError, match="already used"):
        journey.add_comment(comment("buy", id="cm-1"))
    with pytest.raises(JourneyError, match="already used"):
        journey.add_comment(comment("buy", id="cart"))
    assert journey.new_comment_id().startswith("cm-")


def test_a_removed_elements_comment_stays_orphaned(journey: Journey) -> None:
    """The decision: removing an element keeps what reviewers wrote; the comment no longer
    names anything (no badge), and counts until someone deletes it."""
    on_card = journey.add_comment(comment("cart"))
    journey.remove_touchpoint("cart", cascade=True)
    assert journey.comments() == [on_card]
    assert journey.target_kind("cart") is None
    assert journey.comment_counts() == {"open": 1, "resolved": 0}


def test_order_equality_and_copy(journey: Journey) -> None:
    first = journey.add_comment(comment("cart", "one"))
    second = journey.add_comment(comment("buy", "two"))
    twin = journey.copy()
    assert twin == journey and twin.comments() == [first, second]
    removed, index = journey.remove_comment(first.id)
    assert (removed, index) == (first, 0) and journey != twin
    journey.add_comment(removed, index)
    assert journey.comments() == [first, second] and journey == twin


def test_now_is_utc_to_the_second() -> None:
    stamp = now()
    assert stamp.endswith("Z") and len(stamp) == len(WHEN)
