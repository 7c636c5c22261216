"""The bundled templates and example maps in ``resources/``.

In a source checkout (or an editable install) they live in the repository's ``resources/``;
an installed wheel or a packaged app carries them as ``cjo_desktop/resources``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjo_desktop.domain import Journey
from cjo_desktop.io.errors import MapFileError
from cjo_desktop.io.file_format import FILE_SUFFIX
from cjo_desktop.io.files import load_map

DEFAULT_EXAMPLE = "outdoor-gear-shop"


def resources_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError("the bundled resources folder is missing from this installation")


@dataclass(frozen=True)
class Template:
    name: str
    path: Path

    @property
    def summary(self) -> str:
        """The template's one-line description, for listings; a template without one (the
        blank map) is summed up by what it holds, so no listing line is left empty."""
        journey = load_map(self.path)
        lines = journey.description.strip().splitlines()
        if lines:
            return lines[0]
        stages, cards = len(journey.stages()), len(journey.touchpoints())
        kind = "empty stage" if stages and not cards else "stage"
        text = f"{_count(stages, kind)} and {_count(cards, 'touchpoint')}."
        return text[0].upper() + text[1:]


def _count(n: int, word: str) -> str:
    return f"{n or 'no'} {word}{'' if n == 1 else 's'}"


def templates() -> list[Template]:
    folder = resources_dir() / "templates"
    return [
        Template(p.name.removesuffix(FILE_SUFFIX), p)
        for p in sorted(folder.glob(f"*{FILE_SUFFIX}"))
    ]


def template(name: str) -> Template:
    for t in templates():
        if t.name == name:
            return t
    known = ", ".join(t.name for t in templates())
    raise MapFileError(f"template {name!r}", "", f"no such template (known: {known})")


def new_from_template(name: str = "blank", title: str | None = None) -> Journey:
    journey = load_map(template(name).path)
    if title is not None:
        journey.set_title(title)
    return journey


def example_path(name: str = DEFAULT_EXAMPLE) -> Path:
    return resources_dir() / "examples" / f"{name}{FILE_SUFFIX}"
