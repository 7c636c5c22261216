"""The journey model: every mutation checks its input, keeps order, and emits one change."""

from __future__ import annotations

import pytest

from cjo_desktop.domain import Change, Journey, JourneyError, Kind, Position


@pytest.fixture
def journey() -> Journey:
    j = Journey("Car purchase")
    j.add_stage("Awareness", id="aw")
    j.add_stage("Decision", id="de")
    j.add_touchpoint("aw", "Social ad", id="ad", channel="social")
    j.add_touchpoint("de", "Website", id="web", channel="web")
    j.add_touchpoint("de", "Test drive", id="drive", channel="store")
    return j


@pytest.fixture
def changes(journey: Journey) -> list[Change]:
    seen: list[Change] = []
    journey.changed.connect(seen.append)
    return seen


def test_stages_keep_their_order_through_insert_and_move(journey: Journey) -> None:
    journey.add_stage("Consideration", id="co", index=1)
    assert [s.id for s in journey.stages()] == ["aw", "co", "de"]
    journey.move_stage("aw", 2)
    assert [s.id for s in journey.stages()] == ["co", "de", "aw"]
    assert journey.stage_index("aw") == 2


def test_touchpoints_come_in_journey_order(journey: Journey) -> None:
    journey.add_touchpoint("aw", "Search", id="search", index=0)
    assert [t.id for t in journey.touchpoints()] == ["search", "ad", "web", "drive"]
    assert [t.id for t in journey.touchpoints("de")] == ["web", "drive"]


def test_move_touchpoint_changes_its_stage_and_emits_a_move(
    journey: Journey, changes: list[Change]
) -> None:
    journey.move_touchpoint("drive", "aw", 0)
    assert journey.touchpoint("drive").stage_id == "aw"
    assert [t.id for t in journey.touchpoints("aw")] == ["drive", "ad"]
    (change,) = changes
    assert (change.action, change.kind, change.key, change.index) == (
        "move",
        "touchpoint",
        "drive",
        0,
    )
    assert change.old.stage_id == "de" and change.new.stage_id == "aw"


def test_every_mutation_emits_exactly_one_change(journey: Journey, changes: list[Change]) -> None:
    journey.set_title("New title")
    journey.add_emotion("ad", 1, id="e1")
    journey.update("e1", valence=-2, label="annoyed")
    journey.add_flow("ad", "web", count=10)
    journey.update_flow("ad", "web", count=12)
    journey.remove_flow("ad", "web")
    journey.rename("web", "Configurator")
    assert [(c.action, str(c.kind)) for c in changes] == [
        ("update", "journey"),
        ("add", "emotion"),
        ("update", "emotion"),
        ("add", "flow"),
        ("update", "flow"),
        ("remove", "flow"),
        ("update", "touchpoint"),
    ]
    assert changes[2].old.valence == 1 and changes[2].new.valence == -2


def test_flows_branch_loop_and_drop_off(journey: Journey) -> None:
    journey.add_flow("ad", "web", count=100)
    journey.add_flow("web", "drive", count=40)
    journey.add_flow("web", "ad", count=5)  # back to the ad: a loop
    journey.add_flow("web", "web")  # a self-loop (reload)
    journey.add_flow("web", None, count=55)  # drop-off
    assert [(f.source, f.target) for f in journey.flows_of("web")] == [
        ("ad", "web"),
        ("web", "ad"),
        ("web", "drive"),
        ("web", "web"),
        ("web", None),
    ]
    assert journey.flow("web", None).is_dropoff
    assert set(journey.flow_graph().edges) == {
        ("ad", "web"),
        ("web", "drive"),
        ("web", "ad"),
        ("web", "web"),
    }
    with pytest.raises(JourneyError, match="exists already"):
        journey.add_flow("web", None)


def test_bad_edits_are_refused_without_changing_anything(
    journey: Journey, changes: list[Change]
) -> None:
    before = journey.state()
    bad_edits = [
        lambda: journey.add_stage("  "),
        lambda: journey.add_stage("Dup", id="ad"),
        lambda: journey.add_touchpoint("nope", "X"),
        lambda: journey.add_touchpoint("aw", "X", index=5),
        lambda: journey.add_emotion("ad", 3),
        lambda: journey.add_emotion("ad", True),
        lambda: journey.add_emotion("ad", 1, persona_id="ghost"),
        lambda: journey.add_emotion("aw", 1),  # a stage is not a touchpoint
        lambda: journey.add_flow("ad", "ghost"),
        lambda: journey.add_flow("ad", "web", count=-1),
        lambda: journey.update("ad", stage_id="de"),
        lambda: journey.update("ad", colour="red"),
        lambda: journey.update("ad", tags="one string"),
        lambda: journey.remove_stage("aw"),  # not empty
        lambda: journey.move_stage("aw", 9),
        lambda: journey.item("ghost"),
    ]
    for edit in bad_edits:
        with pytest.raises(JourneyError):
            edit()
    assert journey.state() == before
    assert changes == []


def test_remove_touchpoint_is_strict_unless_cascading(journey: Journey) -> None:
    journey.add_emotion("web", -1)
    journey.add_flow("ad", "web")
    journey.add_flow("web", None)
    with pytest.raises(JourneyError, match="still has"):
        journey.remove_touchpoint("web")
    journey.remove_touchpoint("web", cascade=True)
    assert "web" not in journey
    assert journey.flows() == [] and journey.emotions() == []


def test_removal_then_readding_restores_an_equal_journey(journey: Journey) -> None:
    before = journey.copy()
    tp = journey.touchpoint("web")
    index = journey.touchpoint_index("web")
    journey.remove_touchpoint("web")
    assert journey != before
    journey.add_touchpoint(tp.stage_id, tp.name, index=index, id=tp.id, channel=tp.channel)
    assert journey == before


def test_emotions_belong_to_touchpoints_and_personas(journey: Journey) -> None:
    persona = journey.add_persona("First-time buyer", id="p1")
    journey.add_emotion("drive", 2, id="e-all")
    journey.add_emotion("drive", -1, persona_id=persona.id, id="e-p1", label="nervous")
    journey.add_emotion("ad", 0, id="e-ad")
    assert [e.id for e in journey.emotions()] == ["e-ad", "e-all", "e-p1"]
    assert journey.emotion("e-all").display_label == "delighted"
    assert journey.emotion("e-p1").display_label == "nervous"
    with pytest.raises(JourneyError, match="still has emotions"):
        journey.remove_persona("p1")
    journey.remove_emotion("e-p1")
    journey.remove_persona("p1")
    assert journey.personas() == []


def test_ids_are_fresh_stable_strings(journey: Journey) -> None:
    stage = journey.add_stage("Retention")
    tp = journey.add_touchpoint(stage.id, "Service reminder")
    assert stage.id.startswith("st-") and tp.id.startswith("tp-")
    assert journey.kind_of(tp.id) is Kind.TOUCHPOINT
    journey.rename(tp.id, "Service call")
    assert journey.touchpoint(tp.id).name == "Service call"


def test_copy_is_independent_and_equal(journey: Journey) -> None:
    journey.update("ad", position=Position(120.0, 40.0), tags=("paid",))
    journey.add_flow("ad", "web", count=3, label="clicks")
    twin = journey.copy()
    assert twin == journey
    twin.rename("ad", "Banner")
    assert twin != journey


def test_graph_view_is_read_only(journey: Journey) -> None:
    import networkx as nx

    with pytest.raises(nx.NetworkXError):
        journey.graph.add_node("x")
    assert journey.graph.nodes["ad"]["kind"] == "touchpoint"


def test_listeners_can_disconnect(journey: Journey) -> None:
    seen: list[Change] = []
    journey.changed.connect(seen.append)
    journey.changed.disconnect(seen.append)
    journey.set_title("Quiet")
    assert seen == []


def test_moves_to_a_bad_index_change_nothing(journey: Journey) -> None:
    before = journey.state()
    with pytest.raises(JourneyError):
        journey.move_touchpoint("web", "de", 2)  # "de" holds 2, so 0..1 after lifting "web"
    with pytest.raises(JourneyError):
        journey.move_touchpoint("web", "aw", 2)
    assert journey.state() == before
    journey.move_touchpoint("web", "de", 1)
    assert [t.id for t in journey.touchpoints("de")] == ["drive", "web"]
