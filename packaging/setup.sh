#!/usr/bin/env bash
# Set up cjo-desktop from a source checkout: the system libraries Qt needs (Debian/Ubuntu, only
# those missing), then a virtual environment in .venv with the project and its test tools.
# Used by the README's quick start and by CI, so both stay true on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen and xcb (X11) platforms, fonts, and pdftoppm for looking at exports.
packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  poppler-utils
)
# Fonts, so names in any script draw as letters and not as empty boxes, on the map, in its
# pictures and in the report (4.3 MB to download, 13 MB installed): DejaVu (Latin, Greek,
# Cyrillic, Arabic, Hebrew, Armenian, Georgian, symbols), Noto UI (Indic scripts, Thai, Lao,
# Khmer, Myanmar, Sinhala), WenQuanYi Micro Hei (Chinese, Japanese and Korean in one 5 MB
# font) and Symbola (emoji and symbols as outlines, which matplotlib can draw). The full
# Noto CJK (57 MB) and colour emoji (10 MB) fonts are better looking and used when installed.
fonts=(fonts-dejavu-core fonts-noto-ui-core fonts-wqy-microhei fonts-symbola)
packages+=("${fonts[@]}")

if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "setup: please install these system packages: ${missing[*]}" >&2
        missing=()
      fi
    fi
    if ((${#missing[@]})); then
      echo "setup: installing system packages: ${missing[*]}"
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
      new_fonts=1
    fi
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
# matplotlib lists the system's fonts once and keeps the list: after installing fonts, drop it
# so the report finds them (it is rebuilt on the next use, in about a second).
if [ -n "${new_fonts:-}" ]; then
  cache=$(.venv/bin/python -c 'import matplotlib; print(matplotlib.get_cachedir())')
  rm -f "$cache"/fontlist-*.json
fi
echo "setup: ready (.venv/bin/cjo-desktop, .venv/bin/cjo)"
