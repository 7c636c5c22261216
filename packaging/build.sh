#!/usr/bin/env bash
# Build the one-folder application with PyInstaller: dist/cjo-desktop/ holding the editor
# (cjo-desktop), the command line (cjo) and their shared _internal/ folder.
#
#   bash packaging/build.sh            # then: bash packaging/smoke.sh
#
# Works on a fresh Debian/Ubuntu machine: packaging/setup.sh installs the system libraries Qt
# needs (and .venv, which the smoke script times against); this script adds what PyInstaller
# needs (binutils; the shared libpython of Debian's Python) and builds from a separate venv,
# build/venv, holding only the runtime dependencies and PyInstaller, so the test tools in .venv
# (pandas, scipy, ...) can never end up in the bundle and pyproject.toml needs no build extra.
# Windows and macOS: see packaging/README.md (same spec, run PyInstaller directly).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
bash packaging/setup.sh

# What PyInstaller needs on Linux: objdump/strip (binutils) and Python as a shared library.
needed=()
command -v objdump >/dev/null 2>&1 || needed+=(binutils)
pyver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
libpython=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("INSTSONAME") or "")')
libdir=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
if [ -n "$libpython" ] && [ ! -e "$libdir/$libpython" ] &&
  ! ldconfig -p 2>/dev/null | grep -qF "$libpython"; then
  needed+=("libpython$pyver")
fi
sudo=""
[ "$(id -u)" = 0 ] || ! command -v sudo >/dev/null 2>&1 || sudo="sudo"
if ((${#needed[@]})) && command -v apt-get >/dev/null 2>&1 &&
  { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; }; then
  echo "build: installing system packages: ${needed[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${needed[@]}" >/dev/null
elif ((${#needed[@]})); then
  echo "build: please install: ${needed[*]}" >&2
  exit 1
fi

# The build venv: the project (editable, so the bundle is built from this checkout) and
# PyInstaller 6, nothing else.
if [ ! -x build/venv/bin/python ]; then
  "$python" -m venv build/venv
fi
build/venv/bin/python -m pip install --quiet --disable-pip-version-check -e . "pyinstaller>=6,<7"

start=$(date +%s)
build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/cjo-desktop.spec
echo "build: dist/cjo-desktop built in $(($(date +%s) - start)) s"

# The size, and what takes the room.
du -sh dist/cjo-desktop
echo "build: biggest parts of dist/cjo-desktop/_internal:"
du -sh dist/cjo-desktop/_internal/* | sort -rh | sed -n 1,12p # sed reads all: no SIGPIPE
