"""Attacks with names and on the command line's contract (issue 11, points 4 and 5), for
hostile_tally."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from hostile_kit import (
    CLEAN,
    DATA,
    EXAMPLE,
    WRONG,
    case,
    cjo,
    edited,
    judge,
    run,
    unchanged,
)

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
    (["new", "{out}.cjo.json", "--title", ""], "usage"),
    (["new", "{out}.cjo.json", "--title", "x" * 501], "usage"),
    (["new", "{out}.cjo.json", "--title", f"bad{BAD_BYTES}"], "usage"),
    (["new", "{out}.cjo.json", "--title", "   "], "usage"),
    (["new", f"{{out}}{BAD_BYTES}.cjo.json"], "any"),
    (["validate", f"/nonexistent/{BAD_BYTES}.cjo.json"], "refuse"),
    (["info", f"/tmp/{BAD_BYTES}"], "refuse"),
    (["import-metrics", "{map}", f"/tmp/{BAD_BYTES}.csv"], "refuse"),
    (
        ["import-metrics", "{map}", "{data}/survey-2025-q1.csv", "--snapshot", f"l{BAD_BYTES}"],
        "usage",
    ),
    (["import-metrics", "{map}", "{data}/survey-2025-q1.csv", "--key", f"k{BAD_BYTES}"], "usage"),
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
    (["painpoints", "{map}", "--snapshot", f"x{BAD_BYTES}"], "usage"),
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
    if "matches no touchpoint" in text:
        return WRONG
    return CLEAN if "names more than one touchpoint" in text else WRONG
