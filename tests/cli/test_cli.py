"""The ``cjo`` command, run as a user runs it: a separate process, exit codes, stdout and stderr."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from cjo_command import run_cjo
from jsonschema import Draft202012Validator

from cjo_desktop.domain import Journey
from cjo_desktop.domain.model import Lane
from cjo_desktop.io import FILE_SUFFIX, load_map, save_map
from cjo_desktop.io.templates import example_path, template

TEMPLATE_NAMES = ["b2b-onboarding", "blank", "car-purchase", "ecommerce", "saas"]
VERBS = ["new", "templates", "validate", "info", "schema", "export"]


def cjo(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cjo(*args, cwd=cwd, timeout=60)


def ok(*args: str | Path, cwd: Path) -> str:
    result = cjo(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``m.cjo.json`` made by ``cjo new --template ecommerce`` (read-only use)."""
    folder = tmp_path_factory.mktemp("cli")
    out = ok("new", "m.cjo.json", "--template", "ecommerce", cwd=folder)
    assert "m.cjo.json" in out and "ecommerce" in out
    return folder


@pytest.fixture(scope="module")
def made(workdir: Path) -> Journey:
    return load_map(workdir / "m.cjo.json")


# ------------------------------------------------------------------------------- new/validate
def test_new_copies_the_template(workdir: Path, made: Journey) -> None:
    assert made == load_map(template("ecommerce").path)
    assert (workdir / "m.cjo.json").read_bytes() == template("ecommerce").path.read_bytes()


def test_new_with_title(tmp_path: Path) -> None:
    ok("new", "t.cjo.json", "--template", "saas", "--title", "Trial für Zürich", cwd=tmp_path)
    journey = load_map(tmp_path / "t.cjo.json")
    assert journey.title == "Trial für Zürich"
    assert journey.stages() == load_map(template("saas").path).stages()


def test_new_defaults_to_the_blank_template(tmp_path: Path) -> None:
    ok("new", "b.cjo.json", cwd=tmp_path)
    assert load_map(tmp_path / "b.cjo.json") == load_map(template("blank").path)


def test_new_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "m.cjo.json"
    path.write_bytes(b"my precious work")
    result = cjo("new", path.name, "--template", "saas", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and path.name in result.stderr
    assert path.read_bytes() == b"my precious work"
    ok("new", path.name, "--template", "saas", "--force", cwd=tmp_path)
    assert load_map(path) == load_map(template("saas").path)


def test_new_with_unknown_template_fails(tmp_path: Path) -> None:
    result = cjo("new", "x.cjo.json", "--template", "nope", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr
    assert "ecommerce" in result.stderr  # the known names help the user
    assert not (tmp_path / "x.cjo.json").exists()


def test_validate_reports_ok_with_counts(workdir: Path, made: Journey) -> None:
    out = ok("validate", "m.cjo.json", cwd=workdir)
    dropoffs = sum(f.is_dropoff for f in made.flows())
    assert out == (
        f"m.cjo.json: ok ({len(made.stages())} stages, {len(made.touchpoints())} "
        f"touchpoints, {len(made.flows()) - dropoffs} flows, {dropoffs} drop-offs)\n"
    )


def test_validate_good_and_bad_reports_both(workdir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.cjo.json"
    shutil.copy(workdir / "m.cjo.json", good)
    bad = tmp_path / "bad.cjo.json"
    bad.write_bytes(b'{"schema_version": 1, "title": ')
    result = cjo("validate", good.name, bad.name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("good.cjo.json: ok")
    assert "bad.cjo.json" not in result.stdout
    assert result.stderr.startswith("error: bad.cjo.json: line 1")
    assert result.stderr.count("\n") == 1


# ------------------------------------------------------------------------------------ export
@pytest.mark.parametrize("source", ["m.cjo.json", "example"])
def test_export_graphml(workdir: Path, tmp_path: Path, source: str) -> None:
    path = workdir / source if source != "example" else example_path()
    journey = load_map(path)
    ok("export", path, "-o", "m.graphml", cwd=tmp_path)
    g = nx.read_graphml(tmp_path / "m.graphml")
    stage_names = {s.id: s.name for s in journey.stages()}
    for s in journey.stages():
        assert g.nodes[s.id]["kind"] == "stage" and g.nodes[s.id]["name"] == s.name
    for t in journey.touchpoints():
        node = g.nodes[t.id]
        assert (node["kind"], node["name"], node["stage"]) == (
            "touchpoint",
            t.name,
            stage_names[t.stage_id],
        )
        assert node["channel"] == t.channel
        assert g.edges[t.stage_id, t.id]["kind"] == "contains"
    for e in journey.emotions():
        assert g.nodes[e.id]["kind"] == "emotion"
        assert g.nodes[e.id]["valence"] == e.valence  # an integer, not text
        assert g.edges[e.touchpoint_id, e.id]["kind"] == "emotion"
    for p in journey.personas():
        assert g.nodes[p.id]["kind"] == "persona"
    for f in journey.flows():
        edge = g.edges[f.source, f.target or "_dropoff"]
        assert edge["kind"] == ("dropoff" if f.is_dropoff else "flow")
        assert edge.get("count") == f.count
    flow_edges = [d for _, _, d in g.edges(data=True) if d["kind"] in {"flow", "dropoff"}]
    assert len(flow_edges) == len(journey.flows())
    if source == "example":
        assert any("count" in d for d in flow_edges)
    if any(f.is_dropoff for f in journey.flows()):
        assert g.nodes["_dropoff"]["kind"] == "exit"


def test_export_native_twice_gives_identical_bytes(workdir: Path, tmp_path: Path) -> None:
    src = workdir / "m.cjo.json"
    ok("export", src, "-o", "n.cjo.json", cwd=tmp_path)
    first = (tmp_path / "n.cjo.json").read_bytes()
    ok("export", src, "-o", "n2.cjo.json", cwd=tmp_path)
    ok("export", src, "-o", "n.cjo.json", cwd=tmp_path)  # over the existing file
    assert filecmp.cmp(tmp_path / "n.cjo.json", tmp_path / "n2.cjo.json", shallow=False)
    assert (tmp_path / "n.cjo.json").read_bytes() == first == src.read_bytes()


def test_export_normalizes_and_upgrades_a_hand_written_file(tmp_path: Path) -> None:
    (tmp_path / "hand.cjo.json").write_text(
        '{"title": "Hand", "schema_version": 1,\n"stages": [{"name": "S", "id": "s"}]}'
    )
    ok("export", "hand.cjo.json", "-o", "out.cjo.json", cwd=tmp_path)
    assert (tmp_path / "out.cjo.json").read_text(encoding="utf-8") == (
        '{\n  "schema_version": 6,\n  "title": "Hand",\n  "stages": [\n    {\n'
        '      "id": "s",\n      "name": "S"\n    }\n  ]\n}\n'
    )


TASK = re.compile(r"^ {6}(?P<name>[^:]+): (?P<score>\d+): (?P<actor>[^:]+)$")


def test_export_mermaid_journey(workdir: Path, made: Journey, tmp_path: Path) -> None:
    ok("export", workdir / "m.cjo.json", "-o", "m.mmd", cwd=tmp_path)
    lines = (tmp_path / "m.mmd").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "journey"
    assert lines[1].strip() == f"title {made.title}"
    sections = [
        line.strip().removeprefix("section ")
        for line in lines
        if line.strip().startswith("section ")
    ]
    assert sections == [s.name for s in made.stages()]
    tasks = [TASK.match(line) for line in lines[2:] if not line.strip().startswith("section ")]
    assert all(tasks), lines
    assert len(tasks) == len(made.touchpoints())
    assert all(1 <= int(m["score"]) <= 5 for m in tasks if m)
    assert [m["actor"] for m in tasks if m] == [t.channel or "customer" for t in made.touchpoints()]


def test_mermaid_scores_follow_the_emotions(tmp_path: Path) -> None:
    j = Journey("Scores")
    stage = j.add_stage("Only", id="st")
    names = ["awful", "great", "unfelt", "mixed: yes", "persona only"]
    tps = [j.add_touchpoint(stage.id, n, id=f"tp-{i}") for i, n in enumerate(names)]
    j.add_persona("P", id="pe")
    j.add_emotion(tps[0].id, -2)
    j.add_emotion(tps[1].id, 2)
    j.add_emotion(tps[3].id, -1)
    j.add_emotion(tps[3].id, 0)
    j.add_emotion(tps[4].id, 1, persona_id="pe")
    save_map(j, tmp_path / "s.cjo.json")
    ok("export", "s.cjo.json", "-o", "s.mmd", cwd=tmp_path)
    tasks = [TASK.match(line) for line in (tmp_path / "s.mmd").read_text().splitlines()[3:]]
    assert [(m["name"], int(m["score"]), m["actor"]) for m in tasks if m] == [
        ("awful", 1, "customer"),
        ("great", 5, "customer"),
        ("unfelt", 3, "customer"),
        ("mixed - yes", 3, "customer"),
        ("persona only", 4, "customer"),
    ]


# ----------------------------------------------------------------------- info/schema/templates
def test_info_json_lists_the_lanes_in_order_hidden_ones_too(tmp_path: Path) -> None:
    journey = load_map(template("blank").path)
    journey.add_item(Lane("ln-back", "Backstage", "backstage", collapsed=True), 1)
    journey.update("ln-emotion", hidden=True)
    save_map(journey, tmp_path / "lanes.cjo.json")
    summary = json.loads(ok("info", "lanes.cjo.json", "--json", cwd=tmp_path))
    assert summary["lanes"] == [
        {"name": "Touchpoints", "kind": "touchpoints", "hidden": False, "collapsed": False},
        {"name": "Backstage", "kind": "backstage", "hidden": False, "collapsed": True},
        {"name": "Emotion", "kind": "emotion", "hidden": True, "collapsed": False},
        {"name": "Pain points", "kind": "pain_points", "hidden": False, "collapsed": False},
        {"name": "Opportunities", "kind": "opportunities", "hidden": False, "collapsed": False},
    ]


def test_info_text(workdir: Path, made: Journey) -> None:
    lines = ok("info", "m.cjo.json", cwd=workdir).splitlines()
    assert lines[0] == made.title
    assert f"{len(made.touchpoints())} touchpoints" in lines[1]
    assert len(lines) == 3 + len(made.stages())
    items = len(made.touchpoints()) + len(made.emotions()) + len(made.pain_points())
    assert lines[-1] == f"evidence: 0 observed, 0 assumed, 0 proposed, {items} not stated"
    for line, stage in zip(lines[2:-1], made.stages(), strict=True):
        assert line.strip().startswith(f"{stage.name} ({len(made.touchpoints(stage.id))})")


def test_info_json_counts_match(workdir: Path, made: Journey) -> None:
    summary = json.loads(ok("info", "m.cjo.json", "--json", cwd=workdir))
    flows = made.flows()
    assert summary["title"] == made.title
    assert summary["counts"] == {
        "stages": len(made.stages()),
        "touchpoints": len(made.touchpoints()),
        "emotions": len(made.emotions()),
        "flows": sum(not f.is_dropoff for f in flows),
        "dropoffs": sum(f.is_dropoff for f in flows),
        "personas": len(made.personas()),
    }
    assert [s["id"] for s in summary["stages"]] == [s.id for s in made.stages()]
    assert summary["personas"] == [p.name for p in made.personas()]
    assert [(lane["name"], lane["kind"]) for lane in summary["lanes"]] == [
        ("Touchpoints", "touchpoints"),
        ("Emotion", "emotion"),
        ("Pain points", "pain_points"),
        ("Opportunities", "opportunities"),
    ]
    assert summary["stages"][0]["touchpoints"] == [
        t.name for t in made.touchpoints(made.stages()[0].id)
    ]


def test_schema_is_a_2020_12_schema_that_accepts_exports(workdir: Path, tmp_path: Path) -> None:
    schema = json.loads(ok("schema", cwd=tmp_path))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    ok("export", workdir / "m.cjo.json", "-o", "n.cjo.json", cwd=tmp_path)
    exported = json.loads((tmp_path / "n.cjo.json").read_bytes())
    assert list(validator.iter_errors(exported)) == []
    assert not validator.is_valid({**exported, "schema_version": 999})


def test_templates_lists_the_five_names(tmp_path: Path) -> None:
    lines = ok("templates", cwd=tmp_path).splitlines()
    names = [line.split()[0] for line in lines]
    assert sorted(names) == names
    assert set(TEMPLATE_NAMES) <= set(names)
    assert len(lines) == len(set(names))
    ecommerce = next(line for line in lines if line.split()[0] == "ecommerce")
    assert len(ecommerce.split()) > 1  # the template's summary follows its name


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb: str, tmp_path: Path) -> None:
    out = ok(verb, "--help", cwd=tmp_path)
    assert out.startswith(f"usage: cjo {verb}")


def test_version(tmp_path: Path) -> None:
    from cjo_desktop import __version__

    assert __version__ in ok("--version", cwd=tmp_path)


# --------------------------------------------------------------------------------- bad input
BAD_FILES = {
    "truncated": b'{"schema_version": 1, "title": "x", "stages": [',
    "dangling-flow": json.dumps(
        {
            "schema_version": 1,
            "title": "x",
            "stages": [{"id": "s", "name": "S"}],
            "touchpoints": [{"id": "t", "name": "T", "stage": "s"}],
            "flows": [{"source": "t", "target": "gone"}],
        }
    ).encode(),
    "newer": b'{"schema_version": 999, "title": "x"}',
    "not-utf8": b"\xff\xfe\x00garbage",
    "empty": b"",
}


@pytest.mark.parametrize("verb", ["validate", "info", "export"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_input_exits_1_with_one_error_line(case: str, verb: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}{FILE_SUFFIX}"
    path.write_bytes(BAD_FILES[case])
    extra = ["-o", "out.graphml"] if verb == "export" else []
    result = cjo(verb, path.name, *extra, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and path.name in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == BAD_FILES[case]
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no output, no temp file


def test_export_into_a_missing_folder_fails_cleanly(workdir: Path, tmp_path: Path) -> None:
    result = cjo("export", workdir / "m.cjo.json", "-o", "nowhere/m.mmd", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: nowhere/m.mmd") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        [],
        ["export", "m.cjo.json"],
        ["export", "m.cjo.json", "-o", "m.xyz"],
        ["export", "m.cjo.json", "-o", "m"],
        ["export", "m.cjo.json", "-o", "m.png", "--scale", "9"],
        ["validate"],
        ["info", "m.cjo.json", "--bogus"],
    ],
    ids=lambda a: " ".join(a) or "no-verb",
)
def test_wrong_usage_exits_2(args: list[str], workdir: Path) -> None:
    before = sorted(p.name for p in workdir.iterdir())
    result = cjo(*args, cwd=workdir)
    assert result.returncode == 2
    assert "usage: cjo" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in workdir.iterdir()) == before
