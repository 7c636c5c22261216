"""Every ``cjo`` verb: the module that defines it, and the line ``cjo --help`` lists it with.

``cjo VERB`` imports VERB's module only: the others are listed by name and line, which is all
that ``cjo --help``, ``cjo --version`` and a misspelt verb need. Each module reads its verbs'
lines from here, so a line is written once.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Module (in cjo_desktop.cli) -> its verbs and their lines, in the order ``cjo --help`` lists.
GROUPS: dict[str, dict[str, str]] = {
    "maps": {
        "new": "create a map from a template",
        "templates": "list the bundled templates",
        "validate": "check map files",
        "info": "summarize a map",
        "schema": "print the JSON Schema of the map file",
    },
    "export": {"export": "export a map to another format"},
    "metrics": {
        "import-metrics": "import metrics from CSV or XLSX onto a map",
        "metrics": "print a map's metrics",
        "segments": "survey metrics per segment, without changing the map",
    },
    "discover": {"discover": "discover a map from an event log"},
    "painpoints": {"painpoints": "rank a map's pain points by impact"},
    "attribution": {"attribution": "credit marketing channels with a path file's conversions"},
    "report": {"report": "write a PDF report of a map"},
}


def listed(verb: str) -> str:
    """The line ``cjo --help`` lists ``verb`` with."""
    return next(verbs[verb] for verbs in GROUPS.values() if verb in verbs)


def named_verb(argv: Sequence[str]) -> str | None:
    """The verb a command line names: its first word that is not an option (the top-level
    options, ``--help`` and ``--version``, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)
