"""Upgrades raw map data from older schema versions to the current one, before validation.

Each step takes the parsed JSON of version N and returns version N+1; a newer file is refused
here with a message that tells the user what to do. A fixture of every released version lives
in ``tests/fixtures`` and is loaded by the tests forever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.file_format import SCHEMA_VERSION

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added metric snapshots; a version-1 map simply has none."""
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added pain points, opportunities and pain-point settings; a version-2 map
    has none, so the defaults apply."""
    return data


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 added a touchpoint's expected drop-off and the snapshots pain points are
    judged on; a version-3 map has neither, so the stage's typical drop-off and all
    snapshots apply."""
    return data


def _v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 added comments and evidence (observed, assumed, proposed); a version-4 map
    has no comments and states no evidence."""
    return data


def _v5_to_v6(data: dict[str, Any]) -> dict[str, Any]:
    """Version 6 added lanes, free cards, persona pictures and the personas a touchpoint is
    used by; a version-5 map has the standard lanes, no free cards, and every touchpoint is
    everyone's."""
    return data


#: ``STEPS[n]`` upgrades a version-n document to version n+1.
STEPS: dict[int, Step] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6}


def file_version(data: object, source: str) -> int:
    """The schema version a parsed document declares, checked before anything else."""
    if not isinstance(data, dict):
        kind = type(data).__name__.replace("dict", "object").replace("list", "array")
        raise MapFileError(source, "", f"expected a JSON object at the top level, found {kind}")
    if "schema_version" not in data:
        raise MapFileError(source, "schema_version", "required field is missing")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise MapFileError(source, "schema_version", f"must be a whole number, not {version!r:.60}")
    if version > SCHEMA_VERSION:
        raise MapFileError(
            source,
            "schema_version",
            f"the file uses format version {version}, newer than this program reads "
            f"(up to {SCHEMA_VERSION}); update cjo-desktop to open it",
        )
    if version < 1:
        raise MapFileError(source, "schema_version", f"unknown format version {version}")
    return version


def upgrade(data: dict[str, Any], source: str) -> tuple[dict[str, Any], int]:
    """Bring ``data`` to the current version; returns it and the version it was read as."""
    original = version = file_version(data, source)
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
        data["schema_version"] = version
    return data, original
