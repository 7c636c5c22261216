#!/usr/bin/env bash
# Smoke test of the built application (packaging/build.sh), headless:
#   - cjo --version and cjo-desktop --version name the version of this checkout;
#   - the bundled resources are found (cjo templates) and the bundled example exports to a
#     PNG that is big and not blank, and to an SVG carrying the map's title;
#   - names in Chinese, Japanese, Korean, Arabic, Hindi, Thai and emoji draw as letters, not
#     boxes, and the report embeds its fonts and gives the names back;
#   - metric imports work (CSV through polars, XLSX through openpyxl);
#   - the editor starts offscreen, shows its window and quits (CJO_EXIT_WHEN_SHOWN=1);
#   - start-up time until the main window is shown, built app against `python -m cjo_desktop`
#     from .venv, RUNS times each (default 5, after one warm-up each), medians reported.
#
#   bash packaging/smoke.sh [APP_FOLDER]      # default dist/cjo-desktop
set -euo pipefail
cd "$(dirname "$0")/.."

app=${1:-dist/cjo-desktop}
runs=${RUNS:-5}
ext=""
[ -e "$app/cjo.exe" ] && ext=".exe"
cjo="$app/cjo$ext"
gui="$app/cjo-desktop$ext"
[ -x "$cjo" ] && [ -x "$gui" ] || {
  echo "smoke: no built app in $app (run packaging/build.sh)" >&2
  exit 1
}

export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A clean home: no settings, recent files or crash-recovery prompts from earlier sessions.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_STATE_HOME="$work/home/.local/state"
mkdir -p "$HOME"

fail() {
  echo "smoke: FAIL: $*" >&2
  exit 1
}
step() { echo "smoke: $*"; }

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' cjo_desktop/__init__.py)
out=$("$cjo" --version)
[[ $out == "cjo $version "* ]] || fail "cjo --version said '$out', expected cjo $version"
step "ok  $out"
out=$("$gui" --version)
[[ $out == "cjo-desktop $version "* ]] || fail "cjo-desktop --version said '$out'"
step "ok  $out"

"$cjo" templates >"$work/templates.txt" || fail "cjo templates"
grep -q "^blank " "$work/templates.txt" || fail "bundled templates not found"
step "ok  cjo templates lists $(wc -l <"$work/templates.txt") bundled templates"

example=$(find "$app" -path "*/cjo_desktop/resources/examples/*.cjo.json" -print -quit)
[ -n "$example" ] || fail "the bundled example map is missing"
data="$(dirname "$example")/outdoor-gear-shop-data"

"$cjo" export "$example" -o "$work/example.png" --scale 1 >/dev/null || fail "PNG export"
python3 - "$work/example.png" <<'EOF' || fail "the exported PNG looks wrong"
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
pixels, pos, raw = zlib.decompressobj(), 8, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos : pos + 8])
    if kind == b"IDAT":
        raw += len(pixels.decompress(data[pos + 8 : pos + 8 + length]))
    pos += 12 + length
channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
assert raw == height * (1 + width * channels * depth // 8), "truncated picture data"
# A blank picture deflates about 1000:1 (a white 5710 x 1490 PNG from Qt: 37 KiB); a drawn
# map keeps well over 4 bytes in 1000.
share = len(data) / raw
print(f"smoke: ok  PNG {width} x {height}, {len(data) // 1024} KiB, {share * 1000:.1f} bytes/1000")
assert width >= 800 and height >= 300, "picture too small"
assert share > 0.004, "picture (nearly) blank"
EOF

"$cjo" export "$example" -o "$work/example.svg" >/dev/null || fail "SVG export"
title=$("$cjo" info "$example" | sed -n 1p) # sed reads all: no SIGPIPE
title=${title%%[&<>\"\']*} # the part that needs no XML escaping
grep -qF "$title" "$work/example.svg" || fail "the SVG lacks the map title ($title)"
step "ok  SVG export ($(($(wc -c <"$work/example.svg") / 1024)) KiB) shows '$title'"

# Names in other scripts draw as letters, not as empty boxes. Per script, a map named in it
# must give another picture than the same map with every letter replaced by one no font has
# (U+10FFFD, drawn as a box), and the report must draw every glyph (matplotlib warns of each
# missing one), embed its fonts and give the names back. The app uses the system's fonts
# (packaging/README.md, "Fonts"): on a machine without them this step fails.
python3 - "$example" "$work" <<'EOF' || fail "could not write the maps named in other scripts"
import json, sys
from pathlib import Path

src, work = Path(sys.argv[1]), Path(sys.argv[2])
scripts = {
    "cjk": "客户旅程 カスタマー",
    "korean": "고객 여정",
    "arabic": "رحلة العميل",
    "hindi": "ग्राहक यात्रा",
    "thai": "การเดินทาง",
    "emoji": "😀🚀🛒",
}
for script, name in [*scripts.items(), ("all", None)]:
    for box in (False, True):
        m = json.loads(src.read_text(encoding="utf-8"))
        for k, item in enumerate(m["stages"] + m["touchpoints"] + m["personas"]):
            words = name or list(scripts.values())[k % len(scripts)]
            item["name"] = "".join(c if c == " " or not box else "\U0010fffd" for c in words)
        m["title"] = m["stages"][0]["name"]
        out = work / f"{script}{'-boxes' if box else ''}.cjo.json"
        out.write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
EOF
for script in cjk korean arabic hindi thai emoji; do
  for map in "$script" "$script-boxes"; do
    "$cjo" export "$work/$map.cjo.json" -o "$work/$map.png" --scale 1 >/dev/null || fail "$map PNG"
  done
  cmp -s "$work/$script.png" "$work/$script-boxes.png" &&
    fail "names in $script draw as empty boxes: install the fonts (packaging/README.md)"
done
"$cjo" report "$work/all.cjo.json" -o "$work/all.pdf" >/dev/null 2>"$work/report.err" ||
  fail "report of the map named in other scripts"
! grep -m1 "missing from font" "$work/report.err" ||
  fail "the report draws some names as boxes: install the fonts (packaging/README.md)"
if command -v pdffonts >/dev/null 2>&1; then
  pdffonts "$work/all.pdf" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' ||
    fail "the report does not embed all its fonts"
  pdftotext "$work/all.pdf" "$work/all.txt"
  for name in 客户旅程 고객 رحلة; do
    grep -qF "$name" "$work/all.txt" || fail "the report lacks the name $name"
  done
  fonts=$(pdffonts "$work/all.pdf" | awk 'NR > 2' | wc -l)
  step "ok  names in 6 scripts drawn, not boxes; the report embeds its $fonts fonts"
else
  step "ok  names in 6 scripts drawn, not boxes (no pdffonts: the report's fonts not checked)"
fi

"$cjo" import-metrics "$example" "$data/survey-2025-q1.csv" -o "$work/m1.cjo.json" >/dev/null ||
  fail "CSV survey import (polars)"
"$cjo" import-metrics "$work/m1.cjo.json" "$data/kpis-2025-q1.xlsx" -o "$work/m2.cjo.json" \
  >/dev/null || fail "XLSX import (openpyxl)"
"$cjo" metrics "$work/m2.cjo.json" >/dev/null || fail "cjo metrics"
step "ok  metric imports from CSV and XLSX"

# Start-up until the main window is shown: the app quits as soon as it has shown the window.
now_ms() { date +%s%3N; }
time_one() {
  local start end
  start=$(now_ms)
  CJO_EXIT_WHEN_SHOWN=1 "$@" >/dev/null 2>"$work/gui.err" || {
    cat "$work/gui.err" >&2
    fail "'$*' did not start and show its window"
  }
  end=$(now_ms)
  echo $((end - start))
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

time_one "$gui" >/dev/null
step "ok  cjo-desktop starts offscreen and shows its main window"
py=.venv/bin/python
[ -x "$py" ] || py=""
[ -z "$py" ] || time_one "$py" -m cjo_desktop >/dev/null
built=() source=()
for _ in $(seq "$runs"); do
  built+=("$(time_one "$gui")")
  [ -z "$py" ] || source+=("$(time_one "$py" -m cjo_desktop)")
done
step "start-up to main window, built app:          median $(echo "${built[*]}" | median) ms (runs: ${built[*]})"
if [ -n "$py" ]; then
  step "start-up to main window, python -m cjo_desktop: median $(echo "${source[*]}" | median) ms (runs: ${source[*]})"
else
  step "no .venv: python -m cjo_desktop not timed (run packaging/setup.sh)"
fi
step "size of $app: $(du -sh "$app" | cut -f1)"
step "passed"
