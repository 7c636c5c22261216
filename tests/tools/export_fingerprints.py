"""Fingerprints of every export of the bundled maps, to show a refactoring changed no output.

    .venv/bin/python tests/tools/export_fingerprints.py write BEFORE.json
    .venv/bin/python tests/tools/export_fingerprints.py compare BEFORE.json

Each map (the example with its three data files imported, and every template) is exported by
the ``cjo`` command as a user would: PNG at scales 1 and 2, SVG, PDF on A4 and A3, JSON,
GraphML, Mermaid, CSV and the report. Text formats are hashed as bytes; PNGs by their pixels;
PDFs (whose metadata holds a date) by their pages rendered with pdftoppm. ``compare`` names
every output that differs and exits 1 if any does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "outdoor-gear-shop.cjo.json"
DATA = EXAMPLE.parent / "outdoor-gear-shop-data"
TEMPLATES = sorted((ROOT / "resources" / "templates").glob("*.cjo.json"))
EXPORTS = [
    ("png1", ["-o", "{out}.png", "--scale", "1"]),
    ("png2", ["-o", "{out}.png", "--scale", "2"]),
    ("svg", ["-o", "{out}.svg"]),
    ("pdf-a4", ["-o", "{out}.pdf"]),
    ("pdf-a3", ["-o", "{out}.pdf", "--page", "A3"]),
    ("json", ["-o", "{out}.json"]),
    ("graphml", ["-o", "{out}.graphml"]),
    ("mmd", ["-o", "{out}.mmd"]),
    ("csv", ["-o", "{out}.csv"]),
]


def cjo(*args: str | Path) -> None:
    command = [sys.executable, "-m", "cjo_desktop.cli", *map(str, args)]
    subprocess.run(command, check=True, capture_output=True)


def pixels(png: Path) -> str:
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
    data = bytes(image.constBits())  # type: ignore[call-overload]
    return hashlib.sha256(f"{image.width()}x{image.height()}".encode() + data).hexdigest()


def pdf_pages(pdf: Path, folder: Path) -> str:
    prefix = folder / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(folder.glob("page*.png"))
    digest = hashlib.sha256()
    for page in pages:
        digest.update(pixels(page).encode())
        page.unlink()
    return f"{len(pages)} pages {digest.hexdigest()}"


def fingerprint(path: Path, folder: Path) -> str:
    if path.suffix == ".png":
        return pixels(path)
    if path.suffix == ".pdf":
        return pdf_pages(path, folder)
    data = path.read_bytes()
    if path.suffix == ".json":  # the one thing that differs between two runs: the import's time
        doc = json.loads(data)
        for snapshot in doc.get("snapshots", []):
            snapshot["provenance"].pop("imported_at", None)
        data = json.dumps(doc, indent=2, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()


def maps(folder: Path) -> dict[str, Path]:
    example = folder / "example.cjo.json"
    shutil.copy(EXAMPLE, example)
    for data, kind in (
        ("survey-2025-q1.csv", "responses"),
        ("funnel-2025-03.csv", "funnel"),
        ("survey-2025-q2.csv", "responses"),
    ):
        scales = ("--csat-best", "high", "--ces-scale", "7", "--ces-best", "low")
        flags = scales if kind == "responses" else ()
        cjo("import-metrics", example, DATA / data, "--kind", kind, "--snapshot", data, *flags)
    return {"example": example, **{t.name.removesuffix(".cjo.json"): t for t in TEMPLATES}}


def collect() -> dict[str, str]:
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for label, path in maps(folder).items():
            for kind, args in EXPORTS:
                out = folder / f"{label}-{kind}"
                real = [a.format(out=out) for a in args]
                cjo("export", path, *real)
                found[f"{label} {kind}"] = fingerprint(Path(real[1]), folder)
            report = folder / f"{label}-report.pdf"
            cjo("report", path, "-o", report, "--author", "Fingerprint")
            found[f"{label} report"] = fingerprint(report, folder)
    return found


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "compare"):
        print(__doc__, file=sys.stderr)
        return 2
    verb, target = sys.argv[1], Path(sys.argv[2])
    found = collect()
    if verb == "write":
        target.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
        print(f"{len(found)} outputs fingerprinted into {target}")
        return 0
    before = json.loads(target.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for key in changed:
        print(f"differs: {key}")
    print(f"{len(found) - len(changed)} of {len(found)} outputs identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
