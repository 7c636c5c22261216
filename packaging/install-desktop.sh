#!/usr/bin/env bash
# Install cjo-desktop into the current user's desktop (no root): the launcher (.desktop file),
# the AppStream metainfo, the *.cjo.json MIME type with its icon, and the app icons, all under
# ${XDG_DATA_HOME:-~/.local/share}. *.cjo.json files then open in cjo-desktop by default.
#
#   bash packaging/install-desktop.sh                 # the built app, else .venv's entry point
#   bash packaging/install-desktop.sh --exec PATH     # any cjo-desktop executable
#   bash packaging/install-desktop.sh --uninstall
#
# The caches (update-mime-database, update-desktop-database, gtk-update-icon-cache, xdg-mime)
# are refreshed when those tools exist; without them the files are still installed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
res="$here/resources"

usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }

exec_path="" uninstall=0
while (($#)); do
  case $1 in
  --exec)
    [ $# -ge 2 ] || { usage >&2 && exit 2; }
    exec_path=$2
    shift 2
    ;;
  --uninstall) uninstall=1 && shift ;;
  -h | --help) usage && exit 0 ;;
  *) usage >&2 && exit 2 ;;
  esac
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
desktop_id=cjo-desktop.desktop
metainfo=org.cjo_desktop.CjoDesktop.metainfo.xml
mime_xml=cjo-desktop-mime.xml
mime_type=application/x-cjo-journey
app_icon=cjo-desktop
mime_icon=application-x-cjo-journey
sizes=(16 24 32 48 64 128 256 512)

installed_files() {
  echo "$data/applications/$desktop_id"
  echo "$data/metainfo/$metainfo"
  echo "$data/mime/packages/$mime_xml"
  echo "$data/icons/hicolor/scalable/apps/$app_icon.svg"
  echo "$data/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
  for s in "${sizes[@]}"; do
    echo "$data/icons/hicolor/${s}x$s/apps/$app_icon.png"
    echo "$data/icons/hicolor/${s}x$s/mimetypes/$mime_icon.png"
  done
}

refresh_caches() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if ((uninstall)); then
  while read -r f; do
    rm -f "$f"
  done < <(installed_files)
  # Forget the default-application choice this script made, if it is still there.
  mimeapps=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
  if [ -f "$mimeapps" ]; then
    sed -i "\\|^$mime_type=$desktop_id;\\{0,1\\}\$|d" "$mimeapps"
  fi
  refresh_caches
  echo "install-desktop: removed cjo-desktop from $data"
  exit 0
fi

# Which program the launcher starts: --exec, else the built app, else the venv's entry point.
if [ -z "$exec_path" ]; then
  for candidate in "$here/dist/cjo-desktop/cjo-desktop" "$here/.venv/bin/cjo-desktop"; do
    if [ -x "$candidate" ]; then
      exec_path=$candidate
      break
    fi
  done
fi
if [ -z "$exec_path" ]; then
  echo "install-desktop: no cjo-desktop found; build it (packaging/build.sh), set it up" \
    "(packaging/setup.sh) or pass --exec PATH" >&2
  exit 1
fi
case $exec_path in /*) ;; *) exec_path="$PWD/$exec_path" ;; esac
[ -x "$exec_path" ] || {
  echo "install-desktop: $exec_path is not an executable" >&2
  exit 1
}

# Desktop Entry quoting (spec: "The Exec key"): a path with spaces or specials is double-quoted
# with \ " ` $ escaped twice (once for the quoting, once for the string value).
quoted=$exec_path
if [[ $exec_path =~ [[:space:]\"\`\$\\\'\>\<\~\|\&\;\*\?\#\(\)] ]]; then
  quoted=${exec_path//\\/\\\\\\\\}
  quoted=${quoted//\"/\\\\\"}
  quoted=${quoted//\`/\\\\\`}
  quoted=${quoted//\$/\\\\\$}
  quoted="\"$quoted\""
fi
quoted=${quoted//%/%%} # % starts a field code (%f)
try_exec=${exec_path//\\/\\\\}

mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages"
while IFS= read -r line; do
  case $line in
  Exec=*) printf 'Exec=%s %%f\n' "$quoted" ;;
  TryExec=*) printf 'TryExec=%s\n' "$try_exec" ;;
  *) printf '%s\n' "$line" ;;
  esac
done <"$res/desktop/$desktop_id" >"$data/applications/$desktop_id"
cp "$res/desktop/$metainfo" "$data/metainfo/$metainfo"
cp "$res/desktop/$mime_xml" "$data/mime/packages/$mime_xml"

icons="$data/icons/hicolor"
mkdir -p "$icons/scalable/apps" "$icons/scalable/mimetypes"
cp "$res/icons/$app_icon.svg" "$icons/scalable/apps/"
cp "$res/icons/$mime_icon.svg" "$icons/scalable/mimetypes/"
for s in "${sizes[@]}"; do
  mkdir -p "$icons/${s}x$s/apps" "$icons/${s}x$s/mimetypes"
  cp "$res/icons/hicolor/${s}x$s/$app_icon.png" "$icons/${s}x$s/apps/"
  cp "$res/icons/hicolor/${s}x$s/$mime_icon.png" "$icons/${s}x$s/mimetypes/"
done

refresh_caches
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default "$desktop_id" "$mime_type" >/dev/null 2>&1 || true
fi
echo "install-desktop: installed cjo-desktop ($exec_path) into $data"
