"""Issue 11's attack classes and variants of them, run as a hostile or careless user would, each in
its own process with a time limit, and tallied: clean (success, or a clean refusal with the
file unchanged), traceback, data lost, hang, crash, wrong output.

    .venv/bin/python tests/tools/hostile_tally.py [--only CLASS] [-v]

The pytest suites in tests/robustness/ assert each class; this is the count for the issue's
note, and a quick way to try a new attack. Slow cases (a 40,000-card report) are left to the
scale suite and its benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "outdoor-gear-shop.cjo.json"
DATA = EXAMPLE.parent / "outdoor-gear-shop-data"
CLEAN, TRACEBACK, LOST, HANG, CRASH, WRONG = (
    "clean",
    "traceback",
    "data lost",
    "hang",
    "crash",
    "wrong output",
)


@dataclass
class Run:
    code: int | None  # None: killed after the time limit
    out: str
    err: str


def run(
    args: list[str | Path],
    *,
    timeout: float = 90,
    stdout: int | None = subprocess.PIPE,
    stdin: int | None = subprocess.DEVNULL,
    env: dict[str, str] | None = None,
) -> Run:
    command = [os.fsencode(a) if isinstance(a, Path) else a for a in args]
    environment = {**os.environ, **(env or {})}
    try:
        done = subprocess.run(
            command,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=stdin,
            timeout=timeout,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Run(None, "", "")
    decode = lambda b: (b or b"").decode("utf-8", "replace")  # noqa: E731
    return Run(done.returncode, decode(done.stdout), decode(done.stderr))


def cjo(*args: str | Path, **options: object) -> Run:
    return run([sys.executable, "-m", "cjo_desktop.cli", *args], **options)  # type: ignore[arg-type]


def judge(result: Run, expect: str, *, json_out: bool = False) -> str:
    """``expect``: "ok" (exit 0), "refuse" (exit 1, one error line), "usage" (exit 2) or "any"
    (0 or a clean refusal)."""
    if result.code is None:
        return HANG
    if result.code < 0 or result.code > 2:
        return CRASH if result.code < 0 else TRACEBACK
    if "Traceback" in result.err:
        return TRACEBACK
    lines = result.err.splitlines()
    if result.code == 1 and not (
        len([ln for ln in lines if ln.startswith(("error:", "cjo"))]) == 1
        and any(": error:" in ln or ln.startswith("error:") for ln in lines)
    ):
        return WRONG
    if result.code == 2 and "error:" not in result.err:
        return WRONG
    wanted = {"ok": {0}, "refuse": {1}, "usage": {2}, "any": {0, 1}}[expect]
    if result.code not in wanted:
        return WRONG
    if json_out and result.code == 0:
        try:
            json.loads(result.out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        except ValueError:
            return WRONG
    return CLEAN


def unchanged(path: Path, before: bytes, verdict: str) -> str:
    if verdict == CLEAN and path.read_bytes() != before:
        return LOST
    return verdict


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    group: str
    name: str
    check: Callable[[Path], str]


CASES: list[Case] = []


def case(group: str, name: str) -> Callable[[Callable[[Path], str]], Callable[[Path], str]]:
    def add(check: Callable[[Path], str]) -> Callable[[Path], str]:
        CASES.append(Case(group, name, check))
        return check

    return add


def edited(folder: Path, name: str, edit: Callable[[dict], None], raw: bool = False) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    edit(data)
    path = folder / f"{name}.cjo.json"
    text = json.dumps(data, allow_nan=True, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


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
    from cjo_desktop.app import file_ops
    file_ops.show_error = lambda *a: print("refused:", a[2])
    from cjo_desktop.app.main_window import MainWindow
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
    verdict = judge(cjo("import-metrics", link, DATA / "survey-2025-q1.csv"), "ok")
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
        path, before, judge(cjo("import-metrics", path, DATA / "survey-2025-q1.csv"), "refuse")
    )


@case("files", "export refuses to replace a read-only picture")
def _read_only_png(folder: Path) -> str:
    out = folder / "m.png"
    out.write_bytes(b"mine")
    out.chmod(0o444)
    return unchanged(out, b"mine", judge(cjo("export", EXAMPLE, "-o", out), "refuse"))


# ------------------------------------------------------------------------ names


def _named(
    folder: Path, title: str = "", stage: str = "", currency: str = "", card: str = ""
) -> Path:
    def edit(data: dict) -> None:
        if title:
            data["title"] = title
        if stage:
            data["stages"][0]["name"] = stage
        if currency:
            data["painpoint_settings"]["currency"] = currency
        if card:
            data["touchpoints"][0]["name"] = card

    return edited(folder, "named", edit)


NAMES = {
    "title $5 to $10": {"title": "Upgrade from $5 to $10 plan"},
    "stage Budget $$": {"stage": "Budget $$"},
    "currency $$$$": {"currency": "$$$$"},
    "card \\frac{a}{b}^_": {"card": "\\frac{a}{b} ^_ {x}"},
    "card with ESC": {"card": "Esc \x1b[31mred\x1b[0m"},
    "card with bell and NUL-like": {"card": "bell \x07 and \x01"},
    "card with U+FFFF": {"card": "odd \uffff char"},
    "card CJK": {"card": "购物车 カート 장바구니"},
    "card Arabic": {"card": "سلة التسوق"},
    "card emoji": {"card": "🛒 cart 👍🏽"},
    "card bidi override": {"card": "\u202eevil\u202c"},
}

for _label, _fields in NAMES.items():

    def _report(folder: Path, fields=_fields) -> str:
        path = _named(folder, **fields)
        verdict = judge(cjo("report", path, "-o", folder / "r.pdf", timeout=300), "ok")
        if verdict != CLEAN or not shutil.which("pdftotext"):
            return verdict
        text = run(["pdftotext", folder / "r.pdf", "-"]).out
        words = [w for v in fields.values() for w in v.split() if w.isprintable()]
        return CLEAN if all(w in text for w in words if "$" in w or "\\" in w) else WRONG

    def _xml(folder: Path, fields=_fields) -> str:
        import xml.etree.ElementTree as ET

        path = _named(folder, **fields)
        for suffix in (".graphml", ".svg"):
            out = folder / f"x{suffix}"
            verdict = judge(cjo("export", path, "-o", out), "ok")
            if verdict != CLEAN:
                return verdict
            try:
                ET.parse(out)
            except ET.ParseError:
                return WRONG
        return CLEAN

    def _info(folder: Path, fields=_fields) -> str:
        path = _named(folder, **fields)
        result = cjo("info", path)
        verdict = judge(result, "ok")
        if verdict == CLEAN and any(
            (ord(c) < 32 and c not in "\n\t") or c == "\x7f" for c in result.out
        ):
            return WRONG
        if verdict == CLEAN and "\u202e" in result.out:
            return WRONG
        return verdict

    case("names", f"{_label}: report")(_report)
    case("names", f"{_label}: GraphML and SVG parse")(_xml)
    case("names", f"{_label}: info prints no raw control")(_info)


# ------------------------------------------------------------------------ the CLI contract

BAD_BYTES = "\udcff"  # how Python shows a non-UTF-8 byte of an argument


def _cli(args: list[str], expect: str, **options: object) -> Callable[[Path], str]:
    def check(folder: Path) -> str:
        path = folder / "m.cjo.json"
        shutil.copy(EXAMPLE, path)
        before = path.read_bytes()
        real = [a.format(map=path, out=folder / "out", data=DATA) for a in args]
        result = cjo(*real, **options)
        return unchanged(path, before, judge(result, expect, json_out="json" in args))

    return check


CLI = [
    (["new", "{out}.cjo.json", "--title", ""], "refuse"),
    (["new", "{out}.cjo.json", "--title", "x" * 501], "refuse"),
    (["new", "{out}.cjo.json", "--title", f"bad{BAD_BYTES}"], "refuse"),
    (["new", "{out}.cjo.json", "--title", "   "], "refuse"),
    (["new", f"{{out}}{BAD_BYTES}.cjo.json"], "any"),
    (["validate", f"/nonexistent/{BAD_BYTES}.cjo.json"], "refuse"),
    (["info", f"/tmp/{BAD_BYTES}"], "refuse"),
    (["import-metrics", "{map}", f"/tmp/{BAD_BYTES}.csv"], "refuse"),
    (
        ["import-metrics", "{map}", "{data}/survey-2025-q1.csv", "--snapshot", f"l{BAD_BYTES}"],
        "refuse",
    ),
    (["import-metrics", "{map}", "{data}/survey-2025-q1.csv", "--key", f"k{BAD_BYTES}"], "refuse"),
    (["painpoints", "{map}", "--value-per-customer", "nan"], "usage"),
    (["painpoints", "{map}", "--value-per-customer", "inf"], "usage"),
    (["painpoints", "{map}", "--value-per-customer", "-100"], "usage"),
    (["painpoints", "{map}", "--value-per-customer", "1e400"], "usage"),
    (["report", "{map}", "-o", "{out}.pdf", "--value-per-customer", "nan"], "usage"),
    (["export", "{map}", "-o", "{out}.png", "--snapshot", "bogus"], "refuse"),
    (["export", "{map}", "-o", "{out}.png", "--colour-by", "bogus"], "refuse"),
    (["export", "{map}", "-o", "{out}.png", "--scale", "nan"], "usage"),
    (["export", "{map}", "-o", "{out}.foo"], "usage"),
    (["report", "{map}", "-o", "{out}.foo"], "usage"),
    (["export", "{map}"], "usage"),
    (["metrics", "{map}", "--snapshot", "nope", "--format", "json"], "refuse"),
    (["metrics", "{map}", "--compare", "nope"], "refuse"),
    (["segments", "{map}", "{data}/survey-2025-q1.csv", "--column", "nope"], "refuse"),
    (["painpoints", "{map}", "--snapshot", f"x{BAD_BYTES}"], "refuse"),
    (["info", "{map}", "--json"], "ok"),
]
for _args, _expect in CLI:
    case("cli", " ".join(_args).replace(BAD_BYTES, "\\xff")[:90])(_cli(_args, _expect))


@case("cli", "schema > /dev/full")
def _full(folder: Path) -> str:
    with open("/dev/full", "wb") as full:
        return judge(cjo("schema", stdout=full.fileno()), "refuse")


@case("cli", "info >&- (stdout closed)")
def _closed(folder: Path) -> str:
    result = run(
        ["sh", "-c", f'"{sys.executable}" -m cjo_desktop.cli info "{EXAMPLE}" >&-'], timeout=60
    )
    return judge(result, "refuse")


@case("cli", "painpoints --help shows %, not %%")
def _percent(folder: Path) -> str:
    result = cjo("painpoints", "--help")
    return CLEAN if result.code == 0 and "%%" not in result.out else WRONG


@case("cli", "validate and info count flows alike")
def _flows(folder: Path) -> str:
    validate, info = cjo("validate", EXAMPLE), cjo("info", EXAMPLE)
    counts = json.loads(cjo("info", EXAMPLE, "--json").out)["counts"]
    flows = f"{counts['flows']} flows"
    return CLEAN if flows in validate.out and flows in info.out else WRONG


@case("cli", "a name two touchpoints share is reported as ambiguous")
def _shared(folder: Path) -> str:
    path = edited(
        folder, "twins", lambda d: d["touchpoints"][1].update(name=d["touchpoints"][0]["name"])
    )
    name = json.loads(path.read_text(encoding="utf-8"))["touchpoints"][0]["name"]
    data = folder / "d.csv"
    data.write_text(f"touchpoint,visitors\n{name},100\n", encoding="utf-8")
    result = cjo("import-metrics", path, data, "--kind", "funnel", "-o", folder / "o.cjo.json")
    text = result.out + result.err
    return CLEAN if "ambiguous" in text or "two touchpoints" in text else WRONG


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run one group: numbers, writers, files, names, cli")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = {}
    started = time.monotonic()
    for item in CASES:
        if args.only and item.group != args.only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            verdict = item.check(Path(folder))
        tally[verdict] += 1
        by_group.setdefault(item.group, Counter())[verdict] += 1
        if args.verbose or verdict != CLEAN:
            print(f"{verdict:>13}  {item.group}: {item.name}", flush=True)
    print(f"\n{sum(tally.values())} cases in {time.monotonic() - started:.0f} s")
    for group, counts in by_group.items():
        print(f"  {group:<8} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("  total    " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0 if set(tally) <= {CLEAN} else 1


if __name__ == "__main__":
    sys.exit(main())
