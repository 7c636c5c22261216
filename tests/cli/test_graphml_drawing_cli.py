"""``cjo export MAP -o map.graphml`` writes the map's drawing for yEd next to its data, without
loading Qt: every card a node at its drawn place, every arrow an edge along its route."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from cjo_command import run_cjo

from cjo_desktop.drawing.graph_drawing import map_drawing
from cjo_desktop.io.exports.graphml import EXIT_NODE, graphml_bytes
from cjo_desktop.io.files import load_map

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "outdoor-gear-shop.cjo.json"
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"


def test_cjo_export_writes_the_drawing_yed_opens(tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    result = run_cjo("export", EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    journey = load_map(EXAMPLE)
    assert out.read_bytes() == graphml_bytes(journey, map_drawing(journey, EXIT_NODE))
    root = ET.parse(out).getroot()
    drawn_nodes = root.findall(f"{G}graph/{G}node/{G}data/{Y}ShapeNode")
    drawn_edges = root.findall(f"{G}graph/{G}edge/{G}data/{Y}PolyLineEdge")
    graph = nx.read_graphml(out)
    assert len(drawn_nodes) == graph.number_of_nodes()
    assert len(drawn_edges) == graph.number_of_edges()
    for tp in journey.touchpoints():
        assert graph.nodes[tp.id]["label"] == tp.name  # yEd's label, as networkx reads it
        assert graph.nodes[tp.id]["name"] == tp.name


def test_the_graphml_export_loads_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom cjo_desktop.cli import main\n"
        f"main(['export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'm.graphml')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert nx.read_graphml(io.BytesIO((tmp_path / "m.graphml").read_bytes())).number_of_nodes()
