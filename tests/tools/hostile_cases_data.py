"""Attacks with numbers, two writers and files (issue 11, points 1 to 3), for hostile_tally."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from hostile_kit import (
    CLEAN,
    CRASH,
    DATA,
    EXAMPLE,
    HANG,
    LOST,
    TRACEBACK,
    WRONG,
    case,
    cjo,
    edited,
    judge,
    run,
    unchanged,
)

#: The example survey's scales: an import states them (they are never assumed).
SCALES = ("--csat-best", "high", "--ces-scale", "7", "--ces-best", "low")


def with_snapshot(value: object, field: str = "value") -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        record = {"touchpoint": "tp-cart", "metric": "nps", "value": 10.0, "n": 40}
        record[field] = value
        data["snapshots"] = [{"label": "x", "provenance": {"source": "s.csv"}, "values": [record]}]

    return edit


def position(x: object, y: object) -> Callable[[dict], None]:
    return lambda d: d["touchpoints"][0].update(position={"x": x, "y": y})


NUMBER_FILES: dict[str, Callable[[dict], None]] = {
    "position 1e308": position(1e308, 1e308),
    "position -1e308": position(-1e308, 0),
    "position 3e9": position(3e9, 3e9),
    "position NaN": position(float("nan"), 0),
    "position Infinity": position(float("inf"), 0),
    "flow count 10**400": lambda d: d["flows"][0].update(count=10**400),
    "flow count 10**13": lambda d: d["flows"][0].update(count=10**13),
    "flow count -1": lambda d: d["flows"][0].update(count=-1),
    "snapshot value 1.7e308": with_snapshot(1.7e308),
    "snapshot value -1e300": with_snapshot(-1e300),
    "snapshot n 10**30": with_snapshot(10**30, "n"),
    "snapshot ci 1e308": with_snapshot(1e308, "ci_high"),
    "snapshot detail 1e308": with_snapshot({"promoters": 1e308}, "detail"),
    "value per customer 1e300": lambda d: d["painpoint_settings"].update(value_per_customer=1e300),
    "rule threshold 1e300": lambda d: d["painpoint_settings"].update(
        rules=[{"name": "r", "metric": "nps", "op": "<", "threshold": 1e300, "severity": "high"}]
    ),
    "goal naming nothing": lambda d: d["painpoint_settings"].update(goal="tp-nowhere"),
}
COMMANDS = [
    ("validate", []),
    ("info", ["--json"]),
    ("painpoints", ["--format", "json"]),
    ("export", ["-o", "{out}.png"]),
    ("export", ["-o", "{out}.svg"]),
    ("export", ["-o", "{out}.graphml"]),
    ("report", ["-o", "{out}.pdf"]),
]

for _label, _edit in NUMBER_FILES.items():
    for _verb, _rest in COMMANDS:

        def _check(
            folder: Path, label: str = _label, edit=_edit, verb: str = _verb, rest=_rest
        ) -> str:
            path = edited(folder, "m", edit)
            before = path.read_bytes()
            args = [a.format(out=folder / "out") for a in rest]
            result = cjo(verb, path, *args, timeout=300)
            return unchanged(path, before, judge(result, "refuse", json_out="json" in rest))

        case("numbers", f"{_label}: {_verb} {' '.join(_rest)}")(_check)

EDITOR_OPEN = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cjo_desktop.app.shell import file_ops
    file_ops.show_error = lambda *a: print("refused:", a[2])
    from cjo_desktop.app.shell.main_window import MainWindow
    window = MainWindow(); window.show()
    opened = window.files.open_path(Path(sys.argv[1]), ask=False)
    app.processEvents(); window.view.fit(); window.grab()
    print("opened" if opened else "not opened")
""")

for _label, _edit in list(NUMBER_FILES.items())[:6]:

    def _editor(folder: Path, edit=_edit) -> str:
        path = edited(folder, "m", edit)
        script = folder / "open.py"
        script.write_text(EDITOR_OPEN)
        result = run([sys.executable, script, path], timeout=120)
        if result.code is None:
            return HANG
        if result.code < 0:
            return CRASH
        if "Traceback" in result.err:
            return TRACEBACK
        return CLEAN if "refused:" in result.out and "not opened" in result.out else WRONG

    case("numbers", f"{_label}: the editor opens it")(_editor)


def _import_case(rows: str, kind: str) -> Callable[[Path], str]:
    def check(folder: Path) -> str:
        path = folder / "m.cjo.json"
        shutil.copy(EXAMPLE, path)
        before = path.read_bytes()
        data = folder / "data.csv"
        data.write_text(rows, encoding="utf-8")
        return unchanged(
            path, before, judge(cjo("import-metrics", path, data, "--kind", kind), "refuse")
        )

    return check


for _rows, _kind in [
    ("touchpoint,visitors\nCart,1e308\n", "funnel"),
    ("touchpoint,visitors\nCart,900000000000\nCart,900000000000\n", "funnel"),
    ("from,to,count\nCart,Checkout: shipping,1e30\n", "funnel"),
    ("touchpoint,revenue\nCart,1.7e308\n", "aggregated"),
    ("touchpoint,revenue\nCart,-1e300\n", "aggregated"),
]:
    case("numbers", f"import {_kind}: {_rows.splitlines()[1]}")(_import_case(_rows, _kind))


# ------------------------------------------------------------------------ two writers


@case("writers", "10 pairs of import-metrics into one map")
def _pairs(folder: Path) -> str:
    path = folder / "m.cjo.json"
    shutil.copy(EXAMPLE, path)
    saved: list[str] = []
    for i in range(10):
        procs = {
            label: subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "cjo_desktop.cli",
                    "import-metrics",
                    str(path),
                    str(DATA / "funnel-2025-03.csv"),
                    "--snapshot",
                    label,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for label in (f"a{i}", f"b{i}")
        }
        for label, proc in procs.items():
            out, err = proc.communicate(timeout=300)
            if "Traceback" in err:
                return TRACEBACK
            if proc.returncode == 0 and "saved" in out:
                saved.append(label)
    labels = {s["label"] for s in json.loads(path.read_text(encoding="utf-8")).get("snapshots", [])}
    return CLEAN if set(saved) <= labels else LOST


# ------------------------------------------------------------------------ files


@case("files", "import-metrics through a symbolic link keeps the link")
def _symlink(folder: Path) -> str:
    target = folder / "real.cjo.json"
    shutil.copy(EXAMPLE, target)
    link = folder / "link.cjo.json"
    link.symlink_to(target)
    verdict = judge(cjo("import-metrics", link, DATA / "survey-2025-q1.csv", *SCALES), "ok")
    if verdict != CLEAN:
        return verdict
    return CLEAN if link.is_symlink() and b'"snapshots"' in target.read_bytes() else LOST


@case("files", "import-metrics refuses a read-only map")
def _read_only(folder: Path) -> str:
    path = folder / "m.cjo.json"
    shutil.copy(EXAMPLE, path)
    path.chmod(0o444)
    before = path.read_bytes()
    return unchanged(
        path,
        before,
        judge(cjo("import-metrics", path, DATA / "survey-2025-q1.csv", *SCALES), "refuse"),
    )


@case("files", "export refuses to replace a read-only picture")
def _read_only_png(folder: Path) -> str:
    out = folder / "m.png"
    out.write_bytes(b"mine")
    out.chmod(0o444)
    return unchanged(out, b"mine", judge(cjo("export", EXAMPLE, "-o", out), "refuse"))
