"""Desktop integration and packaging files: valid, consistent with each other and with the app.

Fast (no build): the .desktop file, AppStream metainfo, MIME type, icons, the PyInstaller spec,
the per-user install script, and the start-up timing hook smoke.sh relies on. The freedesktop
validators run when installed.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cjo_desktop import __version__
from cjo_desktop.io.file_format import FILE_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"
ICONS = ROOT / "resources" / "icons"
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = DESKTOP / "cjo-desktop.desktop"
METAINFO = DESKTOP / "org.cjo_desktop.CjoDesktop.metainfo.xml"
MIME_XML = DESKTOP / "cjo-desktop-mime.xml"
MIME_TYPE = "application/x-cjo-journey"
SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICON_NAMES = ["cjo-desktop", "application-x-cjo-journey"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int, int]:
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


def test_desktop_entry_has_the_required_keys() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Version"] in {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"}
    assert entry["Name"] and entry["Comment"]
    assert re.fullmatch(r"cjo-desktop %[fF]", entry["Exec"])  # install-desktop.sh sets the path
    assert entry["Icon"] == "cjo-desktop"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_desktop_file_name_is_the_app_id() -> None:
    """Wayland and X11 match windows to launchers (and their icon) by this name."""
    source = (ROOT / "cjo_desktop" / "app" / "shell" / "application.py").read_text(encoding="utf-8")
    ids = re.findall(r'setDesktopFileName\("([^"]+)"\)', source)
    assert ids == [DESKTOP_FILE.stem]
    assert desktop_entry()["StartupWMClass"] == DESKTOP_FILE.stem


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_describes_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    component_id = root.findtext("id")
    assert component_id and METAINFO.name == f"{component_id}.metainfo.xml"
    assert root.findtext("name") and root.findtext("summary")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findall("description/p"), "a description needs at least one paragraph"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert [m.text for m in root.findall("provides/mediatype")] == [MIME_TYPE]
    assert {b.text for b in root.findall("provides/binary")} == {"cjo", "cjo-desktop"}
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_matches_map_files() -> None:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == [f"*{FILE_SUFFIX}"]
    assert FILE_SUFFIX == ".cjo.json"
    sub = mime.find(f"{MIME_NS}sub-class-of")
    assert sub is not None and sub.get("type") == "application/json"
    icon = mime.find(f"{MIME_NS}icon")
    assert icon is not None and icon.get("name") == MIME_TYPE.replace("/", "-")
    assert mime.findtext(f"{MIME_NS}comment")


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icons_in_every_size(name: str) -> None:
    svg = ET.parse(ICONS / f"{name}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == height, "icons are square"
    for size in SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / f"{name}.png"
        assert png.is_file(), png
        assert png_size(png) == (size, size, 6), f"{png}: {size} x {size} RGBA expected"


def test_windows_icon_exists() -> None:
    data = (ICONS / "cjo-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 4


def test_spec_bundles_the_resources_and_the_two_programs() -> None:
    spec = (PACKAGING / "cjo-desktop.spec").read_text(encoding="utf-8")
    compile(spec, "cjo-desktop.spec", "exec")
    for folder in ("templates", "examples", "icons"):
        assert f'"{folder}"), "cjo_desktop/resources/{folder}"' in spec
    assert '_exe(gui, "cjo-desktop", console=False)' in spec
    assert '_exe(cli, "cjo", console=True)' in spec
    assert "PySide6/Qt/translations/" in spec


@pytest.mark.parametrize("script", ["build.sh", "smoke.sh", "install-desktop.sh"])
def test_scripts_parse(script: str) -> None:
    subprocess.run(["bash", "-n", str(PACKAGING / script)], check=True)


def restricted_path(tmp_path: Path) -> str:
    """A PATH with only what the install script needs: no update-* or xdg-* tools."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "sed", "rm", "mkdir", "cp"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def run_install(home: Path, path: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH=path)
    return subprocess.run(
        ["bash", str(PACKAGING / "install-desktop.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def fake_program(tmp_path: Path) -> Path:
    program = tmp_path / "My Apps" / "cjo-desktop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def test_install_and_uninstall_for_the_user(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    program = fake_program(tmp_path)
    path = restricted_path(tmp_path)
    result = run_install(home, path, "--exec", str(program))
    assert result.returncode == 0, result.stderr

    share = home / ".local" / "share"
    launcher = share / "applications" / "cjo-desktop.desktop"
    text = launcher.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text.splitlines()  # quoted: the path has a space
    assert f"TryExec={program}" in text.splitlines()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (share / "mime" / "packages" / MIME_XML.name).is_file()
    hicolor = share / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "cjo-desktop.svg").is_file()
    assert (hicolor / "scalable" / "mimetypes" / "application-x-cjo-journey.svg").is_file()
    for size in SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / "cjo-desktop.png")[:2] == (size, size)
        mime_icon = hicolor / f"{size}x{size}" / "mimetypes" / "application-x-cjo-journey.png"
        assert mime_icon.is_file()
    installed = [p for p in home.rglob("*") if p.is_file()]
    assert len(installed) == 3 + 2 + 2 * len(SIZES)

    result = run_install(home, path, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert [p for p in home.rglob("*") if p.is_file()] == []


def test_install_refuses_a_missing_program(tmp_path: Path) -> None:
    result = run_install(tmp_path, restricted_path(tmp_path), "--exec", str(tmp_path / "nope"))
    assert result.returncode != 0 and "not an executable" in result.stderr
    assert not (tmp_path / ".local").exists()


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info")
def test_installed_mime_type_is_known_to_the_database(tmp_path: Path) -> None:
    result = run_install(tmp_path, os.environ["PATH"], "--exec", str(fake_program(tmp_path)))
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / ".local" / "share" / "mime" / "globs2").read_text(encoding="utf-8")
    assert f":{MIME_TYPE}:*.cjo.json" in globs


@pytest.mark.gui
def test_editor_quits_once_its_window_is_shown(tmp_path: Path) -> None:
    """The hook packaging/smoke.sh times start-up with: CJO_EXIT_WHEN_SHOWN=1."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", CJO_EXIT_WHEN_SHOWN="1")
    result = subprocess.run(
        [sys.executable, "-m", "cjo_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
